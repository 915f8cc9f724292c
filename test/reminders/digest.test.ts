// The weekly digest on a controlled clock: at its time to every office target, once across
// restarts, moved off holidays, late only within its week; what it says and the picture it carries.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { formatShanghai } from "../../src/core/period.js";
import { consoleTransport, runReminderCommand } from "../../src/reminders/command.js";
import { digestChart } from "../../src/reminders/digest-chart.js";
import { digestTargets, type DigestMessage } from "../../src/reminders/digest.js";
import { openLedger } from "../../src/reminders/ledger.js";
import { LATE_MARK } from "../../src/reminders/texts.js";
import { closeAllDatabases } from "../../src/store/db/database.js";
import { chartFiles } from "../../src/store/chart-files.js";
import type { Task } from "../../src/store/tasks.js";
import { TOWNSHIPS, digestHarness, report } from "./digest-support.js";
import { TASK, at, tempDataDir } from "./support.js";

const ALL = {
  "new-homestays": 35,
  "homestays-under-construction": 8,
  "facility-farming": 120.5,
  "hogs-sold": 300,
  "village-express-points": 2,
  "black-odorous-water": 1,
};
const times = (messages: { at: Date }[]) => messages.map((m) => formatShanghai(m.at));
const hourly = (from: Date, to: Date) =>
  Array.from(
    { length: (to.getTime() - from.getTime()) / 3_600_000 },
    (_, i) => new Date(from.getTime() + i * 3_600_000),
  );

describe("the weekly digest", () => {
  afterEach(() => closeAllDatabases());

  it("should go to every office target at its time, once", async () => {
    const h = digestHarness();
    await h.tick(at("2026-12-07 08:59"));
    expect(h.received).toEqual([]);
    await h.tick(at("2026-12-07 09:00"));
    await h.tick(at("2026-12-07 09:01"));
    await h.tick(at("2026-12-09 15:00"));
    expect(h.received.map((m) => m.to)).toEqual(["office:wecom-group", "office:telegram-office"]);
    expect(times(h.received)).toEqual(["2026年12月7日 09:00", "2026年12月7日 09:00"]);
    expect(h.received[0]!.text).toMatch(/^【月度进度填报·2026年12月】周报\n/);
    await h.tick(at("2026-12-14 09:00"));
    expect(h.received).toHaveLength(4); // next week's
  });

  it("should not send twice when the bot restarts after sending", async () => {
    const dir = tempDataDir();
    const first = digestHarness({ ledger: openLedger(dir) });
    await first.tick(at("2026-12-07 09:00"));
    expect(first.received).toHaveLength(2);

    closeAllDatabases(); // a new process
    const second = digestHarness({ ledger: openLedger(dir) });
    for (const t of ["09:00", "09:01", "09:30", "17:00"]) await second.tick(at(`2026-12-07 ${t}`));
    await second.tick(at("2026-12-11 10:00"));
    expect(second.received).toEqual([]);
  });

  it("should send a digest missed while the bot was down once, late, on start", async () => {
    const dir = tempDataDir();
    const before = digestHarness({ ledger: openLedger(dir) });
    await before.tick(at("2026-12-07 08:55"));
    expect(before.received).toEqual([]);

    closeAllDatabases();
    const after = digestHarness({ ledger: openLedger(dir) });
    await after.tick(at("2026-12-08 10:30")); // started again the next day
    await after.tick(at("2026-12-08 10:31"));
    expect(times(after.received)).toEqual(["2026年12月8日 10:30", "2026年12月8日 10:30"]);
    expect(after.received.every((m) => m.text.startsWith(`${LATE_MARK}【`))).toBe(true);
  });

  it("should not send last week's digest after a restart in a new week", async () => {
    const dir = tempDataDir();
    const before = digestHarness({ ledger: openLedger(dir) });
    await before.tick(at("2026-12-06 20:00")); // the week before's went out at start … then down
    expect(before.received).toHaveLength(2);

    closeAllDatabases();
    const after = digestHarness({ ledger: openLedger(dir) });
    await after.tick(at("2026-12-14 08:30")); // W50's (7 December) was missed: not sent now
    expect(after.received).toEqual([]);
    await after.tick(at("2026-12-14 09:00"));
    expect(times(after.received)).toEqual(["2026年12月14日 09:00", "2026年12月14日 09:00"]);
    expect(after.received[0]!.text.startsWith(LATE_MARK)).toBe(false);
  });

  it("should stay quiet when the clock steps back into a week whose digest was not sent", async () => {
    const h = digestHarness();
    await h.tick(at("2026-12-14 09:00"));
    expect(h.received).toHaveLength(2);
    await h.tick(at("2026-12-10 10:00")); // the week before, its digest never sent
    expect(h.received).toHaveLength(2);
  });

  it("should count as telling the office for an admin's /remind within 10 minutes", async () => {
    const h = digestHarness();
    await h.tick(at("2026-12-07 09:00"));
    h.clock.now = at("2026-12-07 09:05");
    expect((await h.service.remindNow(TASK, "2026-12")).reply).toBe(
      "10 分钟内已提醒过，未重复发送。",
    );
    h.clock.now = at("2026-12-07 09:11");
    const later = await h.service.remindNow(TASK, "2026-12");
    expect(later.items.map((i) => i.recipient)).toEqual([
      "office:wecom-group",
      "office:telegram-office",
    ]);
  });

  it("should send nothing on National Day and go out on Thursday 8 October instead", async () => {
    const h = digestHarness();
    await h.tick(at("2026-09-28 09:00")); // the week before: sent as usual
    expect(h.received).toHaveLength(2);
    for (const t of hourly(at("2026-10-05 00:00"), at("2026-10-08 09:00"))) await h.tick(t);
    expect(h.received).toHaveLength(2);
    await h.tick(at("2026-10-08 09:00"));
    await h.tick(at("2026-10-08 10:00"));
    expect(times(h.received.slice(2))).toEqual(["2026年10月8日 09:00", "2026年10月8日 09:00"]);
    expect(h.received[2]!.text).toMatch(/^【月度进度填报·2026年10月】周报\n/); // on time, not late
  });

  it("should send one digest for the two weeks of the Spring Festival", async () => {
    const h = digestHarness();
    for (const t of hourly(at("2026-02-16 00:00"), at("2026-02-25 00:00"))) await h.tick(t);
    expect(times(h.received)).toEqual(["2026年2月24日 09:00", "2026年2月24日 09:00"]);
    const digests = h.ledger.entries().filter((e) => e.reminder.startsWith("digest-"));
    expect(digests.map((e) => `${e.reminder} ${e.recipient} ${e.state}`)).toEqual([
      "digest-2026-W09 office:wecom-group sent",
      "digest-2026-W09 office:telegram-office sent",
    ]);
  });

  it("should go out on a make-up Sunday when weekends are skipped", async () => {
    const sunday: Task = { ...TASK, digest: { weekday: 7, time: "10:00" } };
    const h = digestHarness({ tasks: [sunday], weekends: "skip" });
    await h.tick(at("2026-09-13 10:00")); // an ordinary Sunday: held
    await h.tick(at("2026-09-14 10:00")); // Monday instead
    await h.tick(at("2026-09-20 10:00")); // 调休: a working Sunday
    expect(times(h.received)).toEqual([
      "2026年9月14日 10:00",
      "2026年9月14日 10:00",
      "2026年9月20日 10:00",
      "2026年9月20日 10:00",
    ]);
  });

  it("should hold a digest in quiet hours", async () => {
    const late: Task = { ...TASK, digest: { weekday: 1, time: "22:30" } };
    const h = digestHarness({ tasks: [late] });
    await h.tick(at("2026-12-07 22:30"));
    await h.tick(at("2026-12-08 07:59"));
    expect(h.received).toEqual([]);
    await h.tick(at("2026-12-08 08:00"));
    expect(times(h.received)).toEqual(["2026年12月8日 08:00", "2026年12月8日 08:00"]);
  });
});

describe("what the digest says", () => {
  afterEach(() => closeAllDatabases());

  it("should name the missing townships one a line, last month's stragglers and the week's changes", async () => {
    const h = digestHarness();
    await report(h.store, "2026-11", "下营镇", ALL, at("2026-11-20 10:00"));
    await report(h.store, "2026-12", "渔阳镇", { "new-homestays": 10 }, at("2026-12-01 10:00"));
    await report(h.store, "2026-12", "渔阳镇", { "new-homestays": 12 }, at("2026-12-08 10:00"));
    await report(h.store, "2026-12", "下营镇", ALL, at("2026-12-09 16:00"));
    await h.tick(at("2026-12-14 09:00"));
    expect(h.received[0]!.text).toBe(
      [
        "【月度进度填报·2026年12月】周报",
        "截止时间：2026年12月25日（周五）17:00",
        "已报齐 1/3 个乡镇",
        "未报（1）：",
        "· 官庄镇",
        "部分未报（1）：",
        "· 渔阳镇：缺在建民宿、设施农业、生猪出栏、新增村级快递网点、黑臭水体治理",
        "2026年11月仍逾期未报齐（2）：",
        "· 渔阳镇",
        "· 官庄镇",
        "近 7 天（12月7日起）新报和更正，全区合计一周前 → 现在：",
        "2026年12月：新报 1 个乡镇，更正 1 项",
        "· 新建民宿 10 → 47 户（+37）",
        "· 在建民宿 0 → 8 户（+8）",
        "· 设施农业 0 → 120.5 亩（+120.5）",
        "· 生猪出栏 0 → 300 头（+300）",
        "· 新增村级快递网点 0 → 2 个（+2）",
        "· 黑臭水体治理 0 → 1 处（+1）",
      ].join("\n"),
    );
    expect(h.received[1]!.text).toBe(h.received[0]!.text);
  });

  it("should carry the first field's chart as a picture, drawn once for all targets", async () => {
    const h = digestHarness();
    await report(h.store, "2026-12", "下营镇", ALL, at("2026-12-09 16:00"));
    await h.tick(at("2026-12-14 09:00"));
    expect(h.received.map((m) => m.image)).toEqual([
      { path: "/charts/2026-12.png", name: "2026-12.png" },
      { path: "/charts/2026-12.png", name: "2026-12.png" },
    ]);
    expect(h.charts).toEqual([{ task: TASK.id, period: "2026-12" }]);
  });

  it("should chart last month while nobody has reported this month, and send text alone without figures", async () => {
    const h = digestHarness();
    await h.tick(at("2026-11-02 09:00")); // nothing reported at all
    expect(h.received[0]!.image).toBeUndefined();
    await report(h.store, "2026-11", "下营镇", ALL, at("2026-11-20 10:00"));
    await h.tick(at("2026-12-07 09:00"));
    expect(h.received[2]!.image?.path).toBe("/charts/2026-11.png");
  });

  it("should say when everyone or no one has reported, and when nothing changed", async () => {
    const h = digestHarness();
    await h.tick(at("2026-12-07 09:00"));
    expect(h.received[0]!.text.split("\n").slice(2)).toEqual([
      "3 个乡镇均未报",
      "近 7 天没有新报或更正的数字",
    ]);
    for (const t of TOWNSHIPS) await report(h.store, "2026-12", t, ALL, at("2026-12-08 10:00"));
    await h.tick(at("2026-12-28 09:00"));
    expect(h.received[2]!.text.split("\n").slice(0, 4)).toEqual([
      "【月度进度填报·2026年12月】周报",
      "已于 2026年12月25日（周五）17:00 截止",
      "3 个乡镇已全部报齐",
      "近 7 天没有新报或更正的数字",
    ]);
  });

  it("should call the unreported of a passed deadline overdue and list a correction that changes nothing", async () => {
    const h = digestHarness();
    await report(h.store, "2026-12", "下营镇", ALL, at("2026-12-20 10:00"));
    await report(h.store, "2026-12", "下营镇", { "hogs-sold": 300 }, at("2026-12-27 10:00"));
    await h.tick(at("2026-12-28 09:00"));
    const lines = h.received[0]!.text.split("\n");
    expect(lines.slice(2, 6)).toEqual([
      "已报齐 1/3 个乡镇",
      "逾期未报（2）：",
      "· 渔阳镇",
      "· 官庄镇",
    ]);
    expect(lines.slice(-2)).toEqual(["2026年12月：更正 1 项", "· 生猪出栏 300 → 300 头（持平）"]);
  });

  it("should send the text alone when the chart cannot be drawn", async () => {
    const h = digestHarness({
      digest: {
        chart: async () => {
          throw new Error("font missing");
        },
      },
    });
    await report(h.store, "2026-12", "下营镇", ALL, at("2026-12-09 16:00"));
    await h.tick(at("2026-12-14 09:00"));
    expect(h.received.map((m) => m.image)).toEqual([undefined, undefined]);
    expect(h.log.lines).toContain("warn 周报图表绘制失败，只发文字：Error: font missing");
  });

  it("should fall back to the reminders' office targets, text only, without digest targets", async () => {
    const h = digestHarness({ digest: { targets: undefined } });
    await report(h.store, "2026-12", "下营镇", ALL, at("2026-12-09 16:00"));
    await h.tick(at("2026-12-14 09:00"));
    const digests = h.transport.sent.filter((m) => m.text.includes("周报"));
    expect(digests.map((m) => m.to)).toEqual(["office:wecom-group", "office:telegram-office"]);
    expect(digests[0]!.text).toMatch(/^【月度进度填报·2026年12月】周报\n/);
  });
});

describe("the digest's picture", () => {
  afterEach(() => closeAllDatabases());

  it("should draw the township chart of the first field to a PNG in the charts folder", async () => {
    const h = digestHarness();
    await report(h.store, "2026-12", "下营镇", ALL, at("2026-12-09 16:00"));
    const dir = join(tempDataDir(), "charts");
    const chart = digestChart({
      roster: TOWNSHIPS.map((name) => ({ name })),
      submissions: h.store,
      output: chartFiles(dir),
    });
    const picture = await chart(TASK, "2026-12");
    expect(picture?.name).toBe("2026年12月各乡镇新建民宿.png");
    expect(picture?.path.startsWith(dir)).toBe(true);
    expect(existsSync(picture!.path)).toBe(true);
    expect(readFileSync(picture!.path).subarray(1, 4).toString()).toBe("PNG");
    expect(await chart(TASK, "2026-11")).toBeUndefined();
  });

  it("should reach each office channel the way it takes pictures", async () => {
    const calls: string[] = [];
    const image = { path: "charts/x.png", name: "x.png" };
    const targets = digestTargets({
      wecomGroup: {
        sendReply: async (m: DigestMessage) => void calls.push(`wecom ${m.image?.name}`),
      },
      telegram: {
        sendTo: async (chat: string, m: DigestMessage) =>
          void calls.push(`telegram ${chat} ${m.image?.name}`),
      },
      telegramChat: "-100",
      print: async (text) => void calls.push(`print ${text}`),
    });
    expect(targets.map((t) => t.key)).toEqual(["wecom-group", "telegram-office", "console"]);
    for (const target of targets) await target.send({ text: "周报", image });
    expect(calls).toEqual([
      "wecom x.png",
      "telegram -100 x.png",
      `print 周报\n${join(process.cwd(), "charts/x.png")}`,
    ]);
    expect(digestTargets({ telegram: targets[1] as never }).map((t) => t.key)).toEqual([]);
  });
});

describe("the reminders command and the digest", () => {
  afterEach(() => closeAllDatabases());

  it("should list a due digest and the next one in a dry run", async () => {
    const lines: string[] = [];
    const print = (line: string) => void lines.push(line);
    const h = digestHarness({ transport: consoleTransport(print) });
    const code = await runReminderCommand(
      h.service,
      { at: at("2026-12-07 09:00"), dryRun: true },
      print,
    );
    expect(code).toBe(0);
    expect(lines.filter((l) => l.startsWith("office:wecom-group"))).toEqual([
      "office:wecom-group：【月度进度填报·2026年12月】周报 ｜ 截止时间：2026年12月25日（周五）17:00 ｜ 3 个乡镇均未报 ｜ 近 7 天没有新报或更正的数字",
    ]);
    expect(lines).toContain("下次周报：月度进度填报 2026年12月14日（周一）09:00");
    expect(lines.at(-1)).toBe("共 3 条"); // two digests and the calendar's notice
    expect(h.received).toEqual([]);
  });

  it("should print the next digest even when nothing is due", async () => {
    const lines: string[] = [];
    const print = (line: string) => void lines.push(line);
    const h = digestHarness({ transport: consoleTransport(print) });
    await runReminderCommand(h.service, { at: at("2026-10-05 09:00"), dryRun: true }, print);
    expect(lines).toEqual([
      "2026年10月5日（周一）09:00：此刻没有到期的提醒（国庆节假期不发送提醒）",
      "下次截止：月度进度填报 2026年10月26日（周一）17:00",
      "下次周报：月度进度填报 2026年10月8日（周四）09:00",
      "共 0 条",
    ]);
  });
});
