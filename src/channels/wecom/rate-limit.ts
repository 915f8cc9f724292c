// Sliding-window limits that queue instead of dropping: WeCom silently drops the 31st message a
// minute to one member, and a group robot accepts 20 a minute. A thin pairing of the toolkit's
// per-key serial queue and window limiter.
import { createKeyedQueue } from "../../infra/keyed-queue.js";
import type { Now, Sleep } from "../../infra/sleep.js";
import { createWindowLimiter } from "../../infra/window-limiter.js";

/** Options of `createRateLimiter`. */
export interface RateLimiterOptions {
  /** Tasks allowed per key within one window (Infinity: order only, no limit). */
  limit: number;
  /** Window length in milliseconds (default: 60_000). */
  windowMs?: number;
  /** Clock in milliseconds (default: Date.now). */
  now?: Now;
  /** Sleep used while the window is full (default: a real timer). */
  sleep?: Sleep;
}

/** Runs tasks per key in order, at most `limit` of them starting within any window. */
export interface RateLimiter {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Tasks queued or running for `key`. */
  pending(key: string): number;
}

/** Creates a limiter; each key is its own lane, tasks of one lane run one after another. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const lanes = createKeyedQueue();
  const window = createWindowLimiter(options);
  return {
    run: (key, task) =>
      lanes.run(key, async () => {
        await window.take(key);
        return task();
      }),
    pending: (key) => lanes.pending(key),
  };
}
