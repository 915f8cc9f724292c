// The question each step asks: the township choice, a field with its unit and reference
// figures, a confirmation of an implausible value, or the summary.
import type { Choice, Reply } from "../types.js";
import { formatPeriod } from "../period.js";
import { referencesOf } from "./checks.js";
import type { FormDeps } from "./deps.js";
import type { Draft, Step } from "./draft.js";
import { describeField, formatValue } from "./fields.js";
import { summaryText } from "./summary.js";
import { TEXTS } from "./texts.js";

/** The prompt of the draft's current step. */
export function promptFor(deps: FormDeps, draft: Draft, now: Date): Reply {
  const step = draft.step;
  switch (step.kind) {
    case "township":
      return { text: TEXTS.chooseTownship, choices: townshipChoices(deps) };
    case "field":
      return { text: fieldPrompt(deps, draft, step.index), buttons: fieldButtons(step.index) };
    case "confirm":
      return { text: confirmPrompt(deps, step), choices: YES_NO };
    case "summary":
      return { text: summaryText(deps, draft, now), buttons: SUMMARY_BUTTONS };
  }
}

const button = (word: string): Choice => ({ label: word, value: word });

/** 跳过, and 上一步 after the first field. */
function fieldButtons(index: number): Choice[] {
  return index > 0 ? [button(TEXTS.skipWord), button(TEXTS.backWord)] : [button(TEXTS.skipWord)];
}

const SUMMARY_BUTTONS: Choice[] = [button(TEXTS.confirmWord), button(TEXTS.cancelWord)];

const YES_NO: Choice[] = [
  { label: TEXTS.yes, value: TEXTS.yes },
  { label: TEXTS.no, value: TEXTS.no },
];

function townshipChoices(deps: FormDeps): Choice[] {
  return deps.townships.map((name) => ({ label: name, value: name }));
}

/** "【某某镇 2026年11月】第 1/6 项：新建民宿（户，整数，累计数）" and what it is compared with. */
function fieldPrompt(deps: FormDeps, draft: Draft, index: number): string {
  const field = deps.task.fields[index];
  if (!field || !draft.township) return TEXTS.chooseTownshipFirst;
  const place = { township: draft.township, period: draft.period };
  const refs = referencesOf(deps, place, field);
  const count = deps.task.fields.length;
  const lines = [
    `【${place.township} ${formatPeriod(place.period)}】第 ${index + 1}/${count} 项：${field.label}（${describeField(field)}）`,
  ];
  if (refs.previous) {
    const { period, value } = refs.previous;
    lines.push(`上次填报（${formatPeriod(period)}）：${formatValue(value, field.unit)}`);
  }
  if (refs.current) {
    lines.push(`本月已报：${formatValue(refs.current.value, refs.current.unit)}（再次填报将更正）`);
  }
  if (refs.baseline) {
    const { area, period, text } = refs.baseline;
    lines.push(`报告数（${area}，${period}）：${text}`);
  }
  const entered = draft.values[field.key];
  if (entered) lines.push(`当前填写：${formatValue(entered.value, field.unit)}`);
  lines.push(TEXTS.controlHint);
  return lines.join("\n");
}

function confirmPrompt(deps: FormDeps, step: Extract<Step, { kind: "confirm" }>): string {
  const field = deps.task.fields[step.index];
  const what = field ? `${field.label}填 ${formatValue(step.value, field.unit)}` : "";
  return TEXTS.confirmAsk(what, step.reasons);
}
