// The weekly digest to the office: for each task with a `digest` in data/tasks.json, one message a
// week to every office target, through the reminders' ledger (once per week and target, across
// restarts), outbox, quiet hours and calendar. It says who has reported the month, who is still
// missing, what was submitted or corrected in the last 7 days (district totals then and now), and
// carries the chart of the task's first field as a picture where the target can take one.
import { resolve } from "node:path";
import { addMonths, periodOf, type Period } from "../core/period.js";
import type { Task } from "../store/tasks.js";
import { weeklyChanges, type DigestFigures } from "./digest-changes.js";
import { digestKey, DIGEST_PREFIX, dueDigest, type DigestSlot } from "./digest-schedule.js";
import { digestText } from "./digest-text.js";
import type { LedgerKey, ReminderLedger } from "./ledger.js";
import { describeError, type ReminderLogger } from "./outbox.js";
import type { PlannedMessage, ReminderTransport, ReportingState } from "./plan.js";
import type { SendPolicy } from "./policy.js";
import { LATE_AFTER_MS, taskDeadline } from "./schedule.js";

export type { DigestFigure, DigestFigures } from "./digest-changes.js";

const WEEK_MS = 7 * 24 * 60 * 60_000;

/** A picture file to send (a core `ReplyFile` fits). */
export interface DigestPicture {
  path: string;
  /** What people see ("2026年12月各乡镇新建民宿.png"). */
  name: string;
}

/** One digest message (a core `Reply` fits). */
export interface DigestMessage {
  text: string;
  image?: DigestPicture;
}

/** An office destination of the digest; one that cannot take pictures sends the text alone. */
export interface DigestTarget {
  /** Stable key, recorded in the ledger as "office:<key>" (the reminders' office keys). */
  key: string;
  /** Messages a minute the destination accepts (Infinity: no limit). */
  perMinute: number;
  send(message: DigestMessage): Promise<void>;
}

/** Draws the chart of `task`'s first field for `period`; undefined when there is nothing to draw. */
export type DigestChart = (task: Task, period: Period) => Promise<DigestPicture | undefined>;

/** The `digest` option of `createReminderService`. */
export interface DigestOptions {
  /** Submitted figures (the SubmissionStore). */
  figures: DigestFigures;
  /**
   * Where digests go (default: the transport's office targets, text only). Use `digestTargets` to
   * send pictures.
   */
  targets?: readonly DigestTarget[];
  /** Draws the chart (default: none, text only); see `digestChart`. */
  chart?: DigestChart;
  /** How texts name the whole district (default: 全区). */
  area?: string;
}

/** The channels a digest can use; each structurally matches what src/channels provides. */
export interface DigestChannels {
  /** The WeCom group robot (`WecomChannel.webhook`): markdown, then an image message. */
  wecomGroup?: { sendReply(message: DigestMessage): Promise<void> };
  /** The Telegram channel: sendPhoto with the text as caption when it fits. */
  telegram?: { sendTo(chatId: string, message: DigestMessage): Promise<void> };
  /** The Telegram office chat (TELEGRAM_OFFICE_CHAT_ID); without it no Telegram target. */
  telegramChat?: string;
  /** Prints to the terminal; a picture's path goes on a line of its own. */
  print?: (text: string) => Promise<void>;
}

/** Digest targets over the office channels, keyed as the reminders' office targets are. */
export function digestTargets(channels: DigestChannels): DigestTarget[] {
  const { wecomGroup, telegram, telegramChat, print } = channels;
  const targets: DigestTarget[] = [];
  if (wecomGroup) {
    targets.push({ key: "wecom-group", perMinute: 20, send: (m) => wecomGroup.sendReply(m) });
  }
  if (telegram && telegramChat) {
    targets.push({
      key: "telegram-office",
      perMinute: 20,
      send: (m) => telegram.sendTo(telegramChat, m),
    });
  }
  if (print) {
    targets.push({
      key: "console",
      perMinute: Infinity,
      send: (m) => print(m.image ? `${m.text}\n${resolve(m.image.path)}` : m.text),
    });
  }
  return targets;
}

/** What planning digests needs from the service. */
export interface DigestDeps {
  tasks: readonly Task[];
  state: ReportingState;
  transport: ReminderTransport;
  ledger: ReminderLedger;
  policy: SendPolicy;
  log: ReminderLogger;
  options: DigestOptions;
  /** False for a key the ledger has, or one waiting in the outbox. */
  isNew(key: LedgerKey): boolean;
}

/** The digests due at `at` and not yet sent: one message per target without a ledger entry. */
export function plannedDigests(at: Date, deps: DigestDeps): PlannedMessage[] {
  return deps.tasks.flatMap((task) => {
    const slot = dueDigest(task, at, deps.policy);
    if (!slot || overtaken(slot, deps.ledger)) return [];
    return digestMessages(slot, at, deps);
  });
}

/** A later week's digest of the task already went out: the clock stepped back, stay quiet. */
function overtaken(slot: DigestSlot, ledger: ReminderLedger): boolean {
  const key = digestKey(slot);
  const period = periodOf(slot.nominal);
  // A later week's entry has this period or the next (its nominal day is at most weeks later).
  return [period, addMonths(period, 1)].some((p) =>
    [...ledger.remindersOf(slot.task.id, p)].some((r) => r.startsWith(DIGEST_PREFIX) && r > key),
  );
}

function digestMessages(slot: DigestSlot, at: Date, deps: DigestDeps): PlannedMessage[] {
  const { task } = slot;
  const period = periodOf(slot.nominal);
  const reminder = digestKey(slot);
  const keyOf = (target: DigestTarget): LedgerKey => ({
    task: task.id,
    period,
    reminder,
    recipient: `office:${target.key}`,
  });
  // Checked before the text is composed: the digest stays current all week after it went out.
  const targets = targetsOf(deps).filter((target) => deps.isNew(keyOf(target)));
  if (targets.length === 0) return [];
  const late = at.getTime() - slot.at.getTime() > LATE_AFTER_MS;
  const text = digestText(contentOf(task, period, at, late, deps));
  const picture = lazyChart(task, period, deps);
  return targets.map((target) => {
    const key = keyOf(target);
    return {
      key,
      item: { task: task.id, period, reminder, recipient: key.recipient, text, late },
      lane: key.recipient,
      perMinute: target.perMinute,
      send: async () => {
        const image = await picture();
        await target.send(image ? { text, image } : { text });
      },
      wanted: () => true,
    };
  });
}

function contentOf(task: Task, period: Period, at: Date, late: boolean, deps: DigestDeps) {
  const { state, policy, options } = deps;
  const before = addMonths(period, -1);
  const beforeDeadline = taskDeadline(task, before, policy.calendar);
  const since = new Date(at.getTime() - WEEK_MS);
  return {
    task,
    period,
    deadline: taskDeadline(task, period, policy.calendar),
    at,
    progress: state.progress(task, period),
    ...(at > beforeDeadline ? overdueOf(task, before, state) : {}),
    changes: weeklyChanges(task, options.figures, since, at),
    since,
    area: options.area ?? "全区",
    late,
  };
}

/** Last month's stragglers, unless nobody reported that month at all (the bot was not in use yet). */
function overdueOf(task: Task, period: Period, state: ReportingState) {
  const progress = state.progress(task, period);
  const used = progress.some((p) => p.missing.length < task.fields.length);
  return used ? { overdue: { period, progress } } : {};
}

/**
 * The chart, drawn once for all targets when the first one sends: this month's, or last month's
 * while no township has reported this month yet. A chart that fails leaves the text alone.
 */
function lazyChart(task: Task, period: Period, deps: DigestDeps) {
  const chart = deps.options.chart;
  let drawn: Promise<DigestPicture | undefined> | undefined;
  const draw = async () => {
    if (!chart) return undefined;
    try {
      return (await chart(task, period)) ?? (await chart(task, addMonths(period, -1)));
    } catch (error) {
      deps.log.warn(`周报图表绘制失败，只发文字：${describeError(error)}`);
      return undefined;
    }
  };
  return () => (drawn ??= draw());
}

function targetsOf(deps: DigestDeps): readonly DigestTarget[] {
  if (deps.options.targets) return deps.options.targets;
  return deps.transport.office.map((office) => ({
    key: office.key,
    perMinute: office.perMinute,
    send: (m: DigestMessage) => office.send(m.text),
  }));
}
