// The office's commands: /status shows a period's progress, /export writes its CSV and xlsx.
import { basename } from "node:path";
import type { CommandContext, CommandSpec } from "../engine.js";
import type { FormDeps } from "../forms/deps.js";
import { dueOf } from "../forms/deps.js";
import { deadlineOf, formatPeriod, formatShanghai, parsePeriod, periodOf } from "../period.js";
import type { Reply } from "../types.js";
import { exportPeriod } from "../../store/export.js";
import type { TownshipProgress } from "../../store/submissions.js";
import { COMMAND_TEXTS as T } from "./texts.js";

/** The office commands by name; `exportDir` is the data folder (files go to its `exports/`). */
export function officeCommands(deps: FormDeps, exportDir: string): Record<string, CommandSpec> {
  return {
    status: { run: (c) => status(deps, c), adminOnly: true },
    export: { run: (c) => exportFiles(deps, exportDir, c), adminOnly: true },
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

async function exportFiles(deps: FormDeps, dir: string, context: CommandContext): Promise<Reply[]> {
  const period = periodArg(context);
  if (!period.ok) return [{ text: T.periodRefused(period.error) }];
  const rows = deps.submissions.entries(period.value);
  const files = await exportPeriod({
    task: deps.task,
    period: period.value,
    rows,
    roster: deps.roster,
    dir,
  });
  const text = T.exported(period.value, deps.task.title, files.csv, files.xlsx);
  return [{ text, file: { path: files.xlsx, name: basename(files.xlsx) } }];
}
