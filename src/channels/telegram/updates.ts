// The update pipeline: each update is translated, stored in the durable inbox (before polling
// moves on or the webhook answers) and handled from there by the delivery loop, one chat's
// updates in order. Redelivered updates are refused by their update_id.
import { z } from "zod";
import { conversationKey } from "../../core/engine.js";
import type { Message, Reply } from "../../core/types.js";
import type { Delivery } from "../../inbox/delivery.js";
import { describeError, type ChannelLogger } from "./log.js";
import type { Sender } from "./sender.js";
import { toIncoming, type BotIdentity, type Incoming } from "./translate.js";

/** The one apology a user gets when handling their message failed. */
export const APOLOGY: Reply = { text: "抱歉，处理出错了，请稍后再试。" };

/** The answer to a press on a keyboard that is no longer the chat's newest. */
export const EXPIRED_CHOICE = "这个选项已过期，请按最新消息中的按钮，或直接输入。";

/** The message a pressed button belongs to, when the update is a press. */
const PressSchema = z.object({
  callback_query: z.object({
    message: z.object({ message_id: z.number().int(), chat: z.object({ id: z.number() }) }),
  }),
});

/** The inbox door name of Telegram. */
export const TELEGRAM_DOOR = "telegram";

/** Options of `createUpdatePipeline`. */
export interface UpdatePipelineOptions {
  /** The durable inbox's delivery loop. */
  delivery: Delivery;
  sender: Sender;
  /** Stops the spinner of a pressed button (answerCallbackQuery), with a notice when given. */
  answerCallback(queryId: string, notice?: string): Promise<unknown>;
  log: ChannelLogger;
}

/** Processes raw updates. */
export interface UpdatePipeline {
  /** Stores one update for handling; resolves once it is stored (or skipped). */
  process(update: unknown, bot: BotIdentity): Promise<void>;
  /** Resolves once no update is being handled or answered. */
  idle(): Promise<void>;
}

/** Creates the pipeline. */
export function createUpdatePipeline(options: UpdatePipelineOptions): UpdatePipeline {
  const { delivery, sender, log } = options;

  delivery.register(TELEGRAM_DOOR, {
    read: async (payload) => ({ message: payload as Message }),
    target: (payload) => (payload as Message).chatId,
    pack: (replies) => replies,
    send: (chatId, reply) => sender.send(chatId, reply as Reply),
    // Telegram has no duplicate check: a send that may have arrived is never repeated.
    dropsRepeats: false,
  });

  function acknowledge(incoming: Incoming, notice?: string): void {
    if (incoming.callbackQueryId === undefined) return;
    options.answerCallback(incoming.callbackQueryId, notice).catch((error: unknown) => {
      log.warn(`${tag(incoming)}: answerCallbackQuery failed: ${describeError(error)}`);
    });
  }

  /** A press on the chat's newest keyboard removes its buttons; a press on another is refused. */
  function pressAllowed(update: unknown, incoming: Incoming): boolean {
    const press = PressSchema.safeParse(update);
    if (incoming.callbackQueryId === undefined || !press.success) return true;
    const { message_id, chat } = press.data.callback_query.message;
    const chatId = String(chat.id);
    const current = sender.currentKeyboard(chatId);
    // Unknown after a restart: the press is taken, and its keyboard removed.
    if (current !== undefined && current !== message_id) return false;
    void sender.expireKeyboard(chatId, message_id);
    return true;
  }

  return {
    async process(update, bot) {
      const incoming = toIncoming(update, bot);
      if (!incoming) return;
      if (!pressAllowed(update, incoming)) {
        acknowledge(incoming, EXPIRED_CHOICE);
        return;
      }
      const stored = await delivery.take({
        door: TELEGRAM_DOOR,
        key: incoming.key,
        chat: conversationKey(incoming.message),
        payload: incoming.message,
      });
      if (!stored) {
        log.info(`${tag(incoming)} was already taken; skipped`);
        return;
      }
      acknowledge(incoming);
    },
    idle: () => delivery.idle(),
  };
}

/** How log lines name an update. */
function tag(incoming: Incoming): string {
  return `telegram update ${incoming.message.messageId}`;
}
