// Submitting a confirmed draft: the reporter is checked again (bindings may have changed while
// the draft was open), and the receipt is shown only once the store says the data is on disk.
import type { CommandContext } from "../engine.js";
import { isLate, periodOf } from "../period.js";
import { mayReport, reporterOf } from "../submissions/access.js";
import type { SubmitInput } from "../../store/submissions.js";
import { dueOf, type FormDeps } from "./deps.js";
import type { Draft } from "./draft.js";
import type { Outcome } from "./steps.js";
import { receiptText } from "./summary.js";
import { TEXTS } from "./texts.js";

/** Stores the draft and closes the form, or keeps it at the summary with the reason. */
export async function submitDraft(
  deps: FormDeps,
  context: CommandContext,
  draft: Draft,
): Promise<Outcome> {
  const township = draft.township ?? "";
  const reporter = reporterOf(context, deps.bindings);
  if (!reporter || !mayReport(reporter, township)) {
    return { draft: null, notes: [TEXTS.noLongerAllowed(township)] };
  }
  // A submission made in month M belongs to period M, even when the draft was begun in M-1.
  const period = periodOf(context.now);
  if (period !== draft.period)
    return { draft: { ...draft, period }, notes: [TEXTS.periodChanged(period)] };
  const input = submitInput(deps, context, draft, township);
  if (!input.entries.length) return { draft, notes: [TEXTS.nothingFilled] };
  const corrected = deps.task.fields
    .filter((f) => draft.values[f.key] && deps.submissions.latest(period, township, f.key))
    .map((f) => f.label);
  try {
    const receipt = await deps.submissions.submit(input);
    return { draft: null, notes: [receiptText(deps, draft, receipt, corrected, input.late)] };
  } catch (error) {
    deps.log.error(`submission by ${context.identity} for ${township} failed: ${describe(error)}`);
    return { draft, notes: [TEXTS.submitFailed] };
  }
}

function submitInput(
  deps: FormDeps,
  context: CommandContext,
  draft: Draft,
  township: string,
): SubmitInput {
  const fields = deps.task.fields.filter((f) => draft.values[f.key]);
  const entries = fields.map((f) => ({
    field: f.key,
    value: draft.values[f.key]?.value ?? 0,
    unit: f.unit,
  }));
  const typed = fields.map((f) => `${f.label}：${draft.values[f.key]?.raw ?? ""}`).join("；");
  const { message, now } = context;
  return {
    taskId: deps.task.id,
    period: draft.period,
    township,
    entries,
    by: { identity: context.identity, name: message.userName },
    channel: message.channel,
    raw: (draft.source === "one-line" ? (draft.raw ?? typed) : typed).slice(0, 4000),
    at: now,
    late: isLate(now, draft.period, dueOf(deps.task)),
    ...(draft.id === undefined ? {} : { draftId: draft.id }),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
