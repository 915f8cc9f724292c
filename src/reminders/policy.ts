// When reminders may go out: quiet hours, public holidays and the weekend choice, on the Shanghai
// wall clock.
//
// Rules (summarised with the other decisions in src/reminders/README.md):
// - Quiet hours [start, end): a reminder falling inside moves to the end of quiet hours. A
//   pre-deadline reminder whose moved time would not be before the deadline moves back instead,
//   to the last minute before quiet hours began (a late-evening nudge beats none at all).
// - Public holidays (the policy's calendar): nothing is sent on one. A reminder falling on a
//   holiday does not move; it waits, and goes out late on the first allowed minute while it is
//   still current (the schedule's catch-up rule), marked （补发）.
// - Weekends "send": no change. "skip": moments on a day off at the weekend (a Saturday or Sunday
//   that is not a 调休 make-up workday) move forward to the next day that is not, same time of
//   day (usually Monday); a pre-deadline reminder that would then not be before the deadline is
//   dropped (the overdue notice covers it). "friday": they move back to the last day before that
//   is not (usually Friday); an overdue notice may not move before its deadline, so it goes
//   forward instead. Make-up workdays are workdays: reminders on them stay and go out.
// - Nothing is sent in quiet hours, on a public holiday, nor on a weekend day off unless the
//   choice is "send", not even a late catch-up: that waits for the next allowed minute while its
//   reminder is still current.
import type { WorkCalendar } from "../core/holidays.js";
import { addDays, shanghaiInstant, shanghaiParts } from "../core/period.js";

/** What to do with reminders that fall on a Saturday or Sunday. */
export type WeekendChoice = "send" | "skip" | "friday";

/** Quiet hours as minutes of the Shanghai day, [start, end), wrapping midnight when start > end. */
export interface QuietHours {
  start: number;
  end: number;
}

/** The rules that place and hold back reminders. */
export interface SendPolicy {
  /** Undefined when quiet hours are off. */
  quiet?: QuietHours;
  weekends: WeekendChoice;
  /** Workdays and public holidays; undefined: Saturday and Sunday are the only days off. */
  calendar?: WorkCalendar;
}

/** What a moved reminder must respect. */
export interface ReminderBound {
  deadline: Date;
  /** Overdue notices come after the deadline; the others before it. */
  overdue: boolean;
}

const MINUTE_MS = 60_000;
const QUIET = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses "21:00-08:00" (or "off"; an empty window such as "08:00-08:00" is off too). */
export function parseQuietHours(text: string): QuietHours | undefined {
  if (text.trim() === "off") return undefined;
  const m = QUIET.exec(text.trim());
  if (!m) throw new RangeError(`Bad quiet hours "${text}": use "21:00-08:00" or "off"`);
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  return start === end ? undefined : { start, end };
}

/** A policy from the configuration values (QUIET_HOURS, REMIND_WEEKENDS) and a calendar. */
export function policyOf(
  quietHours: string,
  weekends: WeekendChoice,
  calendar?: WorkCalendar,
): SendPolicy {
  const quiet = parseQuietHours(quietHours);
  return { ...(quiet ? { quiet } : {}), weekends, ...(calendar ? { calendar } : {}) };
}

/** True when `instant` is inside quiet hours. */
export function inQuietHours(instant: Date, quiet: QuietHours | undefined): boolean {
  if (!quiet) return false;
  const p = shanghaiParts(instant);
  const minute = p.hour * 60 + p.minute;
  return quiet.start < quiet.end
    ? minute >= quiet.start && minute < quiet.end
    : minute >= quiet.start || minute < quiet.end;
}

/** True on Saturday and Sunday in Shanghai. */
export function isWeekend(instant: Date): boolean {
  const { weekday } = shanghaiParts(instant);
  return weekday === 0 || weekday === 6;
}

/** True on a Saturday or Sunday that is not a make-up workday of `calendar`. */
export function isWeekendOff(instant: Date, calendar?: WorkCalendar): boolean {
  return isWeekend(instant) && !(calendar?.isWorkday(instant) ?? false);
}

/**
 * Why nothing may be sent at `instant` ("免打扰时段", "中秋假期", "周末"), or undefined when
 * sending is allowed.
 */
export function holdReason(instant: Date, policy: SendPolicy): string | undefined {
  if (inQuietHours(instant, policy.quiet)) return `免打扰时段 ${quietText(policy.quiet)}`;
  const holiday = policy.calendar?.holidayName(instant);
  if (holiday !== undefined) return `${holiday}${/假期?$/u.test(holiday) ? "" : "假期"}不发送提醒`;
  if (policy.weekends !== "send" && isWeekendOff(instant, policy.calendar)) return "周末不发送提醒";
  return undefined;
}

/** Where a reminder nominally due at `moment` goes; undefined when the weekend rule drops it. */
export function placeReminder(
  moment: Date,
  policy: SendPolicy,
  bound: ReminderBound,
): Date | undefined {
  const outsideQuiet = shiftForQuiet(moment, policy.quiet, bound);
  return shiftForWeekend(outsideQuiet, policy.weekends, bound, policy.calendar);
}

/** Applies quiet hours; the result keeps a time of day outside them, so weekend shifts keep it. */
export function shiftForQuiet(
  moment: Date,
  quiet: QuietHours | undefined,
  bound: ReminderBound,
): Date {
  if (!quiet || !inQuietHours(moment, quiet)) return moment;
  const end = atMinuteOfDay(moment, quiet.end, "next");
  if (bound.overdue || end < bound.deadline) return end;
  const start = atMinuteOfDay(moment, quiet.start, "previous");
  return new Date(start.getTime() - MINUTE_MS);
}

/** Applies the weekend choice to a moment outside quiet hours (make-up workdays are not weekend). */
export function shiftForWeekend(
  moment: Date,
  weekends: WeekendChoice,
  bound: ReminderBound,
  calendar?: WorkCalendar,
): Date | undefined {
  if (weekends === "send" || !isWeekendOff(moment, calendar)) return moment;
  const after = stepOverWeekend(moment, 1, calendar); // usually Monday
  const before = stepOverWeekend(moment, -1, calendar); // usually Friday
  if (bound.overdue) return weekends === "friday" && before > bound.deadline ? before : after;
  if (weekends === "friday") return before;
  return after < bound.deadline ? after : undefined;
}

/** The same time on the nearest day in direction `step` that is not a weekend day off. */
function stepOverWeekend(moment: Date, step: 1 | -1, calendar?: WorkCalendar): Date {
  let day = addDays(moment, step);
  while (isWeekendOff(day, calendar)) day = addDays(day, step);
  return day;
}

/** The nearest instant at `minuteOfDay` after (or at/before) `moment`. */
function atMinuteOfDay(moment: Date, minuteOfDay: number, side: "next" | "previous"): Date {
  const p = shanghaiParts(moment);
  const sameDay = shanghaiInstant(p.year, p.month, p.day, 0, minuteOfDay);
  if (side === "next") return sameDay > moment ? sameDay : addDays(sameDay, 1);
  return sameDay <= moment ? sameDay : addDays(sameDay, -1);
}

function quietText(quiet: QuietHours | undefined): string {
  if (!quiet) return "";
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return `${hhmm(quiet.start)}–${hhmm(quiet.end)}`;
}
