// What a message does at each step of the form. Every handler returns the next draft (null closes
// the form) and notes shown before the next prompt; bad input leaves the draft as it was.
import type { CommandContext } from "../engine.js";
import { reporterOf } from "../submissions/access.js";
import { implausibility, referencesOf } from "./checks.js";
import type { FormDeps } from "./deps.js";
import type { Draft, Step } from "./draft.js";
import { advance, noteEdit, setValue, toSummary, withStep } from "./moves.js";
import { parseFieldValue } from "./number-parse.js";
import { readTownship } from "./one-line.js";
import { submitDraft } from "./submit.js";
import { TEXTS } from "./texts.js";
import { controlWord, type ControlWord } from "./words.js";

/** The draft after a message, and what to say before its next prompt. */
export interface Outcome {
  /** The draft to keep; null closes the form. */
  draft: Draft | null;
  notes: string[];
}

type FieldStep = Extract<Step, { kind: "field" }>;
type ConfirmStep = Extract<Step, { kind: "confirm" }>;

/** The question of field `index`; `back` says where its answer leads. */
function fieldStep(index: number, back: FieldStep["back"]): FieldStep {
  return { kind: "field", index, back };
}

/** Moves the draft to `step`, with optional notes. */
function goTo(draft: Draft, step: Step, ...notes: string[]): Outcome {
  return { draft: withStep(draft, step), notes };
}

/** Handles one message at the draft's current step. */
export async function handleStep(
  deps: FormDeps,
  context: CommandContext,
  draft: Draft,
  text: string,
): Promise<Outcome> {
  const word = controlWord(text, deps.words);
  if (word?.kind === "cancel") return { draft: null, notes: [TEXTS.cancelled] };
  const step = draft.step;
  switch (step.kind) {
    case "township":
      return onTownship(deps, draft, text, word);
    case "field":
      return onField(deps, context, draft, step, text, word);
    case "confirm":
      return onConfirm(deps, context, draft, step, text, word);
    case "summary":
      return onSummary(deps, context, draft, word);
  }
}

function onTownship(deps: FormDeps, draft: Draft, text: string, word?: ControlWord): Outcome {
  if (word?.kind === "back") return { draft, notes: [TEXTS.firstItem] };
  if (word?.kind === "skip") return { draft, notes: [TEXTS.chooseTownshipFirst] };
  const found = readTownship(text.trim(), deps.roster);
  if (!found.ok || !found.name) {
    return { draft, notes: [found.ok ? TEXTS.chooseTownshipFirst : found.error] };
  }
  return goTo({ ...draft, township: found.name }, fieldStep(0, "next"));
}

function onField(
  deps: FormDeps,
  context: CommandContext,
  draft: Draft,
  step: FieldStep,
  text: string,
  word?: ControlWord,
): Outcome {
  const { task } = deps;
  const field = task.fields[step.index];
  if (!field || !draft.township) return { draft: toSummary(draft), notes: [] };
  if (word?.kind === "skip") {
    const skipped = setValue(task, noteEdit(draft, field.label, "跳过"), step.index, undefined);
    return { draft: advance(task, skipped, step), notes: [TEXTS.skipped(field.label)] };
  }
  if (word?.kind === "back") return goBack(deps, context, draft, step);
  const parsed = parseFieldValue(text, field);
  if (!parsed.ok) return { draft, notes: [parsed.error] };
  const typed = text.trim().slice(0, 200);
  const place = { township: draft.township, period: draft.period };
  const refs = referencesOf(deps, place, field);
  const reasons = implausibility(parsed.value, field, refs, draft.period);
  const edited = noteEdit(draft, field.label, typed);
  if (reasons.length) {
    return goTo(edited, { ...step, kind: "confirm", value: parsed.value, raw: typed, reasons });
  }
  const entry = { value: parsed.value, raw: typed };
  return { draft: advance(task, setValue(task, edited, step.index, entry), step), notes: [] };
}

/** 上一步: the previous field; from the first, the township choice for admins. */
function goBack(deps: FormDeps, context: CommandContext, draft: Draft, step: FieldStep): Outcome {
  if (step.back === "summary") return { draft: toSummary(draft), notes: [] };
  if (step.index > 0) return goTo(draft, fieldStep(step.index - 1, "next"));
  const reporter = reporterOf(context, deps.bindings);
  if (reporter?.anyTownship) return goTo(draft, { kind: "township" });
  return { draft, notes: [TEXTS.firstItem] };
}

function onConfirm(
  deps: FormDeps,
  context: CommandContext,
  draft: Draft,
  step: ConfirmStep,
  text: string,
  word?: ControlWord,
): Outcome {
  const { task } = deps;
  const asField = fieldStep(step.index, step.back);
  if (word?.kind === "yes" || word?.kind === "confirm") {
    const entry = { value: step.value, raw: step.raw };
    return { draft: advance(task, setValue(task, draft, step.index, entry), step), notes: [] };
  }
  if (word?.kind === "no" || word?.kind === "back") {
    return goTo(draft, asField, TEXTS.reenter);
  }
  // Anything else is read as the corrected figure, as if typed at the field's own question.
  return onField(deps, context, withStep(draft, asField), asField, text, word);
}

async function onSummary(
  deps: FormDeps,
  context: CommandContext,
  draft: Draft,
  word?: ControlWord,
): Promise<Outcome> {
  const count = deps.task.fields.length;
  if (word?.kind === "yes" || word?.kind === "confirm") return submitDraft(deps, context, draft);
  if (word?.kind === "modify" || word?.kind === "number") {
    if (word.item < 1 || word.item > count) {
      return { draft, notes: [TEXTS.noSuchItem(word.item, count)] };
    }
    return goTo(draft, fieldStep(word.item - 1, "summary"));
  }
  if (word?.kind === "back") return goTo(draft, fieldStep(count - 1, "summary"));
  return { draft, notes: [TEXTS.summaryUnknown] };
}
