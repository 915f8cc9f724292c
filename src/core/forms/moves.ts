// Pure moves of a draft between steps: on to the next field, back to the summary (through any
// values still waiting for 是/否), and recording a value.
import type { Draft, Step } from "./draft.js";
import type { Task } from "../../store/tasks.js";

/** A field step, or a confirmation step that came from one. */
type FieldLike = Extract<Step, { kind: "field" | "confirm" }>;

/** The draft at `step`. */
export function withStep(draft: Draft, step: Step): Draft {
  return { ...draft, step };
}

/** The summary, or first the next value that waits for a confirmation. */
export function toSummary(draft: Draft): Draft {
  const [next, ...rest] = draft.pending;
  if (!next) return withStep(draft, { kind: "summary" });
  return { ...draft, pending: rest, step: { kind: "confirm", ...next, back: "summary" } };
}

/** Where a settled field leads: the next field, or the summary after the last or when editing. */
export function advance(task: Task, draft: Draft, from: FieldLike): Draft {
  const next = from.index + 1;
  if (from.back === "summary" || next >= task.fields.length) return toSummary(draft);
  return withStep(draft, { kind: "field", index: next, back: "next" });
}

/** The draft with the field's value set (or removed when `entry` is undefined). */
export function setValue(
  task: Task,
  draft: Draft,
  index: number,
  entry: { value: number; raw: string } | undefined,
): Draft {
  const field = task.fields[index];
  if (!field) return draft;
  const values = { ...draft.values };
  if (entry) values[field.key] = entry;
  else delete values[field.key];
  return { ...draft, values };
}

/** A one-line draft keeps the message as its raw text; a value typed later is appended to it. */
export function noteEdit(draft: Draft, label: string, typed: string): Draft {
  if (draft.source !== "one-line") return draft;
  return { ...draft, raw: `${draft.raw ?? ""}；修改 ${label}：${typed}`.slice(0, 4000) };
}
