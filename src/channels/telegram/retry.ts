// Honour Telegram's 429 "Too Many Requests": wait the `retry_after` seconds it names, then retry,
// a bounded number of times (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this).
// A 429 proves the message was not taken. Nothing else is retried: a send that timed out may have
// arrived and Telegram has no duplicate check, so it is logged once and not sent again.
import { TelegramError } from "telegraf";
import { mayHaveArrived } from "../../infra/delivery.js";
import { retry } from "../../infra/retry.js";
import { realSleep, type Sleep } from "../../infra/sleep.js";

export { realSleep, type Sleep };

/** Options of `withRetry`. */
export interface RetryOptions {
  /** Retries after the first attempt (default: 3). */
  retries?: number;
  /** Longest `retry_after` honoured, in seconds; a longer one fails at once (default: 60). */
  maxRetryAfterSec?: number;
  /** Sleep between attempts (default: a real timer). */
  sleep?: Sleep;
  /** Where a send that timed out is reported (default: console). */
  log?: Pick<Console, "warn">;
}

/** The `retry_after` seconds of a 429 error, or undefined for any other error. */
export function retryAfterSeconds(error: unknown): number | undefined {
  if (!(error instanceof TelegramError) || error.code !== 429) return undefined;
  return error.parameters?.retry_after ?? 1;
}

/** Runs `call`, retrying it after each 429 as long as the wait is within bounds. */
export async function withRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxWait = options.maxRetryAfterSec ?? 60;
  try {
    return await retry(call, {
      retries: options.retries ?? 3,
      sleep: options.sleep ?? realSleep,
      delayMs(error) {
        const wait = retryAfterSeconds(error);
        return wait === undefined || wait > maxWait ? undefined : wait * 1000;
      },
    });
  } catch (error) {
    if (mayHaveArrived(error)) {
      const log = options.log ?? console;
      // Only the error's name and code: its message can hold the request URL with the bot token.
      log.warn(
        `telegram: a call timed out (${errorKind(error)}); not repeated, a message may have arrived`,
      );
    }
    throw error;
  }
}

/** "FetchError ETIMEDOUT": enough to tell what happened, never the URL. */
function errorKind(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as NodeJS.ErrnoException).code;
  return code === undefined ? error.name : `${error.name} ${code}`;
}
