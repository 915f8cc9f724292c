// The draft of a submission, kept in `conversation.flow.data` so it survives a restart.
// Versioned and validated when read: a deploy that changes its shape drops the draft with a
// notice instead of resuming a form with the wrong shape.
import { z } from "zod";
import type { Conversation } from "../state.js";
import { isPeriod } from "../period.js";
import type { Task, TaskField } from "../../store/tasks.js";

/** Name of the submission flow in `conversation.flow`. */
export const FLOW_NAME = "submission";
/** Bump when `DraftSchema` changes shape incompatibly. */
export const DRAFT_VERSION = 1;
/** A draft untouched this long expires. */
export const IDLE_MS = 30 * 60 * 1000;

const ValueSchema = z.object({
  value: z.number().finite(),
  /** The text the value was read from ("1.2万亩"). */
  raw: z.string().max(200),
});

/** Where a step goes once its field is settled: on to the next field, or back to the summary. */
const BackSchema = z.enum(["next", "summary"]);

/** A value that looks implausible and waits for 是/否. */
const PendingSchema = ValueSchema.extend({
  index: z.number().int().min(0),
  reasons: z.array(z.string()),
});

const StepSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("township") }),
  z.object({ kind: z.literal("field"), index: z.number().int().min(0), back: BackSchema }),
  PendingSchema.extend({ kind: z.literal("confirm"), back: BackSchema }),
  z.object({ kind: z.literal("summary") }),
]);
/** Where the form stands. */
export type Step = z.infer<typeof StepSchema>;
/** A value awaiting confirmation. */
export type Pending = z.infer<typeof PendingSchema>;

/** A submission being filled in. */
export const DraftSchema = z.object({
  version: z.literal(DRAFT_VERSION),
  /** Names the draft to the store: however often it is confirmed, it is stored once. */
  id: z.string().min(1).max(64).optional(),
  taskId: z.string(),
  period: z.string().refine(isPeriod),
  /** Unset until an admin has chosen one. */
  township: z.string().optional(),
  /** Where to send an expiry notice. */
  channel: z.string(),
  chatId: z.string(),
  /** "guided" asks field by field; "one-line" came with its figures ("上报 新建民宿 35户"). */
  source: z.enum(["guided", "one-line"]),
  /** The one-line message, kept as the submission's raw text. */
  raw: z.string().max(4000).optional(),
  /** Values by field key; a skipped field has none. */
  values: z.record(z.string(), ValueSchema),
  /** One-line values waiting for 是/否 before the summary. */
  pending: z.array(PendingSchema),
  step: StepSchema,
  /**
   * A new 上报 that arrived while this draft was open, waiting for "continue or drop?": its
   * text after the command word ("" for a bare 上报).
   */
  startAfter: z.string().max(4000).optional(),
});
/** A submission being filled in. */
export type Draft = z.infer<typeof DraftSchema>;

/** Outcome of reading a draft from a conversation. */
export type DraftRead =
  { ok: true; draft: Draft; updatedAt: Date } | { ok: false; reason: "none" | "invalid" };

/** The conversation's draft, if it holds a valid one of this version for `task`. */
export function readDraft(conversation: Conversation, task: Task): DraftRead {
  const flow = conversation.flow;
  if (!flow || flow.name !== FLOW_NAME) return { ok: false, reason: "none" };
  const parsed = DraftSchema.safeParse(flow.data);
  if (!parsed.success || !fitsTask(parsed.data, task)) return { ok: false, reason: "invalid" };
  const updatedAt = new Date(flow.updatedAt);
  if (Number.isNaN(updatedAt.getTime())) return { ok: false, reason: "invalid" };
  return { ok: true, draft: parsed.data, updatedAt };
}

/** True when every index and value of the draft still fits the task (its fields may change). */
function fitsTask(draft: Draft, task: Task): boolean {
  if (draft.taskId !== task.id) return false;
  const { step } = draft;
  if ("index" in step && step.index >= task.fields.length) return false;
  const waiting = step.kind === "confirm" ? [step, ...draft.pending] : draft.pending;
  const byKey = Object.entries(draft.values).map(([key, v]) => ({ key, value: v.value }));
  const byIndex = waiting.map((p) => ({ key: task.fields[p.index]?.key, value: p.value }));
  return [...byKey, ...byIndex].every(({ key, value }) => {
    const field = task.fields.find((f) => f.key === key);
    return field !== undefined && fieldAccepts(field, value);
  });
}

/** True when `value` lies within the field's bounds and is whole when it must be. */
export function fieldAccepts(field: TaskField, value: number): boolean {
  if (!Number.isFinite(value) || value < field.min) return false;
  if (field.max !== undefined && value > field.max) return false;
  return !field.integer || Number.isInteger(value);
}

/** Stores the draft in the conversation, stamped with `now` for idle expiry. */
export function saveDraft(conversation: Conversation, draft: Draft, now: Date): void {
  conversation.flow = { name: FLOW_NAME, data: draft, updatedAt: now.toISOString() };
}

/** Removes the draft from the conversation. */
export function clearDraft(conversation: Conversation): void {
  delete conversation.flow;
}

/** True when a draft last touched at `updatedAt` has expired by `now`. */
export function isIdle(updatedAt: Date, now: Date): boolean {
  return now.getTime() - updatedAt.getTime() >= IDLE_MS;
}
