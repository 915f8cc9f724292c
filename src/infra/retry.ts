// Retry with back-off over p-retry. The waits go through an injected `sleep` rather than p-retry's
// own timer (!), so fake clocks in tests keep working and a caller may wait what the server says
// (Telegram's retry_after) instead of a fixed curve.
import pRetry from "p-retry";
import { realSleep, type Sleep } from "./sleep.js";

/** Options of `retry`. */
export interface RetryOptions {
  /** Retries after the first attempt (default: 3). */
  retries?: number;
  /**
   * The wait before retry `n` (1-based) after `error`, in ms; undefined gives up and rethrows
   * `error`. Decides both whether and how long.
   */
  delayMs: (error: unknown, n: number) => number | undefined;
  /** Sleep between attempts (default: a real timer). */
  sleep?: Sleep;
  /** Told before each wait, e.g. to log it. */
  onRetry?: (error: unknown, n: number, delayMs: number) => void;
}

/**
 * Runs `task` until it resolves, retrying as `delayMs` allows. Rejects with the last error, as
 * thrown (non-Error values and plain TypeErrors other than network failures are not retried:
 * p-retry takes them for programming errors).
 */
export function retry<T>(task: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const sleep = options.sleep ?? realSleep;
  return pRetry(task, {
    retries: options.retries ?? 3,
    minTimeout: 0, // p-retry waits nothing itself; shouldRetry sleeps
    async shouldRetry({ error, retriesConsumed }) {
      const n = retriesConsumed + 1;
      const delay = options.delayMs(error, n);
      if (delay === undefined) return false;
      options.onRetry?.(error, n, delay);
      if (delay > 0) await sleep(delay);
      return true;
    },
  });
}

/** Options of `exponentialDelay`. */
export interface ExponentialOptions {
  /** Wait before the first retry (default: 1000 ms); doubled for each further one. */
  baseMs?: number;
  /** Longest wait (default: 30_000 ms). */
  maxMs?: number;
}

/** The wait before retry `n`: base, 2·base, 4·base … up to the cap. */
export function exponentialDelay(n: number, options: ExponentialOptions = {}): number {
  const base = options.baseMs ?? 1000;
  return Math.min(base * 2 ** (n - 1), options.maxMs ?? 30_000);
}

/** The wait before retry `n` from a list (5 s, 30 s …); undefined past its end. */
export function listedDelay(n: number, delays: readonly number[]): number | undefined {
  return delays[n - 1];
}
