// Files members send to the self-built app: downloaded with media/get (获取临时素材; a media_id is
// valid for three days), the size checked before reading and while reading.
import type { DocumentFetcher } from "../../core/types.js";
import {
  checkSize,
  DocumentFetchError,
  documentOf,
  downloadFailed,
  readCapped,
  tooLarge,
} from "../documents.js";
import type { OpenedMedia, WecomApi } from "./api.js";
import type { WecomLogger } from "./callback.js";
import { describeError, WecomApiError } from "./errors.js";

/** media/get errcodes: 40007 invalid (or expired) media_id, 830002 too big for one request. */
const EXPIRED_ERRCODES: ReadonlySet<number> = new Set([40007]);
const TOO_BIG_ERRCODE = 830002;

/** Name used when neither the callback nor media/get names the file. */
export const UNNAMED_FILE = "document";

/**
 * The file name of a Content-Disposition header: `filename*=UTF-8''…` (RFC 5987) first, then
 * `filename="…"`, percent-encoded or raw UTF-8 (node reads header bytes as latin1).
 */
export function fileNameOf(disposition: string | undefined): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)/i.exec(disposition);
  if (extended?.[2]) {
    const decoded = decodePercent(extended[2].trim());
    if (decoded) return baseName(decoded);
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(disposition);
  const raw = (plain?.[1] ?? plain?.[2])?.trim();
  if (!raw) return undefined;
  const name = /%[0-9a-f]{2}/i.test(raw) ? (decodePercent(raw) ?? raw) : fromLatin1(raw);
  return baseName(name) || undefined;
}

function decodePercent(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** Header text is latin1 in node: bytes that form valid UTF-8 were UTF-8 on the wire. */
function fromLatin1(text: string): string {
  const codes = Array.from(text, (char) => char.codePointAt(0) ?? 0);
  if (!codes.some((code) => code >= 0x80) || codes.some((code) => code > 0xff)) return text;
  const utf8 = Buffer.from(text, "latin1").toString("utf8");
  return utf8.includes("\uFFFD") ? text : utf8;
}

/** Never a path: only the last segment of a name. */
function baseName(name: string): string {
  return name.split(/[\\/]/).pop()?.trim() ?? "";
}

/** The total size of a 206 answer ("bytes 0-0/2048"), else its Content-Length. */
function totalSize(media: OpenedMedia): number | undefined {
  const total = /\/(\d+)\s*$/.exec(media.contentRange ?? "")?.[1];
  if (total !== undefined) return Number(total);
  return media.status === 200 ? media.contentLength : undefined;
}

/** What media/get's headers tell about a file. */
export interface MediaFacts {
  name?: string;
  size?: number;
}

/**
 * Reads a file's name and size from media/get's headers without downloading it: asks for its
 * first byte only, and closes the connection whatever came.
 */
export async function describeMedia(api: WecomApi, mediaId: string): Promise<MediaFacts> {
  const media = await api.openMedia(mediaId, "bytes=0-0");
  media.body.destroy();
  return { name: fileNameOf(media.contentDisposition), size: totalSize(media) };
}

/** Options of `createWecomDocuments`. */
export interface WecomDocumentsOptions {
  /** The self-built app's API client; without one every fetch is refused. */
  api?: WecomApi;
  /** Where failures are logged with their technical cause (never a token). */
  log: WecomLogger;
}

/** Creates the fetcher behind `WecomChannel.documents`. */
export function createWecomDocuments(options: WecomDocumentsOptions): DocumentFetcher {
  const { api, log } = options;

  function failure(error: unknown, name: string): DocumentFetchError {
    if (error instanceof DocumentFetchError) return error;
    if (error instanceof WecomApiError && EXPIRED_ERRCODES.has(error.errcode)) {
      return new DocumentFetchError(
        `文件「${name}」已失效（企业微信只保留三天），请重新发送。`,
        "expired",
      );
    }
    if (error instanceof WecomApiError && error.errcode === TOO_BIG_ERRCODE) {
      return new DocumentFetchError(
        `文件「${name}」太大，无法从企业微信下载，请压缩或拆分后再发送。`,
        "too-large",
      );
    }
    log.warn(`wecom app: download of "${name}" failed: ${describeError(error)}`);
    return downloadFailed(name);
  }

  return {
    async fetch(message, maxBytes) {
      const document = documentOf(message);
      if (!api) {
        throw new DocumentFetchError("企业微信自建应用未配置，无法下载文件。", "failed");
      }
      checkSize(document.name, document.size, maxBytes);
      try {
        const media = await api.openMedia(document.ref);
        if (media.contentLength !== undefined && media.contentLength > maxBytes) {
          media.body.destroy(); // refused before reading the body
          throw tooLarge(document.name, maxBytes, media.contentLength);
        }
        return await readCapped(media.body, maxBytes, document.name);
      } catch (error) {
        throw failure(error, document.name);
      }
    },
  };
}
