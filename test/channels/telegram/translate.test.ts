import { describe, expect, it } from "vitest";
import { toIncoming } from "../../../src/channels/telegram/translate.js";

const BOT = { id: 99, username: "JizhouBot" };
const FROM = { id: 7, is_bot: false, first_name: "王", username: "wang" };
const GROUP = { id: -100200, type: "group" };

function message(text: string, extra: object = {}, chat: object = GROUP) {
  return { update_id: 10, message: { message_id: 3, date: 0, chat, from: FROM, text, ...extra } };
}

describe("toIncoming", () => {
  it("should translate a private message", () => {
    const incoming = toIncoming(message("你好", {}, { id: 7, type: "private" }), BOT);
    expect(incoming).toEqual({
      key: "telegram:10",
      message: {
        channel: "telegram",
        chatId: "7",
        userId: "7",
        userName: "王",
        chatType: "private",
        text: "你好",
        messageId: "10",
        mentioned: false,
        replyToBot: false,
      },
    });
  });

  it("should strip a mention in the middle of a sentence and set the flag", () => {
    const text = "请问 @JizhouBot 夏粮单产多少";
    const incoming = toIncoming(
      message(text, { entities: [{ type: "mention", offset: 3, length: 10 }] }),
      BOT,
    );
    expect(incoming?.message).toMatchObject({ text: "请问 夏粮单产多少", mentioned: true });
  });

  it("should leave mentions of other people alone", () => {
    const text = "@someone 看一下";
    const incoming = toIncoming(
      message(text, { entities: [{ type: "mention", offset: 0, length: 8 }] }),
      BOT,
    );
    expect(incoming?.message).toMatchObject({ text, mentioned: false });
  });

  it("should strip the bot's name from a command with arguments", () => {
    const text = "/report@jizhoubot 下营镇";
    const incoming = toIncoming(
      message(text, { entities: [{ type: "bot_command", offset: 0, length: 17 }] }),
      BOT,
    );
    expect(incoming?.message).toMatchObject({ text: "/report 下营镇", mentioned: true });
  });

  it("should ignore a command addressed to another bot", () => {
    const text = "/start@OtherBot";
    expect(
      toIncoming(
        message(text, { entities: [{ type: "bot_command", offset: 0, length: 15 }] }),
        BOT,
      ),
    ).toBe(undefined);
  });

  it("should treat a supergroup as a group and ignore channels and non-text messages", () => {
    expect(
      toIncoming(message("hi", {}, { id: -1, type: "supergroup" }), BOT)?.message.chatType,
    ).toBe("group");
    expect(toIncoming(message("hi", {}, { id: -1, type: "channel" }), BOT)).toBe(undefined);
    const sticker = { update_id: 11, message: { message_id: 4, date: 0, chat: GROUP, from: FROM } };
    expect(toIncoming(sticker, BOT)).toBe(undefined);
  });

  it("should flag a reply to the bot", () => {
    const incoming = toIncoming(
      message("那秋粮呢", { reply_to_message: { from: { id: 99 } } }),
      BOT,
    );
    expect(incoming?.message.replyToBot).toBe(true);
  });

  it("should turn a pressed button into its value, and a numbered one into the number", () => {
    const press = (data: string) => ({
      update_id: 12,
      callback_query: {
        id: "cb1",
        from: FROM,
        data,
        message: { message_id: 5, date: 0, chat: GROUP },
      },
    });
    expect(toIncoming(press("夏粮单产"), BOT)).toMatchObject({
      key: "telegram:12",
      callbackQueryId: "cb1",
      message: { chatId: "-100200", chatType: "group", text: "夏粮单产", replyToBot: true },
    });
    expect(toIncoming(press("#2"), BOT)?.message.text).toBe("2");
  });

  it("should ignore updates it does not understand", () => {
    expect(toIncoming({ update_id: 1, edited_message: {} }, BOT)).toBe(undefined);
    expect(toIncoming({ nonsense: true }, BOT)).toBe(undefined);
  });

  describe("documents", () => {
    const PRIVATE = { id: 7, type: "private" };
    const REPORT = {
      file_id: "BQACAgUAAxkBAAIB",
      file_unique_id: "AgADxx",
      file_name: "2026年上半年报告.docx",
      file_size: 48_213,
      mime_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };
    const documentUpdate = (extra: object, chat: object = PRIVATE) => ({
      update_id: 20,
      message: { message_id: 6, date: 0, chat, from: FROM, document: REPORT, ...extra },
    });

    it("should pass a document sent privately, its caption as the text", () => {
      expect(toIncoming(documentUpdate({ caption: "上半年报告" }), BOT)).toEqual({
        key: "telegram:20",
        message: {
          channel: "telegram",
          chatId: "7",
          userId: "7",
          userName: "王",
          chatType: "private",
          text: "上半年报告",
          messageId: "20",
          document: { name: "2026年上半年报告.docx", size: 48_213, ref: "BQACAgUAAxkBAAIB" },
        },
      });
    });

    it("should give a document without caption an empty text, and a nameless one a name", () => {
      const bare = { file_id: "BQAC-bare", file_unique_id: "AgADyy" };
      const incoming = toIncoming(documentUpdate({ document: bare }), BOT);
      expect(incoming?.message.text).toBe("");
      expect(incoming?.message.document).toEqual({ name: "document", ref: "BQAC-bare" });
    });

    it("should strip the bot's name from a caption", () => {
      const caption = "@JizhouBot 新报告";
      const incoming = toIncoming(
        documentUpdate({ caption, caption_entities: [{ type: "mention", offset: 0, length: 10 }] }),
        BOT,
      );
      expect(incoming?.message.text).toBe("新报告");
    });

    it("should ignore documents in groups, even when the caption mentions the bot", () => {
      expect(toIncoming(documentUpdate({}, GROUP), BOT)).toBe(undefined);
      const caption = "@JizhouBot 新报告";
      const mention = { caption, caption_entities: [{ type: "mention", offset: 0, length: 10 }] };
      expect(toIncoming(documentUpdate(mention, GROUP), BOT)).toBe(undefined);
    });

    it("should ignore a document without a file_id", () => {
      expect(toIncoming(documentUpdate({ document: { file_name: "x.txt" } }), BOT)).toBe(undefined);
    });
  });
});
