// At most N starts per key within any sliding window (WeCom: 30 messages a minute to one member,
// 20 a minute to a group robot; Telegram: 1 a second per chat, 20 a minute per group).
// Our own few lines rather than p-throttle or p-queue's interval: both read Date.now and set their
// own timers, and the channels' tests drive these waits with an injected clock.
import { realSleep, type Now, type Sleep } from "./sleep.js";

/** Options of `createWindowLimiter`. */
export interface WindowLimiterOptions {
  /** Starts allowed per key within one window (Infinity: no limit). */
  limit: number;
  /** Window length in milliseconds (default: 60_000). */
  windowMs?: number;
  /** Clock in milliseconds (default: Date.now). */
  now?: Now;
  /** Sleep used while the window is full (default: a real timer). */
  sleep?: Sleep;
}

/** Counts starts per key over a sliding window. */
export interface WindowLimiter {
  /** Milliseconds until `key` may start again (0: now), under `limit` (default: the option). */
  delayFor(key: string, limit?: number): number;
  /** Counts one start of `key` now. */
  record(key: string): void;
  /** Waits until `key` may start, then counts the start; one take per key at a time. */
  take(key: string, limit?: number): Promise<void>;
  /** Keys with starts inside the window (idle keys are forgotten). */
  size(): number;
}

/** Creates a limiter; keys are created on first use and dropped once their window is empty. */
export function createWindowLimiter(options: WindowLimiterOptions): WindowLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const starts = new Map<string, number[]>();
  let sweepAt = 64;

  /** The key's starts still inside the window (forgets the key when none is). */
  function recent(key: string): number[] {
    const cutoff = now() - windowMs;
    const times = (starts.get(key) ?? []).filter((t) => t > cutoff);
    if (times.length === 0) starts.delete(key);
    else starts.set(key, times);
    return times;
  }

  /** Drops every idle key once the map has grown, so one-off keys do not pile up. */
  function sweep(): void {
    if (starts.size < sweepAt) return;
    for (const key of [...starts.keys()]) recent(key);
    sweepAt = Math.max(64, starts.size * 2);
  }

  const limiter: WindowLimiter = {
    delayFor(key, limit = options.limit) {
      if (limit === Infinity) return 0;
      const times = recent(key);
      if (times.length < limit) return 0;
      // The oldest start that must leave the window before another may begin.
      return times[times.length - limit]! + windowMs - now();
    },
    record(key) {
      sweep();
      const times = starts.get(key);
      if (times) times.push(now());
      else starts.set(key, [now()]);
    },
    async take(key, limit = options.limit) {
      // One sleep, not a loop: the delay is exact, and a sleep that does not move the clock (a
      // test recording waits) must not spin. Callers serialise takes of one key.
      if (limit === Infinity) return; // nothing to count: keeps order-only lanes free of state
      const delay = limiter.delayFor(key, limit);
      if (delay > 0) await sleep(delay);
      limiter.record(key);
    },
    size: () => starts.size,
  };
  return limiter;
}
