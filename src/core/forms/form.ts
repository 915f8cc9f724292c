// The submission flow: owns a private chat while a draft is open, keeps the draft in
// `conversation.flow` after every message, and drops it after 30 idle minutes.
import type { CommandContext, Flow } from "../engine.js";
import { matchCommand } from "../intents.js";
import { formatPeriod } from "../period.js";
import type { Reply } from "../types.js";
import type { FormDeps } from "./deps.js";
import { mayReport, reporterOf } from "../submissions/access.js";
import { FLOW_NAME, clearDraft, isIdle, readDraft, saveDraft, type Draft } from "./draft.js";
import { promptFor } from "./prompts.js";
import { startReport } from "./start.js";
import { handleStep, type Outcome } from "./steps.js";
import { TEXTS } from "./texts.js";
import { normaliseWord } from "./words.js";

/** The flow the engine hands a chat to while its draft is open. */
export function createSubmissionFlow(deps: FormDeps): Flow {
  return {
    name: FLOW_NAME,
    async onMessage(context, text) {
      const read = readDraft(context.conversation, deps.task);
      if (!read.ok) {
        clearDraft(context.conversation);
        return [{ text: TEXTS.invalidDraft }];
      }
      const command = matchCommand(text, deps.intents.commands);
      if (isIdle(read.updatedAt, context.now)) return expired(deps, context, read.draft, command);
      // A draft for a township this person can no longer report for is named and dropped first.
      const township = read.draft.township;
      const reporter = reporterOf(context, deps.bindings);
      if (township && (!reporter || !mayReport(reporter, township))) {
        clearDraft(context.conversation);
        return [{ text: TEXTS.noLongerAllowed(township) }];
      }
      if (read.draft.startAfter !== undefined) return decide(deps, context, read.draft, text);
      if (command?.name === "report") return restart(deps, context, read.draft, command.args);
      if (command?.name === "cancel")
        return finish(deps, context, { draft: null, notes: [TEXTS.cancelled] });
      return finish(deps, context, await handleStep(deps, context, read.draft, text));
    },
  };
}

/** Runs 上报 with no draft open: starts a draft or explains why not. */
export function beginReport(deps: FormDeps, context: CommandContext): Reply[] {
  const started = startReport(deps, context, context.args);
  return started.ok ? finish(deps, context, started.outcome) : [{ text: started.error }];
}

/** Saves or clears the draft and renders the notes with the next prompt as one reply. */
export function finish(deps: FormDeps, context: CommandContext, outcome: Outcome): Reply[] {
  const { draft, notes } = outcome;
  if (!draft) {
    clearDraft(context.conversation);
    return [{ text: notes.join("\n") }];
  }
  saveDraft(context.conversation, draft, context.now);
  const prompt = promptFor(deps, draft, context.now);
  return [{ ...prompt, text: [...notes, prompt.text].join("\n\n") }];
}

/** "某某镇 2026年11月": where a draft was for, in notices. */
export function draftPlace(draft: Draft): string {
  return [draft.township, formatPeriod(draft.period)].filter(Boolean).join(" ");
}

/** A message for a draft that expired before expiry ran: say so; a new 上报 starts afresh. */
function expired(
  deps: FormDeps,
  context: CommandContext,
  draft: Draft,
  command: { name: string; args: string } | undefined,
): Reply[] {
  clearDraft(context.conversation);
  const notice = { text: TEXTS.expired(draftPlace(draft)) };
  if (command?.name !== "report") return [notice];
  return [notice, ...beginReport(deps, { ...context, args: command.args })];
}

/**
 * 上报 while a draft is open never replaces it silently: the draft is named (township, fields
 * filled) and the person answers 继续 (go on with it) or 放弃 (drop it and start the new one).
 */
function restart(deps: FormDeps, context: CommandContext, draft: Draft, args: string): Reply[] {
  if (args) {
    // A line that cannot be taken is refused at once; the open draft stays as it was.
    const started = startReport(deps, context, args);
    if (!started.ok) return finish(deps, context, { draft, notes: [started.error] });
  }
  saveDraft(context.conversation, { ...draft, startAfter: args }, context.now);
  return [openDraftQuestion(draft)];
}

function openDraftQuestion(draft: Draft): Reply {
  const filled = Object.keys(draft.values).length;
  return {
    text: TEXTS.openDraft(draftPlace(draft), filled),
    buttons: [
      { label: TEXTS.continueWord, value: TEXTS.continueWord },
      { label: TEXTS.dropWord, value: TEXTS.dropWord },
    ],
  };
}

/** The answer to "continue or drop?". */
function decide(deps: FormDeps, context: CommandContext, draft: Draft, text: string): Reply[] {
  const word = normaliseWord(text);
  const { startAfter = "", ...kept } = draft;
  if (word === TEXTS.continueWord)
    return finish(deps, context, { draft: kept, notes: [TEXTS.resume] });
  if (word === TEXTS.dropWord || matchCommand(text, deps.intents.commands)?.name === "cancel") {
    clearDraft(context.conversation);
    const dropped = TEXTS.droppedForNew(draftPlace(draft));
    const started = startReport(deps, context, startAfter);
    if (!started.ok) return [{ text: `${dropped}\n${started.error}` }];
    const { outcome } = started;
    return finish(deps, context, { ...outcome, notes: [dropped, ...outcome.notes] });
  }
  return [{ ...openDraftQuestion(draft), text: TEXTS.openDraftAgain }];
}
