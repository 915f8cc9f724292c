// The summary a draft ends with, and the reply once it is on disk.
import { deadlineOf, formatPeriod, isLate } from "../period.js";
import type { Receipt } from "../../store/submissions.js";
import type { TaskField } from "../../store/tasks.js";
import { dueOf, type FormDeps } from "./deps.js";
import type { Draft } from "./draft.js";
import { formatValue } from "./fields.js";
import { TEXTS } from "./texts.js";

/** The numbered items of a draft, its late warning and what to reply. */
export function summaryText(deps: FormDeps, draft: Draft, now: Date): string {
  const { task } = deps;
  const township = draft.township ?? "";
  const lines = [TEXTS.summaryHead(township, task, draft.period)];
  task.fields.forEach((field, i) => {
    const item = itemText(deps, draft, field);
    if (item || draft.source === "guided") {
      lines.push(`${i + 1}. ${field.label}：${item ?? TEXTS.notFilled}`);
    }
  });
  if (isLate(now, draft.period, dueOf(task))) {
    lines.push(TEXTS.lateWarning(deadlineOf(draft.period, dueOf(task))));
  }
  lines.push(TEXTS.summaryHelp);
  return lines.join("\n");
}

/** "35户", with the value it corrects when the township already reported this period. */
function itemText(deps: FormDeps, draft: Draft, field: TaskField): string | undefined {
  const entry = draft.values[field.key];
  if (!entry) return undefined;
  const shown = formatValue(entry.value, field.unit);
  const old = draft.township && deps.submissions.latest(draft.period, draft.township, field.key);
  return old ? `${shown}${TEXTS.correcting(formatValue(old.value, old.unit))}` : shown;
}

/** The reply to a stored submission: receipt number, what was stored, late and corrections. */
export function receiptText(
  deps: FormDeps,
  draft: Draft,
  receipt: Receipt,
  corrected: string[],
  late: boolean,
): string {
  const items = deps.task.fields
    .filter((f) => draft.values[f.key])
    .map((f) => `${f.label} ${formatValue(draft.values[f.key]?.value ?? 0, f.unit)}`);
  const place = `${draft.township ?? ""} ${formatPeriod(draft.period)}：${items.join("、")}`;
  const lines = [TEXTS.receipt(receipt.receipt, receipt.at), place];
  if (corrected.length) lines.push(TEXTS.corrected(corrected));
  if (late) lines.push(TEXTS.receiptLate);
  return lines.join("\n");
}
