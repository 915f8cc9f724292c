import { afterEach, describe, expect, it } from "vitest";
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
      "office:console：【月度进度填报·2026年6月】截止前3天提醒 ｜ 截止时间：2026年6月25日（周四）17:00 ｜ 已报 0/1 ｜ 未报（1）：下营镇",
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
    expect(first.lines.at(-1)).toBe("已发送 2 条");
    const second = await run(dir, state, ["--at", "2026-06-22T09:00:00+08:00"]);
    expect(second.lines).toEqual(["2026年6月22日（周一）09:00：此刻没有到期的提醒"]);
  });

  it("should say why nothing goes out in quiet hours", async () => {
    const { lines } = await run(tempDataDir(), new FakeState(), ["--at", "2026-06-24 23:00"]);
    expect(lines).toEqual([
      "2026年6月24日（周三）23:00：此刻没有到期的提醒（免打扰时段 21:00–08:00）",
    ]);
  });
});

describe("parseCliArgs", () => {
  it("should read a time without a zone as Shanghai time", () => {
    expect(parseCliArgs(["--at", "2026-06-22 09:00"]).at).toEqual(at("2026-06-22 09:00"));
  });

  it("should refuse an unreadable time or an unknown option with the usage", () => {
    expect(() => parseCliArgs(["--at", "next tuesday"])).toThrow(CliUsageError);
    expect(() => parseCliArgs(["--later"])).toThrow(/用法/);
  });
});
