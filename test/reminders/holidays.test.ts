// China's working calendar in deadlines and reminders, on a controlled clock: deadlines move off
// public holidays and weekends, make-up workdays count as workdays, nothing goes out on a holiday.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { formatShanghai, shanghaiDateKey } from "../../src/core/period.js";
import { closeAllJsonDocs } from "../../src/store/json-doc.js";
import { ledgerFile, openLedger } from "../../src/reminders/ledger.js";
import { isWeekendOff, policyOf, type WeekendChoice } from "../../src/reminders/policy.js";
import { scheduleOf, taskDeadline } from "../../src/reminders/schedule.js";
import { officialCalendar } from "../../src/store/holidays.js";
import type { Task } from "../../src/store/tasks.js";
import { LATE_MARK } from "../../src/reminders/texts.js";
import {
  FakeState,
  TASK,
  at,
  fakeCalendar,
  harness,
  tempDataDir,
  tickEveryMinute,
} from "./support.js";

const shown = (instant: Date) => formatShanghai(instant, { weekday: true });
const times = (messages: { at: Date }[]) => messages.map((m) => formatShanghai(m.at));
const dueOn = (dueDay: number, holiday?: Task["schedule"]["holiday"]): Task => ({
  ...TASK,
  schedule: { ...TASK.schedule, dueDay, ...(holiday ? { holiday } : {}) },
});

describe("the official calendar (chinese-days)", () => {
  const calendar = officialCalendar();
  const day = (d: string) => at(`${d} 12:00`);

  it("should know 2026's 中秋 and National Day holidays and their make-up workdays", () => {
    for (const d of ["2026-09-25", "2026-09-26", "2026-09-27", "2026-10-01", "2026-10-07"]) {
      expect(calendar.isWorkday(day(d)), d).toBe(false);
    }
    expect(calendar.holidayName(day("2026-09-25"))).toBe("中秋");
    expect(calendar.holidayName(day("2026-10-03"))).toBe("国庆节");
    expect(calendar.isWorkday(day("2026-09-20"))).toBe(true); // Sunday
    expect(calendar.isWorkday(day("2026-10-10"))).toBe(true); // Saturday
    expect(calendar.holidayName(day("2026-09-20"))).toBeUndefined();
    expect(calendar.isWorkday(day("2026-09-19"))).toBe(false); // an ordinary Saturday
    expect(calendar.holidayName(day("2026-09-19"))).toBeUndefined();
  });

  it("should cover up to 2026 and read each date in Shanghai, not in the process's time zone", () => {
    expect(calendar.lastCoveredYear).toBe(2026);
    // 16:30 UTC on 24 September is already 00:30 on the 25th in Shanghai.
    expect(calendar.isWorkday(new Date("2026-09-24T16:30:00Z"))).toBe(false);
    expect(calendar.isWorkday(new Date("2026-09-24T15:59:00Z"))).toBe(true);
  });
});

describe("deadlines on the working calendar", () => {
  const policy = policyOf("21:00-08:00", "send", fakeCalendar());

  it("should move September 2026's deadline off 中秋 to Monday the 28th, with its reminders", () => {
    expect(shown(taskDeadline(TASK, "2026-09", fakeCalendar()))).toBe("2026年9月28日（周一）17:00");
    expect(
      scheduleOf(TASK, "2026-09", policy).map((s) => `${s.reminder.key} ${shown(s.at)}`),
    ).toEqual([
      "t-3d 2026年9月25日（周五）09:00",
      "t-1d 2026年9月27日（周日）09:00",
      "t-2h 2026年9月28日（周一）15:00",
      "overdue 2026年9月29日（周二）09:00",
    ]);
  });

  it("should move to the previous workday or keep the day when the task says so", () => {
    expect(shown(taskDeadline(dueOn(25, "previous"), "2026-09", fakeCalendar()))).toBe(
      "2026年9月24日（周四）17:00",
    );
    expect(shown(taskDeadline(dueOn(25, "keep"), "2026-09", fakeCalendar()))).toBe(
      "2026年9月25日（周五）17:00",
    );
    // Through the whole National Day week, and past an ordinary weekend.
    expect(shown(taskDeadline(dueOn(2), "2026-10", fakeCalendar()))).toBe(
      "2026年10月8日（周四）17:00",
    );
    expect(shown(taskDeadline(dueOn(2, "previous"), "2026-10", fakeCalendar()))).toBe(
      "2026年9月30日（周三）17:00",
    );
  });

  it("should leave a deadline on a make-up Sunday or Saturday where it is", () => {
    expect(shown(taskDeadline(dueOn(20), "2026-09", fakeCalendar()))).toBe(
      "2026年9月20日（周日）17:00",
    );
    expect(shown(taskDeadline(dueOn(10), "2026-10", fakeCalendar()))).toBe(
      "2026年10月10日（周六）17:00",
    );
    // An ordinary Sunday moves.
    expect(shown(taskDeadline(dueOn(13), "2026-09", fakeCalendar()))).toBe(
      "2026年9月14日（周一）17:00",
    );
  });

  it("should name the moved deadline in the liaison's reminder", async () => {
    const h = harness({ calendar: fakeCalendar() });
    await h.tick(at("2026-09-28 15:00"));
    expect(h.transport.to("wecom:yuyang")[0]?.text).toContain(
      "截止时间 2026年9月28日（周一）17:00",
    );
  });
});

describe("reminders on public holidays", () => {
  it("should send nothing on 中秋 and catch up once, marked late, on the next workday", async () => {
    const h = harness({ calendar: fakeCalendar() });
    await tickEveryMinute(h.tick, at("2026-09-24 07:00"), at("2026-09-30 00:00"));
    const days = new Set(h.transport.sent.map((m) => shanghaiDateKey(m.at)));
    expect([...days]).toEqual(["2026-09-28", "2026-09-29"]);
    expect(times(h.transport.to("wecom:yuyang"))).toEqual([
      "2026年9月28日 08:00", // T-1d, due Sunday 27th 09:00, caught up when quiet hours end
      "2026年9月28日 15:00", // T-2h
      "2026年9月29日 09:00", // overdue
    ]);
    const [catchUp, onTime] = h.transport.to("wecom:yuyang");
    expect(catchUp?.text.startsWith(`${LATE_MARK}【月度进度填报·2026年9月】`)).toBe(true);
    expect(onTime?.text.startsWith(LATE_MARK)).toBe(false);
    expect(h.service.holdReason(at("2026-09-26 10:00"))).toBe("中秋假期不发送提醒");
  });

  it("should hold reminders on a holiday even when weekends are sent", async () => {
    const h = harness({ calendar: fakeCalendar(), weekends: "send" });
    expect(await h.tick(at("2026-09-25 09:00"))).toEqual([]);
    expect(await h.tick(at("2026-09-27 09:00"))).toEqual([]);
    expect(h.transport.sent).toEqual([]);
  });

  it("should keep an overdue notice that falls in the National Day week until after it", async () => {
    // Due on the 30th (a Wednesday): the overdue notice is due on 1 October, a holiday.
    const h = harness({ calendar: fakeCalendar(), tasks: [dueOn(30)] });
    await h.tick(at("2026-09-30 15:00")); // T-2h, on time
    for (const d of ["01", "03", "05", "07"])
      expect(await h.tick(at(`2026-10-${d} 09:00`))).toEqual([]);
    const items = await h.tick(at("2026-10-08 08:00"));
    expect(items.map((i) => `${i.reminder} ${i.late}`)).toContain("overdue true");
    expect(h.transport.to("office:wecom-group").at(-1)?.text).toMatch(
      /^（补发）【月度进度填报·2026年9月】逾期通报\n已于 2026年9月30日（周三）17:00 截止/,
    );
  });

  it("should send once across a restart in the middle of the holiday", async () => {
    const dir = tempDataDir();
    const state = new FakeState();
    const processOn = () => {
      closeAllJsonDocs();
      return harness({ calendar: fakeCalendar(), state, ledger: openLedger(ledgerFile(dir)) });
    };
    try {
      const first = processOn();
      await tickEveryMinute(first.tick, at("2026-09-25 08:00"), at("2026-09-25 10:00"));
      expect(first.transport.sent).toEqual([]); // T-3d due at 09:00 on 中秋: held

      const second = processOn(); // down from the 25th to Monday 07:50
      await tickEveryMinute(second.tick, at("2026-09-28 07:50"), at("2026-09-28 08:30"));
      expect(second.transport.sent).toHaveLength(5);
      expect(second.transport.sent.every((m) => m.text.startsWith(LATE_MARK))).toBe(true);
      expect(second.ledger.entries().map((e) => e.reminder)).toEqual(Array(5).fill("t-1d"));

      const third = processOn(); // restarted again the same morning
      await tickEveryMinute(third.tick, at("2026-09-28 08:30"), at("2026-09-28 09:00"));
      expect(third.transport.sent).toEqual([]);
    } finally {
      closeAllJsonDocs();
    }
  });
});

describe("make-up workdays and the weekend choice", () => {
  it("should send on a make-up Sunday when weekends are skipped, and hold an ordinary one", async () => {
    // Due on the 21st (Monday): T-1d falls on Sunday the 20th, a make-up workday.
    const h = harness({ calendar: fakeCalendar(), weekends: "skip", tasks: [dueOn(21)] });
    expect(h.service.holdReason(at("2026-09-20 09:00"))).toBeUndefined();
    await h.tick(at("2026-09-20 09:00"));
    expect(times(h.transport.to("wecom:yuyang"))).toEqual(["2026年9月20日 09:00"]);
    expect(h.service.holdReason(at("2026-09-13 09:00"))).toBe("周末不发送提醒");
  });

  it("should move a skipped Saturday reminder to a make-up Sunday rather than to Monday", () => {
    const policy = policyOf("21:00-08:00", "skip", fakeCalendar());
    // Due on the 22nd (Tuesday) with T-3d on Saturday the 19th: next non-weekend day is the 20th.
    const slots = scheduleOf(dueOn(22), "2026-09", policy);
    expect(slots.map((s) => `${s.reminder.key} ${shown(s.at)}`)[0]).toBe(
      "t-3d 2026年9月20日（周日）09:00",
    );
  });

  it("should move a reminder back to a make-up Saturday when the choice is friday", () => {
    const policy = policyOf("21:00-08:00", "friday", fakeCalendar());
    // Due on Monday 12 October: T-1d on Sunday the 11th goes back to Saturday the 10th.
    const slots = scheduleOf(dueOn(12), "2026-10", policy);
    expect(slots.map((s) => `${s.reminder.key} ${shown(s.at)}`)).toContain(
      "t-1d 2026年10月10日（周六）09:00",
    );
  });

  it("should never place a reminder on a weekend day off, with the official calendar", () => {
    const calendar = officialCalendar();
    const choices: WeekendChoice[] = ["skip", "friday"];
    fc.assert(
      fc.property(
        fc.constantFrom(...choices),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (weekends, month, dueDay) => {
          const policy = policyOf("21:00-08:00", weekends, calendar);
          const period = `2026-${String(month).padStart(2, "0")}`;
          for (const slot of scheduleOf(dueOn(dueDay), period, policy)) {
            if (slot.at >= slot.until) continue;
            expect(isWeekendOff(slot.at, calendar)).toBe(false);
            expect(calendar.isWorkday(slot.deadline)).toBe(true);
          }
        },
      ),
    );
  });
});

afterEach(() => closeAllJsonDocs());
