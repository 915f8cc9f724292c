import { describe, expect, it } from "vitest";
import { exponentialDelay, listedDelay, retry } from "../../src/infra/retry.js";

function recordingSleep() {
  const sleeps: number[] = [];
  return { sleeps, sleep: async (ms: number) => void sleeps.push(ms) };
}

describe("retry", () => {
  it("should retry with the delays asked for, through the injected sleep", async () => {
    const { sleeps, sleep } = recordingSleep();
    let calls = 0;
    const result = await retry(
      async (attempt) => {
        calls++;
        if (attempt < 3) throw new Error(`busy ${attempt}`);
        return "ok";
      },
      { sleep, delayMs: (_error, n) => exponentialDelay(n) },
    );
    expect(result).toBe("ok");
    expect(calls).toBe(3);
    expect(sleeps).toEqual([1000, 2000]);
  });

  it("should give up with the very error when the delay is undefined", async () => {
    const { sleeps, sleep } = recordingSleep();
    const refused = new Error("403");
    await expect(
      retry(
        async () => {
          throw refused;
        },
        { sleep, delayMs: () => undefined },
      ),
    ).rejects.toBe(refused);
    expect(sleeps).toEqual([]);
  });

  it("should stop after the retries allowed and tell each retry", async () => {
    const { sleeps, sleep } = recordingSleep();
    const told: string[] = [];
    let calls = 0;
    await expect(
      retry(
        async () => {
          calls++;
          throw new Error("down");
        },
        {
          retries: 2,
          sleep,
          delayMs: (_error, n) => listedDelay(n, [5, 30, 120]),
          onRetry: (error, n, ms) => told.push(`${(error as Error).message} ${n} ${ms}`),
        },
      ),
    ).rejects.toThrow("down");
    expect(calls).toBe(3);
    expect(sleeps).toEqual([5, 30]);
    expect(told).toEqual(["down 1 5", "down 2 30"]);
  });
});

describe("exponentialDelay", () => {
  it("should double from the base up to the cap", () => {
    const delays = [1, 2, 3, 4, 5, 6].map((n) => exponentialDelay(n, { baseMs: 10, maxMs: 100 }));
    expect(delays).toEqual([10, 20, 40, 80, 100, 100]);
  });
});
