import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSubmissionStore } from "../src/store/submissions.js";
import { describe, expect, it } from "vitest";
import { FIXTURE_DISTRICT } from "./helpers/reports.js";
import { acquireDataDirLock, DataDirLockedError } from "../src/store/lock.js";
import { npmStartCommand } from "./helpers/npm-start.js";

const start = npmStartCommand();

// The fixture district (a copy of the first seed): replacing the shipped seed breaks no test here.
const env = (dataDir: string) => ({
  ...process.env,
  DATA_DIR: dataDir,
  SEED_DIR: FIXTURE_DISTRICT,
  TELEGRAM_BOT_TOKEN: "",
});

/** `npm start` as a newcomer runs it, with `input` piped in; waits for it to end. */
const npmStart = (environment: NodeJS.ProcessEnv, input: string) =>
  spawnSync(start.command, start.args, {
    env: environment,
    input,
    encoding: "utf8",
    timeout: 30_000,
  });

describe("one bot per data folder", () => {
  it("refuses a second lock while the first is held, and frees it on release", () => {
    const dir = mkdtempSync(join(tmpdir(), "lock-"));
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it("takes over a lock left by a process that no longer exists", () => {
    const dir = mkdtempSync(join(tmpdir(), "lock-"));
    writeFileSync(join(dir, "bot.lock"), "999999999");
    acquireDataDirLock(dir).release();
  });

  it("makes a second `npm start` on the same DATA_DIR stop with a clear message", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bot-"));
    const first = spawn(start.command, start.args, {
      env: env(dir),
      stdio: ["pipe", "pipe", "pipe"],
    });
    let out = "";
    first.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    first.stdin.write("夏粮单产多少\n");
    // Once the first bot answered, it holds the folder.
    for (let i = 0; i < 200 && !out.includes("437"); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(out).toContain("437");
    const second = npmStart(env(dir), "");
    first.stdin.end();
    await new Promise((r) => first.on("exit", r));
    expect(second.status).toBe(1);
    expect(second.stderr).toContain("另一个机器人进程");
    expect(second.stderr).toContain(dir);
  });
});

describe("npm start", () => {
  it("answers piped questions line by line and exits at the end of input", () => {
    const dir = mkdtempSync(join(tmpdir(), "bot-"));
    const run = npmStart(env(dir), "夏粮单产多少\n/start\n");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("预计437公斤/亩");
    expect(run.stdout).toContain("您好");
  });

  it("stops with a message naming a bad variable", () => {
    const run = npmStart({ ...env(mkdtempSync(join(tmpdir(), "bot-"))), PORT: "eighty" }, "");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("PORT");
  });
});

describe("the wired bot", () => {
  it("takes a one-line report in the terminal, receipts it after storing, and answers from it", () => {
    const dir = mkdtempSync(join(tmpdir(), "bot-"));
    const run = npmStart(
      env(dir),
      "/as 下营镇\n上报 新建民宿 35户\n确认\n下营镇新建民宿多少\n/deadlines\n/as\n/export\n",
    );
    expect(run.status).toBe(0);
    const receipt = /回执号 (R\d{6}-\d{4})/.exec(run.stdout)?.[1];
    expect(receipt).toBeDefined();
    // The receipt is in the data folder's database.
    const stored = createSubmissionStore({ dir }).submission(receipt!);
    expect(stored?.entries).toEqual([{ field: "new-homestays", value: 35, unit: "户" }]);
    expect(run.stdout).toMatch(/下营镇.*新建民宿：35户/);
    expect(run.stdout).toContain("当前填报任务");
    // /export loads its module (and exceljs) on first use, as npm start runs: CommonJS.
    const xlsx = /文件：(\S+\.xlsx)/.exec(run.stdout)?.[1];
    expect(xlsx).toBeDefined();
    expect(readFileSync(xlsx!).subarray(0, 2).toString()).toBe("PK");
  });
});

describe("broken data files", () => {
  it.each([
    ["conversations.json", "{broken"],
    ["bindings.json", '{"invites": 3}'],
    ["submissions/2026-11.json", '{"period": 1}'],
  ])("stop start-up naming %s and leave it untouched", (name, content) => {
    const dir = mkdtempSync(join(tmpdir(), "bot-"));
    mkdirSync(join(dir, "submissions"), { recursive: true });
    writeFileSync(join(dir, name), content);
    const run = npmStart(env(dir), "夏粮单产多少\n");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(join(dir, name));
    expect(readFileSync(join(dir, name), "utf8")).toBe(content);
  });
});
