import { describe, expect, it } from "vitest";
import { createKeyedQueue, createSerialQueue } from "../../src/infra/keyed-queue.js";
import { createWindowLimiter } from "../../src/infra/window-limiter.js";

function fakeClock() {
  const clock = {
    t: 1_000_000,
    sleeps: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

describe("createWindowLimiter", () => {
  it("should let N start within a window and hold the next until the oldest leaves it", async () => {
    const clock = fakeClock();
    const limiter = createWindowLimiter({ limit: 3, windowMs: 1000, ...clock });
    for (let i = 0; i < 3; i++) {
      await limiter.take("a");
      clock.t += 100;
    }
    await limiter.take("b"); // another key is not held
    expect(clock.sleeps).toEqual([]);
    await limiter.take("a");
    expect(clock.sleeps).toEqual([700]);
  });

  it("should take a limit per call and never hold an unlimited one", async () => {
    const clock = fakeClock();
    const limiter = createWindowLimiter({ limit: Infinity, ...clock });
    for (let i = 0; i < 100; i++) await limiter.take("lane");
    await limiter.take("lane", 1);
    await limiter.take("lane", 1);
    expect(clock.sleeps).toEqual([60_000]);
  });

  it("should forget keys whose window has passed", async () => {
    const clock = fakeClock();
    const limiter = createWindowLimiter({ limit: 1, windowMs: 1000, ...clock });
    for (let i = 0; i < 63; i++) await limiter.take(`user ${i}`);
    expect(limiter.size()).toBe(63);
    clock.t += 1000;
    await limiter.take("late");
    await limiter.take("later"); // 64 keys held: the stale ones are swept
    expect(limiter.size()).toBe(2);
    expect(clock.sleeps).toEqual([]);
  });
});

describe("createKeyedQueue", () => {
  it("should run one key's tasks in order, others beside them, and forget drained keys", async () => {
    const queue = createKeyedQueue();
    const order: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        order.push(name);
        if (fail) throw new Error(name);
        return name;
      };
    const first = queue.run("a", task("a1", 20, true));
    const second = queue.run("a", task("a2", 0));
    const other = queue.run("b", task("b1", 0));
    const settled = Promise.allSettled([first, second, other]);
    expect(queue.pending("a")).toBe(2);
    await queue.idle();
    expect(order).toEqual(["b1", "a1", "a2"]);
    const [a1, a2, b1] = await settled;
    expect(a1).toMatchObject({ status: "rejected", reason: new Error("a1") });
    expect(a2).toEqual({ status: "fulfilled", value: "a2" });
    expect(b1).toEqual({ status: "fulfilled", value: "b1" });
    expect(queue.size()).toBe(0);
    expect(queue.pending("a")).toBe(0);
  });

  it("should wait in idle for tasks queued while it waits", async () => {
    const queue = createKeyedQueue();
    const done: string[] = [];
    void queue.run("a", async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      void queue.run("b", async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        done.push("b");
      });
      done.push("a");
    });
    await queue.idle();
    expect(done).toEqual(["a", "b"]);
  });
});

describe("createSerialQueue", () => {
  it("should run jobs one at a time in call order, past a failure", async () => {
    const serial = createSerialQueue();
    let running = 0;
    let most = 0;
    const job = (fail: boolean) => async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
      if (fail) throw new Error("failed");
      return "ok";
    };
    const results = await Promise.allSettled([
      serial(job(false)),
      serial(job(true)),
      serial(job(false)),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(most).toBe(1);
  });
});
