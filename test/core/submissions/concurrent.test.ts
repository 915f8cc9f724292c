// 200 liaisons confirm at the same moment, through the conversation and onto disk.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { closeAllJsonDocs } from "../../../src/store/json-doc.js";
import { createSubmissionStore } from "../../../src/store/submissions.js";
import { harness, ROSTER, TASK, type Person } from "./harness.js";

describe("200 concurrent confirmations", () => {
  it("are all stored, each with the receipt its liaison was given", async () => {
    const dir = mkdtempSync(join(tmpdir(), "concurrent-"));
    const townships = ROSTER.map((t) => t.name);
    const submissions = createSubmissionStore({ dir, tasks: [TASK], townships });
    const h = harness({ submissions });
    const people: Person[] = Array.from({ length: 200 }, (_, i) => ({
      channel: "telegram",
      userId: String(50_000 + i),
      userName: `联络员${i}`,
    }));
    for (const [i, who] of people.entries()) await h.bindLiaison(townships[i % 27], who);
    await Promise.all(people.map((who, i) => h.say(`上报 新建民宿 ${i + 1}户`, who)));
    const confirmations = await Promise.all(people.map((who) => h.say("确认", who)));
    const receipts = confirmations.map((text) => /回执号 (R\d{6}-\d{4})/.exec(text)?.[1]);
    expect(receipts.filter(Boolean)).toHaveLength(200);
    expect(new Set(receipts).size).toBe(200);

    closeAllJsonDocs(); // read back as a restarted process would
    const reopened = createSubmissionStore({ dir, tasks: [TASK], townships });
    const period = "2026-11";
    const versions = townships.flatMap((t) => reopened.history(period, t, "new-homestays"));
    expect(versions).toHaveLength(200);
    expect(new Set(versions.map((v) => v.receipt))).toEqual(new Set(receipts));
  });
});
