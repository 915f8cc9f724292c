// Where weekly digests fall: ISO weeks, public holidays of the official calendar, make-up
// workdays, quiet hours and the weekend choice. Pure, no clock.
import { describe, expect, it } from "vitest";
import { formatShanghai } from "../../src/core/period.js";
import {
  digestSlots,
  dueDigest,
  isoWeekOf,
  placeDigest,
  upcomingDigest,
} from "../../src/reminders/digest-schedule.js";
import { policyOf, type WeekendChoice } from "../../src/reminders/policy.js";
import { officialCalendar } from "../../src/store/holidays.js";
import { TasksFileSchema, type Task } from "../../src/store/tasks.js";
import { TASK, at } from "./support.js";

const shown = (instant: Date | undefined) =>
  instant ? formatShanghai(instant, { weekday: true }) : "none";
const policy = (weekends: WeekendChoice = "send", quiet = "21:00-08:00") =>
  policyOf(quiet, weekends, officialCalendar());
const digestOn = (weekday: number, time = "09:00"): Task => ({
  ...TASK,
  digest: { weekday, time },
});

describe("isoWeekOf", () => {
  it("should name the ISO week of the Shanghai date", () => {
    expect(isoWeekOf(at("2026-12-02 12:00"))).toBe("2026-W49");
    expect(isoWeekOf(at("2026-12-07 00:00"))).toBe("2026-W50");
    expect(isoWeekOf(at("2026-12-06 23:59"))).toBe("2026-W49");
    expect(isoWeekOf(at("2026-01-01 09:00"))).toBe("2026-W01");
    expect(isoWeekOf(at("2025-12-29 09:00"))).toBe("2026-W01"); // a Monday, in 2026's first week
    expect(isoWeekOf(at("2027-01-01 09:00"))).toBe("2026-W53"); // a Friday, in 2026's last week
    // 23:30 UTC on Sunday is already Monday in Shanghai.
    expect(isoWeekOf(new Date("2026-12-06T16:30:00Z"))).toBe("2026-W50");
  });
});

describe("the digest's moment", () => {
  it("should be the task's weekday and time: Monday 09:00 in data/tasks.json", () => {
    expect(TASK.digest).toEqual({ weekday: 1, time: "09:00" });
    expect(shown(upcomingDigest(TASK, at("2026-12-02 12:00"), policy())?.at)).toBe(
      "2026年12月7日（周一）09:00",
    );
  });

  it("should move off National Day: Monday 5 October 2026 goes to Thursday the 8th", () => {
    const slot = upcomingDigest(TASK, at("2026-10-04 12:00"), policy());
    expect(slot?.week).toBe("2026-W41");
    expect(shown(slot?.nominal)).toBe("2026年10月5日（周一）09:00");
    expect(shown(slot?.at)).toBe("2026年10月8日（周四）09:00");
    expect(dueDigest(TASK, at("2026-10-05 09:00"), policy())).toBeUndefined();
  });

  it("should move a Friday digest off 中秋 (25 September 2026) to Monday the 28th", () => {
    const slot = upcomingDigest(digestOn(5), at("2026-09-24 12:00"), policy());
    expect(slot?.week).toBe("2026-W39");
    expect(shown(slot?.at)).toBe("2026年9月28日（周一）09:00");
  });

  it("should send one digest when the Spring Festival pushes two weeks onto one day", () => {
    const all = digestSlots(TASK, at("2026-02-20 12:00"), policy());
    const onThe24th = all.filter((s) => shown(s.at) === "2026年2月24日（周二）09:00");
    expect(onThe24th.map((s) => s.week)).toEqual(["2026-W08", "2026-W09"]);
    const due = dueDigest(TASK, at("2026-02-24 09:00"), policy());
    expect(due?.week).toBe("2026-W09"); // the later week's wins
  });

  it("should count make-up workdays as workdays when weekends are skipped", () => {
    const sunday = digestOn(7, "10:00");
    // 20 September 2026 is a make-up Sunday: the digest stays on it.
    expect(shown(upcomingDigest(sunday, at("2026-09-19 12:00"), policy("skip"))?.at)).toBe(
      "2026年9月20日（周日）10:00",
    );
    // 13 September is an ordinary Sunday: Monday instead.
    expect(shown(upcomingDigest(sunday, at("2026-09-12 12:00"), policy("skip"))?.at)).toBe(
      "2026年9月14日（周一）10:00",
    );
    // "friday" pulls it back to Friday; "send" leaves it.
    expect(shown(upcomingDigest(sunday, at("2026-09-10 12:00"), policy("friday"))?.at)).toBe(
      "2026年9月11日（周五）10:00",
    );
    expect(shown(upcomingDigest(sunday, at("2026-09-12 12:00"), policy("send"))?.at)).toBe(
      "2026年9月13日（周日）10:00",
    );
  });

  it("should move out of quiet hours to their end, and off a holiday that end falls on", () => {
    expect(shown(placeDigest(at("2026-12-07 22:00"), policy()))).toBe("2026年12月8日（周二）08:00");
    // 22:00 on 30 September: quiet hours end on 1 October, National Day: Thursday the 8th.
    expect(shown(placeDigest(at("2026-09-30 22:00"), policy()))).toBe("2026年10月8日（周四）08:00");
    expect(shown(placeDigest(at("2026-12-07 22:00"), policy("send", "off")))).toBe(
      "2026年12月7日（周一）22:00",
    );
  });

  it("should stay current until the end of its week only", () => {
    const slot = dueDigest(TASK, at("2026-12-09 15:00"), policy());
    expect(slot?.week).toBe("2026-W50");
    expect(shown(slot?.until)).toBe("2026年12月14日（周一）00:00");
    expect(dueDigest(TASK, at("2026-12-14 08:59"), policy())).toBeUndefined();
    expect(dueDigest(TASK, at("2026-12-06 23:59"), policy())?.week).toBe("2026-W49");
  });

  it("should have none for a task without a digest", () => {
    const plain: Task = { ...TASK, digest: undefined };
    expect(upcomingDigest(plain, at("2026-12-02 12:00"), policy())).toBeUndefined();
  });
});

describe("the digest setting in data/tasks.json", () => {
  const withDigest = (digest: unknown) => ({ tasks: [{ ...TASK, digest }] });

  it("should accept a weekday 1–7 and a time HH:MM", () => {
    expect(TasksFileSchema.safeParse(withDigest({ weekday: 7, time: "18:30" })).success).toBe(true);
  });

  it.each([
    { weekday: 0, time: "09:00" },
    { weekday: 8, time: "09:00" },
    { weekday: 1.5, time: "09:00" },
    { weekday: 1, time: "9:00" },
    { weekday: 1, time: "24:00" },
    { weekday: 1 },
    { weekday: 1, time: "09:00", timezone: "UTC" },
  ])("should refuse %j", (digest) => {
    expect(TasksFileSchema.safeParse(withDigest(digest)).success).toBe(false);
  });
});
