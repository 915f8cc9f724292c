// Client of the WeCom server API for the self-built app: cached access token (single-flight
// refresh), message/send, media/upload and media/get.
// https://developer.work.weixin.qq.com/document/path/91039
import { readFile } from "node:fs/promises";
import type { Readable } from "node:stream";
import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import { z } from "zod";
import type { ReplyFile } from "../../core/types.js";
import { WecomApiError } from "./errors.js";
import { callWithBackoff, realSleep, type BackoffOptions, type Sleep } from "./http-call.js";

/** errcodes meaning "get a new token": 40014 invalid, 42001 expired, 41001 missing. */
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40014, 42001, 41001]);

/** Seconds before the announced expiry at which a cached token is dropped. */
const TOKEN_MARGIN_SECONDS = 300;

/** Options of `createWecomApi`. */
export interface WecomApiOptions {
  /** Base URL such as https://qyapi.weixin.qq.com, without trailing slash. */
  apiBase: string;
  corpId: string;
  secret: string;
  /** Clock in milliseconds (default: Date.now). */
  now?: () => number;
  /** Sleep used between retries (default: a real timer). */
  sleep?: Sleep;
  /** Attempts per call on busy answers (default: 4). */
  maxAttempts?: number;
  /** HTTP client (default: a new axios instance with a 10 s timeout). */
  http?: AxiosInstance;
}

/** A temporary media file being downloaded: the headers read so far and the unread body. */
export interface OpenedMedia {
  /** 200, or 206 for a range. */
  status: number;
  /** Content-Length, when the answer had one. */
  contentLength?: number;
  /** The Content-Disposition header (it holds the file name). */
  contentDisposition?: string;
  /** The Content-Range header of a 206 answer ("bytes 0-0/2048"). */
  contentRange?: string;
  /** The body; read it to the end or destroy it. */
  body: Readable;
}

/** The calls the channel makes. */
export interface WecomApi {
  /** POSTs a message/send body; resolves once WeCom accepted it. */
  sendMessage(body: Record<string, unknown>): Promise<void>;
  /** POSTs a message/update_template_card body (a card's buttons after a press). */
  updateTemplateCard(body: Record<string, unknown>): Promise<void>;
  /**
   * Uploads a temporary file (media/upload, field "media"); resolves with its media_id. `type`
   * "image" for a picture sent as an image message (PNG or JPG, at most 10 MB), else "file".
   */
  uploadFile(file: ReplyFile, type?: MediaType): Promise<string>;
  /**
   * Starts downloading a temporary file (media/get), optionally a byte range ("bytes=0-0").
   * Resolves once the headers are in; an errcode answer rejects with WecomApiError.
   */
  openMedia(mediaId: string, range?: string): Promise<OpenedMedia>;
}

/** media/upload types the channel uses. */
export type MediaType = "file" | "image";

/** Content types of uploaded pictures, by extension (WeCom takes JPG and PNG images). */
const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
};

/**
 * File name and Content-Type of an upload's "media" part. A picture whose name has no JPG or PNG
 * extension is named as the PNG a reply's image is, since WeCom goes by the extension.
 */
function uploadPart(file: ReplyFile, type: MediaType): { name: string; contentType: string } {
  const extension = /\.([^.]+)$/.exec(file.name)?.[1]?.toLowerCase() ?? "";
  if (type !== "image") return { name: file.name, contentType: "application/octet-stream" };
  const known = IMAGE_TYPES[extension];
  return known
    ? { name: file.name, contentType: known }
    : { name: `${file.name}.png`, contentType: "image/png" };
}

/** How long a media download may take. */
export const MEDIA_TIMEOUT_MS = 60_000;

/** An error answer of media/get is a small JSON object; more than this is not one. */
const MEDIA_ERROR_MAX_BYTES = 64 * 1024;

/** An axios client that leaves status handling to `callWithBackoff`. */
export function createHttpClient(): AxiosInstance {
  return axios.create({ timeout: 10_000, validateStatus: () => true });
}

const TokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
});
const MediaSchema = z.object({ media_id: z.string().min(1) });
const MediaHeadersSchema = z.looseObject({
  "content-type": z.string().optional(),
  "content-length": z.string().regex(/^\d+$/).optional(),
  "content-disposition": z.string().optional(),
  "content-range": z.string().optional(),
});
type MediaHeaders = z.infer<typeof MediaHeadersSchema>;

/**
 * media/get answers a failure with a JSON body ({"errcode": 40007, ...}) instead of the file.
 * A file always comes with Content-Disposition; a JSON or text answer without one is an error.
 */
function isErrorAnswer(status: number, headers: MediaHeaders): boolean {
  if (status >= 400) return true;
  const type = headers["content-type"] ?? "";
  return headers["content-disposition"] === undefined && /json|^text\//i.test(type);
}

/** Reads a (small) error answer as JSON; anything else becomes a string callWithBackoff refuses. */
async function readErrorBody(body: Readable): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MEDIA_ERROR_MAX_BYTES) return "oversized error answer";
      chunks.push(chunk);
    }
  } finally {
    body.destroy();
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    return "error answer that is not JSON";
  }
}

function parseAnswer<S extends z.ZodType>(schema: S, endpoint: string, data: unknown): z.infer<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success)
    throw new WecomApiError(`${endpoint} answered an unexpected shape.`, -1, endpoint);
  return parsed.data;
}

interface TokenCache {
  get(): Promise<string>;
  /** Drops `stale` and fetches a new token, unless someone already did. */
  renew(stale: string): Promise<string>;
}

function createTokenCache(
  fetchToken: () => Promise<z.infer<typeof TokenSchema>>,
  now: () => number,
): TokenCache {
  let current: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  const fresh = () => current !== undefined && now() < current.expiresAt;
  // Single flight (!): concurrent callers share one gettoken request.
  const refresh = () =>
    (pending ??= fetchToken()
      .then(({ access_token, expires_in }) => {
        const lifetime = Math.max(expires_in - TOKEN_MARGIN_SECONDS, 60);
        current = { token: access_token, expiresAt: now() + lifetime * 1000 };
        return access_token;
      })
      .finally(() => (pending = undefined)));
  return {
    get: () => (fresh() ? Promise.resolve(current!.token) : refresh()),
    renew(stale) {
      if (fresh() && current!.token !== stale) return Promise.resolve(current!.token);
      current = undefined;
      return refresh();
    },
  };
}

/** Creates the API client. Neither the secret nor tokens ever reach an error message or a log. */
export function createWecomApi(options: WecomApiOptions): WecomApi {
  const http = options.http ?? createHttpClient();
  const base = options.apiBase.replace(/\/+$/, "");
  const backoff: BackoffOptions = {
    sleep: options.sleep ?? realSleep,
    maxAttempts: options.maxAttempts,
  };
  const tokens = createTokenCache(async () => {
    const params = { corpid: options.corpId, corpsecret: options.secret };
    const data = await callWithBackoff(
      "cgi-bin/gettoken",
      () => http.get(`${base}/cgi-bin/gettoken`, { params }),
      backoff,
    );
    return parseAnswer(TokenSchema, "cgi-bin/gettoken", data);
  }, options.now ?? Date.now);

  async function withToken(
    endpoint: string,
    send: (token: string) => Promise<AxiosResponse<unknown>>,
    /** An upload repeated after a timeout only costs a second media_id: safe to repeat. */
    repeat: { repeatAfterTimeout?: boolean } = {},
  ) {
    const token = await tokens.get();
    const options = { ...backoff, ...repeat };
    try {
      return await callWithBackoff(endpoint, () => send(token), options);
    } catch (error) {
      if (!(error instanceof WecomApiError) || !TOKEN_ERRCODES.has(error.errcode)) throw error;
      const renewed = await tokens.renew(token);
      return callWithBackoff(endpoint, () => send(renewed), options);
    }
  }

  return {
    async sendMessage(body) {
      await withToken("cgi-bin/message/send", (token) =>
        http.post(`${base}/cgi-bin/message/send`, body, { params: { access_token: token } }),
      );
    },
    async updateTemplateCard(body) {
      await withToken("cgi-bin/message/update_template_card", (token) =>
        http.post(`${base}/cgi-bin/message/update_template_card`, body, {
          params: { access_token: token },
        }),
      );
    },
    async uploadFile(file, type = "file") {
      const bytes = await readFile(file.path);
      const part = uploadPart(file, type);
      const data = await withToken(
        "cgi-bin/media/upload",
        (token) => {
          const form = new FormData(); // rebuilt per attempt: a sent body cannot be replayed
          form.append("media", new Blob([bytes], { type: part.contentType }), part.name);
          return http.post(`${base}/cgi-bin/media/upload`, form, {
            params: { access_token: token, type },
            timeout: MEDIA_TIMEOUT_MS,
          });
        },
        { repeatAfterTimeout: true },
      );
      return parseAnswer(MediaSchema, "cgi-bin/media/upload", data).media_id;
    },
    async openMedia(mediaId, range) {
      const endpoint = "cgi-bin/media/get";
      let opened: OpenedMedia | undefined;
      // The body stays unread until the caller takes it; error answers are read here, so that
      // callWithBackoff sees their errcode (token refresh, back-off) like any other call's.
      await withToken(endpoint, async (token) => {
        const response = await http.get<Readable>(`${base}/cgi-bin/media/get`, {
          params: { access_token: token, media_id: mediaId },
          headers: range === undefined ? {} : { Range: range },
          responseType: "stream",
          timeout: MEDIA_TIMEOUT_MS,
        });
        const headers = MediaHeadersSchema.safeParse({ ...response.headers });
        if (!headers.success) {
          response.data.destroy();
          return { ...response, data: "unreadable headers" };
        }
        if (isErrorAnswer(response.status, headers.data)) {
          return { ...response, data: await readErrorBody(response.data) };
        }
        const length = headers.data["content-length"];
        opened = {
          status: response.status,
          contentLength: length === undefined ? undefined : Number(length),
          contentDisposition: headers.data["content-disposition"],
          contentRange: headers.data["content-range"],
          body: response.data,
        };
        return { ...response, data: {} };
      });
      if (!opened) throw new WecomApiError(`${endpoint} answered no file.`, -1, endpoint);
      return opened;
    },
  };
}
