// Serving a file body from a local fake server, in ways that let a test see whether the client
// stopped reading: a normal body, an endless one, or one held back after the headers.
import { once } from "node:events";
import type { ServerResponse } from "node:http";

/**
 * How the body goes out:
 * - "normal": the bytes, with Content-Length (unless `chunked`);
 * - "endless": the bytes repeated until the client hangs up (no Content-Length);
 * - "stall": headers (with Content-Length), then nothing until the client hangs up: a client
 *   that starts reading the body hangs.
 */
export type BodyMode = "normal" | "endless" | "stall";

/** One body served, as the server saw it. */
export interface ServedBody {
  /** Body bytes written before the response finished or the client went away. */
  sentBytes: number;
  /** True once the whole body went out; false when the client hung up before. */
  completed: boolean;
  /** Resolves when the response is over either way. */
  done: Promise<void>;
}

const CHUNK = 16 * 1024;

/** Sends `bytes` (status and headers given) in the chosen mode; never throws. */
export function serveBytes(
  res: ServerResponse,
  bytes: Buffer,
  options: {
    mode?: BodyMode;
    status?: number;
    headers?: Record<string, string>;
    chunked?: boolean;
  } = {},
): ServedBody {
  const mode = options.mode ?? "normal";
  const served: ServedBody = { sentBytes: 0, completed: false, done: Promise.resolve() };
  const headers: Record<string, string> = { ...options.headers };
  if (mode !== "endless" && !options.chunked) headers["content-length"] = String(bytes.length);
  res.on("error", () => undefined); // a client hanging up is expected here
  const closed = new Promise<void>((resolve) => res.once("close", () => resolve()));
  res.writeHead(options.status ?? 200, headers);

  async function pump(): Promise<void> {
    if (mode === "stall") {
      res.flushHeaders();
      return closed;
    }
    const source = bytes.length > 0 ? bytes : Buffer.alloc(CHUNK, 1);
    for (let at = 0; mode === "endless" || at < bytes.length; at += CHUNK) {
      if (res.destroyed) return;
      const start = at % source.length;
      const chunk = source.subarray(start, Math.min(start + CHUNK, source.length));
      served.sentBytes += chunk.length;
      if (!res.write(chunk)) await Promise.race([once(res, "drain"), closed]);
      else await new Promise((resolve) => setImmediate(resolve));
    }
    if (res.destroyed) return;
    res.end();
    await Promise.race([once(res, "finish"), closed]);
    served.completed = res.writableFinished;
  }

  served.done = pump().catch(() => undefined);
  return served;
}
