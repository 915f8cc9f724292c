// Sending rules: 429 retry_after honoured (a fake Bot API), files with a text fallback (emulator).
import { afterEach, describe, expect, it } from "vitest";
import {
  createTelegramChannel,
  TelegramSendError,
  type TelegramChannel,
} from "../../../src/channels/telegram/index.js";
import {
  startEmulator,
  startFakeBotApi,
  type FakeAnswer,
  type FakeCall,
} from "../../helpers/telegram-emulator.js";
import { fakeCore, memoryLog } from "./fake-core.js";

const TOKEN = "123456:sending-test-token";
const TOO_MANY = (retryAfter: number): FakeAnswer => ({
  status: 429,
  body: {
    ok: false,
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    parameters: { retry_after: retryAfter },
  },
});

describe("Telegram channel sending", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function channelOver(answer: (call: FakeCall) => FakeAnswer | undefined) {
    const api = await startFakeBotApi(answer);
    const sleeps: number[] = [];
    const channel = createTelegramChannel({
      token: TOKEN,
      apiRoot: api.apiRoot,
      core: fakeCore(),
      log: memoryLog(),
      sleep: async (ms) => void sleeps.push(ms),
    });
    cleanups.push(api.stop, channel.stop);
    return { api, channel, sleeps };
  }

  it("should wait the retry_after of a 429 and then deliver", async () => {
    let refused = 0;
    const { api, channel, sleeps } = await channelOver((call) =>
      call.method === "sendMessage" && refused++ === 0 ? TOO_MANY(3) : undefined,
    );
    await channel.sendTo("55", { text: "明天截止，请尽快上报。" });
    const sends = api.calls.filter((c) => c.method === "sendMessage");
    expect(sends).toHaveLength(2);
    expect(sends[1]?.body).toMatchObject({ chat_id: "55", text: "明天截止，请尽快上报。" });
    expect(sleeps).toEqual([3000]);
  });

  it("should give up with a TelegramSendError when Telegram keeps refusing", async () => {
    const { api, channel, sleeps } = await channelOver((call) =>
      call.method === "sendMessage" ? TOO_MANY(1) : undefined,
    );
    const sending = channel.sendTo("56", { text: "提醒" });
    await expect(sending).rejects.toBeInstanceOf(TelegramSendError);
    await expect(sending).rejects.toMatchObject({ chatId: "56", method: "sendMessage" });
    expect(api.calls.filter((c) => c.method === "sendMessage")).toHaveLength(4); // 1 + 3 retries
    expect(sleeps).toEqual([1000, 1000, 1000]);
  });

  it("should not wait for a retry_after longer than a minute", async () => {
    const { api, channel, sleeps } = await channelOver((call) =>
      call.method === "sendMessage" ? TOO_MANY(3600) : undefined,
    );
    await expect(channel.sendTo("57", { text: "提醒" })).rejects.toBeInstanceOf(TelegramSendError);
    expect(api.calls.filter((c) => c.method === "sendMessage")).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("should space messages to one chat a second apart", async () => {
    const { api, channel, sleeps } = await channelOver(() => undefined);
    await channel.sendTo("58", { text: "一" });
    await channel.sendTo("58", { text: "二" });
    expect(api.calls.filter((c) => c.method === "sendMessage").map((c) => c.body.text)).toEqual([
      "一",
      "二",
    ]);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(900);
  });

  it("should send a text in place of a file Telegram does not accept", async () => {
    const emulator = await startEmulator(); // answers sendDocument with 500
    const log = memoryLog();
    const channel: TelegramChannel = createTelegramChannel({
      token: TOKEN,
      apiRoot: emulator.apiRoot,
      core: fakeCore(),
      log,
      flood: { chatIntervalMs: 0 },
    });
    cleanups.push(emulator.stop, channel.stop);
    await channel.sendTo("59", {
      text: "导出完成：",
      file: { path: new URL(import.meta.url).pathname, name: "进度.xlsx" },
    });
    const texts = emulator.sentTo(59).map((m) => m.text);
    expect(texts[0]).toBe("导出完成：");
    expect(texts[1]).toContain("进度.xlsx");
    expect(log.lines.some((l) => l.startsWith("warn") && l.includes("sendDocument"))).toBe(true);
  });
});
