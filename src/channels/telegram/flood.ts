// Telegram's flood limits, applied before each send: about one message a second to one chat and
// 20 a minute to one group (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
// Sends to one chat are already serialised by the sender's queue, so no locking is needed here.
import { realSleep, type Sleep } from "../../infra/sleep.js";
import { createWindowLimiter } from "../../infra/window-limiter.js";

/** Options of `createFloodLimiter`. */
export interface FloodOptions {
  /** Smallest gap between two messages to one chat, in ms (default: 1000). */
  chatIntervalMs?: number;
  /** Messages a minute to one group or supergroup (default: 20). */
  groupPerMinute?: number;
}

/** Waits until a message may go to a chat. */
export interface FloodLimiter {
  /** Resolves when the next message to `chatId` is within limits, and counts it as sent. */
  wait(chatId: string): Promise<void>;
}

/** Clock and sleep, replaceable in tests. */
export interface FloodClock {
  now?: () => number;
  sleep?: Sleep;
}

/** Creates a limiter that remembers the last minute of sends per chat. */
export function createFloodLimiter(
  options: FloodOptions = {},
  clock: FloodClock = {},
): FloodLimiter {
  const sleep = clock.sleep ?? realSleep;
  // One start per interval is the per-chat gap; both windows count a send at the same instant.
  const perChat = createWindowLimiter({
    limit: 1,
    windowMs: options.chatIntervalMs ?? 1000,
    ...clock,
  });
  const perGroup = createWindowLimiter({ limit: options.groupPerMinute ?? 20, ...clock });
  // Telegram group ids are negative; a private chat id is the user's (positive) id.
  const isGroup = (chatId: string) => chatId.startsWith("-");
  const delayFor = (chatId: string) =>
    Math.max(perChat.delayFor(chatId), isGroup(chatId) ? perGroup.delayFor(chatId) : 0);

  return {
    async wait(chatId) {
      const delay = delayFor(chatId);
      if (delay > 0) await sleep(delay);
      perChat.record(chatId);
      if (isGroup(chatId)) perGroup.record(chatId);
    },
  };
}
