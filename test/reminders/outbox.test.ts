import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createOutbox, type OutboxJob } from "../../src/reminders/outbox.js";
import { memoryLog } from "./support.js";

describe("createOutbox", () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date("2026-06-22T01:00:00Z") });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function groupJob(sent: number[], i: number, extra: Partial<OutboxJob> = {}): OutboxJob {
    return {
      lane: "office:wecom-group",
      perMinute: 20,
      label: `message ${i}`,
      send: async () => {
        sent.push(i);
      },
      ...extra,
    };
  }

  it("should send 20 group messages now and the 21st a minute later", async () => {
    const outbox = createOutbox({ log: memoryLog() });
    const sent: number[] = [];
    const outcomes = Array.from({ length: 21 }, (_, i) => outbox.push(groupJob(sent, i)));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(20);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(sent).toHaveLength(20);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(await Promise.all(outcomes)).toEqual(Array(21).fill("sent"));
  });

  it("should not hold one person's messages behind a full group lane", async () => {
    const outbox = createOutbox({ log: memoryLog() });
    const sent: number[] = [];
    for (let i = 0; i < 25; i++) void outbox.push(groupJob(sent, i));
    void outbox.push(groupJob(sent, 99, { lane: "direct:wecom:zhangsan", perMinute: 30 }));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toContain(99);
    expect(sent).toHaveLength(21);
  });

  it("should retry a failed send with growing delays", async () => {
    const log = memoryLog();
    const outbox = createOutbox({ log, retryDelaysMs: [5_000, 30_000] });
    const attempts: number[] = [];
    const start = Date.now();
    const outcome = outbox.push({
      lane: "direct:wecom:zhangsan",
      perMinute: 30,
      label: "t-3d → wecom:zhangsan",
      send: async () => {
        attempts.push(Date.now() - start);
        if (attempts.length < 3) throw new Error("HTTP 502");
      },
    });
    await vi.advanceTimersByTimeAsync(34_999);
    expect(attempts).toEqual([0, 5_000]);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBe("sent");
    expect(attempts).toEqual([0, 5_000, 35_000]);
    expect(log.lines.filter((l) => l.startsWith("warn"))).toHaveLength(2);
  });

  it("should give up after the last retry and say so", async () => {
    const log = memoryLog();
    const outbox = createOutbox({ log, retryDelaysMs: [1_000] });
    const outcome = outbox.push({
      lane: "direct:x",
      perMinute: 30,
      label: "t-1d → telegram:1",
      send: async () => {
        throw new Error("HTTP 403: bot was blocked by the user");
      },
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await outcome).toBe("failed");
    expect(log.lines.at(-1)).toMatch(/^error .*t-1d → telegram:1.*403/);
  });

  it("should drop a job its beforeSend refuses or cannot record", async () => {
    const outbox = createOutbox({ log: memoryLog() });
    const sent: number[] = [];
    const refused = outbox.push(groupJob(sent, 1, { beforeSend: async () => false }));
    const broken = outbox.push(
      groupJob(sent, 2, {
        beforeSend: async () => {
          throw new Error("disk full");
        },
      }),
    );
    expect(await refused).toBe("dropped");
    expect(await broken).toBe("dropped");
    expect(sent).toEqual([]);
  });

  it("should resolve idle once every queued job has ended", async () => {
    const outbox = createOutbox({ log: memoryLog() });
    const sent: number[] = [];
    for (let i = 0; i < 22; i++) void outbox.push(groupJob(sent, i));
    const idle = outbox.idle();
    await vi.advanceTimersByTimeAsync(60_000);
    await idle;
    expect(sent).toHaveLength(22);
    expect(outbox.pending()).toBe(0);
  });

  it("should not retry a send that timed out, since the message may have arrived", async () => {
    const outbox = createOutbox({ log: memoryLog() });
    let attempts = 0;
    const timedOut = Object.assign(new Error("timeout of 10000ms exceeded"), {
      code: "ECONNABORTED",
    });
    const outcome = outbox.push(
      groupJob([], 0, {
        send: async () => {
          attempts++;
          throw timedOut;
        },
      }),
    );
    await vi.advanceTimersByTimeAsync(20 * 60_000);
    expect(await outcome).toBe("failed");
    expect(attempts).toBe(1);
  });

  it("should not retry a send its channel marks as possibly delivered (an HTTP 5xx from WeCom)", async () => {
    const log = memoryLog();
    const outbox = createOutbox({ log });
    let attempts = 0;
    const unknown = Object.assign(new Error("cgi-bin/webhook/send answered HTTP 502."), {
      deliveryUnknown: true,
    });
    const outcome = outbox.push(
      groupJob([], 0, {
        send: async () => {
          attempts++;
          throw unknown;
        },
      }),
    );
    await vi.advanceTimersByTimeAsync(20 * 60_000);
    expect(await outcome).toBe("failed");
    expect(attempts).toBe(1);
    expect(log.lines.filter((l) => l.startsWith("error"))).toHaveLength(1);
  });
});
