// Restarts on a ledger file: a new service instance after closeAllJsonDocs is a new process.
import { afterEach, describe, expect, it, vi } from "vitest";
import { closeAllJsonDocs } from "../../src/store/json-doc.js";
import { ledgerFile, openLedger } from "../../src/reminders/ledger.js";
import { LATE_MARK } from "../../src/reminders/texts.js";
import { FakeState, at, harness, tempDataDir, tickEveryMinute } from "./support.js";

/** A "process": a service over the ledger file of `dataDir`, sharing the reporting state. */
function processOn(dataDir: string, state: FakeState) {
  closeAllJsonDocs();
  return harness({ ledger: openLedger(ledgerFile(dataDir)), state });
}

describe("restarts", () => {
  afterEach(() => closeAllJsonDocs());

  it("should send the 09:00 reminder once, late, when the bot was down from 08:55 to 09:30", async () => {
    const dir = tempDataDir();
    const state = new FakeState();
    const before = processOn(dir, state);
    await tickEveryMinute(before.tick, at("2026-06-24 08:00"), at("2026-06-24 08:56"));
    expect(before.transport.sent).toHaveLength(5); // the T-3d reminder, still current at 08:00

    const after = processOn(dir, state);
    await tickEveryMinute(after.tick, at("2026-06-24 09:30"), at("2026-06-24 10:00"));
    expect(after.transport.to("wecom:yuyang").map((m) => m.text)).toEqual([
      expect.stringMatching(/^（补发）【月度进度填报·2026年6月】渔阳镇还有 6 项未报/),
    ]);
    expect(after.transport.sent).toHaveLength(5);
    expect(after.transport.sent.every((m) => m.text.startsWith(LATE_MARK))).toBe(true);
  });

  it("should send nothing twice when restarted right after a send", async () => {
    const dir = tempDataDir();
    const state = new FakeState();
    const first = processOn(dir, state);
    await first.tick(at("2026-06-22 09:00"));
    expect(first.transport.sent).toHaveLength(5);

    const second = processOn(dir, state);
    await second.tick(at("2026-06-22 09:00"));
    await second.tick(at("2026-06-22 09:01"));
    expect(second.transport.sent).toEqual([]);
  });

  it("should not repeat sends a process died in the middle of, and report them", async () => {
    const dir = tempDataDir();
    const state = new FakeState();
    const dying = processOn(dir, state);
    dying.transport.hang = true;
    dying.clock.now = at("2026-06-22 09:00");
    await dying.service.runDue();
    await vi.waitFor(() => expect(dying.ledger.uncertain()).toHaveLength(5));

    const next = processOn(dir, state);
    expect(
      next.service
        .uncertain()
        .map((e) => e.recipient)
        .sort(),
    ).toEqual([
      "direct:下营镇:telegram:1002",
      "direct:下营镇:wecom:xiaying1",
      "direct:渔阳镇:wecom:yuyang",
      "office:telegram-office",
      "office:wecom-group",
    ]);
    await next.tick(at("2026-06-22 09:01"));
    expect(next.transport.sent).toEqual([]);
    await next.tick(at("2026-06-24 09:00"));
    expect(next.transport.sent).toHaveLength(5);
  });
});
