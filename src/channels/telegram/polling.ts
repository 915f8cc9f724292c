// Long polling with getUpdates. telegraf's own `launch()` is not used: its `stop()` throws until
// launch has finished its deleteWebhook call (a stop right after start leaks the poller), and its
// loop ends for good on 401/409 (for example while a previous instance is still polling during a
// deploy). This loop keeps retrying with a backoff and stops cleanly at any time.
import { setTimeout as abortableDelay } from "node:timers/promises";
import type { Telegram } from "telegraf";
import type { Update } from "telegraf/types";
import { describeError, type ChannelLogger } from "./log.js";
import { retryAfterSeconds } from "./retry.js";

/** Update types the bot asks for; everything else is never fetched. */
export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

/** Options of `startPolling`. */
export interface PollingOptions {
  telegram: Telegram;
  /** Handles one update; should not reject (a rejection is logged). */
  handle(update: Update): Promise<void>;
  log: ChannelLogger;
  /** Long-poll timeout in seconds (default: 50). */
  timeoutSec?: number;
}

/** A running poller. */
export interface Poller {
  /** Ends the loop after the current batch and confirms the handled updates to Telegram. */
  stop(): Promise<void>;
}

/** Starts fetching updates; each batch is handled concurrently, the next fetch waits for it. */
export function startPolling(options: PollingOptions): Poller {
  const { telegram, handle, log } = options;
  const abort = new AbortController();
  let offset = 0;

  async function fetchBatch(): Promise<Update[]> {
    const payload = { offset, timeout: options.timeoutSec ?? 50, allowed_updates: ALLOWED_UPDATES };
    // telegraf types its signal with the abort-controller shim; node-fetch accepts the native one.
    const signal = abort.signal as unknown as NonNullable<
      Parameters<Telegram["callApi"]>[2]
    >["signal"];
    return telegram.callApi("getUpdates", payload, { signal });
  }

  async function handleBatch(updates: Update[]): Promise<void> {
    const results = await Promise.allSettled(updates.map((update) => handle(update)));
    const failed = results.filter((r) => r.status === "rejected");
    if (failed.length > 0) {
      // Not stored: the batch is fetched again (the ones stored are refused as repeats).
      throw new Error(`${failed.length} updates not stored: ${describeError(failed[0]?.reason)}`);
    }
    const last = updates[updates.length - 1];
    if (last !== undefined) offset = last.update_id + 1;
  }

  async function loop(): Promise<void> {
    let failures = 0;
    while (!abort.signal.aborted) {
      try {
        await handleBatch(await fetchBatch());
        failures = 0;
      } catch (error) {
        if (abort.signal.aborted) break;
        failures++;
        const waitSec = retryAfterSeconds(error) ?? Math.min(2 ** failures, 60);
        log.warn(`telegram getUpdates failed (${describeError(error)}); retrying in ${waitSec} s`);
        await abortableDelay(waitSec * 1000, undefined, { signal: abort.signal }).catch(
          () => undefined,
        );
      }
    }
  }

  const done = loop();
  return {
    async stop() {
      abort.abort();
      await done;
      // Tell Telegram the last batch is handled, so a restart does not fetch it again.
      await telegram.callApi("getUpdates", { offset, limit: 1, timeout: 0 }).catch(() => undefined);
    },
  };
}
