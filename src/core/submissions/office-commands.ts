// The office's commands: /status shows a period's progress; /export writes a workbook (a wide
// sheet per period and the history of every submission) and each period's CSV.
import { basename } from "node:path";
import type { CommandContext, CommandSpec } from "../engine.js";
import type { FormDeps } from "../forms/deps.js";
import { dueOf } from "../forms/deps.js";
import {
  addMonths,
  deadlineOf,
  formatPeriod,
  formatShanghai,
  parsePeriod,
  periodOf,
  splitPeriod,
  type PeriodResult,
} from "../period.js";
import type { Reply } from "../types.js";
import type { Exporter } from "./exporter.js";
import type { TownshipProgress } from "../../store/submissions.js";
import { COMMAND_TEXTS as T } from "./texts.js";

/** The office commands by name; `exporter` writes the /export files. */
export function officeCommands(deps: FormDeps, exporter: Exporter): Record<string, CommandSpec> {
  return {
    // Progress is for the office and the district leaders (viewers).
    status: { run: (c) => status(deps, c), allow: ["admin", "viewer"] },
    export: { run: (c) => exportFiles(deps, exporter, c), adminOnly: true },
  };
}

/** The period named in the arguments, the current one when none is. */
function periodArg(
  context: CommandContext,
): { ok: true; value: string } | { ok: false; error: string } {
  const typed = context.args.trim();
  return typed ? parsePeriod(typed, context.now) : { ok: true, value: periodOf(context.now) };
}

function status(deps: FormDeps, context: CommandContext): Reply[] {
  const period = periodArg(context);
  if (!period.ok) return [{ text: T.periodRefused(period.error) }];
  const progress = deps.submissions.progress(deps.task, period.value, deps.townships);
  return [{ text: statusText(deps, period.value, progress) }];
}

/** "已报 3/27", then who reported in part (and what is missing) and who has not reported. */
function statusText(deps: FormDeps, period: string, progress: TownshipProgress[]): string {
  const { task } = deps;
  const label = (key: string) => task.fields.find((f) => f.key === key)?.label ?? key;
  const done = progress.filter((p) => p.missing.length === 0);
  const partial = progress.filter((p) => p.reported.length > 0 && p.missing.length > 0);
  const none = progress.filter((p) => p.reported.length === 0);
  const deadline = formatShanghai(deadlineOf(period, dueOf(task)), { weekday: true });
  const lines = [
    `${formatPeriod(period)}“${task.title}”（截止 ${deadline}）`,
    `已报 ${done.length}/${progress.length}（${task.fields.length} 项报齐）`,
  ];
  if (partial.length) {
    const items = partial.map((p) => `${p.township}（缺 ${p.missing.map(label).join("、")}）`);
    lines.push(`部分已报 ${partial.length}：${items.join("；")}`);
  }
  if (none.length) lines.push(`未报 ${none.length}：${none.map((p) => p.township).join("、")}`);
  return lines.join("\n");
}

/** Most periods one /export writes (one sheet each). */
export const MAX_EXPORT_PERIODS = 36;

/** Texts of /export. */
export const EXPORT_TEXTS = {
  usage: "用法：/export（本月）、/export 2026年11月 或 /export 2026年10月-2026年12月",
  refused: (reason: string) => `${reason}。${EXPORT_TEXTS.usage}`,
  reversed: "起始月份晚于结束月份",
  tooMany: `一次最多导出 ${MAX_EXPORT_PERIODS} 个月`,
  /** The xlsx goes with the reply as a file, so the text does not name it again. */
  exported: (periods: readonly string[], title: string) => {
    const first = formatPeriod(periods[0]!);
    const span = periods.length > 1 ? `${first}至${formatPeriod(periods.at(-1)!)}` : first;
    const sheets = periods.length > 1 ? `${periods.length} 张月表` : "月表";
    return `已导出${span}“${title}”：Excel 见附件（${sheets}和填报记录）。`;
  },
  csv: (path: string) => `CSV：${path}`,
  csvHead: "CSV（每月一个）：",
  /** Outside the terminal no server path is shown (issue 13): the files stay on the server. */
  csvKept: (count: number) =>
    count > 1 ? `每月的 CSV（${count} 个）已另存于服务器。` : "CSV 已另存于服务器。",
} as const;

/** The periods an /export argument names, oldest first, or why it names none. */
export type ExportPeriods = { ok: true; periods: string[] } | { ok: false; error: string };

// Between two months of a range: 2026年10月-2026年12月, 10月至12月, 2026-10~2026-12.
const RANGE_SEPARATOR = /至|到|~|-|—|–|－/gu;
const BARE_MONTH = /^(\d{1,2}|十[一二]?|[一二三四五六七八九])月份?$/u;
const BARE_NUMBER = /^(\d{1,2}|十[一二]?|[一二三四五六七八九])$/u;

/**
 * Reads the argument of /export: nothing (the current period), one month as `parsePeriod` reads
 * it, or a range of two joined by -, ~, 至 or 到. The end may leave out its year (2026年10月-12月:
 * the start's year, or the next when that would end before the start) and the start its 月
 * (10-12月).
 */
export function parseExportPeriods(text: string, now: Date): ExportPeriods {
  const clean = text.normalize("NFKC").replace(/\s+/g, "");
  if (!clean) return { ok: true, periods: [periodOf(now)] };
  const single = parsePeriod(clean, now);
  if (single.ok) return { ok: true, periods: [single.value] };
  // Say why the likeliest reading failed: a range whose start was read, else the month itself.
  let startRead: string | undefined;
  let startFailed: string | undefined;
  for (const match of clean.matchAll(RANGE_SEPARATOR)) {
    const left = clean.slice(0, match.index);
    const right = clean.slice(match.index + match[0].length);
    if (!left || !right) continue;
    const range = parseRange(left, right, now);
    if (range.ok) return range;
    if (range.startRead) startRead ??= range.error;
    else startFailed ??= range.error;
  }
  const generic = single.error.startsWith("没看懂");
  const error = startRead ?? (generic ? (startFailed ?? single.error) : single.error);
  return { ok: false, error };
}

function parseRange(
  left: string,
  right: string,
  now: Date,
): { ok: true; periods: string[] } | { ok: false; error: string; startRead: boolean } {
  const startText = BARE_NUMBER.test(left) && /月份?$/u.test(right) ? `${left}月` : left;
  const start = parsePeriod(startText, now);
  if (!start.ok) return { ...start, startRead: false };
  const refuse = (error: string) => ({ ok: false as const, error, startRead: true });
  const end = BARE_MONTH.test(right)
    ? sameYearOrNext(start.value, right, now)
    : parsePeriod(right, now);
  if (!end.ok) return refuse(end.error);
  if (end.value < start.value) return refuse(EXPORT_TEXTS.reversed);
  const periods = [start.value];
  while (periods.at(-1)! < end.value) {
    if (periods.length >= MAX_EXPORT_PERIODS) return refuse(EXPORT_TEXTS.tooMany);
    periods.push(addMonths(periods.at(-1)!, 1));
  }
  return { ok: true, periods };
}

/** A month without a year after `start`: the first such month not before it (2026-11, 2月 → 2027-02). */
function sameYearOrNext(start: string, month: string, now: Date): PeriodResult {
  const { year } = splitPeriod(start);
  const same = parsePeriod(`${year}年${month}`, now);
  if (!same.ok || same.value >= start) return same;
  return parsePeriod(`${year + 1}年${month}`, now);
}

async function exportFiles(
  deps: FormDeps,
  exporter: Exporter,
  context: CommandContext,
): Promise<Reply[]> {
  const parsed = parseExportPeriods(context.args, context.now);
  if (!parsed.ok) return [{ text: EXPORT_TEXTS.refused(parsed.error) }];
  const files = await exporter.export({
    task: deps.task,
    roster: deps.roster,
    submissions: deps.submissions,
    periods: parsed.periods,
    deadline: (p) => deadlineOf(p, dueOf(deps.task)),
  });
  // Paths only in the terminal, on the operator's own machine.
  const csv =
    context.message.channel !== "console"
      ? [EXPORT_TEXTS.csvKept(files.csv.length)]
      : files.csv.length === 1
        ? [EXPORT_TEXTS.csv(files.csv[0]!.path)]
        : [EXPORT_TEXTS.csvHead, ...files.csv.map((f) => f.path)];
  const text = [EXPORT_TEXTS.exported(parsed.periods, deps.task.title), ...csv].join("\n");
  return [{ text, file: { path: files.xlsx, name: basename(files.xlsx) } }];
}
