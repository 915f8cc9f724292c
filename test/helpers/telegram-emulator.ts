// Local Telegram Bot API peers for the channel tests, on 127.0.0.1 only:
// - `startEmulator`: telegram-test-api (getUpdates, sendMessage, answerCallbackQuery, ...),
// - `startFakeBotApi`: a tiny scripted Bot API for what the emulator cannot do (429 answers,
//   sendPhoto and other multipart uploads).
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import type { TelegramClient } from "telegram-test-api/lib/modules/telegramClient.js";
import { readMultipart, type UploadedFile } from "./multipart.js";

/** What the bot sent, as the emulator stored it. */
export interface BotSent {
  chat_id: string | number;
  text: string;
  reply_markup?: { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> };
}

/** A running emulator. */
export interface Emulator {
  server: TelegramServer;
  /** Pass as `apiRoot` to the channel. */
  apiRoot: string;
  /** A user in a chat (private by default) talking to the bot with `token`. */
  client(token: string, options?: Parameters<TelegramServer["getClient"]>[1]): TelegramClient;
  /** Messages the bot sent to `chatId` so far. */
  sentTo(chatId: number | string): BotSent[];
  /** Waits until the bot has sent at least `count` messages to `chatId`. */
  waitForSent(chatId: number | string, count: number, timeoutMs?: number): Promise<BotSent[]>;
  stop(): Promise<void>;
}

/** A port that was free a moment ago (telegram-test-api cannot listen on port 0). */
export async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Starts telegram-test-api on a free local port. */
export async function startEmulator(): Promise<Emulator> {
  const server = new TelegramServer({ host: "127.0.0.1", port: await freePort() });
  await server.start();
  const sentTo = (chatId: number | string) =>
    server.storage.botMessages
      .map((stored) => stored.message as unknown as BotSent)
      .filter((message) => String(message.chat_id) === String(chatId));
  return {
    server,
    apiRoot: server.config.apiURL,
    client: (token, options) => server.getClient(token, { timeout: 5000, ...options }),
    sentTo,
    async waitForSent(chatId, count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (sentTo(chatId).length < count) {
        if (Date.now() > deadline) {
          throw new Error(`bot sent ${sentTo(chatId).length} of ${count} messages to ${chatId}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return sentTo(chatId);
    },
    stop: async () => void (await server.stop()),
  };
}

/** One Bot API call the fake received. */
export interface FakeCall {
  method: string;
  /** JSON body, or the text fields of a multipart body (objects arrive as JSON text). */
  body: Record<string, unknown>;
  /** Files of a multipart body, by field name ("photo", "document"). */
  files: Record<string, UploadedFile>;
  /** The request's Content-Type. */
  contentType: string;
}

/** A scripted answer: the JSON body and an HTTP status (default 200). */
export interface FakeAnswer {
  status?: number;
  body: unknown;
}

/** A running fake Bot API. */
export interface FakeBotApi {
  apiRoot: string;
  calls: FakeCall[];
  stop(): Promise<void>;
}

/** The getMe answer of the fake: bot id 42, @FakeBot. */
export const FAKE_BOT = { id: 42, is_bot: true, first_name: "Fake", username: "FakeBot" };

/**
 * Starts a fake Bot API: `answer(call)` scripts each method; getMe answers FAKE_BOT and any call
 * the script leaves undefined answers `{ ok: true, result: true }`.
 */
export async function startFakeBotApi(
  answer: (call: FakeCall) => FakeAnswer | undefined,
): Promise<FakeBotApi> {
  const calls: FakeCall[] = [];
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error_code: 400, description: "Bad Request: fake" }));
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    const raw = Buffer.concat(chunks);
    const method = (req.url ?? "").split("/").pop() ?? "";
    const contentType = req.headers["content-type"] ?? "";
    const call: FakeCall = { method, body: {}, files: {}, contentType };
    if (/^multipart\/form-data/i.test(contentType)) {
      Object.assign(call, await readMultipart(raw, contentType));
    } else if (raw.length > 0) {
      call.body = JSON.parse(raw.toString("utf8")) as Record<string, unknown>;
    }
    calls.push(call);
    const scripted =
      answer(call) ??
      (method === "getMe"
        ? { body: { ok: true, result: FAKE_BOT } }
        : { body: { ok: true, result: true } });
    res.writeHead(scripted.status ?? 200, { "content-type": "application/json" });
    res.end(JSON.stringify(scripted.body));
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    apiRoot: `http://127.0.0.1:${port}`,
    calls,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
