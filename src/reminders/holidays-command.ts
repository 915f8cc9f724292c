// `/holidays` (admins): the coming public holidays and make-up workdays, and the office's
// additions for years the official data does not cover yet:
//   /holidays                              list
//   /holidays add 2027-01-01 2027-01-03 元旦  days off (a single date for one day)
//   /holidays workday 2027-01-04            a make-up workday
//   /holidays remove 2027-01-01             drops the addition covering that date (a typo)
// Additions apply at once to deadlines and reminders (the calendar reads them on every call).
import type { CommandContext, CommandSpec } from "../core/engine.js";
import {
  coverageEnd,
  dateInstant,
  parseDateKey,
  parseHolidayRange,
  rangeDays,
  stretchesBetween,
  type HolidayBook,
  type HolidayRange,
  type WorkCalendar,
} from "../core/holidays.js";
import { addDays, shanghaiDateKey, shanghaiParts } from "../core/period.js";
import type { Reply } from "../core/types.js";
import { calendarWarning } from "./calendar-notice.js";

/** What `/holidays` works on (`openOfficeCalendar(dataDir)` fits). */
export interface HolidayCommandOptions {
  /** The official days with the additions on top. */
  calendar: WorkCalendar;
  /** The official days alone. */
  official: WorkCalendar;
  book: HolidayBook;
  /** Days the listing looks ahead (default: 90). */
  days?: number;
}

/** The usage line of `/holidays`. */
export const HOLIDAYS_USAGE =
  "用法：/holidays（列表）｜/holidays add 2027-01-01 2027-01-03 元旦｜/holidays workday 2027-01-04｜/holidays remove 2027-01-01";

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];

/** The `/holidays` command (admins only), in the CommandSpec shape of the engine. */
export function holidayCommands(options: HolidayCommandOptions): Record<string, CommandSpec> {
  return { holidays: { adminOnly: true, run: (context) => runHolidays(context, options) } };
}

/** Runs `/holidays <args>`; exported for tests that drive it without the engine. */
export async function runHolidays(
  { args, identity, now }: Pick<CommandContext, "args" | "identity" | "now">,
  options: HolidayCommandOptions,
): Promise<Reply[]> {
  const [word = "", ...rest] = args.trim().split(/\s+/);
  const tail = rest.join(" ");
  switch (word.toLowerCase()) {
    case "":
    case "list":
    case "列表":
      return [{ text: listText(now, options) }];
    case "add":
    case "添加":
      return [{ text: await addRange(tail, identity, now, options) }];
    case "workday":
    case "上班":
      return [{ text: await addWorkday(tail, identity, now, options) }];
    case "remove":
    case "删除":
      return [{ text: await remove(tail, options) }];
    default:
      return [{ text: `没看懂“${word}”。${HOLIDAYS_USAGE}` }];
  }
}

function listText(now: Date, options: HolidayCommandOptions): string {
  const { calendar, official, book } = options;
  const days = options.days ?? 90;
  const extra =
    calendar.lastCoveredYear > official.lastCoveredYear
      ? `；含补录，至 ${calendar.lastCoveredYear} 年底`
      : "";
  const lines = [`节假日与调休（官方数据至 ${official.lastCoveredYear} 年底${extra}）`];
  const stretches = stretchesBetween(calendar, now, days);
  lines.push(`今后 ${days} 天：`);
  if (stretches.length === 0) lines.push("· 没有法定节假日或调休上班日");
  for (const s of stretches) {
    lines.push(
      s.kind === "holiday"
        ? `· ${s.name}：${spanText(s.start, s.end)}`
        : `· 调休上班：${dateText(s.start)}`,
    );
  }
  if (addDays(now, days) > coverageEnd(calendar)) {
    lines.push(`· ${calendar.lastCoveredYear + 1}年1月1日起：尚无放假安排数据`);
  }
  const ranges = book.ranges();
  if (ranges.length > 0) {
    lines.push("补录的假期：");
    for (const r of ranges) lines.push(`· ${rangeText(r)}`);
  }
  const workdays = book.workdays();
  if (workdays.length > 0) {
    lines.push(`补录的调休上班日：${workdays.map((d) => dateText(dateInstant(d))).join("、")}`);
  }
  const warning = calendarWarning(now, calendar);
  if (warning) lines.push(warning);
  lines.push(HOLIDAYS_USAGE);
  return lines.join("\n");
}

async function addRange(
  text: string,
  by: string,
  now: Date,
  { book }: HolidayCommandOptions,
): Promise<string> {
  const parsed = parseHolidayRange(text);
  if (!parsed.ok) return parsed.error;
  const range = parsed.value;
  const clash = book
    .ranges()
    .find((r) => r.start !== range.start && r.start <= range.end && range.start <= r.end);
  if (clash) return `与已登记的 ${rangeText(clash)} 重叠，请先 /holidays remove ${clash.start}`;
  const workday = book.workdays().find((d) => range.start <= d && d <= range.end);
  if (workday) {
    return `${dateText(dateInstant(workday))} 已登记为调休上班日，请先 /holidays remove ${workday}`;
  }
  await book.addRange(range, by, now);
  return `已登记假期：${rangeText(range)}。截止日和提醒即刻按此调整。`;
}

async function addWorkday(
  text: string,
  by: string,
  now: Date,
  { calendar, book }: HolidayCommandOptions,
): Promise<string> {
  const date = parseDateKey(text);
  if (!date) return `没看懂日期“${text}”，格式：/holidays workday 2027-01-04`;
  const range = book.ranges().find((r) => r.start <= date && date <= r.end);
  if (range) return `该日在已登记的 ${rangeText(range)} 内，请先 /holidays remove ${range.start}`;
  const shown = dateText(dateInstant(date));
  if (book.workdays().includes(date)) return `${shown} 已登记为调休上班日`;
  if (calendar.isWorkday(dateInstant(date))) return `${shown} 本来就是工作日，无需登记`;
  await book.addWorkday(date, by, now);
  return `已登记调休上班日：${shown}。截止日和提醒即刻按此调整。`;
}

async function remove(text: string, { book }: HolidayCommandOptions): Promise<string> {
  const date = parseDateKey(text);
  if (!date) return `没看懂日期“${text}”，格式：/holidays remove 2027-01-01`;
  const removed = await book.remove(date);
  const parts = [
    ...removed.ranges.map((r) => `假期 ${rangeText(r)}`),
    ...(removed.workday ? [`调休上班日 ${dateText(dateInstant(date))}`] : []),
  ];
  return parts.length > 0
    ? `已删除补录的${parts.join("、")}`
    : `${date} 没有补录的假期或调休上班日（官方数据不能删除）`;
}

/** "元旦：2027年1月1日（周五）至 1月3日（周日），共 3 天". */
function rangeText(range: HolidayRange): string {
  const span = spanText(dateInstant(range.start), dateInstant(range.end));
  return `${range.name}：${span}，共 ${rangeDays(range)} 天`;
}

function spanText(start: Date, end: Date): string {
  if (shanghaiDateKey(start) === shanghaiDateKey(end)) return dateText(start);
  const sameYear = shanghaiParts(start).year === shanghaiParts(end).year;
  return `${dateText(start)}至 ${dateText(end, !sameYear)}`;
}

/** "2027年1月1日（周五）", or "1月1日（周五）" without the year. */
function dateText(instant: Date, withYear = true): string {
  const p = shanghaiParts(instant);
  return `${withYear ? `${p.year}年` : ""}${p.month}月${p.day}日（周${WEEKDAYS[p.weekday]}）`;
}
