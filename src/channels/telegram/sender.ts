// Delivers core replies to one chat: in order (one queue per chat), within flood limits, retrying
// after 429. A file or a picture that cannot be sent falls back to a short text.
import type { Telegram } from "telegraf";
import type { Reply, ReplyFile } from "../../core/types.js";
import { createKeyedQueue } from "../../core/keyed-queue.js";
import type { FloodLimiter } from "./flood.js";
import { describeError, type ChannelLogger } from "./log.js";
import { renderReply, type OutgoingPart } from "./render.js";
import { withRetry, type RetryOptions } from "./retry.js";

type PhotoPart = Extract<OutgoingPart, { kind: "photo" }>;

/** Added to the text (or sent alone) when a picture could not be sent. */
export function photoFailedNote(name: string): string {
  return `（图片「${name}」暂时无法发送，请稍后再试。）`;
}

/** A Telegram send failed for good (after any 429 retries). Carries the chat and the method. */
export class TelegramSendError extends Error {
  override name = "TelegramSendError";
  constructor(
    message: string,
    readonly chatId: string,
    /** Bot API method, such as "sendMessage". */
    readonly method: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Sends replies to chats. */
export interface Sender {
  /** Sends every part of `reply` to `chatId`; rejects with TelegramSendError when one fails. */
  send(chatId: string, reply: Reply): Promise<void>;
  /** Resolves once nothing is waiting to be sent. */
  idle(): Promise<void>;
}

/** Options of `createSender`. */
export interface SenderOptions {
  telegram: Telegram;
  flood: FloodLimiter;
  retry: RetryOptions;
  log: ChannelLogger;
}

/** Creates a sender over telegraf's API client. */
export function createSender(options: SenderOptions): Sender {
  const { telegram, flood, retry, log } = options;
  const queue = createKeyedQueue();

  async function call(chatId: string, method: string, request: () => Promise<unknown>) {
    await flood.wait(chatId);
    try {
      await withRetry(request, retry);
    } catch (error) {
      const why = describeError(error);
      throw new TelegramSendError(`${method} to chat ${chatId} failed: ${why}`, chatId, method, {
        cause: error,
      });
    }
  }

  async function sendFile(chatId: string, file: ReplyFile) {
    try {
      await call(chatId, "sendDocument", () =>
        telegram.sendDocument(chatId, { source: file.path, filename: file.name }),
      );
    } catch (error) {
      log.warn(`${describeError(error)}; sending a text instead`);
      const text = `文件「${file.name}」暂时无法通过 Telegram 发送，请稍后再试或联系管理员。`;
      await call(chatId, "sendMessage", () => telegram.sendMessage(chatId, text));
    }
  }

  /** sendPhoto (multipart upload of the file); on failure the caption and a note as a text. */
  async function sendPhoto(chatId: string, part: PhotoPart) {
    const { image, caption, keyboard } = part;
    const extra = {
      ...(caption === undefined ? {} : { caption }),
      ...(keyboard ? { reply_markup: keyboard } : {}),
    };
    try {
      // A new InputFile per attempt: telegraf opens the file while building the request.
      await call(chatId, "sendPhoto", () =>
        telegram.sendPhoto(chatId, { source: image.path, filename: safeName(image.name) }, extra),
      );
    } catch (error) {
      log.warn(`${describeError(error)}; sending a text instead`);
      const note = photoFailedNote(image.name);
      const text = caption === undefined ? note : `${caption}\n\n${note}`;
      const textExtra = keyboard ? { reply_markup: keyboard } : {};
      await call(chatId, "sendMessage", () => telegram.sendMessage(chatId, text, textExtra));
    }
  }

  async function sendPart(chatId: string, part: OutgoingPart) {
    if (part.kind === "file") return sendFile(chatId, part.file);
    if (part.kind === "photo") return sendPhoto(chatId, part);
    const extra = part.keyboard ? { reply_markup: part.keyboard } : {};
    return call(chatId, "sendMessage", () => telegram.sendMessage(chatId, part.text, extra));
  }

  return {
    send: (chatId, reply) =>
      queue.run(chatId, async () => {
        for (const part of renderReply(reply)) await sendPart(chatId, part);
      }),
    idle: () => queue.idle(),
  };
}

/** A file name telegraf can put in a multipart header as it is (it quotes it without escaping). */
function safeName(name: string): string {
  return name.replace(/["\\\r\n]/g, "_");
}
