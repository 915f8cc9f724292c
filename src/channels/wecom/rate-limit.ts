// Sliding-window limits that queue instead of dropping: WeCom silently drops the 31st message a
// minute to one member, and a group robot accepts 20 a minute.
import { realSleep, type Sleep } from "./http-call.js";

/** Options of `createRateLimiter`. */
export interface RateLimiterOptions {
  /** Tasks allowed per key within one window. */
  limit: number;
  /** Window length in milliseconds (default: 60_000). */
  windowMs?: number;
  /** Clock in milliseconds (default: Date.now). */
  now?: () => number;
  /** Sleep used while the window is full (default: a real timer). */
  sleep?: Sleep;
}

/** Runs tasks per key in order, at most `limit` of them starting within any window. */
export interface RateLimiter {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Tasks queued or running for `key`. */
  pending(key: string): number;
}

interface Lane {
  starts: number[];
  tail: Promise<unknown>;
  pending: number;
}

/** Creates a limiter; each key is its own lane, tasks of one lane run one after another. */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const lanes = new Map<string, Lane>();

  async function waitForSlot(lane: Lane): Promise<void> {
    for (;;) {
      const cutoff = now() - windowMs;
      while (lane.starts.length > 0 && lane.starts[0]! <= cutoff) lane.starts.shift();
      if (lane.starts.length < options.limit) return;
      await sleep(lane.starts[0]! - cutoff);
    }
  }

  function laneOf(key: string): Lane {
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = { starts: [], tail: Promise.resolve(), pending: 0 }));
    return lane;
  }

  return {
    run(key, task) {
      const lane = laneOf(key);
      lane.pending++;
      const result = lane.tail.then(async () => {
        await waitForSlot(lane);
        lane.starts.push(now());
        return task();
      });
      lane.tail = result.catch(() => undefined).finally(() => lane.pending--);
      return result;
    },
    pending: (key) => lanes.get(key)?.pending ?? 0,
  };
}
