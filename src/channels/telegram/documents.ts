// Downloads documents users sent to the bot: getFile for the file's path and size, then
// GET {apiRoot}/file/bot{token}/{file_path} (https://core.telegram.org/bots/api#getfile).
// Sizes are checked before the download (the update's and getFile's file_size); the download
// itself stops once it passes the limit. Errors carry no token: only Chinese lines reach the core.
import axios, { isAxiosError, type AxiosInstance } from "axios";
import { TelegramError, type Telegram } from "telegraf";
import { z } from "zod";
import type { DocumentFetcher } from "../../core/types.js";
import { checkSize, documentOf, downloadFailed, tooLarge } from "../documents.js";
import { describeError, type ChannelLogger } from "./log.js";
import { withRetry, type RetryOptions } from "./retry.js";

/** A download taking longer than this is abandoned. */
export const DOWNLOAD_TIMEOUT_MS = 60_000;

/** The cloud Bot API hands out files up to 20 MB; getFile refuses bigger ones. */
export const BOT_API_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/** What axios hands back for responseType "arraybuffer" (a Buffer under node). */
const BodySchema = z.union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer)]);

const FileSchema = z.object({
  file_id: z.string(),
  file_size: z.number().int().nonnegative().optional(),
  file_path: z.string().min(1).optional(),
});

/** Options of `createTelegramDocuments`. */
export interface TelegramDocumentsOptions {
  /** telegraf's API client, already pointed at the configured apiRoot. */
  telegram: Telegram;
  /** Where failures are logged, with their technical cause (should redact the token). */
  log: ChannelLogger;
  /** Retries of getFile after a 429. */
  retry?: RetryOptions;
  /** HTTP client for the download (default: axios). */
  http?: AxiosInstance;
}

/** Creates the fetcher behind `TelegramChannel.documents`. */
export function createTelegramDocuments(options: TelegramDocumentsOptions): DocumentFetcher {
  const { telegram, log } = options;
  const http = options.http ?? axios;

  async function locate(ref: string, name: string) {
    let raw: Awaited<ReturnType<Telegram["getFile"]>>;
    try {
      raw = await withRetry(() => telegram.getFile(ref), options.retry);
    } catch (error) {
      if (error instanceof TelegramError && /too big/i.test(error.description)) {
        throw tooLarge(name, BOT_API_DOWNLOAD_LIMIT);
      }
      log.warn(`telegram: getFile for "${name}" failed: ${describeError(error)}`);
      throw downloadFailed(name);
    }
    const file = FileSchema.safeParse(raw);
    if (!file.success || file.data.file_path === undefined) {
      log.warn(`telegram: getFile for "${name}" gave no file_path`);
      throw downloadFailed(name);
    }
    return { raw, size: file.data.file_size };
  }

  async function download(url: URL, name: string, maxBytes: number): Promise<Uint8Array> {
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      // A local Bot API server (--local) answers with a path on its own disk.
      log.warn(`telegram: cannot download "${name}" from a ${url.protocol} location`);
      throw downloadFailed(name);
    }
    try {
      const response = await http.get<unknown>(url.href, {
        responseType: "arraybuffer",
        maxContentLength: maxBytes,
        timeout: DOWNLOAD_TIMEOUT_MS,
      });
      const body = BodySchema.parse(response.data);
      return body instanceof Uint8Array ? body : new Uint8Array(body);
    } catch (error) {
      // axios stops reading and rejects once the body passes maxContentLength.
      if (isAxiosError(error) && /maxContentLength/.test(error.message)) {
        throw tooLarge(name, maxBytes);
      }
      log.warn(`telegram: download of "${name}" failed: ${describeError(error)}`);
      throw downloadFailed(name);
    }
  }

  return {
    async fetch(message, maxBytes) {
      const document = documentOf(message);
      checkSize(document.name, document.size, maxBytes);
      const file = await locate(document.ref, document.name);
      checkSize(document.name, file.size, maxBytes);
      // getFileLink builds {apiRoot}/file/bot{token}/{file_path}; it calls nothing when given the
      // File that getFile returned.
      const url = await telegram.getFileLink(file.raw);
      return download(url, document.name, maxBytes);
    },
  };
}
