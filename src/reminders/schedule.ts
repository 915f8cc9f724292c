// The reminder schedule, computed and never stored: which reminder of which period is due at an
// instant. Pure functions of the task, the instant and the send policy.
//
// Catch-up rule: each reminder of a period is "current" from its (placed) moment until the next
// reminder's moment, so after downtime only the latest reminder that has come due is sent, late,
// and never a stale one (no T-3d once T-1d is due). A pre-deadline reminder also stops at the
// deadline; the period's last reminder stays current for LAST_REMINDER_VALID_MS, not counting
// public holidays (an overdue notice due on 1 October still goes out after National Day).
//
// Deadlines follow the policy's working calendar: one on a day off moves as the task's
// `schedule.holiday` says (default: the next workday), and the reminders follow the moved deadline.
import type { WorkCalendar } from "../core/holidays.js";
import { type Reminder, type Task } from "../store/tasks.js";
import {
  addDays,
  addMonths,
  deadlineOf,
  periodOf,
  shanghaiInstant,
  shanghaiParts,
  type DueOptions,
  type Period,
} from "../core/period.js";
import { placeReminder, type SendPolicy } from "./policy.js";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** How long the last reminder of a period (usually the overdue notice) may still go out late. */
export const LAST_REMINDER_VALID_MS = 3 * DAY_MS;

/** A reminder sent more than this after its moment is marked late ("（补发）"). */
export const LATE_AFTER_MS = 5 * MINUTE_MS;

/** One reminder of one period, placed on the calendar. */
export interface ScheduledReminder {
  task: Task;
  period: Period;
  reminder: Reminder;
  deadline: Date;
  /** The moment from the task's offsets, before quiet hours and weekends moved it. */
  nominal: Date;
  /** When it is due. */
  at: Date;
  /** It is no longer sent from this instant on (exclusive). */
  until: Date;
  /** Keys of the reminders of the period placed after this one. */
  later: string[];
}

/** The task's due day, time and holiday rule as `deadlineOf` takes them. */
export function dueOptionsOf(task: Task): DueOptions {
  const { dueDay, dueTime, holiday = "next" } = task.schedule;
  return { day: dueDay, time: dueTime, holiday };
}

/** The deadline of a task's period, moved off a day off of `calendar` as the task says. */
export function taskDeadline(task: Task, period: Period, calendar?: WorkCalendar): Date {
  return deadlineOf(period, dueOptionsOf(task), calendar);
}

/** A task's next deadline. */
export interface UpcomingDeadline {
  task: Task;
  period: Period;
  deadline: Date;
}

/**
 * The task's earliest deadline not before `at`, among last month's to the month after next's (a
 * moved deadline can fall in the next month, or before an earlier one).
 */
export function upcomingDeadline(task: Task, at: Date, calendar?: WorkCalendar): UpcomingDeadline {
  const all = periodsAround(at, [-1, 0, 1, 2]).map((period) => ({
    task,
    period,
    deadline: taskDeadline(task, period, calendar),
  }));
  const ahead = all
    .filter((c) => c.deadline >= at)
    .sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
  // The month after next's deadline is a month away: only a month of days off could pull it back.
  return ahead[0] ?? all[all.length - 1]!;
}

/** The moment a reminder names: a time of day `offsetDays` from the deadline's date, or an offset. */
export function nominalMoment(reminder: Reminder, deadline: Date): Date {
  const shift = reminder.offsetMinutes * MINUTE_MS;
  if (reminder.at === undefined) {
    return new Date(deadline.getTime() + reminder.offsetDays * DAY_MS + shift);
  }
  const d = shanghaiParts(deadline);
  const hour = Number(reminder.at.slice(0, 2));
  const minute = Number(reminder.at.slice(3, 5));
  const day = shanghaiInstant(d.year, d.month, d.day + reminder.offsetDays, hour, minute);
  return new Date(day.getTime() + shift);
}

/** Every reminder of one period, placed and ordered by due time (dropped ones left out). */
export function scheduleOf(task: Task, period: Period, policy: SendPolicy): ScheduledReminder[] {
  const deadline = taskDeadline(task, period, policy.calendar);
  const placed = task.reminders
    .flatMap((reminder) => {
      const nominal = nominalMoment(reminder, deadline);
      const at = placeReminder(nominal, policy, { deadline, overdue: reminder.overdue });
      // An overdue notice configured before its deadline would be a lie: left out.
      if (!at || (reminder.overdue && at < deadline)) return [];
      return [{ task, period, reminder, deadline, nominal, at }];
    })
    // Two reminders moved onto one moment: the later nominal one wins (its window is not empty).
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.nominal.getTime() - b.nominal.getTime());
  return placed.map((slot, i) => ({
    ...slot,
    until: untilOf(slot, placed[i + 1], policy.calendar),
    later: placed.slice(i + 1).map((s) => s.reminder.key),
  }));
}

function untilOf(
  slot: { at: Date; deadline: Date; reminder: Reminder },
  next: { at: Date } | undefined,
  calendar: WorkCalendar | undefined,
): Date {
  const end = next ? next.at.getTime() : lastUntil(slot.at, calendar);
  if (slot.reminder.overdue) return new Date(end);
  return new Date(Math.min(end, slot.deadline.getTime()));
}

/** LAST_REMINDER_VALID_MS after `at`, plus a day for each public holiday on the way. */
function lastUntil(at: Date, calendar: WorkCalendar | undefined): number {
  let end = at.getTime() + LAST_REMINDER_VALID_MS;
  if (!calendar) return end;
  for (let day = at; day.getTime() < end; day = addDays(day, 1)) {
    if (calendar.holidayName(day) !== undefined) end += DAY_MS;
  }
  return end;
}

/** Periods whose reminders can be due around `instant`: last month, this month, next month. */
export function periodsAround(instant: Date, months: number[] = [-1, 0, 1]): Period[] {
  const current = periodOf(instant);
  return months.map((k) => addMonths(current, k));
}

/** The reminders of `task` current at `instant`: at most one per period. */
export function dueReminders(task: Task, instant: Date, policy: SendPolicy): ScheduledReminder[] {
  const t = instant.getTime();
  return periodsAround(instant).flatMap((period) =>
    scheduleOf(task, period, policy).filter((s) => s.at.getTime() <= t && t < s.until.getTime()),
  );
}

/** The reminders of `task` due after `instant`, soonest first, whatever the reporting state. */
export function upcomingReminders(
  task: Task,
  instant: Date,
  policy: SendPolicy,
): ScheduledReminder[] {
  const t = instant.getTime();
  return periodsAround(instant, [-1, 0, 1, 2])
    .flatMap((period) => scheduleOf(task, period, policy))
    .filter((s) => s.at.getTime() > t && s.at < s.until)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** True when a reminder going out at `instant` is late. */
export function isLateSend(slot: ScheduledReminder, instant: Date): boolean {
  return instant.getTime() - slot.at.getTime() > LATE_AFTER_MS;
}
