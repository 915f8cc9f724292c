// The submission feature: guided and one-line reports, identity and office commands, answers
// about submitted figures and who has reported, stray 确认 / 修改 with no draft, and idle-draft
// expiry. The lead wires it into `createCore`.
import type { Exporter } from "./exporter.js";
import type { AnswerHook, CommandSpec, Flow, Logger } from "../engine.js";
import { loadCommandIntents, type CommandIntents } from "../intents.js";
import type { Conversation, ConversationStore } from "../state.js";
import type { Reply } from "../types.js";
import { taskTownships, type FormDeps, type IndicatorSource } from "../forms/deps.js";
import { beginReport, createSubmissionFlow } from "../forms/form.js";
import { TEXTS } from "../forms/texts.js";
import { loadFormWords, type FormWords } from "../forms/words.js";
import type { BindingStore } from "../../store/bindings.js";
import type { Township } from "../../store/roster.js";
import type { SubmissionStore } from "../../store/submissions.js";
import type { Task } from "../../store/tasks.js";
import { createAnswerHook } from "./answer-hook.js";
import { expireIdleDrafts, type ExpiryNotice } from "./expiry.js";
import { identityCommands } from "./identity-commands.js";
import { officeCommands } from "./office-commands.js";
import { createStrayWordHook } from "./stray-words.js";
import { COMMAND_TEXTS } from "./texts.js";
import { remindCommand, type RemindNow } from "./remind-command.js";
import { submitterNames, type AnswerDeps } from "./visibility.js";
import type { Roles } from "../access/roles.js";
import { createBindGuard, memoryBindFailures, type BindFailures } from "../access/bind-guard.js";
import { throttledLogFor } from "../../infra/throttled-log.js";

export type { ExpiryNotice } from "./expiry.js";
export type { RemindNow, RemindOutcome } from "./remind-command.js";

/** Options of `createSubmissionFeature`. */
export interface SubmissionFeatureOptions {
  /** Reporting tasks; the first is the one people fill in. */
  tasks: readonly Task[];
  roster: readonly Township[];
  bindings: BindingStore;
  submissions: SubmissionStore;
  /** The report answerer (or anything with `baselineOf(names)`), for baselines. */
  answerer: IndicatorSource;
  /** How replies name the whole district (全区, 全县 …; default 全区). */
  area?: string;
  /** How people name the district ("某某区", "某某"): in a question it asks the district total. */
  districtNames?: string[];
  /** The core's conversation store, where drafts live (read by `expireIdle`). */
  conversations: ConversationStore;
  /** Data folder; `/export` writes to its `exports/` subfolder. */
  /** Writes the /export files (the store's `fileExporter(DATA_DIR)`). */
  exporter: Exporter;
  /** Command words (default: intents/commands.json). */
  intents?: CommandIntents;
  /** Form words (default: intents/forms.json). */
  words?: FormWords;
  /** Where failed submissions are logged (default: console). */
  log?: Logger;
  /** The role rules the core uses: admins' submissions are signed "区办公室" (default: none). */
  roles?: Roles;
  /**
   * Wrong invite codes (`openBindFailures(dataDir)`; default: in memory, so a restart would
   * forget a cool-down: wire the store in the running bot).
   */
  bindFailures?: BindFailures;
  /** Tells the office when wrong invite codes pile up (default: only logged). */
  alertOffice?: (text: string) => Promise<void>;
  /**
   * Sends a task's reminders now (the reminder service's `remindNow`); given, the feature's
   * `/remind` also names the townships nobody could be reminded in (default: no /remind here).
   */
  remindNow?: RemindNow;
}

/** What the lead passes to `createCore`, plus the expiry the lead runs every minute. */
export interface SubmissionFeature {
  commands: Record<string, CommandSpec>;
  flows: Flow[];
  answerHooks: AnswerHook[];
  /** Clears drafts idle for 30 minutes by `now` and returns the notices to send. */
  expireIdle(now: Date): Promise<ExpiryNotice[]>;
}

/** Builds the submission feature over the given stores. */
export function createSubmissionFeature(options: SubmissionFeatureOptions): SubmissionFeature {
  const deps = formDeps(options);
  const { remindNow } = options;
  const answers: AnswerDeps = { ...deps, names: submitterNames(options.bindings, options.roles) };
  const guard = createBindGuard({
    failures: options.bindFailures ?? memoryBindFailures(),
    log: throttledLogFor(console),
    alertOffice: options.alertOffice,
    error: (line) => deps.log.error(line),
  });
  return {
    commands: {
      report: { run: (c) => beginReport(deps, c), privateOnly: true },
      cancel: { run: (c) => cancelWithoutDraft(c.conversation) },
      ...identityCommands(deps, guard),
      ...officeCommands(deps, options.exporter),
      ...(remindNow
        ? { remind: remindCommand(deps, options.tasks, options.roster, remindNow) }
        : {}),
    },
    flows: [createSubmissionFlow(deps)],
    answerHooks: [createStrayWordHook(deps), createAnswerHook(answers)],
    expireIdle: (now) => expireIdleDrafts(options.conversations, deps.task, now),
  };
}

function formDeps(options: SubmissionFeatureOptions): FormDeps {
  const task = options.tasks[0];
  if (!task) throw new RangeError("createSubmissionFeature needs at least one task in `tasks`");
  const townships = taskTownships(task, options.roster);
  return {
    task,
    townships,
    roster: options.roster.filter((t) => townships.includes(t.name)),
    bindings: options.bindings,
    submissions: options.submissions,
    answerer: options.answerer,
    area: options.area ?? "全区",
    districtNames: options.districtNames ?? [],
    intents: options.intents ?? loadCommandIntents(),
    words: withDistrictNames(options.words ?? loadFormWords(), options.districtNames ?? []),
    log: options.log ?? console,
  };
}

/** The form words, with the district's own names among the fillers of a figure question. */
function withDistrictNames(words: FormWords, names: string[]): FormWords {
  return { ...words, questionFillers: [...words.questionFillers, ...names] };
}

/** 取消 when no flow took the message: nothing open, or a flow no longer registered. */
function cancelWithoutDraft(conversation: Conversation): Reply[] {
  const hadDraft = conversation.flow !== undefined;
  delete conversation.flow;
  return [{ text: hadDraft ? TEXTS.cancelled : COMMAND_TEXTS.noDraft }];
}
