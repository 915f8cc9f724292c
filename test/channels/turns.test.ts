import { describe, expect, it } from "vitest";
import { createTurnGate } from "../../src/channels/turns.js";

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Marks an accepted connection in each of the next `turns` turns of the event loop. */
async function acceptFor(gate: ReturnType<typeof createTurnGate>, turns: number, log: string[]) {
  for (let i = 0; i < turns; i++) {
    gate.accepted();
    log.push(`accept ${i}`);
    await turn();
  }
}

describe("turn gate", () => {
  it("lets deferred work go in a later turn when nothing is being accepted", async () => {
    const gate = createTurnGate(60_000);
    let done = false;
    const waiting = gate.next().then(() => (done = true));
    expect(done).toBe(false);
    await waiting;
    expect(done).toBe(true);
    expect(gate.accepting()).toBe(false);
  });

  it("waits while connections are accepted turn after turn, then lets everything go", async () => {
    const gate = createTurnGate(60_000);
    const log: string[] = [];
    gate.accepted();
    expect(gate.accepting()).toBe(true);
    const accepting = acceptFor(gate, 5, log);
    await Promise.all([
      gate.next().then(() => log.push("work a")),
      gate.next().then(() => log.push("work b")),
    ]);
    await accepting;
    expect(log.slice(0, 5)).toEqual(["accept 0", "accept 1", "accept 2", "accept 3", "accept 4"]);
    expect(log.slice(5)).toEqual(["work a", "work b"]);
  });

  it("waits no longer than its bound", async () => {
    const gate = createTurnGate(0);
    const log: string[] = [];
    const accepting = acceptFor(gate, 20, log);
    await gate.next();
    log.push("work");
    await accepting;
    expect(log.indexOf("work")).toBeLessThan(log.length - 1);
  });
});

describe("turn gate: quiet", () => {
  it("lets handling go in a later turn when no request is in flight", async () => {
    const gate = createTurnGate(10, 60_000);
    let done = false;
    const waiting = gate.quiet().then(() => (done = true));
    expect(done).toBe(false);
    await waiting;
    expect(done).toBe(true);
  });

  it("waits while a request is in flight and goes once it is answered", async () => {
    const gate = createTurnGate(10, 60_000);
    gate.requested();
    let done = false;
    const waiting = gate.quiet().then(() => (done = true));
    for (let i = 0; i < 5; i++) await turn();
    expect(done).toBe(false);
    gate.answered();
    await waiting;
    expect(done).toBe(true);
  });

  it("goes after its bound even when requests stay in flight", async () => {
    const gate = createTurnGate(10, 5);
    gate.requested();
    await gate.quiet(); // resolves through the bound's timer, not through `answered`
    gate.answered();
  });
});
