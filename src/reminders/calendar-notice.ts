// The office is told before the working calendar runs out: the State Council publishes next year's
// holidays in November or December, and until an admin adds them (/holidays) deadlines next year
// only avoid weekends. One notice per office target, through the ledger like any reminder, so it
// goes out once, at the first allowed minute of its window.
import { coverageEnd, type WorkCalendar } from "../core/holidays.js";
import { addDays, periodOf } from "../core/period.js";
import type { LedgerKey } from "./ledger.js";
import type { PlannedMessage, ReminderTransport } from "./plan.js";

/** Ledger task key of the notice (cannot clash: task ids are [a-z0-9-]). */
export const CALENDAR_NOTICE_TASK = "/calendar";

/** The notice is due this many days before the calendar runs out … */
export const NOTICE_DAYS_BEFORE = 30;

/** … and still goes out (late, say after downtime) up to this many days after. */
export const NOTICE_DAYS_AFTER = 30;

/** When the notice about `calendar`'s current end is due: [from, until). */
export function calendarNoticeWindow(calendar: WorkCalendar): { from: Date; until: Date } {
  const end = coverageEnd(calendar);
  return { from: addDays(end, -NOTICE_DAYS_BEFORE), until: addDays(end, NOTICE_DAYS_AFTER) };
}

/** The notice's text. */
export function calendarNoticeText(lastCoveredYear: number): string {
  const next = lastCoveredYear + 1;
  return [
    `【节假日安排】机器人的法定节假日和调休数据只到 ${lastCoveredYear}年12月31日。`,
    `国务院办公厅公布 ${next} 年放假安排后，请管理员补录：`,
    `/holidays add 起 止 名称（如 /holidays add ${next}-01-01 ${next}-01-03 元旦）`,
    "/holidays workday 日期（调休上班日）",
    `补录前，${next} 年的截止日只避开周末，不避开节假日。`,
  ].join("\n");
}

/** The notices due at `at`, one per office target; none outside the window. */
export function calendarNotices(
  at: Date,
  calendar: WorkCalendar,
  transport: ReminderTransport,
): PlannedMessage[] {
  const year = calendar.lastCoveredYear;
  const { from, until } = calendarNoticeWindow(calendar);
  if (at < from || at >= until) return [];
  const text = calendarNoticeText(year);
  return transport.office.map((target) => {
    const recipient = `office:${target.key}`;
    const key: LedgerKey = {
      task: CALENDAR_NOTICE_TASK,
      period: periodOf(from),
      reminder: `ends-${year}`,
      recipient,
    };
    return {
      key,
      item: { ...key, text, late: false },
      lane: recipient,
      perMinute: target.perMinute,
      send: () => target.send(text),
      // An admin who adds next year's days meanwhile makes the notice moot.
      wanted: () => calendar.lastCoveredYear === year,
    };
  });
}

/** One line for the CLI and /holidays while the notice window is open, else undefined. */
export function calendarWarning(at: Date, calendar: WorkCalendar): string | undefined {
  const { from, until } = calendarNoticeWindow(calendar);
  if (at < from || at >= until) return undefined;
  const year = calendar.lastCoveredYear;
  return `注意：节假日数据只到 ${year}年12月31日，请补录 ${year + 1} 年的放假安排（/holidays）`;
}
