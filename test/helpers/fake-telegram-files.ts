// A local fake of the two Bot API calls behind a document download, which telegram-test-api does
// not implement: POST /bot<token>/getFile and GET /file/bot<token>/<file_path>. 127.0.0.1 only.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { serveBytes, type BodyMode, type ServedBody } from "./serve-bytes.js";

/** A file the fake knows, by file_id. */
export interface FakeTelegramFile {
  bytes: Buffer;
  /** file_size that getFile reports (default: the real size; null leaves it out). */
  reportedSize?: number | null;
  /** How the download goes out (default: "normal"). */
  mode?: BodyMode;
  /** getFile answers 400 "file is too big", as the cloud Bot API does over 20 MB. */
  tooBig?: boolean;
}

/** One download as the fake served it. */
export interface FileDownload extends ServedBody {
  path: string;
}

/** The running fake. */
export interface FakeTelegramFiles {
  /** Pass as the channel's `apiRoot`. */
  apiRoot: string;
  /** file_ids asked for with getFile, in order. */
  getFileCalls: string[];
  downloads: FileDownload[];
  /** Every request path, to check where the bot went (and that the token is in the path). */
  requestLog: string[];
  addFile(fileId: string, file: FakeTelegramFile): void;
  close(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return Object.fromEntries(new URLSearchParams(text));
  }
}

/** Starts the fake for one bot token on 127.0.0.1 with a random port. */
export async function startFakeTelegramFiles(token: string): Promise<FakeTelegramFiles> {
  const files = new Map<string, FakeTelegramFile & { path: string }>();
  const fake = {
    apiRoot: "",
    getFileCalls: [] as string[],
    downloads: [] as FileDownload[],
    requestLog: [] as string[],
  };

  async function getFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fileId = String((await readJson(req)).file_id ?? "");
    fake.getFileCalls.push(fileId);
    const file = files.get(fileId);
    if (!file) {
      return json(res, 400, {
        ok: false,
        error_code: 400,
        description: "Bad Request: invalid file_id",
      });
    }
    if (file.tooBig) {
      return json(res, 400, {
        ok: false,
        error_code: 400,
        description: "Bad Request: file is too big",
      });
    }
    const size = file.reportedSize === undefined ? file.bytes.length : file.reportedSize;
    const result = {
      file_id: fileId,
      file_unique_id: `u-${fileId}`,
      file_path: file.path,
      ...(size === null ? {} : { file_size: size }),
    };
    json(res, 200, { ok: true, result });
  }

  function download(res: ServerResponse, path: string): void {
    const file = [...files.values()].find((f) => f.path === path);
    if (!file) return json(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const served = serveBytes(res, file.bytes, { mode: file.mode });
    fake.downloads.push(Object.assign(served, { path }));
  }

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    fake.requestLog.push(`${req.method} ${path}`);
    if (req.method === "POST" && path === `/bot${token}/getFile`) {
      void getFile(req, res);
    } else if (req.method === "GET" && path.startsWith(`/file/bot${token}/`)) {
      download(res, path.slice(`/file/bot${token}/`.length));
    } else {
      json(res, 404, { ok: false, error_code: 404, description: "Not Found: method not faked" });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return Object.assign(fake, {
    addFile(fileId: string, file: FakeTelegramFile) {
      files.set(fileId, { ...file, path: `documents/file_${files.size + 1}.bin` });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}
