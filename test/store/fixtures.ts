// Shared fixtures for the store tests: temp data folders and valid submissions.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeAllDatabases } from "../../src/store/db/database.js";
import { closeAllJsonDocs } from "../../src/store/json-doc.js";
import type { SubmitInput } from "../../src/store/submissions.js";
import { loadTasks, type Task } from "../../src/store/tasks.js";

/** The default monthly task from data/tasks.json. */
export const TASK: Task = loadTasks()[0]!;

/** A fresh temp folder; `cleanup` forgets open documents (a "restart") and deletes the folders. */
export function tempDirs() {
  const made: string[] = [];
  return {
    make(): string {
      const dir = mkdtempSync(join(tmpdir(), "store-test-"));
      made.push(dir);
      return dir;
    },
    cleanup(): void {
      closeAllJsonDocs();
      closeAllDatabases();
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A valid submission of one figure; override any part. */
export function submission(overrides: Partial<SubmitInput> = {}): SubmitInput {
  return {
    taskId: "monthly-progress",
    period: "2026-11",
    township: "下营镇",
    entries: [{ field: "new-homestays", value: 35, unit: "户" }],
    by: { identity: "wecom:zhangsan", name: "张三" },
    channel: "wecom",
    raw: "新建民宿35户",
    at: new Date("2026-11-20T02:00:00Z"),
    late: false,
    ...overrides,
  };
}
