// Deadline reminders and the weekly digest: the schedule (computed), the ledger (persisted), the
// outbox (rate limits, retries), the service tying them together and the node-cron clock.
export { startCron, type CronOptions, type ReminderCron } from "./cron.js";
export {
  ledgerFile,
  memoryLedger,
  openLedger,
  type LedgerEntry,
  type LedgerKey,
  type ReminderLedger,
} from "./ledger.js";
export {
  createOutbox,
  type Outbox,
  type OutboxJob,
  type OutboxOptions,
  type ReminderLogger,
} from "./outbox.js";
export type { OfficeTarget, ReminderItem, ReminderTransport, ReportingState } from "./plan.js";
export { parseQuietHours, type WeekendChoice } from "./policy.js";
export { upcomingReminders, type ScheduledReminder, type UpcomingDeadline } from "./schedule.js";
export { consoleTransport, runReminderCommand } from "./command.js";
export { holidayCommands, HOLIDAYS_USAGE, type HolidayCommandOptions } from "./holidays-command.js";
export {
  CALENDAR_NOTICE_TASK,
  calendarNoticeText,
  calendarWarning,
  NOTICE_DAYS_BEFORE,
} from "./calendar-notice.js";
export {
  createReminderService,
  MANUAL_REMINDER,
  type DeliveryCounts,
  type RemindNowResult,
  type ReminderService,
  type ReminderServiceOptions,
  type RunOptions,
} from "./service.js";
export {
  digestTargets,
  type DigestChannels,
  type DigestChart,
  type DigestFigures,
  type DigestMessage,
  type DigestOptions,
  type DigestPicture,
  type DigestTarget,
} from "./digest.js";
export { digestChart, type DigestChartOptions } from "./digest-chart.js";
export { isoWeekOf, upcomingDigest, type DigestSlot } from "./digest-schedule.js";
