// Webhook mode: the handler mounted on a local HTTP server, Telegram played by fetch.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { vi, afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTelegramChannel,
  type TelegramChannel,
} from "../../../src/channels/telegram/index.js";
import { startEmulator, type Emulator } from "../../helpers/telegram-emulator.js";
import { fakeCore, memoryLog, type FakeCore } from "./fake-core.js";

const TOKEN = "123456:webhook-test-token";
const SECRET = "s3cret_Token-1";

let nextUpdateId = 9000;
function update(chatId: number, text: string) {
  const update_id = nextUpdateId++;
  const from = { id: chatId, is_bot: false, first_name: "李" };
  return {
    update_id,
    message: { message_id: update_id, date: 0, chat: { id: chatId, type: "private" }, from, text },
  };
}

describe("Telegram webhook handler", () => {
  let emulator: Emulator;
  let channel: TelegramChannel;
  let core: FakeCore;
  let server: Server;
  let url: string;

  function post(body: unknown, headers: Record<string, string> = {}) {
    return fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  }

  beforeAll(async () => {
    emulator = await startEmulator();
    core = fakeCore();
    server = createServer((req, res) => void channel.webhookHandler?.(req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/telegram/webhook`;
    channel = createTelegramChannel({
      token: TOKEN,
      apiRoot: emulator.apiRoot,
      core,
      webhook: { url, secret: SECRET },
      log: memoryLog(),
      flood: { chatIntervalMs: 0 },
    });
    await channel.start();
  });

  afterAll(async () => {
    await channel?.stop();
    await new Promise((resolve) => server?.close(resolve));
    server?.closeAllConnections();
    await emulator?.stop();
  });

  it("should register the webhook url and secret with Telegram on start", () => {
    // telegram-test-api keeps the setWebhook parameters in a private map keyed by token.
    const webhooks = (emulator.server as unknown as { webhooks: Record<string, unknown> }).webhooks;
    expect(webhooks[TOKEN]).toMatchObject({ url, secret_token: SECRET });
  });

  it("should refuse a wrong or missing secret with 403 without asking the core", async () => {
    const wrong = await post(update(401, "夏粮单产多少"), {
      "X-Telegram-Bot-Api-Secret-Token": "guess",
    });
    const missing = await post(update(401, "夏粮单产多少"));
    expect([wrong.status, missing.status]).toEqual([403, 403]);
    expect(core.received).toHaveLength(0);
    expect(emulator.sentTo(401)).toHaveLength(0);
  });

  it("should answer an update posted with the right secret", async () => {
    const response = await post(update(402, "夏粮单产多少"), {
      "X-Telegram-Bot-Api-Secret-Token": SECRET,
    });
    // Answered as soon as the update is stored; the reply follows from the inbox.
    expect(response.status).toBe(200);
    await vi.waitFor(() =>
      expect(emulator.sentTo(402).map((m) => m.text)).toEqual(["答：夏粮单产多少"]),
    );
  });

  it("should acknowledge a redelivered update without answering it again", async () => {
    const same = update(403, "你好");
    const headers = { "X-Telegram-Bot-Api-Secret-Token": SECRET };
    const statuses = [(await post(same, headers)).status, (await post(same, headers)).status];
    expect(statuses).toEqual([200, 200]);
    expect(emulator.sentTo(403)).toHaveLength(1);
  });

  it("should refuse a body that is not an update with 400, and other methods with 405", async () => {
    const headers = { "X-Telegram-Bot-Api-Secret-Token": SECRET };
    expect((await post("not json", headers)).status).toBe(400);
    expect((await post({ hello: 1 }, headers)).status).toBe(400);
    expect((await fetch(url, { headers })).status).toBe(405);
  });
});
