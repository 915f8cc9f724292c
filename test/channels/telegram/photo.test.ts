// Pictures (charts) to Telegram: sendPhoto as a multipart upload, against a local fake Bot API
// (telegram-test-api answers sendPhoto with 500), through the sender's flood limits and retries.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTelegramChannel } from "../../../src/channels/telegram/index.js";
import { MAX_CAPTION_LENGTH } from "../../../src/channels/telegram/render.js";
import { photoFailedNote } from "../../../src/channels/telegram/sender.js";
import type { Core, Reply } from "../../../src/core/types.js";
import { writePng } from "../../helpers/png.js";
import {
  startFakeBotApi,
  type FakeAnswer,
  type FakeCall,
} from "../../helpers/telegram-emulator.js";
import { CHOICES, fakeCore, memoryLog } from "./fake-core.js";

const TOKEN = "123456:photo-test-token";

let dir: string;
let chart: { path: string; bytes: Buffer };
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "telegram-photo-"));
  chart = writePng(dir, "chart.png", 4096);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Telegram channel pictures", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function channelOver(
    answer: (call: FakeCall) => FakeAnswer | undefined = () => undefined,
    core: Core = fakeCore(),
  ) {
    const api = await startFakeBotApi(answer);
    const sleeps: number[] = [];
    const log = memoryLog();
    const channel = createTelegramChannel({
      token: TOKEN,
      apiRoot: api.apiRoot,
      core,
      log,
      sleep: async (ms) => void sleeps.push(ms),
    });
    cleanups.push(api.stop, channel.stop);
    return { api, channel, sleeps, log };
  }

  const image = () => ({ path: chart.path, name: "粮食产量.png" });
  const methods = (calls: FakeCall[]) =>
    calls.map((c) => c.method).filter((m) => m !== "getMe" && m !== "answerCallbackQuery");

  it("should upload the PNG with sendPhoto, the short text as its caption", async () => {
    const { api, channel } = await channelOver();
    await channel.sendTo("61", { text: "各镇粮食产量如下：", image: image() });
    expect(methods(api.calls)).toEqual(["sendPhoto"]);
    const call = api.calls.find((c) => c.method === "sendPhoto")!;
    expect(call.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(call.body).toMatchObject({ chat_id: "61", caption: "各镇粮食产量如下：" });
    const photo = call.files.photo!;
    expect(photo.filename).toBe("粮食产量.png");
    expect(photo.bytes.equals(chart.bytes)).toBe(true);
  });

  it("should put the choices' keyboard on the photo", async () => {
    const { api, channel } = await channelOver();
    await channel.sendTo("62", { text: "请选择：", choices: CHOICES, image: image() });
    const call = api.calls.find((c) => c.method === "sendPhoto")!;
    const markup = JSON.parse(String(call.body.reply_markup)) as {
      inline_keyboard: Array<Array<{ text: string }>>;
    };
    expect(markup.inline_keyboard.flat().map((b) => b.text)).toEqual(CHOICES.map((c) => c.label));
  });

  it("should send a text over 1024 characters first, then the photo without a caption, a second apart", async () => {
    const { api, channel, sleeps } = await channelOver();
    const text = "农".repeat(MAX_CAPTION_LENGTH + 1);
    await channel.sendTo("63", { text, image: image() });
    expect(methods(api.calls)).toEqual(["sendMessage", "sendPhoto"]);
    expect(api.calls.find((c) => c.method === "sendMessage")?.body.text).toBe(text);
    const photo = api.calls.find((c) => c.method === "sendPhoto")!;
    expect(photo.body.caption).toBeUndefined();
    expect(photo.files.photo?.bytes.equals(chart.bytes)).toBe(true);
    // The flood limiter spaced the two messages to one chat.
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(900);
  });

  it("should keep a caption of exactly 1024 characters on the photo", async () => {
    const { api, channel } = await channelOver();
    const text = "a".repeat(MAX_CAPTION_LENGTH);
    await channel.sendTo("64", { text, image: image() });
    expect(methods(api.calls)).toEqual(["sendPhoto"]);
    expect(api.calls[0]?.body.caption).toBe(text);
  });

  it("should wait the retry_after of a 429 and upload the photo again", async () => {
    let refused = 0;
    const { api, channel, sleeps } = await channelOver((call) =>
      call.method === "sendPhoto" && refused++ === 0
        ? {
            status: 429,
            body: {
              ok: false,
              error_code: 429,
              description: "Too Many Requests: retry after 2",
              parameters: { retry_after: 2 },
            },
          }
        : undefined,
    );
    await channel.sendTo("65", { text: "图表", image: image() });
    const photos = api.calls.filter((c) => c.method === "sendPhoto");
    expect(photos).toHaveLength(2);
    expect(photos.every((c) => c.files.photo?.bytes.equals(chart.bytes))).toBe(true);
    expect(sleeps).toEqual([2000]);
    expect(methods(api.calls)).toEqual(["sendPhoto", "sendPhoto"]);
  });

  it("should fall back to the text with a short note when sendPhoto fails", async () => {
    const { api, channel, log } = await channelOver((call) =>
      call.method === "sendPhoto"
        ? {
            status: 500,
            body: { ok: false, error_code: 500, description: "Internal Server Error" },
          }
        : undefined,
    );
    await channel.sendTo("66", { text: "各镇粮食产量如下：", choices: CHOICES, image: image() });
    expect(methods(api.calls)).toEqual(["sendPhoto", "sendMessage"]);
    const fallback = api.calls.find((c) => c.method === "sendMessage")!;
    expect(fallback.body.text).toBe(`各镇粮食产量如下：\n\n${photoFailedNote("粮食产量.png")}`);
    expect(fallback.body.reply_markup).toMatchObject({ inline_keyboard: expect.any(Array) });
    expect(log.lines.some((l) => l.startsWith("warn") && l.includes("sendPhoto"))).toBe(true);
    expect(log.lines.join("\n")).not.toContain(TOKEN);
  });

  it("should not send the caption again when the photo may have arrived (a timeout)", async () => {
    const { api, channel, log } = await channelOver((call) =>
      call.method === "sendPhoto"
        ? { status: 504, body: { ok: false, error_code: 504, description: "Gateway Timeout" } }
        : undefined,
    );
    await channel.sendTo("67", { text: "各镇粮食产量如下：", image: image() });
    expect(methods(api.calls)).toEqual(["sendPhoto"]);
    expect(log.lines.some((l) => l.includes("may have arrived"))).toBe(true);
  });

  it("should send only the note when the text already went and the photo file is missing", async () => {
    const { api, channel } = await channelOver();
    const text = "长".repeat(MAX_CAPTION_LENGTH + 10);
    await channel.sendTo("67", { text, image: { path: join(dir, "gone.png"), name: "gone.png" } });
    const texts = api.calls.filter((c) => c.method === "sendMessage").map((c) => c.body.text);
    expect(texts).toEqual([text, photoFailedNote("gone.png")]);
  });

  it("should send the core's picture in answer to a message (update pipeline)", async () => {
    const answer: Reply[] = [{ text: "下营镇进度", image: image() }];
    const core: Core = { handle: async () => answer };
    const { api, channel } = await channelOver(undefined, core);
    await channel.handleUpdate({
      update_id: 9001,
      message: {
        message_id: 1,
        date: 1717380000,
        chat: { id: 68, type: "private", first_name: "张" },
        from: { id: 68, is_bot: false, first_name: "张" },
        text: "下营镇进度图",
      },
    });
    const photo = api.calls.find((c) => c.method === "sendPhoto")!;
    expect(photo.body).toMatchObject({ chat_id: "68", caption: "下营镇进度" });
    expect(photo.files.photo?.bytes.equals(chart.bytes)).toBe(true);
  });
});
