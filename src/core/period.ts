// Reporting periods ("YYYY-MM") and deadlines, all in Asia/Shanghai.
// China has kept UTC+8 all year since 1991 (no DST), so a fixed +8 h offset is exact for every date
// this bot handles and needs no time-zone database (!). Every "local" value below is Shanghai time.
//
// A deadline on a day off (a public holiday, or a weekend that is not a 调休 make-up workday) moves
// to a workday as its task says; the working calendar itself lives in `holidays.ts`.

const OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"] as const;
const CHINESE_MONTHS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];
/** Years a typed period may name; anything else is a typo. */
const YEARS = { min: 2000, max: 2100 };
// Words for months relative to today, and for years in "去年12月".
// prettier-ignore
const RELATIVE_MONTHS: Record<string, number> = {
  本月: 0, 这个月: 0, 这月: 0, 当月: 0, 上月: -1, 上个月: -1, 下月: 1, 下个月: 1,
};
const RELATIVE_YEARS: Record<string, number> = { 今年: 0, 去年: -1, 明年: 1 };
const PERIOD_HINT = "请写成 2026-11、2026年11月 或 11月";
const MONTH_RANGE = "月份应在1到12之间";

/** A reporting period: the calendar month in Shanghai, written "YYYY-MM" (e.g. "2026-11"). */
export type Period = string;

/** A wall-clock reading in Shanghai. */
export interface ShanghaiParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday, as `Date#getDay`. */
  weekday: number;
}

/** Where a deadline on a day off goes: the next workday, the previous one, or nowhere. */
export type HolidayRule = "next" | "previous" | "keep";

/** What deadlines need of a working calendar (see `WorkCalendar` in holidays.ts). */
export interface WorkdayCheck {
  /** True when the Shanghai date of `instant` is an official working day. */
  isWorkday(instant: Date): boolean;
}

/** When a period's figures are due. */
export interface DueOptions {
  /** Day of the period's month; a day past the month's end means its last day (31 → 30 Nov). */
  day: number;
  /** Shanghai wall-clock time, "HH:MM". */
  time: string;
  /** Where the deadline goes when its day is not a workday (default: "next"). */
  holiday?: HolidayRule;
}

/** A deadline never moves further than this many days (a calendar without workdays is broken). */
export const MAX_DEADLINE_SHIFT_DAYS = 62;

// The calendar deadlines move by when a caller passes none (!): the running bot sets it once at
// start-up so that forms and answers name the same deadline as the reminders. Unset (tests, tools),
// a deadline stays on its nominal day unless a calendar is passed.
let defaultCalendar: WorkdayCheck | undefined;

/** Sets the calendar `deadlineOf` and `isLate` use when given none; returns the previous one. */
export function setDeadlineCalendar(calendar: WorkdayCheck | undefined): WorkdayCheck | undefined {
  const previous = defaultCalendar;
  defaultCalendar = calendar;
  return previous;
}

/** The office's usual deadline: the 25th at 17:00. */
export const DEFAULT_DUE: DueOptions = { day: 25, time: "17:00" };

/** The Shanghai wall-clock reading of an instant. */
export function shanghaiParts(instant: Date): ShanghaiParts {
  const d = new Date(instant.getTime() + OFFSET_MS); // read the shifted instant with UTC getters
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}

/** The instant of a Shanghai wall-clock time. Out-of-range fields roll over as in `Date.UTC`. */
export function shanghaiInstant(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - OFFSET_MS);
}

/** The instant `days` whole days later (earlier when negative); exact, as Shanghai has no DST. */
export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

/** The period an instant falls in: its calendar month in Shanghai. */
export function periodOf(instant: Date): Period {
  const { year, month } = shanghaiParts(instant);
  return formatYearMonth(year, month);
}

/** True when `text` is a well-formed period such as "2026-11". */
export function isPeriod(text: string): boolean {
  return PERIOD.test(text);
}

/** The period `months` later (earlier when negative): addMonths("2026-12", 1) → "2027-01". */
export function addMonths(period: Period, months: number): Period {
  return fromIndex(monthIndex(period) + months);
}

/**
 * The deadline instant of a period, moved off a day off by `due.holiday` when there is a calendar
 * (`calendar`, or the one set with `setDeadlineCalendar`); throws RangeError for a malformed
 * period or due setting.
 */
export function deadlineOf(
  period: Period,
  due: DueOptions = DEFAULT_DUE,
  calendar: WorkdayCheck | undefined = defaultCalendar,
): Date {
  const nominal = nominalDeadline(period, due);
  return calendar ? moveToWorkday(nominal, due.holiday ?? "next", calendar) : nominal;
}

/** The deadline on the due day itself, whatever the calendar says. */
export function nominalDeadline(period: Period, due: DueOptions = DEFAULT_DUE): Date {
  const { year, month } = splitPeriod(period);
  const time = TIME.exec(due.time);
  if (!time || !Number.isInteger(due.day) || due.day < 1 || due.day > 31) {
    throw new RangeError(
      `Bad due setting ${JSON.stringify(due)}: use a day 1–31 and a time "HH:MM"`,
    );
  }
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return shanghaiInstant(year, month, Math.min(due.day, lastDay), Number(time[1]), Number(time[2]));
}

/**
 * The same time of day on the nearest workday after (rule "next") or before ("previous") `instant`
 * when its day is not a workday; "keep" and workdays leave it alone.
 */
export function moveToWorkday(instant: Date, rule: HolidayRule, calendar: WorkdayCheck): Date {
  if (rule === "keep" || calendar.isWorkday(instant)) return instant;
  const step = rule === "previous" ? -1 : 1;
  for (let days = 1; days <= MAX_DEADLINE_SHIFT_DAYS; days++) {
    const candidate = addDays(instant, step * days);
    if (calendar.isWorkday(candidate)) return candidate;
  }
  return instant;
}

/** True when `instant` is after the period's deadline; a submission at the deadline itself is on time. */
export function isLate(
  instant: Date,
  period: Period,
  due: DueOptions = DEFAULT_DUE,
  calendar: WorkdayCheck | undefined = defaultCalendar,
): boolean {
  return instant.getTime() > deadlineOf(period, due, calendar).getTime();
}

/** The Shanghai date of an instant as "YYYY-MM-DD". */
export function shanghaiDateKey(instant: Date): string {
  const p = shanghaiParts(instant);
  return `${String(p.year).padStart(4, "0")}-${pad(p.month)}-${pad(p.day)}`;
}

/** Options for `formatShanghai`. */
export interface FormatShanghaiOptions {
  /** Add the weekday, "2026年11月25日（周三）17:00" (default: false). */
  weekday?: boolean;
}

/** Chinese display of an instant in Shanghai: "2026年11月25日 17:00". */
export function formatShanghai(instant: Date, options: FormatShanghaiOptions = {}): string {
  const p = shanghaiParts(instant);
  const date = `${p.year}年${p.month}月${p.day}日`;
  const weekday = options.weekday ? `（周${WEEKDAYS[p.weekday]}）` : " ";
  return `${date}${weekday}${pad(p.hour)}:${pad(p.minute)}`;
}

/** Chinese display of a period: "2026-11" → "2026年11月"; throws RangeError if malformed. */
export function formatPeriod(period: Period): string {
  const { year, month } = splitPeriod(period);
  return `${year}年${month}月`;
}

/** Year and month of a period; throws RangeError if malformed. */
export function splitPeriod(period: Period): { year: number; month: number } {
  const match = PERIOD.exec(period);
  if (!match) throw new RangeError(`Bad period "${period}": expected "YYYY-MM", e.g. "2026-11"`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** Result of reading a period typed by a user. */
export type PeriodResult = { ok: true; value: Period } | { ok: false; error: string };

/**
 * Reads a period typed by a user: "2026-11", "2026/11", "2026年11月", "11月", "十一月", "11月份",
 * "本月", "上个月", "去年12月". A month without a year is the latest such month not after the
 * month following `reference`: in November 2026 "12月" is 2026-12, in January 2027 it is 2026-12
 * (figures are mostly about past months, but a deadline may be set for next month).
 */
export function parsePeriod(text: string, reference: Date): PeriodResult {
  const clean = text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[。.]$/u, "")
    .replace(/份$/u, "");
  const current = periodOf(reference);
  const relative = RELATIVE_MONTHS[clean];
  if (relative !== undefined) return { ok: true, value: addMonths(current, relative) };
  const full = /^(\d{4})(?:[-/.]|年)(\d{1,2}|十[一二]?|[一二三四五六七八九])月?$/u.exec(clean);
  if (full) return checkedPeriod(Number(full[1]), monthNumber(full[2] ?? ""));
  const bare = /^(今年|去年|明年)?(\d{1,2}|十[一二]?|[一二三四五六七八九])月$/u.exec(clean);
  if (!bare) return { ok: false, error: `没看懂月份，${PERIOD_HINT}` };
  const month = monthNumber(bare[2] ?? "");
  if (month === undefined) return { ok: false, error: MONTH_RANGE };
  const yearWord = bare[1];
  if (yearWord === undefined) return { ok: true, value: latestMonth(month, current) };
  return checkedPeriod(shanghaiParts(reference).year + (RELATIVE_YEARS[yearWord] ?? 0), month);
}

/** A period from a typed year and month, or the reason it is refused. */
function checkedPeriod(year: number, month: number | undefined): PeriodResult {
  if (month === undefined) return { ok: false, error: MONTH_RANGE };
  if (year < YEARS.min || year > YEARS.max) {
    return { ok: false, error: `年份${year}看起来不对，${PERIOD_HINT}` };
  }
  return { ok: true, value: formatYearMonth(year, month) };
}

/** The latest period with this month number that is not after the month following `current`. */
function latestMonth(month: number, current: Period): Period {
  const limit = monthIndex(current) + 1;
  let index = (splitPeriod(current).year + 1) * 12 + month - 1;
  while (index > limit) index -= 12;
  return fromIndex(index);
}

function monthNumber(text: string): number | undefined {
  const month = /^\d+$/.test(text) ? Number(text) : CHINESE_MONTHS.indexOf(text) + 1;
  return month >= 1 && month <= 12 ? month : undefined;
}

function monthIndex(period: Period): number {
  const { year, month } = splitPeriod(period);
  return year * 12 + month - 1;
}

function fromIndex(index: number): Period {
  return formatYearMonth(Math.floor(index / 12), (index % 12) + 1);
}

function formatYearMonth(year: number, month: number): Period {
  return `${String(year).padStart(4, "0")}-${pad(month)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
