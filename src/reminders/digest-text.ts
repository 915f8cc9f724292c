// The Chinese text of the weekly digest: short lines that read well on a phone, one township a
// line, never one endless line of names. The chart goes with it as a picture (see digest.ts).
import { fullNumber } from "../charts/specs.js";
import { formatPeriod, formatShanghai, shanghaiParts, type Period } from "../core/period.js";
import type { Task } from "../store/tasks.js";
import type { FieldChange, PeriodChanges } from "./digest-changes.js";
import { fieldLabels, LATE_MARK, type TownshipProgress } from "./texts.js";

/** What one digest says. */
export interface DigestContent {
  task: Task;
  /** The period reported on: the month of the digest. */
  period: Period;
  deadline: Date;
  /** The instant the digest describes. */
  at: Date;
  progress: readonly TownshipProgress[];
  /** The month before, when its deadline has passed and townships still miss it. */
  overdue?: { period: Period; progress: readonly TownshipProgress[] };
  /** Figures submitted or corrected since `since`, the most recent period first. */
  changes: readonly PeriodChanges[];
  since: Date;
  /** How the whole district is named (全区, 全县 …). */
  area: string;
  /** Sent after its time (the bot was down or held back). */
  late: boolean;
}

/** The digest's text. */
export function digestText(c: DigestContent): string {
  const deadline = formatShanghai(c.deadline, { weekday: true });
  const passed = c.at > c.deadline;
  return [
    `${c.late ? LATE_MARK : ""}【${c.task.title}·${formatPeriod(c.period)}】周报`,
    passed ? `已于 ${deadline} 截止` : `截止时间：${deadline}`,
    ...progressLines(c.task, c.progress, passed),
    ...(c.overdue ? overdueLines(c.overdue.period, c.overdue.progress) : []),
    ...changeLines(c),
  ].join("\n");
}

function progressLines(
  task: Task,
  progress: readonly TownshipProgress[],
  passed: boolean,
): string[] {
  const total = task.fields.length;
  const done = progress.filter((p) => p.missing.length === 0);
  const none = progress.filter((p) => p.missing.length >= total);
  const partial = progress.filter((p) => p.missing.length > 0 && p.missing.length < total);
  if (done.length === progress.length) return [`${progress.length} 个乡镇已全部报齐`];
  const word = passed ? "逾期未报" : "未报";
  if (none.length === progress.length) return [`${progress.length} 个乡镇均${word}`];
  const lines = [`已报齐 ${done.length}/${progress.length} 个乡镇`];
  if (none.length > 0)
    lines.push(`${word}（${none.length}）：`, ...none.map((p) => `· ${p.township}`));
  if (partial.length > 0) {
    lines.push(
      `部分未报（${partial.length}）：`,
      ...partial.map((p) => `· ${p.township}：缺${fieldLabels(task, p.missing).join("、")}`),
    );
  }
  return lines;
}

function overdueLines(period: Period, progress: readonly TownshipProgress[]): string[] {
  const late = progress.filter((p) => p.missing.length > 0);
  if (late.length === 0) return [];
  return [
    `${formatPeriod(period)}仍逾期未报齐（${late.length}）：`,
    ...late.map((p) => `· ${p.township}`),
  ];
}

function changeLines(c: DigestContent): string[] {
  if (c.changes.length === 0) return ["近 7 天没有新报或更正的数字"];
  const lines = [`近 7 天（${dayText(c.since)}起）新报和更正，${c.area}合计一周前 → 现在：`];
  for (const p of c.changes) {
    const parts = [
      p.newTownships > 0 ? `新报 ${p.newTownships} 个乡镇` : "",
      p.corrected > 0 ? `更正 ${p.corrected} 项` : "",
    ].filter((s) => s !== "");
    lines.push(`${formatPeriod(p.period)}：${parts.join("，")}`);
    lines.push(...p.fields.map(changeLine));
  }
  return lines;
}

/** "· 新建民宿 412 → 450 户（+38）". */
export function changeLine(change: FieldChange): string {
  const { field, before, now } = change;
  const delta = Number((now - before).toPrecision(12));
  const shown = delta === 0 ? "持平" : `${delta > 0 ? "+" : ""}${fullNumber(delta)}`;
  return `· ${field.label} ${fullNumber(before)} → ${fullNumber(now)} ${field.unit}（${shown}）`;
}

/** "11月30日". */
function dayText(instant: Date): string {
  const p = shanghaiParts(instant);
  return `${p.month}月${p.day}日`;
}
