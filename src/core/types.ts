// Platform-neutral message and reply types: the only shapes channels and the core exchange.
import type { ConversationStore } from "./state.js";

/** Which channel a message came through. */
export type ChannelName = "console" | "telegram" | "wecom";

/** One incoming chat message, already translated from the platform's event. */
export interface Message {
  channel: ChannelName;
  /** Chat id as the platform names it (a group id, or the user's own id in a private chat). */
  chatId: string;
  /** Sender id as the platform names it (telegram numeric id as text, wecom userid, "local"). */
  userId: string;
  /** Display name, when the platform gives one. */
  userName?: string;
  chatType: "private" | "group";
  text: string;
  /** Platform message or update id, for logs and dedupe. */
  messageId?: string;
  /** True when the bot was @mentioned (groups). */
  mentioned?: boolean;
  /** True when the message replies to one of the bot's messages (groups). */
  replyToBot?: boolean;
  /** A file sent with the message (a report to import); its bytes are fetched on demand. */
  document?: IncomingDocument;
}

/** A file someone sent, as the platform describes it. */
export interface IncomingDocument {
  /** File name with its extension ("2026年上半年报告.docx"). */
  name: string;
  /** Size in bytes, when the platform says it (checked before any download). */
  size?: number;
  /** The platform's handle for the file (Telegram file_id, WeCom MediaId). */
  ref: string;
}

/** Downloads a file someone sent; each channel brings its own (Telegram getFile, WeCom media/get). */
export interface DocumentFetcher {
  /** The file's bytes; rejects when the download fails or passes `maxBytes`. */
  fetch(message: Message, maxBytes: number): Promise<Uint8Array>;
}

/**
 * A choice offered with a reply. Channels render it their own way (Telegram inline button,
 * WeCom numbered line or card button, console number); choosing it sends `value` back as the
 * text of a new message. A plain number typed by the user also selects it (handled by the core).
 */
export interface Choice {
  label: string;
  value: string;
}

/** A file produced for the user (exports). */
export interface ReplyFile {
  path: string;
  name: string;
}

/** One outgoing reply. */
export interface Reply {
  text: string;
  choices?: Choice[];
  /**
   * Quick actions shown as buttons where a channel has them (Telegram inline buttons, WeCom card
   * buttons): pressing one sends its value as if typed. Unlike choices they are not numbered and
   * a typed number never selects one (a form's field takes numbers); the text names them anyway.
   */
  buttons?: Choice[];
  file?: ReplyFile;
  /** A picture (a chart as PNG): Telegram sendPhoto, WeCom image message, the console's path. */
  image?: ReplyFile;
}

/** Where one message's handling keeps conversation state (default: the core's own store). */
export interface HandleScope {
  conversations: ConversationStore;
}

/** The conversation engine as channels see it. */
export interface Core {
  handle(message: Message, scope?: HandleScope): Promise<Reply[]>;
}
