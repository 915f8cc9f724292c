// The update pipeline: dedupe by update_id, one chat's updates in order, ask the core, deliver.
// A failure is logged with the update id and answered with one apology; it never escapes, so
// polling and webhook delivery keep running.
import type { Core, Reply } from "../../core/types.js";
import type { SeenIds } from "../../store/seen-ids.js";
import { createKeyedQueue } from "../../core/keyed-queue.js";
import { describeError, type ChannelLogger } from "./log.js";
import type { Sender } from "./sender.js";
import { toIncoming, type BotIdentity, type Incoming } from "./translate.js";

/** The one apology a user gets when handling their message failed. */
export const APOLOGY: Reply = { text: "抱歉，处理出错了，请稍后再试。" };

/** Options of `createUpdatePipeline`. */
export interface UpdatePipelineOptions {
  core: Core;
  /** Handled update keys, persisted so a redelivery after a restart is skipped too. */
  seen: SeenIds;
  sender: Sender;
  /** Stops the spinner of a pressed button (answerCallbackQuery). */
  answerCallback(queryId: string): Promise<unknown>;
  log: ChannelLogger;
}

/** Processes raw updates. */
export interface UpdatePipeline {
  /** Handles one update; never rejects. */
  process(update: unknown, bot: BotIdentity): Promise<void>;
  /** Resolves once no update is being processed. */
  idle(): Promise<void>;
}

/** Creates the pipeline. */
export function createUpdatePipeline(options: UpdatePipelineOptions): UpdatePipeline {
  const { core, seen, sender, log } = options;
  const chats = createKeyedQueue();
  // Keys being processed right now: a webhook retry can arrive before the first delivery is done.
  const inFlight = new Set<string>();

  async function ask(incoming: Incoming): Promise<Reply[]> {
    try {
      return await core.handle(incoming.message);
    } catch (error) {
      log.error(`${tag(incoming)} failed in the core: ${stackOf(error)}`);
      return [APOLOGY];
    }
  }

  async function remember(incoming: Incoming): Promise<void> {
    // Recorded once the core has acted (before sending), so a redelivery never repeats its effects.
    await seen.add(incoming.key).catch((error: unknown) => {
      log.error(`${tag(incoming)}: cannot record it as handled: ${describeError(error)}`);
    });
  }

  async function deliver(incoming: Incoming, replies: Reply[]): Promise<void> {
    const { chatId } = incoming.message;
    for (const reply of replies) {
      try {
        await sender.send(chatId, reply);
      } catch (error) {
        log.error(`${tag(incoming)}: ${describeError(error)}`);
        if (reply !== APOLOGY) await sender.send(chatId, APOLOGY).catch(() => undefined);
        return;
      }
    }
  }

  async function answer(incoming: Incoming): Promise<void> {
    const replies = await ask(incoming);
    await remember(incoming);
    await deliver(incoming, replies);
  }

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
      if (seen.has(incoming.key) || inFlight.has(incoming.key)) {
        log.info(`${tag(incoming)} was already handled; skipped`);
        return;
      }
      inFlight.add(incoming.key);
      acknowledge(incoming);
      // Enqueued synchronously, so updates of one chat keep the order they were handed over in.
      await chats
        .run(incoming.message.chatId, () => answer(incoming))
        .finally(() => {
          inFlight.delete(incoming.key);
        });
    },
    idle: () => chats.idle(),
  };
}

/** How log lines name an update. */
function tag(incoming: Incoming): string {
  return `telegram update ${incoming.message.messageId}`;
}

function stackOf(error: unknown): string {
  return error instanceof Error && error.stack ? error.stack : describeError(error);
}
