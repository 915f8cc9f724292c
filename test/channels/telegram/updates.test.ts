// Delivery rules driven through `handleUpdate` (the emulator only answers the bot's API calls):
// dedupe of redelivered updates, per-chat order, group flags.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  createTelegramChannel,
  type TelegramChannel,
} from "../../../src/channels/telegram/index.js";
import { createDelivery, type Delivery } from "../../../src/inbox/delivery.js";
import { closeAllDatabases } from "../../../src/store/db/database.js";
import { openInbox } from "../../../src/store/db/inbox.js";
import { startEmulator, type Emulator } from "../../helpers/telegram-emulator.js";
import { fakeCore, memoryLog, type FakeCore } from "./fake-core.js";

const TOKEN = "123456:updates-test-token";
/** telegram-test-api's getMe answer. */
const BOT = { id: 666, username: "TestNameBot" };
const USER = { id: 7, is_bot: false, first_name: "张", last_name: "三" };

let nextUpdateId = 5000;

function textUpdate(chat: { id: number; type: string }, text: string, extra: object = {}) {
  const update_id = nextUpdateId++;
  // A private chat is its sender's own (a forged pairing is refused).
  const from = chat.type === "private" ? { ...USER, id: chat.id } : USER;
  return {
    update_id,
    message: { message_id: update_id, date: 0, chat, from, text, ...extra },
  };
}

const GROUP = { id: -1001, type: "supergroup" };

describe("Telegram channel update handling", () => {
  let emulator: Emulator;
  let core: FakeCore;
  let channels: TelegramChannel[] = [];

  function channel(delivery?: Delivery): TelegramChannel {
    const created = createTelegramChannel({
      token: TOKEN,
      apiRoot: emulator.apiRoot,
      core,
      delivery,
      log: memoryLog(),
      flood: { chatIntervalMs: 0 },
    });
    channels.push(created);
    return created;
  }

  beforeAll(async () => {
    emulator = await startEmulator();
  });
  beforeEach(() => {
    core = fakeCore();
  });
  afterEach(async () => {
    await Promise.all(channels.map((c) => c.stop()));
    channels = [];
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  it("should answer an update delivered twice only once", async () => {
    const bot = channel();
    const update = textUpdate({ id: 301, type: "private" }, "夏粮单产多少");
    await bot.handleUpdate(update);
    await bot.handleUpdate(update);
    await Promise.all([bot.handleUpdate(update), bot.handleUpdate(update)]);
    expect(emulator.sentTo(301).map((m) => m.text)).toEqual(["答：夏粮单产多少"]);
    expect(core.received).toHaveLength(1);
  });

  it("should answer a redelivery arriving while the first delivery is still running only once", async () => {
    const bot = channel();
    const update = textUpdate({ id: 302, type: "private" }, "慢50");
    await Promise.all([bot.handleUpdate(update), bot.handleUpdate(update)]);
    expect(emulator.sentTo(302)).toHaveLength(1);
  });

  it("should remember handled updates across a restart", async () => {
    const dir = await mkdtemp(join(tmpdir(), "tg-seen-"));
    try {
      const update = textUpdate({ id: 303, type: "private" }, "你好");
      const inDir = () =>
        createDelivery({ inbox: openInbox(dir), core, apology: { text: "抱歉" } });
      await channel(inDir()).handleUpdate(update);
      closeAllDatabases(); // a new process opens the database again
      await channel(inDir()).handleUpdate(update);
      expect(emulator.sentTo(303)).toHaveLength(1);
    } finally {
      closeAllDatabases();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("should answer one chat's updates in order while other chats go ahead", async () => {
    const bot = channel();
    const slow = textUpdate({ id: 304, type: "private" }, "慢80");
    const quick = textUpdate({ id: 304, type: "private" }, "快");
    const other = textUpdate({ id: 305, type: "private" }, "别的");
    // A polled batch is handed over concurrently, like this.
    await Promise.all([bot.handleUpdate(slow), bot.handleUpdate(quick), bot.handleUpdate(other)]);
    expect(emulator.sentTo(304).map((m) => m.text)).toEqual(["答：慢80", "答：快"]);
    const order = emulator.server.storage.botMessages.map((m) => m.message.text);
    expect(order.indexOf("答：别的")).toBeLessThan(order.indexOf("答：慢80"));
  });

  it("should pass an @mention in a group to the core as a flag, without the mention", async () => {
    await channel().handleUpdate(
      textUpdate(GROUP, "@TestNameBot 夏粮单产多少", {
        entities: [{ type: "mention", offset: 0, length: 12 }],
      }),
    );
    expect(core.received[0]).toMatchObject({
      chatId: "-1001",
      userId: "7",
      userName: "张 三",
      chatType: "group",
      text: "夏粮单产多少",
      mentioned: true,
      replyToBot: false,
    });
    expect(emulator.sentTo(-1001).at(-1)?.text).toBe("答：夏粮单产多少");
  });

  it("should flag a reply to the bot's message in a group", async () => {
    await channel().handleUpdate(
      textUpdate({ id: -1002, type: "group" }, "那秋粮呢", {
        reply_to_message: {
          message_id: 1,
          date: 0,
          chat: GROUP,
          from: { ...BOT, is_bot: true, first_name: "Bot" },
        },
      }),
    );
    expect(core.received[0]).toMatchObject({
      chatType: "group",
      text: "那秋粮呢",
      replyToBot: true,
      mentioned: false,
    });
  });

  it("should strip the bot's name from a group command and drop commands for other bots", async () => {
    const bot = channel();
    await bot.handleUpdate(
      textUpdate(GROUP, "/help@TestNameBot", {
        entities: [{ type: "bot_command", offset: 0, length: 17 }],
      }),
    );
    await bot.handleUpdate(
      textUpdate(GROUP, "/help@OtherBot", {
        entities: [{ type: "bot_command", offset: 0, length: 14 }],
      }),
    );
    expect(core.received.map((m) => [m.text, m.mentioned])).toEqual([["/help", true]]);
  });

  it("should pass a plain group message with both flags false, leaving the decision to the core", async () => {
    await channel().handleUpdate(textUpdate(GROUP, "大家好"));
    expect(core.received[0]).toMatchObject({ text: "大家好", mentioned: false, replyToBot: false });
  });
});
