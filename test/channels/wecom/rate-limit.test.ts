import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../../src/channels/wecom/rate-limit.js";
import { fakeClock } from "./support.js";

describe("createRateLimiter", () => {
  it("runs one key's tasks in order, even when an earlier one fails", async () => {
    const limiter = createRateLimiter({ limit: 10 });
    const order: number[] = [];
    const slow = limiter.run("a", async () => {
      await new Promise((r) => setTimeout(r, 20));
      order.push(1);
      throw new Error("first fails");
    });
    const fast = limiter.run("a", async () => void order.push(2));
    await expect(slow).rejects.toThrow("first fails");
    await fast;
    expect(order).toEqual([1, 2]);
  });

  it("waits only for the part of the window still open", async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({
      limit: 2,
      windowMs: 1000,
      now: clock.now,
      sleep: clock.sleep,
    });
    await limiter.run("a", async () => {});
    clock.t += 400;
    await limiter.run("a", async () => {});
    await limiter.run("a", async () => {});
    expect(clock.sleeps).toEqual([600]);
  });
});
