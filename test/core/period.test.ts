import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  deadlineOf,
  formatPeriod,
  formatShanghai,
  isLate,
  isPeriod,
  moveToWorkday,
  nominalDeadline,
  parsePeriod,
  periodOf,
  setDeadlineCalendar,
  shanghaiDateKey,
  shanghaiInstant,
  shanghaiParts,
  type WorkdayCheck,
} from "../../src/core/period.js";

const DUE = { day: 25, time: "17:00" };
const at = (iso: string) => new Date(iso);

/** Shanghai wall-clock parts as the ICU time-zone database reports them: an independent oracle. */
function icuParts(instant: Date) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: "Asia/Shanghai",
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    weekday: "short",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  return {
    year: Number(get("year")),
    month: Number(get("month")),
    day: Number(get("day")),
    hour: Number(get("hour")),
    minute: Number(get("minute")),
    weekday: weekdays.indexOf(get("weekday")),
  };
}

const instants = fc.date({
  min: new Date("1992-01-01T00:00:00Z"),
  max: new Date("2100-01-01T00:00:00Z"),
  noInvalidDate: true,
});

describe("shanghaiParts", () => {
  it("should read the wall clock in Shanghai, not UTC", () => {
    expect(shanghaiParts(at("2026-11-30T16:30:00Z"))).toEqual({
      year: 2026,
      month: 12,
      day: 1,
      hour: 0,
      minute: 30,
      weekday: 2, // Tuesday
    });
  });

  it("should agree with the time-zone database for any instant since 1992", () => {
    fc.assert(
      fc.property(instants, (instant) => {
        expect(shanghaiParts(instant)).toEqual(icuParts(instant));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("shanghaiInstant", () => {
  it("should give the instant of a Shanghai wall-clock time", () => {
    expect(shanghaiInstant(2026, 11, 25, 17, 0).toISOString()).toBe("2026-11-25T09:00:00.000Z");
    expect(shanghaiInstant(2026, 12, 1).toISOString()).toBe("2026-11-30T16:00:00.000Z");
  });

  it("should invert shanghaiParts to the minute", () => {
    fc.assert(
      fc.property(instants, (instant) => {
        const p = shanghaiParts(instant);
        const back = shanghaiInstant(p.year, p.month, p.day, p.hour, p.minute);
        expect(back.getTime()).toBe(Math.floor(instant.getTime() / 60_000) * 60_000);
      }),
    );
  });
});

describe("addDays", () => {
  it("should move by whole days, across month ends", () => {
    expect(addDays(at("2026-11-30T09:00:00Z"), 1).toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(addDays(at("2026-03-01T09:00:00Z"), -1).toISOString()).toBe("2026-02-28T09:00:00.000Z");
  });
});

describe("periodOf", () => {
  it("should put a submission in its Shanghai month", () => {
    expect(periodOf(at("2026-11-30T16:30:00Z"))).toBe("2026-12"); // 00:30 on 1 December in Shanghai
    expect(periodOf(at("2026-11-30T15:59:59.999Z"))).toBe("2026-11");
    expect(periodOf(at("2026-12-31T16:00:00Z"))).toBe("2027-01");
    expect(periodOf(at("2026-11-01T00:00:00Z"))).toBe("2026-11");
  });

  it("should always produce a well-formed period", () => {
    fc.assert(fc.property(instants, (instant) => isPeriod(periodOf(instant))));
  });
});

describe("addMonths", () => {
  it.each([
    ["2026-12", 1, "2027-01"],
    ["2026-01", -1, "2025-12"],
    ["2026-03", -14, "2025-01"],
    ["2026-11", 0, "2026-11"],
  ])("should move %s by %i months to %s", (period, months, expected) => {
    expect(addMonths(period, months)).toBe(expected);
  });
});

describe("deadlineOf", () => {
  it("should be 17:00 on the 25th in Shanghai", () => {
    expect(deadlineOf("2026-11", DUE).toISOString()).toBe("2026-11-25T09:00:00.000Z");
    expect(formatShanghai(deadlineOf("2026-11", DUE))).toBe("2026年11月25日 17:00");
  });

  it("should use the last day when the month is shorter than the due day", () => {
    expect(deadlineOf("2026-02", { day: 31, time: "17:00" }).toISOString()).toBe(
      "2026-02-28T09:00:00.000Z",
    );
    expect(deadlineOf("2028-02", { day: 31, time: "09:30" }).toISOString()).toBe(
      "2028-02-29T01:30:00.000Z",
    );
  });

  it("should default to the office's usual 25th at 17:00", () => {
    expect(deadlineOf("2026-11")).toEqual(deadlineOf("2026-11", DUE));
  });

  it.each([
    ["2026-13", DUE],
    ["2026-1", DUE],
    ["2026-11", { day: 0, time: "17:00" }],
    ["2026-11", { day: 25, time: "5pm" }],
    ["2026-11", { day: 25, time: "24:00" }],
  ])("should throw a RangeError for period %s with %j", (period, due) => {
    expect(() => deadlineOf(period, due)).toThrow(RangeError);
  });
});

describe("deadlines on the working calendar", () => {
  // 2026: 中秋 25–27 September (Friday to Sunday) off, Sunday 20 September a make-up workday.
  const OFF = new Set(["2026-09-25", "2026-09-26", "2026-09-27"]);
  const calendar: WorkdayCheck = {
    isWorkday(instant) {
      const key = shanghaiDateKey(instant);
      if (key === "2026-09-20") return true;
      const { weekday } = shanghaiParts(instant);
      return weekday !== 0 && weekday !== 6 && !OFF.has(key);
    },
  };
  const shown = (d: Date) => formatShanghai(d, { weekday: true });

  it("should move a deadline on a holiday to the next workday, same time, by default", () => {
    expect(shown(deadlineOf("2026-09", DUE, calendar))).toBe("2026年9月28日（周一）17:00");
    expect(isLate(at("2026-09-28T08:00:00Z"), "2026-09", DUE, calendar)).toBe(false); // 16:00 on the 28th
  });

  it("should move to the previous workday, or keep the day, when asked", () => {
    expect(shown(deadlineOf("2026-09", { ...DUE, holiday: "previous" }, calendar))).toBe(
      "2026年9月24日（周四）17:00",
    );
    expect(shown(deadlineOf("2026-09", { ...DUE, holiday: "keep" }, calendar))).toBe(
      "2026年9月25日（周五）17:00",
    );
  });

  it("should keep a deadline on a make-up Sunday and on an ordinary workday", () => {
    expect(shown(deadlineOf("2026-09", { day: 20, time: "17:00" }, calendar))).toBe(
      "2026年9月20日（周日）17:00",
    );
    expect(deadlineOf("2026-11", DUE, calendar)).toEqual(nominalDeadline("2026-11", DUE));
  });

  it("should use the calendar set for the process when none is passed, and none by default", () => {
    expect(shown(deadlineOf("2026-09", DUE))).toBe("2026年9月25日（周五）17:00");
    const previous = setDeadlineCalendar(calendar);
    try {
      expect(shown(deadlineOf("2026-09", DUE))).toBe("2026年9月28日（周一）17:00");
      expect(isLate(at("2026-09-26T02:00:00Z"), "2026-09", DUE)).toBe(false);
    } finally {
      setDeadlineCalendar(previous);
    }
    expect(isLate(at("2026-09-26T02:00:00Z"), "2026-09", DUE)).toBe(true);
  });

  it("should leave a deadline alone when the calendar has no workday within two months", () => {
    const never: WorkdayCheck = { isWorkday: () => false };
    const nominal = nominalDeadline("2026-09", DUE);
    expect(moveToWorkday(nominal, "next", never)).toEqual(nominal);
  });

  it("should write the Shanghai date of an instant as its key", () => {
    expect(shanghaiDateKey(at("2026-09-24T16:30:00Z"))).toBe("2026-09-25");
    expect(shanghaiDateKey(at("2026-09-24T15:59:59Z"))).toBe("2026-09-24");
  });
});

describe("isLate", () => {
  it("should mark a submission after the deadline as late", () => {
    expect(isLate(at("2026-11-25T09:30:00Z"), "2026-11", DUE)).toBe(true); // 17:30 Shanghai
    expect(isLate(at("2026-11-26T01:00:00Z"), "2026-11", DUE)).toBe(true);
  });

  it("should accept a submission before or exactly at the deadline", () => {
    expect(isLate(at("2026-11-25T08:59:00Z"), "2026-11", DUE)).toBe(false);
    expect(isLate(at("2026-11-25T09:00:00.000Z"), "2026-11", DUE)).toBe(false);
    expect(isLate(at("2026-11-25T09:00:00.001Z"), "2026-11", DUE)).toBe(true);
  });

  it("should judge 16:30 UTC on the 25th by Shanghai time (already the 26th there)", () => {
    expect(isLate(at("2026-11-25T16:30:00Z"), "2026-11", DUE)).toBe(true);
    expect(isLate(at("2026-11-25T07:30:00Z"), "2026-11", DUE)).toBe(false); // 15:30 Shanghai
  });
});

describe("formatShanghai", () => {
  it("should write the Shanghai time in Chinese", () => {
    expect(formatShanghai(at("2026-11-25T09:00:00Z"))).toBe("2026年11月25日 17:00");
    expect(formatShanghai(at("2027-01-05T01:05:00Z"))).toBe("2027年1月5日 09:05");
  });

  it("should add the weekday on request", () => {
    expect(formatShanghai(at("2026-11-25T09:00:00Z"), { weekday: true })).toBe(
      "2026年11月25日（周三）17:00",
    );
  });
});

describe("formatPeriod", () => {
  it("should write a period in Chinese", () => {
    expect(formatPeriod("2026-11")).toBe("2026年11月");
    expect(formatPeriod("2027-01")).toBe("2027年1月");
  });

  it("should throw a RangeError for a malformed period", () => {
    expect(() => formatPeriod("2026年11月")).toThrow(RangeError);
  });
});

describe("parsePeriod", () => {
  const november = at("2026-11-10T02:00:00Z");
  const january = at("2027-01-10T02:00:00Z");

  it.each([
    ["2026-11", "2026-11"],
    ["2026-1", "2026-01"],
    ["2026/11", "2026-11"],
    ["2026.11", "2026-11"],
    ["2026年11月", "2026-11"],
    ["2026年11月份", "2026-11"],
    ["２０２６年１１月", "2026-11"],
    ["2026年十一月", "2026-11"],
    [" 11月 ", "2026-11"],
    ["11月份", "2026-11"],
    ["十一月", "2026-11"],
    ["3月", "2026-03"],
    ["12月", "2026-12"],
    ["本月", "2026-11"],
    ["上个月", "2026-10"],
    ["下月", "2026-12"],
    ["去年12月", "2025-12"],
    ["明年1月", "2027-01"],
  ])("should read %j in November 2026 as %s", (text, period) => {
    expect(parsePeriod(text, november)).toEqual({ ok: true, value: period });
  });

  it("should resolve a bare month to the latest one not after next month", () => {
    expect(parsePeriod("12月", january)).toEqual({ ok: true, value: "2026-12" });
    expect(parsePeriod("2月", january)).toEqual({ ok: true, value: "2027-02" });
    expect(parsePeriod("3月", january)).toEqual({ ok: true, value: "2026-03" });
    expect(parsePeriod("上个月", january)).toEqual({ ok: true, value: "2026-12" });
  });

  it("should take the reference date's month in Shanghai", () => {
    const lateOnNov30Utc = at("2026-11-30T16:30:00Z"); // already December in Shanghai
    expect(parsePeriod("本月", lateOnNov30Utc)).toEqual({ ok: true, value: "2026-12" });
  });

  it.each([
    ["", "没看懂月份"],
    ["十一", "没看懂月份"],
    ["2026", "没看懂月份"],
    ["下周", "没看懂月份"],
    ["13月", "月份应在1到12之间"],
    ["2026-13", "月份应在1到12之间"],
    ["0月", "月份应在1到12之间"],
    ["1926年11月", "年份1926看起来不对"],
  ])("should refuse %j with a reason", (text, reason) => {
    const result = parsePeriod(text, november);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });
});
