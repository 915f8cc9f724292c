// China's official working calendar: public holidays and 调休 make-up workdays, as the State
// Council publishes them each November or December, with the office's own additions on top.
// Pure: the official data and the additions come in through the interfaces below (see
// store/holidays.ts). Dates are Shanghai dates written "YYYY-MM-DD".
import {
  addDays,
  shanghaiDateKey,
  shanghaiInstant,
  shanghaiParts,
  type HolidayRule,
  type WorkdayCheck,
} from "./period.js";

export type { HolidayRule, WorkdayCheck };

/** A Shanghai date, "2026-09-25". */
export type DateKey = string;

/** Working days and public holidays by Shanghai date. */
export interface WorkCalendar extends WorkdayCheck {
  /** The public holiday's name ("中秋") when the Shanghai date of `instant` is one; else undefined. */
  holidayName(instant: Date): string | undefined;
  /** The last year whose holidays and make-up workdays the calendar knows; later years are Mon–Fri. */
  readonly lastCoveredYear: number;
}

/** Official days as published: holiday and make-up workday dates, each with its holiday's name. */
export interface OfficialDays {
  holidays: Record<DateKey, string>;
  workdays: Record<DateKey, string>;
}

/** Days off the office adds ("2027-01-01" to "2027-01-03", 元旦), both ends included. */
export interface HolidayRange {
  start: DateKey;
  end: DateKey;
  name: string;
}

/** The office's additions to the official calendar. */
export interface HolidayAdditions {
  ranges(): HolidayRange[];
  /** Extra working days (make-up workdays not yet in the official data). */
  workdays(): DateKey[];
}

/** Additions the office can change (`/holidays`); `by` is the admin's identity. */
export interface HolidayBook extends HolidayAdditions {
  addRange(range: HolidayRange, by: string, at: Date): Promise<void>;
  addWorkday(date: DateKey, by: string, at: Date): Promise<void>;
  /** Removes the range containing `date` and the workday on it; resolves with what was removed. */
  remove(date: DateKey): Promise<{ ranges: HolidayRange[]; workday: boolean }>;
}

/** A parse result: the value, or a Chinese message for the admin. */
export type HolidayResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** The longest range one addition may cover (a longer one is a typo: no holiday lasts a month). */
export const MAX_RANGE_DAYS = 31;

const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u;
const YEARS = { min: 2004, max: 2100 };

/** A calendar over official days; `lastCoveredYear` defaults to the latest year in the data. */
export function calendarOf(days: OfficialDays, lastCoveredYear?: number): WorkCalendar {
  const years = [...Object.keys(days.holidays), ...Object.keys(days.workdays)].map((k) =>
    Number(k.slice(0, 4)),
  );
  return {
    isWorkday(instant) {
      const key = shanghaiDateKey(instant);
      if (key in days.workdays) return true;
      return !isWeekendDay(instant) && !(key in days.holidays);
    },
    holidayName: (instant) => days.holidays[shanghaiDateKey(instant)],
    lastCoveredYear: lastCoveredYear ?? Math.max(0, ...years),
  };
}

/**
 * `base` with the office's additions on top: an added workday beats everything, an added holiday
 * beats the official data. The additions are read on every call, so changes apply at once.
 */
export function withAdditions(base: WorkCalendar, additions: HolidayAdditions): WorkCalendar {
  const rangeOf = (key: DateKey) => additions.ranges().find((r) => r.start <= key && key <= r.end);
  return {
    isWorkday(instant) {
      const key = shanghaiDateKey(instant);
      if (additions.workdays().includes(key)) return true;
      if (rangeOf(key)) return false;
      return base.isWorkday(instant);
    },
    holidayName(instant) {
      const key = shanghaiDateKey(instant);
      if (additions.workdays().includes(key)) return undefined;
      return rangeOf(key)?.name ?? base.holidayName(instant);
    },
    get lastCoveredYear() {
      const added = [...additions.ranges().map((r) => r.end), ...additions.workdays()];
      return Math.max(base.lastCoveredYear, ...added.map((key) => Number(key.slice(0, 4))));
    },
  };
}

/** The instant the calendar's data runs out: 1 January 00:00 (Shanghai) after its last year. */
export function coverageEnd(calendar: WorkCalendar): Date {
  return shanghaiInstant(calendar.lastCoveredYear + 1, 1, 1);
}

/** Reads "2027-01-01", "2027/1/1", "2027.1.1" or "2027年1月1日"; undefined when it is no date. */
export function parseDateKey(text: string): DateKey | undefined {
  const m = DATE_TEXT.exec(text.normalize("NFKC").trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < YEARS.min || year > YEARS.max) return undefined;
  const p = shanghaiParts(shanghaiInstant(year, month, day));
  if (p.year !== year || p.month !== month || p.day !== day) return undefined; // 2月30日
  return `${m[1]}-${two(month)}-${two(day)}`;
}

/** The instant at 00:00 Shanghai of a date key. */
export function dateInstant(key: DateKey): Date {
  return shanghaiInstant(
    Number(key.slice(0, 4)),
    Number(key.slice(5, 7)),
    Number(key.slice(8, 10)),
  );
}

/** Days in a range, both ends counted. */
export function rangeDays(range: { start: DateKey; end: DateKey }): number {
  return (
    Math.round((dateInstant(range.end).getTime() - dateInstant(range.start).getTime()) / DAY) + 1
  );
}

/**
 * Reads an admin's range, "2027-01-01 2027-01-03 元旦" (start, end, name); a single date before
 * the name is a one-day holiday.
 */
export function parseHolidayRange(text: string): HolidayResult<HolidayRange> {
  const words = text.normalize("NFKC").trim().split(/\s+/).filter(Boolean);
  const start = parseDateKey(words[0] ?? "");
  if (!start) return { ok: false, error: `没看懂开始日期“${words[0] ?? ""}”，${RANGE_HINT}` };
  const second = parseDateKey(words[1] ?? "");
  const end = second ?? start;
  const name = words.slice(second ? 2 : 1).join(" ");
  if (!name) return { ok: false, error: `请写上假期名称，${RANGE_HINT}` };
  if (name.length > 20) return { ok: false, error: "假期名称太长（最多 20 个字）" };
  if (end < start) return { ok: false, error: `结束日期 ${end} 早于开始日期 ${start}` };
  if (rangeDays({ start, end }) > MAX_RANGE_DAYS) {
    return { ok: false, error: `一次最多登记 ${MAX_RANGE_DAYS} 天，请检查日期` };
  }
  return { ok: true, value: { start, end, name } };
}

/** One stretch of the calendar for a listing: a holiday (consecutive days of one name) or a make-up workday. */
export interface CalendarStretch {
  kind: "holiday" | "workday";
  start: Date;
  end: Date;
  /** The holiday's name; for a make-up workday, undefined. */
  name?: string;
}

/** Holidays and weekend make-up workdays from `from` (its date) for `days` days, in order. */
export function stretchesBetween(
  calendar: WorkCalendar,
  from: Date,
  days: number,
): CalendarStretch[] {
  const p = shanghaiParts(from);
  const first = shanghaiInstant(p.year, p.month, p.day, 12); // noon: clear of any day boundary
  const out: CalendarStretch[] = [];
  for (let i = 0; i < days; i++) {
    const day = addDays(first, i);
    const name = calendar.holidayName(day);
    const last = out.at(-1);
    if (name !== undefined) {
      const joins =
        last?.kind === "holiday" && last.name === name && sameDay(addDays(last.end, 1), day);
      if (joins) last.end = day;
      else out.push({ kind: "holiday", start: day, end: day, name });
    } else if (isWeekendDay(day) && calendar.isWorkday(day)) {
      out.push({ kind: "workday", start: day, end: day });
    }
  }
  return out;
}

const DAY = 24 * 60 * 60 * 1000;
const RANGE_HINT = "格式：2027-01-01 2027-01-03 元旦";

function isWeekendDay(instant: Date): boolean {
  const { weekday } = shanghaiParts(instant);
  return weekday === 0 || weekday === 6;
}

function sameDay(a: Date, b: Date): boolean {
  return shanghaiDateKey(a) === shanghaiDateKey(b);
}

function two(n: number): string {
  return String(n).padStart(2, "0");
}
