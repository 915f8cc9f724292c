// Issue 13, item 1: nobody speaks in another person's name over Telegram.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";
import { createTelegramChannel, TelegramStartError } from "../../src/channels/telegram/channel.js";
import { ANONYMOUS_USER_ID, toIncoming } from "../../src/channels/telegram/translate.js";
import { fakeCore } from "../channels/telegram/fake-core.js";

const BOT = { id: 99, username: "OfficeBot" };
const ADMIN = { id: 12345, is_bot: false, first_name: "办公室" };

function update(text: string, chat: object, from: object = ADMIN, extra: object = {}) {
  return { update_id: 1, message: { message_id: 1, date: 0, chat, from, text, ...extra } };
}

describe("webhook mode without a secret", () => {
  const webhook = { TELEGRAM_BOT_TOKEN: "1:abc", TELEGRAM_WEBHOOK_URL: "https://bot.example/tg" };

  it("should be a configuration error naming TELEGRAM_WEBHOOK_SECRET", () => {
    for (const secret of [undefined, "", "  "]) {
      const env = secret === undefined ? webhook : { ...webhook, TELEGRAM_WEBHOOK_SECRET: secret };
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    }
  });

  it("should refuse a secret Telegram would not accept, without printing it", () => {
    const env = { ...webhook, TELEGRAM_WEBHOOK_SECRET: "has spaces and 中文" };
    expect(() => loadConfig(env)).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => loadConfig(env)).not.toThrow(/中文/);
  });

  it("should start with a secret", () => {
    const config = loadConfig({ ...webhook, TELEGRAM_WEBHOOK_SECRET: "s3cret_Token-1" });
    expect(config.telegram?.webhookSecret).toBe("s3cret_Token-1");
  });

  it("should not build a webhook channel without a secret", () => {
    const build = () =>
      createTelegramChannel({
        token: "1:abc",
        core: fakeCore(),
        webhook: { url: "https://bot.example/tg" },
      });
    expect(build).toThrow(TelegramStartError);
    expect(build).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
  });

  it("should take only numeric Telegram ids in ADMINS and VIEWERS", () => {
    expect(() => loadConfig({ ADMINS: "telegram:anonymous" })).toThrow(/ADMINS/);
    expect(() => loadConfig({ VIEWERS: "telegram:张三" })).toThrow(/VIEWERS/);
    expect(loadConfig({ VIEWERS: "telegram:42, wecom:leader" }).viewers).toEqual([
      "telegram:42",
      "wecom:leader",
    ]);
  });
});

describe("a private chat that is not the sender's own", () => {
  it("should be refused: the admin's id in chat 666 reaches nobody", () => {
    expect(toIncoming(update("/invite 官庄镇", { id: 666, type: "private" }), BOT)).toBeUndefined();
  });

  it("should refuse a document in a forged private chat", () => {
    const forged = update("", { id: 666, type: "private" }, ADMIN, {
      document: { file_id: "f1", file_name: "报告.docx" },
    });
    expect(toIncoming(forged, BOT)).toBeUndefined();
  });

  it("should refuse a pressed button in a forged private chat", () => {
    const forged = {
      update_id: 2,
      callback_query: {
        id: "q1",
        from: ADMIN,
        data: "确认",
        message: { message_id: 5, chat: { id: 666, type: "private" } },
      },
    };
    expect(toIncoming(forged, BOT)).toBeUndefined();
  });

  it("should take the sender's own private chat", () => {
    const own = toIncoming(update("/whoami", { id: 12345, type: "private" }), BOT);
    expect(own?.message).toMatchObject({ chatId: "12345", userId: "12345" });
  });
});

describe("anonymous group admins", () => {
  const group = { id: -100777, type: "supergroup" };

  it("should not carry the shared GroupAnonymousBot id as anyone's identity", () => {
    const anon = {
      id: 1087968824,
      is_bot: true,
      first_name: "Group",
      username: "GroupAnonymousBot",
    };
    const incoming = toIncoming(
      update("/export", group, anon, { sender_chat: { id: -100777 } }),
      BOT,
    );
    expect(incoming?.message).toMatchObject({ userId: ANONYMOUS_USER_ID, chatId: "-100777" });
    expect(incoming?.message.userName).toBeUndefined();
  });

  it("should treat any message sent on behalf of a chat as anonymous", () => {
    const incoming = toIncoming(
      update("/status", group, ADMIN, { sender_chat: { id: -100999 } }),
      BOT,
    );
    expect(incoming?.message.userId).toBe(ANONYMOUS_USER_ID);
  });
});
