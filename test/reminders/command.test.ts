import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { FIXTURE_DISTRICT } from "../helpers/reports.js";
import { closeAllJsonDocs } from "../../src/store/json-doc.js";
import {
  CliUsageError,
  consoleTransport,
  parseCliArgs,
  runReminderCommand,
} from "../../src/reminders/command.js";
import { ledgerFile, openLedger } from "../../src/reminders/ledger.js";
import { createReminderService } from "../../src/reminders/service.js";
import { FakeState, TASK, at, memoryLog, tempDataDir } from "./support.js";

/** What `npm run reminders -- <argv>` prints, on a data folder shared between runs. */
async function run(dataDir: string, state: FakeState, argv: string[]) {
  closeAllJsonDocs(); // each command run is its own process
  const lines: string[] = [];
  const print = (line: string) => lines.push(line);
  const args = parseCliArgs(argv);
  const service = createReminderService({
    tasks: [TASK],
    state,
    transport: consoleTransport(print),
    ledger: openLedger(ledgerFile(dataDir)),
    now: () => args.at,
    log: memoryLog(),
  });
  const code = await runReminderCommand(service, args, print);
  return { code, lines };
}

describe("the reminders command", () => {
  afterEach(() => closeAllJsonDocs());

  it("should print what is due in a dry run and record nothing", async () => {
    const dir = tempDataDir();
    const state = new FakeState({ 下营镇: ["console:local"] });
    const dry = await run(dir, state, ["--at", "2026-06-22T09:00", "--dry-run"]);
    expect(dry.lines).toEqual([
      "2026年6月22日（周一）09:00：到期 2 条（演练，未发送，未记录）",
      "console:local：【月度进度填报·2026年6月】下营镇还有 6 项未报：新建民宿、在建民宿、设施农业、生猪出栏、新增村级快递网点、黑臭水体治理。截止时间 2026年6月25日（周四）17:00，请按时填报（私聊我发“上报”）。",
      "office:console：【月度进度填报·2026年6月】截止前3天提醒 ｜ 截止时间：2026年6月25日（周四）17:00 ｜ 已报 0/1 ｜ 未报（1）： ｜ 下营镇",
      "下次截止：月度进度填报 2026年6月25日（周四）17:00",
      "共 2 条",
    ]);
    const again = await run(dir, state, ["--at", "2026-06-22T09:00", "--dry-run"]);
    expect(again.lines).toEqual(dry.lines);
  });

  it("should send and record, so a second run at the same instant sends nothing", async () => {
    const dir = tempDataDir();
    const state = new FakeState({ 下营镇: ["console:local"] });
    const first = await run(dir, state, ["--at", "2026-06-22T09:00:00+08:00"]);
    expect(first.code).toBe(0);
    expect(first.lines[0]).toBe("2026年6月22日（周一）09:00：到期 2 条，发送中");
    expect(first.lines.slice(1, 3).map((l) => l.split("：")[0])).toEqual([
      "console:local",
      "office:console",
    ]);
    expect(first.lines.slice(-2)).toEqual([
      "已发送 2 条",
      "下次截止：月度进度填报 2026年6月25日（周四）17:00",
    ]);
    const second = await run(dir, state, ["--at", "2026-06-22T09:00:00+08:00"]);
    expect(second.lines).toEqual([
      "2026年6月22日（周一）09:00：此刻没有到期的提醒",
      "下次截止：月度进度填报 2026年6月25日（周四）17:00",
    ]);
  });

  it("should say why nothing goes out in quiet hours", async () => {
    const { lines } = await run(tempDataDir(), new FakeState(), ["--at", "2026-06-24 23:00"]);
    expect(lines[0]).toBe(
      "2026年6月24日（周三）23:00：此刻没有到期的提醒（免打扰时段 21:00–08:00）",
    );
  });
});

describe("the reminders command on China's working calendar", () => {
  afterEach(() => closeAllJsonDocs());
  const NEXT_SEPTEMBER = "下次截止：月度进度填报 2026年9月28日（周一）17:00";

  it("should name September's deadline, moved off 中秋, even when nothing is due", async () => {
    const { lines } = await run(tempDataDir(), new FakeState(), [
      "--at",
      "2026-09-10T10:00",
      "--dry-run",
    ]);
    expect(lines).toEqual([
      "2026年9月10日（周四）10:00：此刻没有到期的提醒",
      NEXT_SEPTEMBER,
      "共 0 条",
    ]);
  });

  it.each([
    ["2026-09-25T09:00", "2026年9月25日（周五）09:00：此刻没有到期的提醒（中秋假期不发送提醒）"],
    ["2026-10-01T09:00", "2026年10月1日（周四）09:00：此刻没有到期的提醒（国庆节假期不发送提醒）"],
  ])("should send nothing at %s, a public holiday", async (instant, first) => {
    const { lines } = await run(tempDataDir(), new FakeState(), ["--at", instant, "--dry-run"]);
    expect(lines[0]).toBe(first);
    expect(lines.at(-1)).toBe("共 0 条");
  });

  it("should count what it would send, the catch-up after 中秋 included", async () => {
    const state = new FakeState({ 下营镇: ["console:local"] });
    const { lines } = await run(tempDataDir(), state, ["--at", "2026-09-28T08:00", "--dry-run"]);
    expect(lines[0]).toBe("2026年9月28日（周一）08:00：到期 2 条（演练，未发送，未记录）");
    expect(lines[1]).toMatch(
      /^console:local：（补发）【月度进度填报·2026年9月】.*2026年9月28日（周一）17:00/,
    );
    expect(lines.slice(-2)).toEqual([NEXT_SEPTEMBER, "共 2 条"]);
  });

  it("should read --at 2026-12-22 as midnight in Shanghai and warn that the calendar runs out", async () => {
    const { lines } = await run(tempDataDir(), new FakeState(), [
      "--at",
      "2026-12-22",
      "--dry-run",
    ]);
    expect(lines).toEqual([
      "2026年12月22日（周二）00:00：此刻没有到期的提醒（免打扰时段 21:00–08:00）",
      "下次截止：月度进度填报 2026年12月25日（周五）17:00",
      "注意：节假日数据只到 2026年12月31日，请补录 2027 年的放假安排（/holidays）",
      "共 0 条",
    ]);
  });

  it("should print the same from `npm run reminders` on a real data folder", () => {
    const result = spawnSync(
      "npx",
      ["tsx", "src/reminders/cli.ts", "--at", "2026-09-10T10:00", "--dry-run"],
      {
        encoding: "utf8",
        timeout: 30_000,
        env: {
          ...process.env,
          DATA_DIR: tempDataDir(),
          SEED_DIR: FIXTURE_DISTRICT,
          TELEGRAM_BOT_TOKEN: "",
        },
      },
    );
    expect(result.status, result.stderr).toBe(0);
    // The week's digest (Monday the 7th, 09:00) is still current on Thursday: it would go out late.
    expect(result.stdout).toMatch(/^office:console：（补发）【月度进度填报·2026年9月】周报 ｜ /m);
    expect(result.stdout.trim().split("\n").slice(-3)).toEqual([
      NEXT_SEPTEMBER,
      "下次周报：月度进度填报 2026年9月14日（周一）09:00",
      "共 1 条",
    ]);
  });
});

describe("parseCliArgs", () => {
  it("should read a time without a zone as Shanghai time", () => {
    expect(parseCliArgs(["--at", "2026-06-22 09:00"]).at).toEqual(at("2026-06-22 09:00"));
  });

  it("should read a date alone as 00:00 in Shanghai", () => {
    expect(parseCliArgs(["--at", "2026-12-22"]).at).toEqual(at("2026-12-22 00:00"));
  });

  it("should refuse an unreadable time or an unknown option with the usage", () => {
    expect(() => parseCliArgs(["--at", "next tuesday"])).toThrow(CliUsageError);
    expect(() => parseCliArgs(["--later"])).toThrow(/用法/);
  });
});
