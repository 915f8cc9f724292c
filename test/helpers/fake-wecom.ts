// A local fake of the WeCom server API on 127.0.0.1 (random port): gettoken, message/send,
// media/upload, media/get, webhook/send and robot response_url endpoints, with scripted failures.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readMultipart } from "./multipart.js";
import { serveBytes, type BodyMode, type ServedBody } from "./serve-bytes.js";

/** Options of `startFakeWecom`. */
export interface FakeWecomOptions {
  corpId: string;
  secret: string;
  /** Clock used to stamp what arrives (default: Date.now). */
  now?: () => number;
  /** Delay before answering gettoken, to let concurrent callers overlap (default: 0). */
  tokenDelayMs?: number;
}

/** A scripted failure: a WeCom errcode (HTTP 200) or an HTTP status. */
export type Failure = { errcode: number } | { status: number };

/** A file media/get can hand out. */
export interface FakeMedia {
  bytes: Buffer;
  /** Sent in Content-Disposition as raw UTF-8 bytes, as WeCom does (default: "<mediaId>.bin"). */
  filename?: string;
  /** Default: application/octet-stream. */
  contentType?: string;
  /** How the body goes out (default: "normal"). */
  mode?: BodyMode;
  /** No Content-Length (normal mode). */
  chunked?: boolean;
}

/** One media/get answered with a file. */
export interface MediaDownload extends ServedBody {
  mediaId: string;
  range?: string;
}

/** One media/upload accepted. */
export interface Upload {
  at: number;
  /** Filename of the "media" part. */
  filename: string;
  /** Size of the whole request body. */
  bytes: number;
  /** The `type` query parameter ("file", "image", ...). */
  type: string;
  /** Field name of the file part (WeCom wants "media"). */
  field: string;
  /** Content-Type of the file part. */
  contentType: string;
  /** The file's bytes as received. */
  content: Buffer;
  /** The media_id handed back. */
  mediaId: string;
}

/** media/upload types WeCom knows. */
const MEDIA_TYPES = new Set(["image", "voice", "video", "file"]);

/** Something the fake received. */
export interface Received {
  at: number;
  body: Record<string, unknown>;
  query: URLSearchParams;
}

/** The running fake. */
export interface FakeWecom {
  /** Base URL, e.g. http://127.0.0.1:43123. */
  url: string;
  tokenRequests: number;
  messages: Received[];
  /** media/upload calls accepted (a "media" file part and a known type). */
  uploads: Upload[];
  webhookMessages: Received[];
  /** message/update_template_card calls accepted (each response code works once). */
  cardUpdates: Received[];
  robotResponses: (Received & { code: string })[];
  /** media/get calls answered with a file. */
  mediaDownloads: MediaDownload[];
  /** Every request path with its query, for leak checks. */
  requestLog: string[];
  /** Makes every token issued so far answer 42001 (expired). */
  expireTokens(): void;
  /** The next `times` calls to `path` (e.g. "/cgi-bin/message/send") fail this way. */
  failNext(path: string, failure: Failure, times?: number): void;
  /** Makes a file downloadable with media/get (unknown ids answer errcode 40007). */
  addMedia(mediaId: string, media: FakeMedia): void;
  /** A response_url served by the fake. */
  responseUrl(code: string): string;
  close(): Promise<void>;
}

function json(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function read(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Starts the fake on 127.0.0.1 with a random port. */
export async function startFakeWecom(options: FakeWecomOptions): Promise<FakeWecom> {
  const now = options.now ?? Date.now;
  const valid = new Set<string>();
  const usedCodes = new Set<string>();
  const expired = new Set<string>();
  const failures = new Map<string, Failure[]>();
  const media = new Map<string, FakeMedia>();
  let issued = 0;

  const fake = {
    url: "",
    tokenRequests: 0,
    messages: [] as Received[],
    uploads: [] as FakeWecom["uploads"],
    webhookMessages: [] as Received[],
    cardUpdates: [] as Received[],
    robotResponses: [] as FakeWecom["robotResponses"],
    mediaDownloads: [] as MediaDownload[],
    requestLog: [] as string[],
  };

  function tokenProblem(query: URLSearchParams): number {
    const token = query.get("access_token");
    if (!token) return 41001;
    if (expired.has(token)) return 42001;
    return valid.has(token) ? 0 : 40014;
  }

  function scriptedFailure(res: ServerResponse, path: string): boolean {
    const failure = failures.get(path)?.shift();
    if (!failure) return false;
    if ("status" in failure) json(res, { error: "boom" }, failure.status);
    else json(res, { errcode: failure.errcode, errmsg: "scripted" });
    return true;
  }

  /** media/get: the file (a "bytes=a-b" Range gives 206), or a JSON errcode. */
  function serveMedia(req: IncomingMessage, res: ServerResponse, query: URLSearchParams): void {
    const problem = tokenProblem(query);
    if (problem) return json(res, { errcode: problem, errmsg: "token" });
    const mediaId = query.get("media_id") ?? "";
    const file = media.get(mediaId);
    if (!file) return json(res, { errcode: 40007, errmsg: "invalid media_id" });
    const filename = file.filename ?? `${mediaId}.bin`;
    const headers: Record<string, string> = {
      "content-type": file.contentType ?? "application/octet-stream",
      // Node sends header text as latin1: this puts the name's UTF-8 bytes on the wire.
      "content-disposition": `attachment; filename="${Buffer.from(filename).toString("latin1")}"`,
    };
    const range = req.headers.range;
    const wanted = /^bytes=(\d+)-(\d+)$/.exec(range ?? "");
    let served: ServedBody;
    if (wanted) {
      const start = Number(wanted[1]);
      const end = Math.min(Number(wanted[2]), file.bytes.length - 1);
      headers["content-range"] = `bytes ${start}-${end}/${file.bytes.length}`;
      served = serveBytes(res, file.bytes.subarray(start, end + 1), { status: 206, headers });
    } else {
      served = serveBytes(res, file.bytes, { mode: file.mode, chunked: file.chunked, headers });
    }
    fake.mediaDownloads.push(Object.assign(served, { mediaId, range }));
  }

  /** An image or file message must name a media_id this fake handed out (else errcode 40007). */
  function knownMedia(message: Record<string, unknown>): boolean {
    const type = message.msgtype;
    if (type !== "image" && type !== "file") return true;
    const content = message[type] as { media_id?: unknown } | undefined;
    return fake.uploads.some((u) => u.mediaId === content?.media_id && u.type === type);
  }

  /** media/upload: multipart with the file in field "media", the kind in `type`. */
  async function upload(
    req: IncomingMessage,
    res: ServerResponse,
    query: URLSearchParams,
    raw: Buffer,
  ): Promise<void> {
    const problem = tokenProblem(query);
    if (problem) return json(res, { errcode: problem, errmsg: "token" });
    const type = query.get("type") ?? "";
    if (!MEDIA_TYPES.has(type)) return json(res, { errcode: 40004, errmsg: "invalid media type" });
    const contentType = req.headers["content-type"] ?? "";
    const form = await readMultipart(raw, contentType).catch(() => undefined);
    // WeCom reads the file from the part named "media" only.
    const field = "media";
    const file = form?.files[field];
    if (!file) return json(res, { errcode: 41005, errmsg: "media data missing" });
    const mediaId = `MEDIA-${fake.uploads.length + 1}`;
    fake.uploads.push({
      at: now(),
      filename: file.filename,
      bytes: raw.length,
      type,
      field,
      contentType: file.type,
      content: file.bytes,
      mediaId,
    });
    return json(res, { errcode: 0, errmsg: "ok", type, media_id: mediaId });
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const query = url.searchParams;
    const raw = await read(req);
    fake.requestLog.push(`${req.method} ${req.url}`);
    if (scriptedFailure(res, url.pathname)) return;
    const body = () => JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>;
    switch (url.pathname) {
      case "/cgi-bin/gettoken": {
        fake.tokenRequests++;
        await new Promise((r) => setTimeout(r, options.tokenDelayMs ?? 0));
        if (query.get("corpid") !== options.corpId || query.get("corpsecret") !== options.secret) {
          return json(res, { errcode: 40001, errmsg: "invalid credential" });
        }
        const token = `TOKEN-${++issued}-secretish`;
        valid.add(token);
        return json(res, { errcode: 0, errmsg: "ok", access_token: token, expires_in: 7200 });
      }
      case "/cgi-bin/message/send": {
        const problem = tokenProblem(query);
        if (problem) return json(res, { errcode: problem, errmsg: "token" });
        const message = body();
        if (!knownMedia(message)) return json(res, { errcode: 40007, errmsg: "invalid media_id" });
        fake.messages.push({ at: now(), body: message, query });
        return json(res, { errcode: 0, errmsg: "ok", invaliduser: "" });
      }
      case "/cgi-bin/message/update_template_card": {
        const problem = tokenProblem(query);
        if (problem) return json(res, { errcode: problem, errmsg: "token" });
        const update = body();
        const code = String(update.response_code ?? "");
        if (!code || usedCodes.has(code)) return json(res, { errcode: 40078, errmsg: "code" });
        usedCodes.add(code);
        fake.cardUpdates.push({ at: now(), body: update, query });
        return json(res, { errcode: 0, errmsg: "ok" });
      }
      case "/cgi-bin/media/upload":
        return upload(req, res, query, raw);
      case "/cgi-bin/media/get":
        return serveMedia(req, res, query);
      case "/cgi-bin/webhook/send":
        fake.webhookMessages.push({ at: now(), body: body(), query });
        return json(res, { errcode: 0, errmsg: "ok" });
      default:
        if (url.pathname.startsWith("/robot/response/")) {
          const code = url.pathname.slice("/robot/response/".length);
          fake.robotResponses.push({ at: now(), body: body(), query, code });
          return json(res, { errcode: 0, errmsg: "ok" });
        }
        return json(res, { errcode: 404, errmsg: "no such fake endpoint" }, 404);
    }
  }

  const server = createServer((req, res) => void route(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return Object.assign(fake, {
    expireTokens() {
      for (const token of valid) expired.add(token);
    },
    addMedia(mediaId: string, file: FakeMedia) {
      media.set(mediaId, file);
    },
    failNext(path: string, failure: Failure, times = 1) {
      const queue = failures.get(path) ?? [];
      for (let i = 0; i < times; i++) queue.push(failure);
      failures.set(path, queue);
    },
    responseUrl: (code: string) => `${fake.url}/robot/response/${code}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
