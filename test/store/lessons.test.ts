// Lessons and unanswered questions on disk: validated, bounded, kept across a restart.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { closeAllJsonDocs } from "../../src/store/json-doc.js";
import { openLessons, openUnansweredLog, UNANSWERED_LIMIT } from "../../src/store/lessons.js";

describe("the unanswered log", () => {
  it("keeps the newest entries only", async () => {
    const dir = mkdtempSync(join(tmpdir(), "log-"));
    const log = openUnansweredLog(dir);
    for (let i = 0; i < UNANSWERED_LIMIT + 10; i++) {
      await log.record({ question: `问题${i}`, at: new Date(0).toISOString(), choices: [] });
    }
    const kept = log.recent();
    expect(kept).toHaveLength(UNANSWERED_LIMIT);
    expect(kept[0]!.question).toBe("问题10");
    await log.picked(`问题${UNANSWERED_LIMIT + 9}`, "新建民宿");
    closeAllJsonDocs();
    expect(openUnansweredLog(dir).recent().at(-1)).toMatchObject({ picked: "新建民宿" });
  });
});

describe("lessons", () => {
  it("replace a phrase taught twice and stop start-up on a broken file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lessons-"));
    const lessons = openLessons(dir);
    const at = new Date(0).toISOString();
    await lessons.add({ phrase: "金字招牌", name: "新建民宿", by: "console:local", at });
    await lessons.add({ phrase: "金字招牌", name: "建成民宿总数", by: "console:local", at });
    expect(lessons.list().map((l) => l.name)).toEqual(["建成民宿总数"]);
    closeAllJsonDocs();
    writeFileSync(join(dir, "lessons.json"), JSON.stringify({ lessons: [{ phrase: "" }] }));
    expect(() => openLessons(dir)).toThrow(/lessons\.json/);
    expect(readFileSync(join(dir, "lessons.json"), "utf8")).toContain('"phrase":""');
  });
});
