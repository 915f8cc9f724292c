// Shared by the channels' document fetchers: the error they reject with (its message is one
// Chinese line the core can show as it is), size rules and a capped reader for response bodies.
import type { IncomingDocument, Message } from "../core/types.js";

/** Why a document could not be fetched. */
export type DocumentFailure = "missing" | "too-large" | "expired" | "failed";

/** A document fetch failed; `message` is a short Chinese line meant for the user. */
export class DocumentFetchError extends Error {
  override name = "DocumentFetchError";
  constructor(
    message: string,
    readonly reason: DocumentFailure,
  ) {
    super(message);
  }
}

/** "850 KB", "12.5 MB": sizes as users read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** The message's document, or a rejection when it carries none. */
export function documentOf(message: Message): IncomingDocument {
  if (!message.document) throw new DocumentFetchError("这条消息没有附带文件。", "missing");
  return message.document;
}

/** The file is over the limit (`size` when known). */
export function tooLarge(name: string, maxBytes: number, size?: number): DocumentFetchError {
  const actual = size === undefined ? "" : `有 ${formatBytes(size)}，`;
  return new DocumentFetchError(
    `文件「${name}」${actual}超过 ${formatBytes(maxBytes)} 的上限，请压缩或拆分后再发送。`,
    "too-large",
  );
}

/** The download failed for a reason the user cannot fix except by trying again. */
export function downloadFailed(name: string): DocumentFetchError {
  return new DocumentFetchError(`文件「${name}」下载失败，请稍后重新发送。`, "failed");
}

/** Throws `tooLarge` when a size known in advance is over the limit. */
export function checkSize(name: string, size: number | undefined, maxBytes: number): void {
  if (size !== undefined && size > maxBytes) throw tooLarge(name, maxBytes, size);
}

/** A body stream that can be torn down (node's Readable fits). */
export interface BodyStream extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
}

/**
 * Reads `body` to the end, destroying it (which closes the connection) as soon as more than
 * `maxBytes` arrived; then rejects with `tooLarge`.
 */
export async function readCapped(
  body: BodyStream,
  maxBytes: number,
  name: string,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge(name, maxBytes);
      chunks.push(chunk);
    }
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks);
}
