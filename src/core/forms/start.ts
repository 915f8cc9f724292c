// Starting a submission from 上报: the guided form when no figures follow, otherwise a one-line
// draft that goes straight to the summary (through a 是/否 for any implausible figure).
import { randomUUID } from "node:crypto";
import type { CommandContext } from "../engine.js";
import { deadlineOf, periodOf } from "../period.js";
import { mayReport, reporterOf } from "../submissions/access.js";
import { implausibility, referencesOf } from "./checks.js";
import { dueOf, type FormDeps } from "./deps.js";
import { DRAFT_VERSION, type Draft, type Pending } from "./draft.js";
import { toSummary } from "./moves.js";
import { parseReportLine, type LineEntry } from "./one-line.js";
import type { Outcome } from "./steps.js";
import { TEXTS } from "./texts.js";

/** A started draft, or why none was started (nothing is stored either way). */
export type Start = { ok: true; outcome: Outcome } | { ok: false; error: string };

/** Starts a draft from the text after 上报 (`args`). */
export function startReport(deps: FormDeps, context: CommandContext, args: string): Start {
  const reporter = reporterOf(context, deps.bindings);
  if (!reporter) return refuse(TEXTS.notReporter);
  const line = parseReportLine(args, deps.task, deps.roster);
  if (!line.ok) return refuse(TEXTS.lineRefused(line.errors));
  const township = line.township ?? reporter.township;
  if (township !== undefined && !mayReport(reporter, township)) {
    return refuse(TEXTS.onlyOwnTownship(reporter.township ?? ""));
  }
  if (township !== undefined && !deps.townships.includes(township)) {
    return refuse(TEXTS.notInTask(township));
  }
  const draft = newDraft(context, deps, township);
  if (!line.entries.length) return { ok: true, outcome: guided(deps, draft) };
  if (township === undefined) return refuse(TEXTS.adminNeedsTownship);
  return { ok: true, outcome: oneLine(deps, context, draft, township, line.entries) };
}

function refuse(error: string): Start {
  return { ok: false, error };
}

function newDraft(context: CommandContext, deps: FormDeps, township?: string): Draft {
  const { message, now } = context;
  return {
    version: DRAFT_VERSION,
    id: randomUUID(),
    taskId: deps.task.id,
    period: periodOf(now),
    ...(township === undefined ? {} : { township }),
    channel: message.channel,
    chatId: message.chatId,
    source: "guided",
    values: {},
    pending: [],
    step: township === undefined ? { kind: "township" } : { kind: "field", index: 0, back: "next" },
  };
}

function guided(deps: FormDeps, draft: Draft): Outcome {
  const deadline = deadlineOf(draft.period, dueOf(deps.task));
  return { draft, notes: [TEXTS.intro(deps.task, draft.period, deadline)] };
}

/** Plausible figures go into the draft; the others wait for a 是/否 before the summary. */
function oneLine(
  deps: FormDeps,
  context: CommandContext,
  draft: Draft,
  township: string,
  entries: LineEntry[],
): Outcome {
  const values: Draft["values"] = {};
  const pending: Pending[] = [];
  for (const entry of entries) {
    const refs = referencesOf(deps, { township, period: draft.period }, entry.field);
    const reasons = implausibility(entry.value, entry.field, refs, draft.period);
    if (reasons.length)
      pending.push({ index: entry.index, value: entry.value, raw: entry.raw, reasons });
    else values[entry.field.key] = { value: entry.value, raw: entry.raw };
  }
  const raw = context.message.text.trim().slice(0, 4000);
  return { draft: toSummary({ ...draft, source: "one-line", raw, values, pending }), notes: [] };
}
