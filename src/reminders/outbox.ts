// The outbox: every reminder message goes through it. One lane per destination (a person, an
// office group), each with its own per-minute limit: a WeCom group robot takes 20 a minute, one
// WeCom member 30 (the 31st is dropped silently), a Telegram group 20. Messages wait for a slot
// instead of being dropped; a rejected send is retried with back-off, never one that may have
// arrived. Lanes, limits and retries are the toolkit's (src/infra).
import { mayHaveArrived } from "../infra/delivery.js";
import { createKeyedQueue } from "../infra/keyed-queue.js";
import { listedDelay, retry } from "../infra/retry.js";
import { realSleep } from "../infra/sleep.js";
import { createWindowLimiter } from "../infra/window-limiter.js";

/** Where the outbox writes warnings and errors; `console` fits. */
export interface ReminderLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** One message to deliver. */
export interface OutboxJob {
  /** Destination; jobs of one lane go out one after another, in order. */
  lane: string;
  /** Sends allowed in this lane within any minute (Infinity: no limit). */
  perMinute: number;
  /** Names the message in logs ("wecom:zhangsan t-3d 2026-05"). */
  label: string;
  send(): Promise<void>;
  /**
   * Runs once before the first attempt: resolve false to drop the message unsent. A rejection
   * drops it too (the ledger could not record the attempt, so it must not go out).
   */
  beforeSend?(): Promise<boolean>;
}

/** How a job ended. */
export type OutboxOutcome = "sent" | "failed" | "dropped";

/** Options of `createOutbox`. */
export interface OutboxOptions {
  /** Waits between attempts; one retry per entry (default: 5 s, 30 s, 2 min, 10 min). */
  retryDelaysMs?: readonly number[];
  /** Clock in milliseconds (default: Date.now). */
  now?: () => number;
  /** Sleep (default: a real timer). */
  sleep?: (ms: number) => Promise<void>;
  /** Logger (default: console). */
  log?: ReminderLogger;
  /**
   * Whether a failed send may be tried again (default: not after a timeout, when the message
   * may have arrived: a reminder twice is worse than a reminder late).
   */
  retryable?: (error: unknown) => boolean;
}

/** A rate-limited, retrying queue of messages. */
export interface Outbox {
  /** Queues a job; resolves with its outcome, never rejects. */
  push(job: OutboxJob): Promise<OutboxOutcome>;
  /** Resolves once every queued job has ended. */
  idle(): Promise<void>;
  /** Jobs queued or in progress. */
  pending(): number;
}

/** The outbox's default retry delays. */
export const DEFAULT_RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000] as const;

/** Timeouts leave it open whether the message arrived (see infra/delivery). */
export { mayHaveArrived };

/** Creates an outbox; lanes are created on first use and forgotten once idle. */
export function createOutbox(options: OutboxOptions = {}): Outbox {
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const sleep = options.sleep ?? realSleep;
  const log = options.log ?? console;
  const retryable = options.retryable ?? ((error: unknown) => !mayHaveArrived(error));
  const lanes = createKeyedQueue();
  const slots = createWindowLimiter({ limit: Infinity, now: options.now, sleep });
  const inflight = new Set<Promise<OutboxOutcome>>();

  async function ready(job: OutboxJob): Promise<boolean> {
    try {
      return job.beforeSend ? await job.beforeSend() : true;
    } catch (error) {
      log.error(`提醒 ${job.label} 未发送：发送前记录失败 (${describeError(error)})`);
      return false;
    }
  }

  async function deliver(job: OutboxJob): Promise<OutboxOutcome> {
    if (!(await ready(job))) return "dropped";
    let attempts = 0;
    try {
      await retry(
        async () => {
          attempts++;
          await slots.take(job.lane, job.perMinute); // every attempt counts against the limit
          await job.send();
        },
        {
          retries: delays.length,
          sleep,
          delayMs: (error, n) => (retryable(error) ? listedDelay(n, delays) : undefined),
          onRetry: (error, _n, delay) =>
            log.warn(
              `提醒 ${job.label} 发送失败，${delay / 1000} 秒后重试: ${describeError(error)}`,
            ),
        },
      );
      return "sent";
    } catch (error) {
      log.error(`提醒 ${job.label} 发送失败，已放弃 (${attempts} 次): ${describeError(error)}`);
      return "failed";
    }
  }

  return {
    push(job) {
      const outcome = lanes.run(job.lane, () => deliver(job));
      inflight.add(outcome);
      void outcome.finally(() => inflight.delete(outcome));
      return outcome;
    },
    async idle() {
      while (inflight.size > 0) await Promise.all([...inflight]);
    },
    pending: () => inflight.size,
  };
}

/** One line for logs: the error's name and message (never whole objects). */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
