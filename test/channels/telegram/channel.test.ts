// End to end over long polling against telegram-test-api: a user types, the bot answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTelegramChannel,
  type TelegramChannel,
} from "../../../src/channels/telegram/index.js";
import { APOLOGY } from "../../../src/channels/telegram/updates.js";
import { startEmulator, type Emulator } from "../../helpers/telegram-emulator.js";
import { CHOICES, fakeCore, GREETING, LONG_VALUE, memoryLog, type FakeCore } from "./fake-core.js";

const TOKEN = "123456:polling-test-token";

describe("Telegram channel over long polling", () => {
  let emulator: Emulator;
  let channel: TelegramChannel;
  let core: FakeCore;
  const log = memoryLog();

  beforeAll(async () => {
    emulator = await startEmulator();
    core = fakeCore();
    channel = createTelegramChannel({
      token: TOKEN,
      apiRoot: emulator.apiRoot,
      core,
      log,
      flood: { chatIntervalMs: 0 },
    });
    await channel.start();
  });

  afterAll(async () => {
    await channel?.stop();
    await emulator?.stop();
  });

  it("should greet a user who sends /start", async () => {
    const client = emulator.client(TOKEN, { chatId: 101, userId: 101 });
    await client.sendCommand(client.makeCommand("/start"));
    const [reply] = await emulator.waitForSent(101, 1);
    expect(reply?.text).toBe(GREETING);
    expect(core.received.at(-1)).toMatchObject({
      channel: "telegram",
      chatId: "101",
      userId: "101",
      chatType: "private",
      text: "/start",
    });
  });

  it("should answer a question with the core's text", async () => {
    const client = emulator.client(TOKEN, { chatId: 102, userId: 102 });
    await client.sendMessage(client.makeMessage("夏粮单产多少"));
    const [reply] = await emulator.waitForSent(102, 1);
    expect(reply?.text).toBe("答：夏粮单产多少");
    expect(reply?.reply_markup).toBeUndefined();
  });

  it("should render choices as inline buttons and send a pressed button's value to the core", async () => {
    const client = emulator.client(TOKEN, { chatId: 103, userId: 103 });
    await client.sendMessage(client.makeMessage("选"));
    const [offer] = await emulator.waitForSent(103, 1);
    const buttons = offer?.reply_markup?.inline_keyboard?.flat() ?? [];
    expect(buttons.map((b) => b.text)).toEqual(CHOICES.map((c) => c.label));
    expect(buttons.map((b) => b.callback_data)).toEqual(["夏粮单产", "#2"]);

    await client.sendCallback(client.makeCallbackQuery("夏粮单产"));
    const sent = await emulator.waitForSent(103, 2);
    expect(sent[1]?.text).toBe("答：夏粮单产");
    expect(core.received.at(-1)).toMatchObject({ text: "夏粮单产", replyToBot: true });

    // The long value went out as "#2": the core gets the number the user would have typed.
    await client.sendCallback(client.makeCallbackQuery("#2"));
    const after = await emulator.waitForSent(103, 3);
    expect(after[2]?.text).toBe("答：2");
    expect(core.received.some((m) => m.text === LONG_VALUE)).toBe(false);
  });

  it("should apologise once when the core fails, and answer the next message", async () => {
    const client = emulator.client(TOKEN, { chatId: 104, userId: 104 });
    await client.sendMessage(client.makeMessage("坏"));
    await emulator.waitForSent(104, 1);
    await client.sendMessage(client.makeMessage("还在吗"));
    const sent = await emulator.waitForSent(104, 2);
    expect(sent.map((m) => m.text)).toEqual([APOLOGY.text, "答：还在吗"]);
    expect(log.lines.some((l) => l.startsWith("error") && l.includes("core exploded"))).toBe(true);
  });

  it("should keep working although the emulator refuses setMyCommands", () => {
    expect(log.lines.some((l) => l.startsWith("warn") && l.includes("setMyCommands"))).toBe(true);
  });

  it("should never log the bot token", () => {
    expect(log.lines.length).toBeGreaterThan(0);
    expect(log.lines.filter((l) => l.includes(TOKEN))).toEqual([]);
  });
});
