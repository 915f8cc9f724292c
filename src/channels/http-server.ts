// A small generic HTTP server for webhook channels (WeCom callbacks, Telegram webhook).
// Routes are keyed "METHOD /path"; the query string is not part of the match.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A plain node request handler. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** Handlers keyed by "METHOD /path", for example "POST /telegram/webhook". */
export type Routes = Record<string, RequestHandler>;

/** Options of `createHttpServer`. */
export interface HttpServerOptions {
  /** Port to listen on; 0 picks a free one. */
  port: number;
  /** Interface to bind (default: all interfaces). */
  host?: string;
  /** Initial routes; more can be added with `route`. */
  routes?: Routes;
  /** Where handler failures are reported (default: console). */
  log?: Pick<Console, "error">;
}

/** A started-on-demand HTTP server. */
export interface HttpServer {
  /** Adds or replaces the handler of "METHOD /path". */
  route(key: string, handler: RequestHandler): void;
  /** Starts listening; resolves with the bound port. */
  listen(): Promise<{ port: number }>;
  /** Stops accepting connections and closes open ones. */
  close(): Promise<void>;
}

/** The request body was larger than allowed. */
export class PayloadTooLargeError extends Error {
  override name = "PayloadTooLargeError";
}

/** Reads a request body as UTF-8 text, refusing more than `maxBytes` (default: 1 MB). */
export async function readBody(req: IncomingMessage, maxBytes = 1_000_000): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new PayloadTooLargeError(`Request body is over ${maxBytes} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Ends a response with a status and a plain-text body. */
export function sendText(res: ServerResponse, status: number, body = ""): void {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(body);
}

function routeKey(req: IncomingMessage): string {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  return `${req.method ?? "GET"} ${path}`;
}

/** Creates the shared server: GET and HEAD /healthz answer 200, unknown routes 404. */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const log = options.log ?? console;
  const routes = new Map<string, RequestHandler>(Object.entries(options.routes ?? {}));
  routes.set("GET /healthz", (_req, res) => sendText(res, 200, "ok"));
  routes.set("HEAD /healthz", (_req, res) => void res.writeHead(200).end());

  const server = createServer((req, res) => {
    const key = routeKey(req);
    const handler = routes.get(key);
    if (!handler) return sendText(res, 404, "not found");
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        const tooLarge = error instanceof PayloadTooLargeError;
        if (!tooLarge) log.error(`${key} failed: ${(error as Error)?.message ?? String(error)}`);
        if (!res.headersSent) sendText(res, tooLarge ? 413 : 500, tooLarge ? "too large" : "error");
        else res.end();
      });
  });

  return {
    route: (key, handler) => void routes.set(key, handler),
    listen: () =>
      new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(options.port, options.host, () => {
          server.off("error", reject);
          resolve({ port: (server.address() as AddressInfo).port });
        });
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
