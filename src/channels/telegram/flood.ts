// Telegram's flood limits, applied before each send: about one message a second to one chat and
// 20 a minute to one group (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
// Sends to one chat are already serialised by the sender's queue, so no locking is needed here.
import { realSleep, type Sleep } from "./retry.js";

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

const MINUTE_MS = 60_000;

/** Creates a limiter that remembers the last minute of sends per chat. */
export function createFloodLimiter(
  options: FloodOptions = {},
  clock: FloodClock = {},
): FloodLimiter {
  const interval = options.chatIntervalMs ?? 1000;
  const groupLimit = options.groupPerMinute ?? 20;
  const now = clock.now ?? Date.now;
  const sleep = clock.sleep ?? realSleep;
  const sent = new Map<string, number[]>();

  function delayFor(chatId: string, times: number[]): number {
    const last = times[times.length - 1];
    let delay = last === undefined ? 0 : last + interval - now();
    // Telegram group ids are negative; a private chat id is the user's (positive) id.
    const isGroup = chatId.startsWith("-");
    const oldest = times[times.length - groupLimit];
    if (isGroup && oldest !== undefined) delay = Math.max(delay, oldest + MINUTE_MS - now());
    return delay;
  }

  return {
    async wait(chatId) {
      const times = (sent.get(chatId) ?? []).filter((t) => t > now() - MINUTE_MS);
      const delay = delayFor(chatId, times);
      if (delay > 0) await sleep(delay);
      times.push(now());
      sent.set(chatId, times);
    },
  };
}
