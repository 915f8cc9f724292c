// The command-line contracts: extract, import and ask over DATA_DIR or one report file.
// Each spawns tsx (2–3 s), so the checks are grouped into few runs.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const REPORT = fileURLToPath(
  new URL("../fixtures/reports/长治市-2022-农业农村局工作总结-节选.txt", import.meta.url),
);
const OTHER = fileURLToPath(
  new URL("../fixtures/reports/高阳县-2017-政府工作报告.txt", import.meta.url),
);

function run(script: string, args: string[], env: Record<string, string> = {}, input?: string) {
  return spawnSync("npx", ["tsx", script, ...args], {
    input,
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
}

/** Every file under `dir` with the hash of its bytes: "byte for byte as it was". */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[path] = createHash("sha256").update(readFileSync(path)).digest("hex");
    }
  };
  walk(dir);
  return files;
}

describe("npm run extract", () => {
  it("prints one JSON line per figure, and one line of error for an unreadable file", () => {
    const result = run("src/extract/cli.ts", [REPORT]);
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual([
        "name",
        "value",
        "unit",
        "kind",
        "qualifiers",
        "period",
        "section",
        "sentence",
      ]);
      expect(typeof line.value).toBe("number");
    }
    expect(lines.some((l) => l.value === 97.1 && l.unit === "亿元")).toBe(true);

    const broken = run("src/extract/cli.ts", [join(tmpdir(), "没有这个文件.pdf")]);
    expect(broken.status).not.toBe(0);
    expect(broken.stderr.trim().split("\n")).toHaveLength(1);
    expect(broken.stderr).toContain("没有这个文件.pdf");
  });
});

describe("npm run import, then ask", () => {
  it("stores a report, answers from the latest, and leaves the folder as it was on a damaged file", () => {
    const dir = mkdtempSync(join(tmpdir(), "import-"));
    const before = snapshot(dir);
    const damaged = join(dir, "..", `damaged-${Date.now()}.docx`);
    const write = spawnSync("node", [
      "-e",
      `require("fs").writeFileSync(${JSON.stringify(damaged)}, "PK\\u0003\\u0004 not really")`,
    ]);
    expect(write.status).toBe(0);
    const refused = run("src/reports/import-cli.ts", [damaged], { DATA_DIR: dir });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain("damaged-");
    expect(snapshot(dir)).toEqual(before);

    const imported = run("src/reports/import-cli.ts", [REPORT, "--period", "2022年全年"], {
      DATA_DIR: dir,
    });
    expect(imported.stdout).toContain("已导入");
    expect(imported.status).toBe(0);
    const stored = snapshot(dir);
    const again = run("src/reports/import-cli.ts", [REPORT], { DATA_DIR: dir });
    expect(again.stdout).toContain("已经导入过");
    expect(snapshot(dir)).toEqual(stored);

    // The latest report (长治, 2022) answers; the seed (2021年上半年) still answers its own figures.
    const asked = run(
      "src/ask.ts",
      ["--json"],
      { DATA_DIR: dir },
      "一产增加值多少\n2021年上半年夏粮单产多少\n",
    );
    const [first, second] = asked.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(first.answer).toMatchObject({ value: 97.1, unit: "亿元" });
    expect(second.answer).toMatchObject({ unit: "公斤/亩" });

    // --report answers from that file alone, ignoring DATA_DIR.
    const alone = run(
      "src/ask.ts",
      ["--json", "--report", OTHER],
      { DATA_DIR: dir },
      "一产增加值多少\n",
    );
    expect(JSON.parse(alone.stdout.trim()).answer).toBeNull();
  });
});
