import { describe, expect, it } from "vitest";
import { formatShanghai } from "../../src/core/period.js";
import { memoryLedger } from "../../src/reminders/ledger.js";
import { LATE_MARK } from "../../src/reminders/texts.js";
import { FakeState, TASK, at, harness, tickEveryMinute } from "./support.js";

const times = (messages: { at: Date }[]) => messages.map((m) => formatShanghai(m.at));

describe("a month of reminders", () => {
  it("should send each reminder once, on time, to those still missing", async () => {
    const h = harness();
    // 渔阳镇 reports everything on the 23rd; 下营镇 reports two fields on the 24th at noon.
    const report = async (instant: Date) => {
      if (instant.getTime() === at("2026-06-23 12:00").getTime())
        h.state.report("2026-06", "渔阳镇");
      if (instant.getTime() === at("2026-06-24 12:00").getTime()) {
        h.state.report("2026-06", "下营镇", ["new-homestays", "hogs-sold"]);
      }
      await h.tick(instant);
    };
    await tickEveryMinute(report, at("2026-06-20 00:00"), at("2026-07-01 00:00"));

    const fourTimes = [
      "2026年6月22日 09:00",
      "2026年6月24日 09:00",
      "2026年6月25日 15:00",
      "2026年6月26日 09:00",
    ];
    for (const liaison of ["wecom:xiaying1", "telegram:1002"]) {
      expect(times(h.transport.to(liaison))).toEqual(fourTimes);
    }
    expect(times(h.transport.to("wecom:yuyang"))).toEqual(["2026年6月22日 09:00"]);
    for (const office of ["office:wecom-group", "office:telegram-office"]) {
      expect(times(h.transport.to(office))).toEqual(fourTimes);
    }
    expect(h.transport.sent).toHaveLength(4 * 4 + 1);
    expect(h.transport.sent.some((m) => m.text.startsWith(LATE_MARK))).toBe(false);
  });

  it("should name the missing fields and the deadline in the direct message", async () => {
    const h = harness();
    h.state.report("2026-06", "下营镇", [
      "new-homestays",
      "homestays-under-construction",
      "hogs-sold",
    ]);
    await h.tick(at("2026-06-22 09:00"));
    expect(h.transport.to("wecom:xiaying1")[0]?.text).toBe(
      "【月度进度填报·2026年6月】下营镇还有 3 项未报：设施农业、新增村级快递网点、黑臭水体治理。" +
        "截止时间 2026年6月25日（周四）17:00，请按时填报（私聊我发“上报”）。",
    );
  });

  it("should tell the office who has not reported, who in part, and who has no liaison", async () => {
    const h = harness();
    h.state.report("2026-06", "渔阳镇");
    h.state.report("2026-06", "下营镇", ["new-homestays"]);
    await h.tick(at("2026-06-26 09:00"));
    expect(h.transport.to("office:wecom-group")[0]?.text).toBe(
      [
        "【月度进度填报·2026年6月】逾期通报",
        "已于 2026年6月25日（周四）17:00 截止",
        "已报 1/3",
        "逾期未报（1）：",
        "官庄镇",
        "部分未报（1）：下营镇（缺在建民宿、设施农业、生猪出栏、新增村级快递网点、黑臭水体治理）",
        "未绑定联络员、无法私信提醒（1）：",
        "官庄镇",
      ].join("\n"),
    );
  });

  it("should send nothing once every township has reported", async () => {
    const h = harness();
    for (const t of ["下营镇", "渔阳镇", "官庄镇"]) h.state.report("2026-06", t);
    await h.tick(at("2026-06-22 09:00"));
    expect(h.transport.sent).toEqual([]);
  });

  it("should drop a queued message when the township reports before it goes out", async () => {
    // One person bound to two townships: the second message waits behind the first in its lane.
    const h = harness({ state: new FakeState({ 下营镇: ["wecom:both"], 渔阳镇: ["wecom:both"] }) });
    let open = () => {};
    h.transport.gate = new Promise<void>((resolve) => (open = resolve));
    h.clock.now = at("2026-06-22 09:00");
    await h.service.runDue();
    h.state.report("2026-06", "渔阳镇");
    open();
    await h.service.flush();
    expect(h.transport.to("wecom:both").map((m) => m.text)).toEqual([
      expect.stringContaining("下营镇还有 6 项未报"),
    ]);
  });
});

describe("catching up", () => {
  it("should send only the latest due reminder after a skipped day, marked late", async () => {
    const h = harness();
    await h.tick(at("2026-06-21 12:00"));
    const items = await h.tick(at("2026-06-25 10:00"));
    expect(new Set(items.map((i) => i.reminder))).toEqual(new Set(["t-1d"]));
    expect(h.transport.to("wecom:yuyang").map((m) => m.text)).toEqual([
      expect.stringMatching(/^（补发）【月度进度填报·2026年6月】渔阳镇还有 6 项未报/),
    ]);
    // Sent late on the deadline day: the office is told the deadline is today, not "1 day before".
    expect(h.transport.to("office:wecom-group")[0]?.text.split("\n")[0]).toBe(
      "（补发）【月度进度填报·2026年6月】今天截止提醒",
    );
    await h.tick(at("2026-06-25 15:00"));
    expect(h.transport.to("wecom:yuyang")[1]?.text.startsWith(LATE_MARK)).toBe(false);
  });

  it("should hold a catch-up during quiet hours and send it when they end", async () => {
    const h = harness();
    expect(await h.tick(at("2026-06-24 22:00"))).toEqual([]);
    expect(h.service.holdReason(at("2026-06-24 22:00"))).toBe("免打扰时段 21:00–08:00");
    const items = await h.tick(at("2026-06-25 08:00"));
    expect(items.map((i) => `${i.reminder} ${i.late}`)).toContain("t-1d true");
  });

  it("should skip weekends when told to, sending Sunday's reminder on Monday", async () => {
    // May 2026: T-1d falls on Sunday the 24th.
    const h = harness({ weekends: "skip" });
    await tickEveryMinute(h.tick, at("2026-05-24 08:50"), at("2026-05-24 09:10"));
    expect(h.transport.sent).toEqual([]);
    expect(h.service.holdReason(at("2026-05-24 09:00"))).toBe("周末不发送提醒");
    await h.tick(at("2026-05-25 09:00"));
    expect(h.transport.to("wecom:yuyang").map((m) => m.text)).toEqual([
      expect.stringMatching(/^【月度进度填报·2026年5月】/),
    ]);
  });
});

describe("exactly once", () => {
  it("should send nothing twice when the clock steps back a minute", async () => {
    const h = harness();
    await h.tick(at("2026-06-22 09:00"));
    await h.tick(at("2026-06-24 09:00"));
    expect(h.transport.sent).toHaveLength(10);
    await h.tick(at("2026-06-24 08:59"));
    await h.tick(at("2026-06-24 09:00"));
    await h.tick(at("2026-06-24 09:01"));
    expect(h.transport.sent).toHaveLength(10);
  });

  it("should not send an earlier reminder when the clock steps back behind a later one", async () => {
    const h = harness();
    await h.tick(at("2026-06-24 09:00"));
    expect(await h.tick(at("2026-06-24 08:59"))).toEqual([]);
    expect(h.transport.sent).toHaveLength(5);
  });

  it("should not queue a message twice while it waits in the outbox", async () => {
    const h = harness();
    let open = () => {};
    h.transport.gate = new Promise<void>((resolve) => (open = resolve));
    h.clock.now = at("2026-06-22 09:00");
    await h.service.runDue();
    expect(await h.service.runDue(at("2026-06-22 09:01"))).toEqual([]);
    open();
    await h.service.flush();
    expect(h.transport.sent).toHaveLength(5);
  });

  it("should retry a failed send and record it once sent", async () => {
    const h = harness();
    h.transport.failNext = 2;
    await h.tick(at("2026-06-22 09:00"));
    expect(h.transport.sent).toHaveLength(5);
    expect(h.ledger.entries().map((e) => e.state)).toEqual(Array(5).fill("sent"));
  });

  it("should record a send that failed for good and not retry it on later ticks", async () => {
    const h = harness({ directPerMinute: 30 });
    h.transport.failNext = 1_000;
    await h.tick(at("2026-06-22 09:00"));
    expect(h.ledger.entries().map((e) => e.state)).toEqual(Array(5).fill("failed"));
    h.transport.failNext = 0;
    await h.tick(at("2026-06-22 09:01"));
    expect(h.transport.sent).toEqual([]);
  });
});

describe("dry run", () => {
  it("should list what is due without sending or recording anything", async () => {
    const h = harness();
    const planned = await h.service.runDue(at("2026-06-22 09:00"), { dryRun: true });
    expect(planned.map((i) => i.recipient).sort()).toEqual([
      "office:telegram-office",
      "office:wecom-group",
      "telegram:1002",
      "wecom:xiaying1",
      "wecom:yuyang",
    ]);
    await h.service.flush();
    expect(h.transport.sent).toEqual([]);
    expect(h.ledger.entries()).toEqual([]);
    expect(await h.tick(at("2026-06-22 09:00"))).toHaveLength(5);
  });
});

describe("remindNow", () => {
  it("should nudge the missing townships now, but not twice within ten minutes", async () => {
    const h = harness();
    h.state.report("2026-06", "渔阳镇");
    h.clock.now = at("2026-06-23 10:00");
    const first = await h.service.remindNow(TASK);
    await h.service.flush();
    expect(first.reply).toBe("已提醒 2 位联络员，并向办公室发送 2 条汇总。");
    expect(h.transport.to("wecom:yuyang")).toEqual([]);

    h.clock.now = at("2026-06-23 10:05");
    const again = await h.service.remindNow(TASK);
    expect(again.reply).toBe("10 分钟内已提醒过，未重复发送。");

    h.clock.now = at("2026-06-23 10:11");
    expect((await h.service.remindNow(TASK)).items).toHaveLength(4);
    await h.service.flush();
    expect(h.transport.to("wecom:xiaying1")).toHaveLength(2);
  });

  it("should leave the schedule alone: the T-1d reminder still goes out", async () => {
    const h = harness();
    h.clock.now = at("2026-06-23 10:00");
    await h.service.remindNow(TASK);
    await h.tick(at("2026-06-24 09:00"));
    expect(h.transport.to("wecom:yuyang")).toHaveLength(2);
  });

  it("should not repeat a scheduled reminder sent minutes ago", async () => {
    const h = harness();
    await h.tick(at("2026-06-24 09:00"));
    h.clock.now = at("2026-06-24 09:03");
    expect((await h.service.remindNow(TASK)).items).toEqual([]);
  });
});

describe("deadlinesText", () => {
  it("should list the open task with its deadline, progress and next reminder", () => {
    const h = harness();
    h.state.report("2026-06", "渔阳镇");
    expect(h.service.deadlinesText(at("2026-06-23 10:00"))).toBe(
      "当前填报任务：\n· 月度进度填报（2026年6月）：截止 2026年6月25日（周四）17:00，已报 1/3。" +
        "下次提醒：2026年6月24日（周三）09:00（截止前1天，仍有未报时发送）。",
    );
  });

  it("should say the deadline passed and point at next month's reminder", () => {
    const h = harness({ ledger: memoryLedger() });
    for (const t of ["下营镇", "渔阳镇", "官庄镇"]) h.state.report("2026-06", t);
    // 25 July 2026 is a Saturday: the deadline moves to Monday the 27th, T-3d to Friday the 24th.
    expect(h.service.deadlinesText(at("2026-06-27 10:00"))).toBe(
      "当前填报任务：\n· 月度进度填报（2026年6月）：已于 2026年6月25日（周四）17:00 截止，已报 3/3。" +
        "下次提醒：2026年7月24日（周五）09:00（2026年7月截止前3天，仍有未报时发送）。",
    );
  });
});
