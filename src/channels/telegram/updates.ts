// The update pipeline: each update is translated, stored in the durable inbox (before polling
// moves on or the webhook answers) and handled from there by the delivery loop, one chat's
// updates in order. Redelivered updates are refused by their update_id.
import { conversationKey } from "../../core/engine.js";
import type { Message, Reply } from "../../core/types.js";
import type { Delivery } from "../../inbox/delivery.js";
import { describeError, type ChannelLogger } from "./log.js";
import type { Sender } from "./sender.js";
import { toIncoming, type BotIdentity, type Incoming } from "./translate.js";

/** The one apology a user gets when handling their message failed. */
export const APOLOGY: Reply = { text: "抱歉，处理出错了，请稍后再试。" };

/** The inbox door name of Telegram. */
export const TELEGRAM_DOOR = "telegram";

/** Options of `createUpdatePipeline`. */
export interface UpdatePipelineOptions {
  /** The durable inbox's delivery loop. */
  delivery: Delivery;
  sender: Sender;
  /** Stops the spinner of a pressed button (answerCallbackQuery). */
  answerCallback(queryId: string): Promise<unknown>;
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

  function acknowledge(incoming: Incoming): void {
    if (incoming.callbackQueryId === undefined) return;
    options.answerCallback(incoming.callbackQueryId).catch((error: unknown) => {
      log.warn(`${tag(incoming)}: answerCallbackQuery failed: ${describeError(error)}`);
    });
  }

  return {
    async process(update, bot) {
      const incoming = toIncoming(update, bot);
      if (!incoming) return;
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
