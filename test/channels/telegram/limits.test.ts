// Flood limits, 429 retries and the per-chat queue, with a fake clock.
import { describe, expect, it } from "vitest";
import { TelegramError } from "telegraf";
import { createFloodLimiter } from "../../../src/channels/telegram/flood.js";
import { createKeyedQueue } from "../../../src/core/keyed-queue.js";
import { withRetry } from "../../../src/channels/telegram/retry.js";

function fakeClock() {
  const clock = {
    time: 1_000_000,
    sleeps: [] as number[],
    now: () => clock.time,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.time += ms;
    },
  };
  return clock;
}

describe("createFloodLimiter", () => {
  it("should space messages to one private chat a second apart and leave other chats alone", async () => {
    const clock = fakeClock();
    const flood = createFloodLimiter({}, clock);
    await flood.wait("7");
    await flood.wait("8");
    await flood.wait("7");
    expect(clock.sleeps).toEqual([1000]);
  });

  it("should hold the 21st message to a group until a minute after the first", async () => {
    const clock = fakeClock();
    const flood = createFloodLimiter({ chatIntervalMs: 0 }, clock);
    for (let i = 0; i < 20; i++) await flood.wait("-100");
    expect(clock.sleeps).toEqual([]);
    await flood.wait("-100");
    expect(clock.sleeps).toEqual([60_000]);
  });
});

describe("withRetry", () => {
  const tooMany = (retryAfter: number) =>
    new TelegramError({
      error_code: 429,
      description: "Too Many Requests",
      parameters: { retry_after: retryAfter },
    });

  it("should retry after the seconds Telegram names", async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        if (calls++ < 2) throw tooMany(2);
        return "sent";
      },
      { sleep: async (ms) => void sleeps.push(ms) },
    );
    expect(result).toBe("sent");
    expect(sleeps).toEqual([2000, 2000]);
  });

  it("should not retry other errors", async () => {
    let calls = 0;
    const failing = withRetry(async () => {
      calls++;
      throw new TelegramError({
        error_code: 403,
        description: "Forbidden: bot was blocked by the user",
      });
    });
    await expect(failing).rejects.toThrow("403");
    expect(calls).toBe(1);
  });

  it("should not repeat a send that timed out, and log it once without the URL", async () => {
    let calls = 0;
    const warnings: string[] = [];
    const timedOut = Object.assign(
      new Error("network timeout at: https://api.telegram.org/bot123:SECRET/sendMessage"),
      { name: "FetchError", code: "ETIMEDOUT" },
    );
    const sending = withRetry(
      async () => {
        calls++;
        throw timedOut;
      },
      { sleep: async () => undefined, log: { warn: (m) => warnings.push(m) } },
    );
    await expect(sending).rejects.toBe(timedOut);
    expect(calls).toBe(1);
    expect(warnings).toEqual([
      "telegram: a call timed out (FetchError ETIMEDOUT); not repeated, a message may have arrived",
    ]);
  });
});

describe("createKeyedQueue", () => {
  it("should run one key's tasks in call order, even after a failure", async () => {
    const queue = createKeyedQueue();
    const order: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        order.push(name);
        if (fail) throw new Error(name);
      };
    const first = queue.run("a", task("a1", 30, true));
    const second = queue.run("a", task("a2", 0));
    const other = queue.run("b", task("b1", 0));
    await Promise.allSettled([first, second, other]);
    await queue.idle();
    expect(order).toEqual(["b1", "a1", "a2"]);
    await expect(first).rejects.toThrow("a1");
  });
});
