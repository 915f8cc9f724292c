// A small generic HTTP server for webhook channels (WeCom callbacks, Telegram webhook).
// Routes are keyed "METHOD /path"; the query string is not part of the match. Timeouts are set
// explicitly, refusals are logged throttled per source, and closing stops new connections first.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createThrottledLog, type WarnLogger } from "../infra/throttled-log.js";
import type { TurnGate } from "./turns.js";

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
  /**
   * Where handler failures (error) and refused requests (warn, at most once a minute per
   * source) are reported (default: console; without `warn`, refusals go to `error`).
   */
  log?: Pick<Console, "error"> & Partial<WarnLogger>;
  /** Time to receive a request's headers (default: 10_000 ms): slow-header clients are cut off. */
  headersTimeoutMs?: number;
  /** Time to receive a whole request (default: 30_000 ms). */
  requestTimeoutMs?: number;
  /** How long an idle keep-alive connection stays open (default: 5_000 ms). */
  keepAliveTimeoutMs?: number;
  /** How long `close` lets requests in flight finish before cutting them (default: 10_000 ms). */
  closeGraceMs?: number;
  /**
   * Told of every accepted connection and of every request's start and end, so deferrable work
   * waits for a burst of them.
   */
  turns?: Pick<TurnGate, "accepted" | "requested" | "answered">;
}

/** A started-on-demand HTTP server. */
export interface HttpServer {
  /** Adds or replaces the handler of "METHOD /path". */
  route(key: string, handler: RequestHandler): void;
  /** Starts listening; resolves with the bound port. */
  listen(): Promise<{ port: number }>;
  /**
   * Stops accepting connections at once and closes idle ones; requests in flight may finish
   * within the grace period, then every connection is closed. Resolves once the server is closed.
   */
  close(): Promise<void>;
  /** The node server underneath (timeouts, connection counts). */
  readonly server: Server;
}

/** The request body was larger than allowed. */
export class PayloadTooLargeError extends Error {
  override name = "PayloadTooLargeError";
}

/**
 * Reads a request body as UTF-8 text, refusing more than `maxBytes` (default: 1 MB). Read through
 * the stream's events (no async iterator per request): a callback's body is usually one chunk.
 */
export function readBody(req: IncomingMessage, maxBytes = 1_000_000): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let first: Buffer | undefined;
    let more: Buffer[] | undefined;
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.off("data", onData);
        req.off("end", onEnd);
        // The rest is read and dropped, so the 413 can still be sent on this connection.
        req.resume();
        reject(new PayloadTooLargeError(`Request body is over ${maxBytes} bytes.`));
        return;
      }
      if (first === undefined) first = chunk;
      else (more ??= [first]).push(chunk);
    };
    const onEnd = () => {
      if (more) resolve(Buffer.concat(more, size).toString("utf8"));
      else resolve(first ? first.toString("utf8") : "");
    };
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", reject);
  });
}

/**
 * Ends a response with a status and a plain-text body. The header is set rather than written
 * with `writeHead`, so node sends status line, headers (with Content-Length) and body in one write.
 */
export function sendText(res: ServerResponse, status: number, body = ""): void {
  res.statusCode = status;
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.end(body);
}

/** The peer's address, for logs and per-source throttling (the socket's, never a header's). */
export function clientAddress(req: IncomingMessage | undefined): string {
  return req?.socket?.remoteAddress ?? "unknown address";
}

/** A path that needs no normalising: no dot segment, escape, backslash or fragment. */
const PLAIN_PATH = /^\/(?!\/)[^?#%\\.]*(?:\?|$)/;

/** The path of a request URL, without its query; unusual ones are normalised by URL. */
export function pathOf(url = "/"): string {
  if (PLAIN_PATH.test(url)) {
    const query = url.indexOf("?");
    return query < 0 ? url : url.slice(0, query);
  }
  return new URL(url, "http://localhost").pathname;
}

function routeParts(req: IncomingMessage): { method: string; path: string } {
  return { method: req.method ?? "GET", path: pathOf(req.url) };
}

/** Creates the shared server: GET and HEAD /healthz answer 200, unknown paths 404, other methods 405. */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const log = options.log ?? console;
  const warnTo: WarnLogger = log.warn ? (log as WarnLogger) : { warn: (m) => log.error(m) };
  const refusals = createThrottledLog({ log: warnTo });
  const routes = new Map<string, RequestHandler>(Object.entries(options.routes ?? {}));
  routes.set("GET /healthz", (_req, res) => sendText(res, 200, "ok"));
  routes.set("HEAD /healthz", (_req, res) => void res.writeHead(200).end());
  let closing = false;

  function refuse(req: IncomingMessage, res: ServerResponse, status: number, text: string) {
    const { method, path } = routeParts(req);
    const ip = clientAddress(req);
    refusals.note(`http ${ip}`, `http: refused ${method} ${path} from ${ip} with ${status}`);
    if (!res.headersSent) sendText(res, status, text);
    else res.end();
  }

  /** The methods routed for `path`, for a 405's Allow header. */
  const methodsOf = (path: string) =>
    [...routes.keys()].filter((key) => key.endsWith(` ${path}`)).map((key) => key.split(" ")[0]);

  const turns = options.turns;
  /** A request ended (its response is out or its connection closed). */
  const answered = () => turns?.answered();

  const server = createServer(
    // Checked this often, so headersTimeout and requestTimeout bite close to their value.
    { connectionsCheckingInterval: Math.min(1000, options.headersTimeoutMs ?? 10_000) },
    (req, res) => {
      if (turns) {
        turns.requested();
        res.once("close", answered);
      }
      // While closing, answer what is in flight but keep no connection open for more: a
      // keep-alive connection turns idle once its response is out, and is closed then.
      if (closing) {
        res.shouldKeepAlive = false;
        res.on("finish", closeIdleSoon);
      }
      const path = pathOf(req.url);
      const key = `${req.method ?? "GET"} ${path}`;
      const handler = routes.get(key);
      if (!handler) {
        const allowed = methodsOf(path);
        if (allowed.length === 0) return refuse(req, res, 404, "not found");
        res.setHeader("allow", allowed.join(", "));
        return refuse(req, res, 405, "method not allowed");
      }
      let result: void | Promise<void>;
      try {
        result = handler(req, res);
      } catch (error) {
        return failed(error, key, req, res);
      }
      if (result) result.catch((error: unknown) => failed(error, key, req, res));
    },
  );

  /** A handler threw or rejected: 413 for a body over the limit, else 500 and a log line. */
  function failed(error: unknown, key: string, req: IncomingMessage, res: ServerResponse): void {
    if (error instanceof PayloadTooLargeError) return refuse(req, res, 413, "too large");
    log.error(`${key} failed: ${(error as Error)?.message ?? String(error)}`);
    if (!res.headersSent) sendText(res, 500, "error");
    else res.end();
  }

  /** While closing: once a response is out, its connection is idle and can be closed. */
  function closeIdleSoon(): void {
    setImmediate(() => server.closeIdleConnections());
  }
  if (turns) server.on("connection", () => turns.accepted());
  server.headersTimeout = options.headersTimeoutMs ?? 10_000;
  server.requestTimeout = options.requestTimeoutMs ?? 30_000;
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 5_000;

  function close(): Promise<void> {
    closing = true;
    return new Promise((resolve) => {
      const grace = setTimeout(() => server.closeAllConnections(), options.closeGraceMs ?? 10_000);
      grace.unref();
      server.close(() => {
        clearTimeout(grace);
        refusals.flush();
        resolve();
      });
      server.closeIdleConnections();
    });
  }

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
    close,
    server,
  };
}
