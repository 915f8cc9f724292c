// Chinese texts of reminders: the nudge to a liaison, the summary to the office, /deadlines.
// Every message names the deadline as a date with weekday, never "明天", since a message can be
// read (or sent late) on another day.
import { formatPeriod, formatShanghai, type Period } from "../core/period.js";
import type { Reminder, Task } from "../store/tasks.js";

/** Prefix of a reminder sent after its time (the bot was down or held back). */
export const LATE_MARK = "（补发）";

/** Said by the CLI and /remind when there is nothing to send. */
export const NOTHING_DUE = "此刻没有到期的提醒";

/** One township's state for a period. */
export interface TownshipProgress {
  township: string;
  /** Field keys still missing; empty when fully reported. */
  missing: string[];
}

/** What a reminder text is about. */
export interface ReminderContext {
  task: Task;
  period: Period;
  deadline: Date;
  /** After the deadline: an overdue notice. */
  overdue: boolean;
  late: boolean;
}

/** A short name of a reminder: "截止前3天", "截止前2小时", "逾期提醒". */
export function reminderLabel(reminder: Reminder): string {
  if (reminder.overdue) return "逾期提醒";
  if (reminder.at !== undefined) {
    return reminder.offsetDays < 0 ? `截止前${-reminder.offsetDays}天` : "截止当天";
  }
  const minutes = -(reminder.offsetDays * 24 * 60 + reminder.offsetMinutes);
  if (minutes <= 0) return "截止时";
  if (minutes % (24 * 60) === 0) return `截止前${minutes / (24 * 60)}天`;
  return minutes % 60 === 0 ? `截止前${minutes / 60}小时` : `截止前${minutes}分钟`;
}

/** Labels of missing field keys, in the task's field order. */
export function fieldLabels(task: Task, keys: readonly string[]): string[] {
  const known = task.fields.filter((f) => keys.includes(f.key)).map((f) => f.label);
  const unknown = keys.filter((k) => !task.fields.some((f) => f.key === k));
  return [...known, ...unknown];
}

/** The direct message to a liaison of a township that has not fully reported. */
export function directText(ctx: ReminderContext, township: TownshipProgress): string {
  const missing = fieldLabels(ctx.task, township.missing);
  const list = `${missing.length} 项未报：${missing.join("、")}`;
  const deadline = formatShanghai(ctx.deadline, { weekday: true });
  const body = ctx.overdue
    ? `${township.township}的填报已于 ${deadline} 截止，仍有 ${list}。请尽快补报（私聊我发“上报”）。`
    : `${township.township}还有 ${list}。截止时间 ${deadline}，请按时填报（私聊我发“上报”）。`;
  return `${lateMark(ctx)}${heading(ctx)}${body}`;
}

/** The office summary: 已报 x/N, who has not reported, who reported in part. */
export function officeText(
  ctx: ReminderContext & { label: string },
  progress: readonly TownshipProgress[],
  unbound: readonly string[],
): string {
  const total = ctx.task.fields.length;
  const done = progress.filter((p) => p.missing.length === 0);
  const none = progress.filter((p) => p.missing.length >= total);
  const partial = progress.filter((p) => p.missing.length > 0 && p.missing.length < total);
  const deadline = formatShanghai(ctx.deadline, { weekday: true });
  const lines = [
    `${lateMark(ctx)}${heading(ctx)}${ctx.label}`,
    ctx.overdue ? `已于 ${deadline} 截止` : `截止时间：${deadline}`,
    `已报 ${done.length}/${progress.length}`,
  ];
  if (none.length > 0) {
    const word = ctx.overdue ? "逾期未报" : "未报";
    lines.push(`${word}（${none.length}）：`, ...nameLines(none.map((p) => p.township)));
  }
  if (partial.length > 0) {
    const items = partial.map(
      (p) => `${p.township}（缺${fieldLabels(ctx.task, p.missing).join("、")}）`,
    );
    lines.push(`部分未报（${partial.length}）：${items.join("；")}`);
  }
  if (unbound.length > 0 && unbound.length === none.length + partial.length) {
    lines.push("以上乡镇均未绑定联络员，无法私信提醒");
  } else if (unbound.length > 0) {
    lines.push(`未绑定联络员、无法私信提醒（${unbound.length}）：`, ...nameLines(unbound));
  }
  return lines.join("\n");
}

/** One task's line for /deadlines. */
export interface DeadlineLine {
  task: Task;
  period: Period;
  deadline: Date;
  passed: boolean;
  reported: number;
  total: number;
  /** The next reminder, if any: when and which. */
  next?: { at: Date; label: string; period: Period };
}

/** The /deadlines answer. */
export function deadlinesText(lines: readonly DeadlineLine[]): string {
  if (lines.length === 0) return "目前没有填报任务。";
  return ["当前填报任务：", ...lines.map(deadlineLine)].join("\n");
}

function deadlineLine(line: DeadlineLine): string {
  const deadline = formatShanghai(line.deadline, { weekday: true });
  const head = `· ${line.task.title}（${formatPeriod(line.period)}）`;
  const late = line.total - line.reported;
  const state = line.passed
    ? `已于 ${deadline} 截止，已报 ${line.reported}/${line.total}${late > 0 ? `，${late} 个逾期未报` : ""}`
    : `截止 ${deadline}，已报 ${line.reported}/${line.total}`;
  const next = line.next
    ? `下次提醒：${formatShanghai(line.next.at, { weekday: true })}（${nextLabel(line)}，仍有未报时发送）`
    : "暂无待发提醒";
  return `${head}：${state}。${next}。`;
}

function nextLabel(line: DeadlineLine): string {
  if (!line.next) return "";
  return line.next.period === line.period
    ? line.next.label
    : `${formatPeriod(line.next.period)}${line.next.label}`;
}

/** The reply to an admin's /remind. */
export function remindNowReply(sent: { direct: number; office: number }, recent: number): string {
  if (sent.direct + sent.office === 0) {
    return recent > 0 ? "10 分钟内已提醒过，未重复发送。" : "全部乡镇均已填报，无需提醒。";
  }
  const skipped = recent > 0 ? `（${recent} 条 10 分钟内已发过，未重复发送）` : "";
  return `已提醒 ${sent.direct} 位联络员，并向办公室发送 ${sent.office} 条汇总${skipped}。`;
}

/** Names a few to a line, so a list of 26 townships reads on a phone. */
export function nameLines(names: readonly string[], perLine = 5): string[] {
  const lines: string[] = [];
  for (let i = 0; i < names.length; i += perLine)
    lines.push(names.slice(i, i + perLine).join("、"));
  return lines;
}

function heading(ctx: ReminderContext): string {
  return `【${ctx.task.title}·${formatPeriod(ctx.period)}】`;
}

function lateMark(ctx: ReminderContext): string {
  return ctx.late ? LATE_MARK : "";
}
