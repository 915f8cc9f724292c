// Telegram update -> core Message. Only the fields we read are validated (zod); anything else in
// the update is ignored, and an update we do not understand yields nothing.
import { z } from "zod";
import { ANONYMOUS_USER } from "../../core/access/roles.js";
import type { Message } from "../../core/types.js";
import { choiceText } from "./render.js";

/** Who the bot is, from getMe. */
export interface BotIdentity {
  id: number;
  username: string;
}

/** A translated update. */
export interface Incoming {
  /** Key for dedupe: "telegram:<update_id>". */
  key: string;
  message: Message;
  /** Set for a pressed inline button; answer it so the button stops spinning. */
  callbackQueryId?: string;
}

const UserSchema = z.object({
  id: z.number(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
});
type User = z.infer<typeof UserSchema>;

const ChatSchema = z.object({ id: z.number(), type: z.string() });
type Chat = z.infer<typeof ChatSchema>;

const EntitySchema = z.object({
  type: z.string(),
  offset: z.number(),
  length: z.number(),
  user: UserSchema.optional(),
});
type Entity = z.infer<typeof EntitySchema>;

/** A file sent as a document (https://core.telegram.org/bots/api#document). */
const DocumentSchema = z.object({
  file_id: z.string().min(1),
  file_name: z.string().optional(),
  file_size: z.number().int().nonnegative().optional(),
  mime_type: z.string().optional(),
});
type TgDocument = z.infer<typeof DocumentSchema>;

const MessageSchema = z.object({
  chat: ChatSchema,
  from: UserSchema.optional(),
  /** Set when a message is sent on behalf of a chat (an anonymous admin, a linked channel). */
  sender_chat: z.object({ id: z.number() }).optional(),
  text: z.string().optional(),
  entities: z.array(EntitySchema).optional(),
  document: DocumentSchema.optional(),
  caption: z.string().optional(),
  caption_entities: z.array(EntitySchema).optional(),
  reply_to_message: z.object({ from: UserSchema.optional() }).optional(),
});
type TgMessage = z.infer<typeof MessageSchema>;

const CallbackQuerySchema = z.object({
  id: z.string(),
  from: UserSchema,
  data: z.string().optional(),
  message: z.object({ chat: ChatSchema }).optional(),
});
type CallbackQuery = z.infer<typeof CallbackQuerySchema>;

/** The part of a Telegram update the channel reads. */
export const UpdateSchema = z.object({
  update_id: z.number().int(),
  message: MessageSchema.optional(),
  callback_query: CallbackQuerySchema.optional(),
});

/**
 * The sender id Telegram gives every anonymous group admin (GroupAnonymousBot) and messages sent
 * on behalf of a channel (Channel_Bot): shared by many people, so never anyone's identity.
 */
export const SHARED_SENDER_IDS: ReadonlySet<number> = new Set([1087968824, 136817688]);

/** The user id a message from an anonymous sender is given: it holds no role and no binding. */
export const ANONYMOUS_USER_ID = ANONYMOUS_USER;

/** Translates a raw update; undefined for updates the core has nothing to do with. */
export function toIncoming(update: unknown, bot: BotIdentity): Incoming | undefined {
  const parsed = UpdateSchema.safeParse(update);
  if (!parsed.success) return undefined;
  const { update_id, message, callback_query } = parsed.data;
  const key = `telegram:${update_id}`;
  const messageId = String(update_id);
  if (message) {
    const translated = fromMessage(message, bot, messageId);
    return translated && { key, message: translated };
  }
  if (callback_query) {
    const translated = fromCallbackQuery(callback_query, messageId);
    return translated && { key, message: translated, callbackQueryId: callback_query.id };
  }
  return undefined;
}

function fromMessage(message: TgMessage, bot: BotIdentity, messageId: string): Message | undefined {
  const chatType = chatTypeOf(message.chat);
  if (!chatType || !message.from) return undefined;
  // A private chat is the sender's own: any other pairing is forged (issue 13).
  if (chatType === "private" && message.chat.id !== message.from.id) return undefined;
  if (message.document) {
    // Reports are sent to the bot privately; a file shared in a group is not for the bot.
    if (chatType !== "private") return undefined;
    return fromDocument(message, message.from, message.document, bot, messageId);
  }
  if (message.text === undefined) return undefined;
  const addressed = addressing(message.text, message.entities ?? [], bot);
  // "/help@otherbot" in a group is meant for another bot.
  if (addressed.otherBotCommand) return undefined;
  const anonymous = message.sender_chat !== undefined || SHARED_SENDER_IDS.has(message.from.id);
  return {
    channel: "telegram",
    chatId: String(message.chat.id),
    ...(anonymous
      ? { userId: ANONYMOUS_USER_ID }
      : { userId: String(message.from.id), userName: nameOf(message.from) }),
    chatType,
    text: addressed.text,
    messageId,
    mentioned: addressed.mentioned,
    replyToBot: message.reply_to_message?.from?.id === bot.id,
  };
}

/** A document in a private chat: its caption (if any) is the text, the core fetches the file. */
function fromDocument(
  message: TgMessage,
  from: User,
  document: TgDocument,
  bot: BotIdentity,
  messageId: string,
): Message {
  const caption = addressing(message.caption ?? "", message.caption_entities ?? [], bot);
  return {
    channel: "telegram",
    chatId: String(message.chat.id),
    userId: String(from.id),
    userName: nameOf(from),
    chatType: "private",
    text: caption.text,
    messageId,
    document: {
      name: document.file_name ?? "document",
      size: document.file_size,
      ref: document.file_id,
    },
  };
}

function fromCallbackQuery(query: CallbackQuery, messageId: string): Message | undefined {
  if (query.data === undefined) return undefined;
  // A button under a message in an inline-mode chat has no message; answer privately then.
  const chat = query.message?.chat ?? { id: query.from.id, type: "private" };
  const chatType = chatTypeOf(chat);
  if (!chatType) return undefined;
  if (chatType === "private" && chat.id !== query.from.id) return undefined;
  const anonymous = SHARED_SENDER_IDS.has(query.from.id);
  return {
    channel: "telegram",
    chatId: String(chat.id),
    ...(anonymous
      ? { userId: ANONYMOUS_USER_ID }
      : { userId: String(query.from.id), userName: nameOf(query.from) }),
    chatType,
    text: choiceText(query.data),
    messageId,
    // The button sits under one of the bot's messages: pressing it answers the bot.
    replyToBot: true,
  };
}

function chatTypeOf(chat: Chat): Message["chatType"] | undefined {
  if (chat.type === "private") return "private";
  if (chat.type === "group" || chat.type === "supergroup") return "group";
  return undefined; // channels are not conversations
}

function nameOf(user: User): string | undefined {
  const full = [user.first_name, user.last_name].filter(Boolean).join(" ");
  return full || user.username;
}

interface Addressing {
  text: string;
  mentioned: boolean;
  otherBotCommand: boolean;
}

/**
 * Finds how a message addresses the bot and strips it: "@bot question" -> "question",
 * "/help@bot" -> "/help" (mentioned: true, the command names the bot).
 */
function addressing(text: string, entities: Entity[], bot: BotIdentity): Addressing {
  const ourName = `@${bot.username}`.toLowerCase();
  const cuts: Array<[start: number, end: number]> = [];
  let mentioned = false;
  let otherBotCommand = false;
  for (const entity of entities) {
    const end = entity.offset + entity.length;
    const slice = text.slice(entity.offset, end);
    if (entity.type === "mention" && slice.toLowerCase() === ourName) {
      mentioned = true;
      cuts.push([entity.offset, end]);
    } else if (entity.type === "text_mention" && entity.user?.id === bot.id) {
      mentioned = true;
      cuts.push([entity.offset, end]);
    } else if (entity.type === "bot_command" && slice.includes("@")) {
      const at = slice.indexOf("@");
      if (slice.slice(at).toLowerCase() === ourName) {
        mentioned = true;
        cuts.push([entity.offset + at, end]);
      } else if (entity.offset === 0) {
        otherBotCommand = true;
      }
    }
  }
  return { text: removeRanges(text, cuts), mentioned, otherBotCommand };
}

function removeRanges(text: string, ranges: Array<[number, number]>): string {
  if (ranges.length === 0) return text;
  let out = text;
  for (const [start, end] of [...ranges].sort((a, b) => b[0] - a[0])) {
    out = out.slice(0, start) + out.slice(end);
  }
  return out.replace(/[ \t]{2,}/g, " ").trim();
}
