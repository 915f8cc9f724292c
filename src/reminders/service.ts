// The reminder service: what is due now (schedule), minus what the ledger says went out, through
// the outbox. Ticks of any clock may call `runDue` as often as they like: it is idempotent.
import type { WorkCalendar } from "../core/holidays.js";
import { periodOf, shanghaiDateKey, type Period } from "../core/period.js";
import { officialCalendar } from "../store/holidays.js";
import type { Task } from "../store/tasks.js";
import { calendarNotices } from "./calendar-notice.js";
import { ledgerKeyText, type LedgerEntry, type LedgerKey, type ReminderLedger } from "./ledger.js";
import {
  createOutbox,
  describeError,
  type Outbox,
  type OutboxOptions,
  type OutboxOutcome,
  type ReminderLogger,
} from "./outbox.js";
import {
  planMessages,
  type PlanDeps,
  type PlannedMessage,
  type ReminderItem,
  type ReminderTransport,
  type ReportingState,
} from "./plan.js";
import { holdReason, policyOf, type SendPolicy, type WeekendChoice } from "./policy.js";
import {
  dueReminders,
  isLateSend,
  taskDeadline,
  upcomingDeadline,
  upcomingReminders,
  type ScheduledReminder,
  type UpcomingDeadline,
} from "./schedule.js";
import { plannedDigests, type DigestOptions } from "./digest.js";
import { upcomingDigest, type DigestSlot } from "./digest-schedule.js";
import { deadlinesText, reminderLabel, remindNowReply, type DeadlineLine } from "./texts.js";

/** Ledger reminder key of an admin's /remind (cannot clash: task reminder keys are [a-z0-9-]). */
export const MANUAL_REMINDER = "/remind";

/** A /remind does not reach a recipient who got a reminder of the task this recently. */
export const MANUAL_REPEAT_MS = 10 * 60_000;

/** Options of `createReminderService`. */
export interface ReminderServiceOptions {
  tasks: Task[];
  state: ReportingState;
  transport: ReminderTransport;
  ledger: ReminderLedger;
  /** Clock (default: the system clock). */
  now?: () => Date;
  /** "21:00-08:00" or "off" (default: "21:00-08:00"). */
  quietHours?: string;
  /** Weekend choice (default: "send"). */
  weekends?: WeekendChoice;
  /**
   * Workdays and public holidays: deadlines move off days off, nothing is sent on a holiday, and
   * the office is told before the data runs out (default: the official calendar of chinese-days,
   * without the office's additions).
   */
  calendar?: WorkCalendar;
  /** Logger (default: console). */
  log?: ReminderLogger;
  /** An outbox, or options for a new one (default: a new outbox with default options). */
  outbox?: Outbox | OutboxOptions;
  /** Messages a minute to one person (default: 30, WeCom's limit per member). */
  directPerMinute?: number;
  /** The weekly digest to the office, for tasks with a `digest` time (default: none sent). */
  digest?: DigestOptions;
}

/** Options of `runDue`. */
export interface RunOptions {
  /** Plan only: nothing is sent or recorded (default: false). */
  dryRun?: boolean;
}

/** The outcome of an admin's /remind. */
export interface RemindNowResult {
  items: ReminderItem[];
  /** Recipients left out because they were reminded within MANUAL_REPEAT_MS. */
  recent: number;
  /** The Chinese reply for the admin. */
  reply: string;
}

/** How queued messages ended. */
export type DeliveryCounts = Record<OutboxOutcome, number>;

/** Deadline reminders for every task. */
export interface ReminderService {
  /** Queues what is due at `at` (default: now) and not yet sent; returns those messages. */
  runDue(at?: Date, options?: RunOptions): Promise<ReminderItem[]>;
  /** Nudges the missing townships of a period (default: the current month) now, bypassing the schedule. */
  remindNow(task: Task, period?: Period): Promise<RemindNowResult>;
  /** The next reminder of `task` that will go out if someone is still missing then. */
  nextReminder(task: Task, now?: Date): ScheduledReminder | undefined;
  /** The /deadlines answer: open tasks, deadlines, progress, next reminder. */
  deadlinesText(now?: Date): string;
  /** Each task's first deadline not before `at` (default: now), in task order. */
  upcomingDeadlines(at?: Date): UpcomingDeadline[];
  /** Each task's next digest after `at` (default: now); none without the `digest` option. */
  upcomingDigests(at?: Date): DigestSlot[];
  /** The working calendar deadlines and reminders follow. */
  readonly calendar: WorkCalendar;
  /** Why nothing may be sent at `at` (quiet hours, public holiday, weekend), or undefined. */
  holdReason(at?: Date): string | undefined;
  /** Resolves once every queued message was sent, failed for good or dropped; counts since the last flush. */
  flush(): Promise<DeliveryCounts>;
  /** Sends a previous process began but may not have finished; they are not repeated. */
  uncertain(): LedgerEntry[];
}

/** Creates the service; nothing runs until `runDue` is called (see `startCron`). */
export function createReminderService(options: ReminderServiceOptions): ReminderService {
  const { tasks, state, ledger } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? console;
  const calendar = options.calendar ?? officialCalendar();
  const policy: SendPolicy = policyOf(
    options.quietHours ?? "21:00-08:00",
    options.weekends ?? "send",
    calendar,
  );
  const outbox = isOutbox(options.outbox)
    ? options.outbox
    : createOutbox({ log, ...options.outbox });
  const deps: PlanDeps = {
    state,
    transport: options.transport,
    directPerMinute: options.directPerMinute ?? 30,
  };
  // Keys queued in the outbox but not yet in the ledger: a tick while they wait must not requeue them.
  const reserved = new Set<string>();
  const finishing = new Set<Promise<void>>();
  let counts = noDeliveries();

  function enqueue(message: PlannedMessage): void {
    const keyText = ledgerKeyText(message.key);
    reserved.add(keyText);
    const outcome = outbox.push({
      lane: message.lane,
      perMinute: message.perMinute,
      label: `${message.item.recipient} ${keyText}`,
      send: () => message.send(),
      beforeSend: async () => {
        if (!message.wanted()) return false;
        await ledger.markAttempt(message.key, now(), message.item.late);
        return true;
      },
    });
    const done = outcome
      .then((result) => {
        counts[result]++;
        return result === "dropped" ? undefined : ledger.markDone(message.key, now(), result);
      })
      .catch((error: unknown) => log.error(`提醒记录写入失败 ${keyText}: ${describeError(error)}`))
      .finally(() => {
        reserved.delete(keyText);
        finishing.delete(done);
      });
    finishing.add(done);
  }

  function isNew(key: LedgerKey): boolean {
    return ledger.get(key) === undefined && !reserved.has(ledgerKeyText(key));
  }

  function dueMessages(at: Date): PlannedMessage[] {
    return tasks
      .flatMap((task) => dueReminders(task, at, policy))
      .filter((slot) => !overtaken(slot))
      .flatMap((slot) => planMessages(slotOf(slot, at), deps))
      .concat(calendarNotices(at, calendar, options.transport))
      .concat(digestsDue(at))
      .filter((message) => isNew(message.key));
  }

  function digestsDue(at: Date): PlannedMessage[] {
    const digest = options.digest;
    if (!digest) return [];
    const deps = {
      tasks,
      state,
      transport: options.transport,
      ledger,
      policy,
      log,
      options: digest,
      isNew,
    };
    return plannedDigests(at, deps);
  }

  /** A later reminder of the period already went out: the clock stepped back, stay quiet. */
  function overtaken(slot: ScheduledReminder): boolean {
    const recorded = ledger.remindersOf(slot.task.id, slot.period);
    return slot.later.some((key) => recorded.has(key));
  }

  function recentlyReminded(key: LedgerKey, at: Date): boolean {
    return ledger
      .entries()
      .some(
        (e) =>
          e.task === key.task &&
          e.period === key.period &&
          e.recipient === key.recipient &&
          e.state !== "failed" &&
          at.getTime() - Date.parse(e.at) < MANUAL_REPEAT_MS,
      );
  }

  function nextFor(task: Task, at: Date): ScheduledReminder | undefined {
    return upcomingReminders(task, at, policy).find((slot) =>
      state.progress(task, slot.period).some((p) => p.missing.length > 0),
    );
  }

  return {
    async runDue(at = now(), { dryRun = false } = {}) {
      if (holdReason(at, policy) !== undefined) return [];
      const messages = dueMessages(at);
      if (!dryRun) messages.forEach(enqueue);
      return messages.map((m) => m.item);
    },
    async remindNow(task, period = periodOf(now())) {
      const at = now();
      const all = planMessages(manualSlot(task, period, at, calendar), deps);
      const fresh = all.filter(
        (m) => !reserved.has(ledgerKeyText(m.key)) && !recentlyReminded(m.key, at),
      );
      fresh.forEach(enqueue);
      const items = fresh.map((m) => m.item);
      const direct = items.filter((i) => i.township !== undefined).length;
      const reply = remindNowReply(
        { direct, office: items.length - direct },
        all.length - fresh.length,
      );
      return { items, recent: all.length - fresh.length, reply };
    },
    nextReminder: (task, at = now()) => nextFor(task, at),
    deadlinesText: (at = now()) => deadlinesText(tasks.map((task) => deadlineLine(task, at))),
    upcomingDeadlines: (at = now()) => tasks.map((task) => upcomingDeadline(task, at, calendar)),
    upcomingDigests: (at = now()) =>
      options.digest ? tasks.flatMap((task) => upcomingDigest(task, at, policy) ?? []) : [],
    calendar,
    holdReason: (at = now()) => holdReason(at, policy),
    async flush() {
      await outbox.idle();
      while (finishing.size > 0) await Promise.all([...finishing]);
      const result = counts;
      counts = noDeliveries();
      return result;
    },
    uncertain: () => ledger.uncertain(),
  };

  function deadlineLine(task: Task, at: Date): DeadlineLine {
    const period = periodOf(at);
    const deadline = taskDeadline(task, period, calendar);
    const progress = state.progress(task, period);
    const next = nextFor(task, at);
    return {
      task,
      period,
      deadline,
      passed: at > deadline,
      reported: progress.filter((p) => p.missing.length === 0).length,
      total: progress.length,
      ...(next
        ? { next: { at: next.at, label: reminderLabel(next.reminder), period: next.period } }
        : {}),
    };
  }
}

function slotOf(slot: ScheduledReminder, at: Date) {
  const late = isLateSend(slot, at);
  // A reminder sent late on the deadline day says so, not "1 day before".
  const today =
    !slot.reminder.overdue && late && shanghaiDateKey(at) === shanghaiDateKey(slot.deadline);
  return {
    task: slot.task,
    period: slot.period,
    deadline: slot.deadline,
    overdue: slot.reminder.overdue,
    late,
    reminder: slot.reminder.key,
    label: slot.reminder.overdue
      ? "逾期通报"
      : today
        ? "今天截止提醒"
        : `${reminderLabel(slot.reminder)}提醒`,
  };
}

function manualSlot(task: Task, period: Period, at: Date, calendar: WorkCalendar) {
  const deadline = taskDeadline(task, period, calendar);
  const overdue = at > deadline;
  const label = overdue ? "逾期通报" : "催报提醒";
  return { task, period, deadline, overdue, late: false, reminder: MANUAL_REMINDER, label };
}

function noDeliveries(): DeliveryCounts {
  return { sent: 0, failed: 0, dropped: 0 };
}

function isOutbox(value: Outbox | OutboxOptions | undefined): value is Outbox {
  return typeof (value as Outbox | undefined)?.push === "function";
}
