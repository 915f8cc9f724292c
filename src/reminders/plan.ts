// From a due reminder and the reporting state to the messages it means: a direct message to each
// bound liaison of a township that has not fully reported, and one summary per office target.
// Nothing goes to a township that has reported, and nothing at all once every township has.
import type { Period } from "../core/period.js";
import type { Task } from "../store/tasks.js";
import type { LedgerKey } from "./ledger.js";
import { directText, officeText, type ReminderContext, type TownshipProgress } from "./texts.js";

/** The reporting state reminders read (the lead wires the submission and binding stores). */
export interface ReportingState {
  /** Per township of the task: which field keys are still missing for the period (empty = fully reported). */
  progress(task: Task, period: string): TownshipProgress[];
  /** Identities ("telegram:123", "wecom:zhangsan", "console:local") bound as liaisons of a township. */
  liaisonsOf(township: string): string[];
}

/** One office destination with its own rate limit. */
export interface OfficeTarget {
  /** Stable key, also recorded in the ledger ("wecom-group", "telegram-office", "console"). */
  key: string;
  /** Posts the summary (WeCom group robots take it as markdown; plain lines render fine). */
  send(text: string): Promise<void>;
  /** Messages a minute the destination accepts (Infinity: no limit). */
  perMinute: number;
}

/** How reminders leave the bot. */
export interface ReminderTransport {
  /** Direct message to one identity. Rejects on failure (the outbox retries). */
  direct(identity: string, text: string): Promise<void>;
  /** Office targets, each with its own limit. */
  office: OfficeTarget[];
}

/** A message sent (or, in a dry run, planned). */
export interface ReminderItem {
  task: string;
  period: Period;
  /** The reminder's key ("t-3d"), or "/remind" for an admin's nudge. */
  reminder: string;
  /** The identity ("wecom:zhangsan") or "office:<target key>". */
  recipient: string;
  /** The township a direct message is about; absent for office summaries. */
  township?: string;
  text: string;
  late: boolean;
}

/** What is being reminded about. */
export interface PlanSlot extends ReminderContext {
  reminder: string;
  /** Names the reminder in the office summary ("截止前3天提醒"). */
  label: string;
}

/** A message ready for the outbox. */
export interface PlannedMessage {
  key: LedgerKey;
  item: ReminderItem;
  lane: string;
  perMinute: number;
  send(): Promise<void>;
  /** Checked right before sending: false once the township (or everyone) has reported. */
  wanted(): boolean;
}

/** What planning needs. */
export interface PlanDeps {
  state: ReportingState;
  transport: ReminderTransport;
  /** Messages a minute to one person (WeCom drops the 31st silently). */
  directPerMinute: number;
}

/** The messages a slot means given the current reporting state. */
export function planMessages(slot: PlanSlot, deps: PlanDeps): PlannedMessage[] {
  const progress = deps.state.progress(slot.task, slot.period);
  const missing = progress.filter((p) => p.missing.length > 0);
  if (missing.length === 0) return [];
  const unbound: string[] = [];
  const direct = missing.flatMap((township) => {
    const liaisons = deps.state.liaisonsOf(township.township);
    if (liaisons.length === 0) unbound.push(township.township);
    return liaisons.map((identity) => directMessage(slot, township, identity, deps));
  });
  const summary = officeText(slot, progress, unbound);
  const office = deps.transport.office.map((target) => officeMessage(slot, target, summary, deps));
  return [...direct, ...office];
}

function directMessage(
  slot: PlanSlot,
  township: TownshipProgress,
  identity: string,
  deps: PlanDeps,
): PlannedMessage {
  const text = directText(slot, township);
  return {
    key: keyOf(slot, `direct:${township.township}:${identity}`),
    item: { ...itemOf(slot, identity, text), township: township.township },
    lane: `direct:${identity}`,
    perMinute: deps.directPerMinute,
    send: () => deps.transport.direct(identity, text),
    wanted: () => isMissing(deps.state, slot.task, slot.period, township.township),
  };
}

function officeMessage(
  slot: PlanSlot,
  target: OfficeTarget,
  text: string,
  deps: PlanDeps,
): PlannedMessage {
  const recipient = `office:${target.key}`;
  return {
    key: keyOf(slot, recipient),
    item: itemOf(slot, recipient, text),
    lane: recipient,
    perMinute: target.perMinute,
    send: () => target.send(text),
    wanted: () => deps.state.progress(slot.task, slot.period).some((p) => p.missing.length > 0),
  };
}

function keyOf(slot: PlanSlot, recipient: string): LedgerKey {
  return { task: slot.task.id, period: slot.period, reminder: slot.reminder, recipient };
}

function itemOf(slot: PlanSlot, recipient: string, text: string): ReminderItem {
  return {
    task: slot.task.id,
    period: slot.period,
    reminder: slot.reminder,
    recipient,
    text,
    late: slot.late,
  };
}

function isMissing(state: ReportingState, task: Task, period: Period, township: string): boolean {
  const row = state.progress(task, period).find((p) => p.township === township);
  return row !== undefined && row.missing.length > 0;
}
