// The webhook endpoint as a plain node handler, mounted by the shared server at
// POST /telegram/webhook. telegraf's `webhookCallback(path, { secretToken })` does check the
// secret (403 otherwise), but it also insists that `req.url` equals its path exactly and answers
// every refusal with 403; this handler leaves routing to the server and says what went wrong.
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { throttledLogFor } from "../../infra/throttled-log.js";
import { readBody, sendText } from "../http-server.js";
import type { ChannelLogger } from "./log.js";
import { UpdateSchema } from "./translate.js";

/** Header Telegram sets to the `secret_token` given to setWebhook. */
export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/** A plain node request handler. */
export type WebhookHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Options of `createWebhookHandler`. */
export interface WebhookHandlerOptions {
  /** Expected secret token; when absent every POST is accepted. */
  secret?: string;
  /** Processes one update; resolves when it has been answered. */
  handle(update: unknown): Promise<void>;
  /** True once the channel is stopping: answer 503 so Telegram delivers the update again later. */
  stopped(): boolean;
  log: ChannelLogger;
}

/** Creates the handler: 405 for other methods, 403 on a wrong secret, 400 on a bad body, else 200. */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  return async (req, res) => {
    if (req.method !== "POST") return sendText(res, 405, "method not allowed");
    if (options.secret !== undefined && !sameSecret(req.headers[SECRET_HEADER], options.secret)) {
      // At most a line a minute per source, with a count: a flood of forged posts stays readable.
      const ip = req.socket.remoteAddress ?? "unknown";
      throttledLogFor(options.log).note(
        `telegram webhook ${ip}`,
        `telegram webhook: request with a wrong or missing secret token refused (from ${ip})`,
      );
      return sendText(res, 403, "forbidden");
    }
    if (options.stopped()) return sendText(res, 503, "stopping");
    const update = await readUpdate(req);
    if (update === undefined) return sendText(res, 400, "not a Telegram update");
    // Answered after processing: an update not acknowledged is delivered again by Telegram,
    // and the pipeline's dedupe makes that harmless.
    await options.handle(update);
    sendText(res, 200, "ok");
  };
}

async function readUpdate(req: IncomingMessage): Promise<unknown> {
  // A server that already parsed the body (express.json and the like) leaves it on req.body.
  const preParsed = (req as IncomingMessage & { body?: unknown }).body;
  let json: unknown = preParsed;
  if (preParsed === undefined || typeof preParsed === "string" || Buffer.isBuffer(preParsed)) {
    const text = preParsed === undefined ? await readBody(req) : String(preParsed);
    try {
      json = JSON.parse(text);
    } catch {
      return undefined;
    }
  }
  return UpdateSchema.safeParse(json).success ? json : undefined;
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  // Compare digests: equal lengths for timingSafeEqual, and no early exit revealing a prefix.
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
