// The outbox: every reminder message goes through it. One lane per destination (a person, an
// office group), each with its own per-minute limit: a WeCom group robot takes 20 a minute, one
// WeCom member 30 (the 31st is dropped silently), a Telegram group 20. Messages wait for a slot
// instead of being dropped; a rejected send is retried with back-off.

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

const WINDOW_MS = 60_000;

/** Timeouts leave it open whether the message arrived. */
export function mayHaveArrived(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ECONNABORTED" || code === "ETIMEDOUT" || /timeout/i.test(e.message)) return true;
  }
  return false;
}

interface Lane {
  /** Start times of the attempts within the last window. */
  starts: number[];
  tail: Promise<unknown>;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Creates an outbox; lanes are created on first use. */
export function createOutbox(options: OutboxOptions = {}): Outbox {
  const delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const now = options.now ?? (() => Date.now());
  const sleep = options.sleep ?? realSleep;
  const log = options.log ?? console;
  const retryable = options.retryable ?? ((error: unknown) => !mayHaveArrived(error));
  const lanes = new Map<string, Lane>();
  const inflight = new Set<Promise<OutboxOutcome>>();

  async function takeSlot(lane: Lane, perMinute: number): Promise<void> {
    for (;;) {
      const cutoff = now() - WINDOW_MS;
      while (lane.starts.length > 0 && lane.starts[0]! <= cutoff) lane.starts.shift();
      if (lane.starts.length < perMinute) break;
      await sleep(lane.starts[0]! - cutoff);
    }
    lane.starts.push(now());
  }

  async function ready(job: OutboxJob): Promise<boolean> {
    try {
      return job.beforeSend ? await job.beforeSend() : true;
    } catch (error) {
      log.error(`提醒 ${job.label} 未发送：发送前记录失败 (${describeError(error)})`);
      return false;
    }
  }

  async function deliver(job: OutboxJob, lane: Lane): Promise<OutboxOutcome> {
    if (!(await ready(job))) return "dropped";
    for (let attempt = 0; ; attempt++) {
      await takeSlot(lane, job.perMinute);
      try {
        await job.send();
        return "sent";
      } catch (error) {
        const delay = retryable(error) ? delays[attempt] : undefined;
        if (delay === undefined) {
          log.error(
            `提醒 ${job.label} 发送失败，已放弃 (${attempt + 1} 次): ${describeError(error)}`,
          );
          return "failed";
        }
        log.warn(`提醒 ${job.label} 发送失败，${delay / 1000} 秒后重试: ${describeError(error)}`);
        await sleep(delay);
      }
    }
  }

  function laneOf(key: string): Lane {
    let lane = lanes.get(key);
    if (!lane) lanes.set(key, (lane = { starts: [], tail: Promise.resolve() }));
    return lane;
  }

  return {
    push(job) {
      const lane = laneOf(job.lane);
      const outcome = lane.tail.then(() => deliver(job, lane));
      lane.tail = outcome;
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
