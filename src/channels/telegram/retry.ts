// Honour Telegram's 429 "Too Many Requests": wait the `retry_after` seconds it names, then retry,
// a bounded number of times (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
import { TelegramError } from "telegraf";

/** Sleeps `ms` milliseconds. */
export type Sleep = (ms: number) => Promise<void>;

/** A real timer. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Options of `withRetry`. */
export interface RetryOptions {
  /** Retries after the first attempt (default: 3). */
  retries?: number;
  /** Longest `retry_after` honoured, in seconds; a longer one fails at once (default: 60). */
  maxRetryAfterSec?: number;
  /** Sleep between attempts (default: a real timer). */
  sleep?: Sleep;
}

/** The `retry_after` seconds of a 429 error, or undefined for any other error. */
export function retryAfterSeconds(error: unknown): number | undefined {
  if (!(error instanceof TelegramError) || error.code !== 429) return undefined;
  return error.parameters?.retry_after ?? 1;
}

/** Runs `call`, retrying it after each 429 as long as the wait is within bounds. */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const retries = options.retries ?? 3;
  const maxWait = options.maxRetryAfterSec ?? 60;
  const sleep = options.sleep ?? realSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const wait = retryAfterSeconds(error);
      if (wait === undefined || wait > maxWait || attempt >= retries) throw error;
      await sleep(wait * 1000);
    }
  }
}
