import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { closeAllJsonDocs } from "../../src/store/json-doc.js";
import { createSubmissionStore } from "../../src/store/submissions.js";
import { tempDirs } from "./fixtures.js";

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const CHILD = fileURLToPath(new URL("../helpers/submit-child.ts", import.meta.url));
const WANTED = 50;

/** Runs the child until it printed `count` receipts, then SIGKILLs it; returns the lines. */
function submitThenKill(dir: string, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, dir], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: string[] = [];
    let buffer = "";
    let stderr = "";
    const guard = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      buffer += chunk;
      const parts = buffer.split("\n");
      buffer = parts.pop() ?? "";
      lines.push(...parts);
      if (lines.length >= count) child.kill("SIGKILL");
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (_code, signal) => {
      clearTimeout(guard);
      if (lines.length < count) reject(new Error(`child stopped early (${signal}): ${stderr}`));
      else resolve(lines);
    });
  });
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".json"))
    .map((name) => join(dir, name));
}

describe("a submitting process killed with SIGKILL", () => {
  it("should lose no acknowledged submission and leave every file readable", async () => {
    const dir = dirs.make();
    const lines = await submitThenKill(dir, WANTED);
    expect(lines.length).toBeGreaterThanOrEqual(WANTED);

    for (const file of jsonFiles(dir))
      expect(() => JSON.parse(readFileSync(file, "utf8"))).not.toThrow();
    closeAllJsonDocs();
    const store = createSubmissionStore({ dir });
    for (const line of lines) {
      const [receipt, period, township, value] = line.split(" ");
      const stored = store.submission(receipt!);
      expect(stored, `receipt ${receipt}`).toBeDefined();
      expect(stored).toMatchObject({ township, entries: [{ value: Number(value) }] });
      expect(
        store.history(period!, township!, "new-homestays").some((v) => v.receipt === receipt),
      ).toBe(true);
    }
    // The store still takes submissions after the crash, numbering on from the last one.
    const next = await store.submit({
      taskId: "monthly-progress",
      period: "2026-11",
      township: "下营镇",
      entries: [{ field: "new-homestays", value: 1, unit: "户" }],
      by: { identity: "wecom:after" },
      channel: "wecom",
      raw: "1",
      at: new Date(),
      late: false,
    });
    expect(lines.some((line) => line.startsWith(`${next.receipt} `))).toBe(false);
  });
});
