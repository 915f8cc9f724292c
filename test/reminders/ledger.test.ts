import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { closeAllJsonDocs } from "../../src/store/json-doc.js";
import {
  ledgerFile,
  memoryLedger,
  openLedger,
  type LedgerKey,
} from "../../src/reminders/ledger.js";
import { at, tempDataDir } from "./support.js";

const KEY: LedgerKey = {
  task: "monthly-progress",
  period: "2026-06",
  reminder: "t-3d",
  recipient: "direct:下营镇:wecom:xiaying1",
};

describe("openLedger", () => {
  afterEach(() => closeAllJsonDocs());

  it("should keep entries across a restart", async () => {
    const file = ledgerFile(tempDataDir());
    const ledger = openLedger(file);
    await ledger.markAttempt(KEY, at("2026-06-22 09:00"), false);
    await ledger.markDone(KEY, at("2026-06-22 09:00"), "sent");
    closeAllJsonDocs();
    expect(openLedger(file).get(KEY)).toMatchObject({ state: "sent", late: false });
  });

  it("should report an attempt left unfinished by a previous process", async () => {
    const file = join(tempDataDir(), "ledger.json");
    await openLedger(file).markAttempt(KEY, at("2026-06-22 09:00"), true);
    closeAllJsonDocs();
    expect(openLedger(file).uncertain()).toEqual([
      expect.objectContaining({ ...KEY, state: "attempt", late: true }),
    ]);
  });
});

describe("pruning", () => {
  it("should drop periods more than three months old when writing", async () => {
    const ledger = memoryLedger();
    await ledger.markAttempt({ ...KEY, period: "2026-02" }, at("2026-02-22 09:00"), false);
    await ledger.markAttempt({ ...KEY, period: "2026-03" }, at("2026-03-22 09:00"), false);
    await ledger.markAttempt(KEY, at("2026-06-22 09:00"), false);
    expect(ledger.entries().map((e) => e.period)).toEqual(["2026-03", "2026-06"]);
  });
});
