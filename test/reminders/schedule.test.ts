import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatShanghai, shanghaiParts } from "../../src/core/period.js";
import {
  inQuietHours,
  isWeekend,
  policyOf,
  type WeekendChoice,
} from "../../src/reminders/policy.js";
import {
  dueReminders,
  scheduleOf,
  upcomingReminders,
  type ScheduledReminder,
} from "../../src/reminders/schedule.js";
import type { Task } from "../../src/store/tasks.js";
import { TASK, at } from "./support.js";

const DEFAULT = policyOf("21:00-08:00", "send");

/** "key@YYYY-MM-DD HH:MM" for each placed reminder. */
function placed(slots: ScheduledReminder[]): string[] {
  return slots.map((s) => `${s.reminder.key}@${local(s.at)}`);
}

function local(instant: Date): string {
  const p = shanghaiParts(instant);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

function dueKeys(task: Task, instant: Date, policy = DEFAULT): string[] {
  return dueReminders(task, instant, policy).map((s) => `${s.period} ${s.reminder.key}`);
}

describe("scheduleOf", () => {
  it("should place the default reminders relative to the 25th 17:00", () => {
    expect(placed(scheduleOf(TASK, "2026-06", DEFAULT))).toEqual([
      "t-3d@2026-06-22 09:00",
      "t-1d@2026-06-24 09:00",
      "t-2h@2026-06-25 15:00",
      "overdue@2026-06-26 09:00",
    ]);
  });

  it("should use the month's last day when the due day is past it", () => {
    const task = { ...TASK, schedule: { kind: "monthly" as const, dueDay: 31, dueTime: "17:00" } };
    expect(placed(scheduleOf(task, "2026-06", DEFAULT))).toContain("overdue@2026-07-01 09:00");
  });
});

describe("dueReminders", () => {
  it("should have nothing due before the first reminder", () => {
    expect(dueKeys(TASK, at("2026-06-22 08:59"))).toEqual([]);
  });

  it("should keep a reminder current until the next one is due", () => {
    expect(dueKeys(TASK, at("2026-06-22 09:00"))).toEqual(["2026-06 t-3d"]);
    expect(dueKeys(TASK, at("2026-06-23 18:00"))).toEqual(["2026-06 t-3d"]);
    expect(dueKeys(TASK, at("2026-06-24 09:00"))).toEqual(["2026-06 t-1d"]);
  });

  it("should only offer the latest reminder after a skipped day, never the stale T-3d", () => {
    expect(dueKeys(TASK, at("2026-06-25 10:00"))).toEqual(["2026-06 t-1d"]);
    expect(dueKeys(TASK, at("2026-06-25 16:00"))).toEqual(["2026-06 t-2h"]);
  });

  it("should stop pre-deadline reminders at the deadline", () => {
    expect(dueKeys(TASK, at("2026-06-25 16:59"))).toEqual(["2026-06 t-2h"]);
    expect(dueKeys(TASK, at("2026-06-25 17:00"))).toEqual([]);
  });

  it("should keep the overdue notice due for three days", () => {
    expect(dueKeys(TASK, at("2026-06-26 09:00"))).toEqual(["2026-06 overdue"]);
    expect(dueKeys(TASK, at("2026-06-29 08:59"))).toEqual(["2026-06 overdue"]);
    expect(dueKeys(TASK, at("2026-06-29 09:00"))).toEqual([]);
  });
});

describe("quiet hours", () => {
  const evening = (reminders: Task["reminders"], dueTime = "17:00"): Task => ({
    ...TASK,
    schedule: { kind: "monthly", dueDay: 25, dueTime },
    reminders,
  });
  const r = (key: string, extra: Partial<Task["reminders"][number]>) => ({
    key,
    offsetDays: 0,
    offsetMinutes: 0,
    overdue: false,
    ...extra,
  });

  it("should move a reminder in quiet hours to their end", () => {
    const task = evening([r("late-evening", { offsetDays: -1, at: "22:30" })]);
    expect(placed(scheduleOf(task, "2026-06", DEFAULT))).toEqual(["late-evening@2026-06-25 08:00"]);
  });

  it("should pull a pre-deadline reminder back before quiet hours when their end is too late", () => {
    const task = evening([r("t-1h", { offsetMinutes: -60 })], "22:30");
    expect(placed(scheduleOf(task, "2026-06", DEFAULT))).toEqual(["t-1h@2026-06-25 20:59"]);
  });

  it("should move an overdue notice in quiet hours to the next morning", () => {
    const task = evening([r("overdue", { offsetMinutes: 60, overdue: true })], "22:30");
    expect(placed(scheduleOf(task, "2026-06", DEFAULT))).toEqual(["overdue@2026-06-26 08:00"]);
  });

  it("should leave reminders alone when quiet hours are off", () => {
    const task = evening([r("late-evening", { offsetDays: -1, at: "22:30" })]);
    const policy = policyOf("off", "send");
    expect(placed(scheduleOf(task, "2026-06", policy))).toEqual(["late-evening@2026-06-24 22:30"]);
  });
});

describe("weekends", () => {
  const with_ = (weekends: WeekendChoice) => policyOf("21:00-08:00", weekends);

  it("should send on weekends when the choice is send", () => {
    // May 2026: the 25th is a Monday, so T-1d falls on Sunday the 24th.
    expect(placed(scheduleOf(TASK, "2026-05", with_("send")))).toContain("t-1d@2026-05-24 09:00");
  });

  it("should move a weekend reminder to Monday when the choice is skip", () => {
    expect(placed(scheduleOf(TASK, "2026-05", with_("skip")))).toEqual([
      "t-3d@2026-05-22 09:00",
      "t-1d@2026-05-25 09:00",
      "t-2h@2026-05-25 15:00",
      "overdue@2026-05-26 09:00",
    ]);
  });

  it("should drop a skipped reminder that would land after a Sunday deadline", () => {
    // October 2026: the 25th is a Sunday.
    expect(placed(scheduleOf(TASK, "2026-10", with_("skip")))).toEqual([
      "t-3d@2026-10-22 09:00",
      "overdue@2026-10-26 09:00",
    ]);
  });

  it("should move weekend reminders back to Friday when the choice is friday", () => {
    expect(placed(scheduleOf(TASK, "2026-10", with_("friday")))).toEqual([
      "t-3d@2026-10-22 09:00",
      "t-1d@2026-10-23 09:00",
      "t-2h@2026-10-23 15:00",
      "overdue@2026-10-26 09:00",
    ]);
  });

  it("should let the later reminder win when two land on one Friday moment", () => {
    const policy = with_("friday");
    expect(dueKeys(TASK, at("2026-05-22 09:00"), policy)).toEqual(["2026-05 t-1d"]);
  });

  it("should never move an overdue notice before its deadline", () => {
    // April 2026: the 25th is a Saturday, so the overdue notice falls on Sunday the 26th.
    expect(placed(scheduleOf(TASK, "2026-04", with_("friday")))).toContain(
      "overdue@2026-04-27 09:00",
    );
  });
});

describe("upcomingReminders", () => {
  it("should name the next reminder, crossing into next month", () => {
    const [next] = upcomingReminders(TASK, at("2026-06-27 10:00"), DEFAULT);
    expect(next && `${next.period} ${next.reminder.key} ${formatShanghai(next.at)}`).toBe(
      "2026-07 t-3d 2026年7月22日 09:00",
    );
  });
});

describe("placement invariants", () => {
  const choices: WeekendChoice[] = ["send", "skip", "friday"];
  const quiets = ["21:00-08:00", "off", "12:00-14:00", "20:00-09:30"];
  const reminder = fc.record({
    key: fc.constantFrom("a", "b", "c"),
    offsetDays: fc.integer({ min: -5, max: 3 }),
    at: fc.option(fc.constantFrom("00:30", "07:59", "09:00", "13:00", "20:59", "23:00"), {
      nil: undefined,
    }),
    offsetMinutes: fc.integer({ min: -600, max: 600 }),
    overdue: fc.boolean(),
  });

  it("should never place a reminder in quiet hours, on a skipped weekend or on the wrong side of the deadline", () => {
    fc.assert(
      fc.property(
        fc.array(reminder, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...choices),
        fc.constantFrom(...quiets),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom("08:00", "17:00", "23:30"),
        (reminders, weekends, quiet, month, dueTime) => {
          const keyed = reminders.map((r, i) => ({ ...r, key: `${r.key}${i}` }));
          const task: Task = {
            ...TASK,
            schedule: { kind: "monthly", dueDay: 25, dueTime },
            reminders: keyed,
          };
          const policy = policyOf(quiet, weekends);
          const period = `2026-${String(month).padStart(2, "0")}`;
          for (const slot of scheduleOf(task, period, policy)) {
            if (slot.at >= slot.until) continue; // never current, never sent
            expect(inQuietHours(slot.at, policy.quiet)).toBe(false);
            if (weekends !== "send") expect(isWeekend(slot.at)).toBe(false);
            if (slot.reminder.overdue) expect(slot.at >= slot.deadline).toBe(true);
            else expect(slot.at < slot.deadline).toBe(true);
          }
        },
      ),
    );
  });

  it("should have at most one reminder of a period due at any instant", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 366 * 24 * 60 }), (minute) => {
        const instant = new Date(at("2026-01-01 00:00").getTime() + minute * 60_000);
        for (const weekends of choices) {
          const due = dueReminders(TASK, instant, policyOf("21:00-08:00", weekends));
          expect(new Set(due.map((s) => s.period)).size).toBe(due.length);
        }
      }),
    );
  });
});
