import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// An empty data folder: the shipped seed report answers (this is one of the seed's own tests).
const DATA_DIR = mkdtempSync(join(tmpdir(), "ask-"));
const run = (args: string[], input?: string) =>
  spawnSync("npx", ["tsx", "src/ask.ts", ...args], {
    input,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, DATA_DIR },
  });

describe("npm run ask", () => {
  it("prints the reply to one question", () => {
    const result = run(["夏粮单产多少"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("夏粮单产：预计437公斤/亩");
  });

  it("answers stdin questions one JSON line each, null when there is no such figure", () => {
    const result = run(["--json"], "夏粮单产多少\n电影院有几家\n\n民宿建成几户\n");
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({
      question: "夏粮单产多少",
      answer: { value: 437, unit: "公斤/亩" },
    });
    expect(lines[0].answer.text).toContain("原文");
    expect(lines[1]).toMatchObject({ question: "电影院有几家", answer: null });
    expect(lines[1].choices.length).toBeLessThanOrEqual(3);
    expect(lines[2]).toEqual({ question: "", answer: null, choices: [] });
    expect(lines[3].answer).toMatchObject({ value: 120, unit: "户" });
  });

  it("explains its use when given nothing", () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("用法");
  });
});
