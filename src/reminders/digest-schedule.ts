// When each task's weekly digest is due: computed, never stored, like the reminder schedule.
// Pure functions of the task, the instant and the send policy.
//
// A digest belongs to an ISO week ("2026-W49", the week of its nominal day). Its nominal moment is
// the task's `digest.weekday` and `digest.time` in that week; it is placed off public holidays (to
// the next workday, same time), out of quiet hours (to their end) and, when REMIND_WEEKENDS is
// "skip" or "friday", off weekend days off (make-up workdays count as workdays). It is current
// from its placed moment until the end of the week it was placed in, or until the next week's
// digest comes due, whichever is first: a digest missed while the bot was down goes out late
// within that week only. Two digests placed on one moment (a holiday spanning a week's end): the
// later week's wins.
import { moveToWorkday, shanghaiInstant, shanghaiParts, addDays } from "../core/period.js";
import type { DigestSchedule, Task } from "../store/tasks.js";
import { shiftForQuiet, shiftForWeekend, type SendPolicy } from "./policy.js";

const DAY_MS = 24 * 60 * 60_000;

/** Ledger reminder keys of digests start with this ("digest-2026-W49"). */
export const DIGEST_PREFIX = "digest-";

/** One week's digest of a task, placed on the calendar. */
export interface DigestSlot {
  task: Task;
  /** The ISO week of the nominal day, "2026-W49". */
  week: string;
  /** The task's weekday and time in that week, before holidays, quiet hours and weekends. */
  nominal: Date;
  /** When it is due. */
  at: Date;
  /** It is no longer sent from this instant on (exclusive). */
  until: Date;
}

/** The ISO week of the Shanghai date of `instant`: "2026-W49" (weeks start on Monday). */
export function isoWeekOf(instant: Date): string {
  const monday = weekStart(instant);
  // The week belongs to the year of its Thursday (ISO 8601).
  const thursday = shanghaiParts(addDays(monday, 3));
  const firstDay = shanghaiInstant(thursday.year, 1, 1);
  const week = Math.floor((addDays(monday, 3).getTime() - firstDay.getTime()) / (7 * DAY_MS)) + 1;
  return `${thursday.year}-W${String(week).padStart(2, "0")}`;
}

/** Monday 00:00 (Shanghai) of the week of `instant`. */
export function weekStart(instant: Date): Date {
  const p = shanghaiParts(instant);
  const back = (p.weekday + 6) % 7; // days since Monday
  return shanghaiInstant(p.year, p.month, p.day - back);
}

/** The digest's moment in the week starting `monday`, as configured. */
export function nominalDigest(schedule: DigestSchedule, monday: Date): Date {
  const p = shanghaiParts(monday);
  const hour = Number(schedule.time.slice(0, 2));
  const minute = Number(schedule.time.slice(3, 5));
  return shanghaiInstant(p.year, p.month, p.day + schedule.weekday - 1, hour, minute);
}

/** Where a digest nominally due at `nominal` goes under `policy` (see the file comment). */
export function placeDigest(nominal: Date, policy: SendPolicy): Date {
  let at = nominal;
  // Each rule moves forward only, except "friday", which lands on a day that is no weekend day
  // off; a few rounds settle any combination (a holiday ending in quiet hours, and so on).
  for (let round = 0; round < 8; round++) {
    const next = placeOnce(at, policy);
    if (next.getTime() === at.getTime()) return at;
    at = next;
  }
  return at;
}

function placeOnce(at: Date, policy: SendPolicy): Date {
  const { calendar } = policy;
  if (calendar?.holidayName(at) !== undefined) return moveToWorkday(at, "next", calendar);
  // A digest has no deadline to respect: quiet hours and the weekend rule only ever move it to
  // the next allowed time ("friday" to the day before the weekend).
  const unbound = { deadline: new Date(0), overdue: true };
  const quiet = shiftForQuiet(at, policy.quiet, unbound);
  if (quiet.getTime() !== at.getTime()) return quiet;
  return shiftForWeekend(at, policy.weekends, unbound, calendar) ?? at;
}

/** The task's digests of the weeks around `instant` (three before to three after), in due order. */
export function digestSlots(task: Task, instant: Date, policy: SendPolicy): DigestSlot[] {
  const schedule = task.digest;
  if (!schedule) return [];
  const monday = weekStart(instant);
  const placed = [-3, -2, -1, 0, 1, 2, 3]
    .map((k) => {
      const nominal = nominalDigest(schedule, addDays(monday, 7 * k));
      return { task, week: isoWeekOf(nominal), nominal, at: placeDigest(nominal, policy) };
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.nominal.getTime() - b.nominal.getTime());
  // The last one's successor lies outside the weeks computed: it is left out.
  return placed.slice(0, -1).map((slot, i) => {
    const endOfWeek = addDays(weekStart(slot.at), 7).getTime();
    const until = Math.min(endOfWeek, placed[i + 1]!.at.getTime());
    return { ...slot, until: new Date(until) };
  });
}

/** The task's digest current at `instant` (at most one), or undefined. */
export function dueDigest(task: Task, instant: Date, policy: SendPolicy): DigestSlot | undefined {
  const t = instant.getTime();
  return digestSlots(task, instant, policy).find(
    (s) => s.at.getTime() <= t && t < s.until.getTime(),
  );
}

/** The task's next digest due after `instant`, or undefined when it has none. */
export function upcomingDigest(
  task: Task,
  instant: Date,
  policy: SendPolicy,
): DigestSlot | undefined {
  const t = instant.getTime();
  return digestSlots(task, instant, policy).find((s) => s.at.getTime() > t && s.at < s.until);
}

/** The ledger reminder key of a slot: "digest-2026-W49". */
export function digestKey(slot: Pick<DigestSlot, "week">): string {
  return `${DIGEST_PREFIX}${slot.week}`;
}
