// Delivers core replies to one chat: in order (one queue per chat), within flood limits, retrying
// after 429. A file or a picture that cannot be sent falls back to a short text.
import { mayHaveArrived } from "../../infra/delivery.js";
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
  /**
   * The message id of the last keyboard sent to `chatId` (this process), -1 once it was pressed,
   * undefined when none is known.
   */
  currentKeyboard(chatId: string): number | undefined;
  /** Removes the buttons of a pressed keyboard, so it cannot be pressed again (best effort). */
  expireKeyboard(chatId: string, messageId: number): Promise<void>;
}

/** Stands for "the newest keyboard was pressed": no message has this id. */
const PRESSED = -1;

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
  // Only the newest keyboard of a chat can be pressed: a press on an older one would act on a
  // question that has moved on.
  const keyboards = new Map<string, number>();

  async function call(chatId: string, method: string, request: () => Promise<unknown>) {
    await flood.wait(chatId);
    try {
      return await withRetry(request, retry);
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
      const sent = await call(chatId, "sendPhoto", () =>
        telegram.sendPhoto(chatId, { source: image.path, filename: safeName(image.name) }, extra),
      );
      if (keyboard) remember(chatId, sent);
    } catch (error) {
      // A photo that may have arrived (a timeout) is not followed by its caption again.
      if (mayHaveArrived(error)) {
        log.warn(`${describeError(error)}; the photo may have arrived, nothing sent instead`);
        return;
      }
      log.warn(`${describeError(error)}; sending a text instead`);
      const note = photoFailedNote(image.name);
      const text = caption === undefined ? note : `${caption}\n\n${note}`;
      const textExtra = keyboard ? { reply_markup: keyboard } : {};
      const sent = await call(chatId, "sendMessage", () =>
        telegram.sendMessage(chatId, text, textExtra),
      );
      if (keyboard) remember(chatId, sent);
    }
  }

  async function sendPart(chatId: string, part: OutgoingPart) {
    if (part.kind === "file") return sendFile(chatId, part.file);
    if (part.kind === "photo") return sendPhoto(chatId, part);
    const extra = part.keyboard ? { reply_markup: part.keyboard } : {};
    const sent = await call(chatId, "sendMessage", () =>
      telegram.sendMessage(chatId, part.text, extra),
    );
    if (part.keyboard) remember(chatId, sent);
  }

  /** Records the message a keyboard went out with as the chat's newest. */
  function remember(chatId: string, sent: unknown): void {
    const id = (sent as { message_id?: unknown } | undefined)?.message_id;
    if (typeof id === "number") keyboards.set(chatId, id);
  }

  return {
    send: (chatId, reply) =>
      queue.run(chatId, async () => {
        for (const part of renderReply(reply)) await sendPart(chatId, part);
      }),
    idle: () => queue.idle(),
    currentKeyboard: (chatId) => keyboards.get(chatId),
    async expireKeyboard(chatId, messageId) {
      // No keyboard of the chat is pressable until the next one is sent.
      const current = keyboards.get(chatId);
      if (current === undefined || current === messageId) keyboards.set(chatId, PRESSED);
      await telegram
        .editMessageReplyMarkup(chatId, messageId, undefined, { inline_keyboard: [] })
        .catch((error: unknown) => {
          log.warn(
            `telegram: keyboard of message ${messageId} not removed: ${describeError(error)}`,
          );
        });
    },
  };
}

/** A file name telegraf can put in a multipart header as it is (it quotes it without escaping). */
function safeName(name: string): string {
  return name.replace(/["\\\r\n]/g, "_");
}
