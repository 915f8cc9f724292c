// A core with the submission feature over memory stores, driven as people would: messages in,
// replies out, a clock the test moves.
import { fileExporter } from "../../../src/store/export.js";
import { createRoles } from "../../../src/core/access/roles.js";
import { sqlAuditLog } from "../../../src/store/db/audit.js";
import { memoryDatabase } from "../../../src/store/db/database.js";
import { memoryViewerGrants } from "../../../src/store/db/roles.js";
import { createCore, type Logger } from "../../../src/core/engine.js";
import type { ConversationStore } from "../../../src/core/state.js";
import { memoryConversationStore } from "../../../src/store/db/conversations.js";
import type { Core, Message, Reply } from "../../../src/core/types.js";
import {
  createSubmissionFeature,
  type RemindNow,
  type SubmissionFeature,
} from "../../../src/core/submissions/index.js";
import { memoryBindingStore, type BindingStore } from "../../../src/store/bindings.js";
import { memorySubmissionStore, type SubmissionStore } from "../../../src/store/submissions.js";
import { loadTasks, type Task } from "../../../src/store/tasks.js";
import { loadDistrict } from "../../../src/store/district.js";
import type { IndicatorSource } from "../../../src/core/forms/deps.js";
import {
  FIXTURE_DISTRICT,
  fixtureAnswerer,
  fixtureRoster,
  fixtureStore,
} from "../../helpers/reports.js";

/** The monthly task of data/tasks.json. */
export const TASK: Task = loadTasks()[0]!;
/** The fixture district's 27 townships. */
export const ROSTER = fixtureRoster();
const NAMES = ROSTER.map((t) => t.name);
/** One answerer for every test: building it reads the fixture report. */
export const ANSWERER = fixtureAnswerer();
const BY_ID = new Map(fixtureStore().indicators.map((i) => [i.id, i]));
/**
 * The report as the feature sees it: the answerer's baselines, and related figures looked up by
 * the ids an indicator lists (what the real answerer's `relatedOf` is to give).
 */
export const REPORT: Required<IndicatorSource> = {
  baselineOf: (names) => ANSWERER.baselineOf(names),
  relatedOf: (indicator) => indicator.related.flatMap((id) => BY_ID.get(id) ?? []),
};
/** A person writing to the bot. */
export interface Person {
  channel: Message["channel"];
  userId: string;
  userName?: string;
}

/** The console operator (always an admin). */
export const OPERATOR: Person = { channel: "console", userId: "local" };
/** The liaison of 下营镇 once bound (`bindLiaison`). */
export const LIAISON: Person = { channel: "telegram", userId: "1001", userName: "张三" };
/** Someone bound to nothing. */
export const STRANGER: Person = { channel: "telegram", userId: "2002", userName: "路人" };
/** A district leader configured as a viewer. */
export const VIEWER: Person = { channel: "wecom", userId: "leader", userName: "区领导" };
/** An admin configured by identity. */
export const ADMIN: Person = { channel: "wecom", userId: "office", userName: "办公室" };

/** Options of `harness`. */
export interface HarnessOptions {
  /** Start time (default: 2026-11-20 10:00 Shanghai). */
  now?: Date;
  submissions?: SubmissionStore;
  conversations?: ConversationStore;
  bindings?: BindingStore;
  exportDir?: string;
  /** What the feature reads baselines from (default: `REPORT`). */
  answerer?: IndicatorSource;
  /** The reminders' send-now (default: none, so no /remind). */
  remindNow?: RemindNow;
}

const quiet: Logger = { info: () => undefined, error: () => undefined };

/** A running core with the feature, its stores and a movable clock. */
export function harness(options: HarnessOptions = {}) {
  const clock = { now: options.now ?? new Date("2026-11-20T02:00:00Z") };
  const bindings = options.bindings ?? memoryBindingStore({ townships: NAMES });
  const submissions =
    options.submissions ?? memorySubmissionStore({ tasks: [TASK], townships: NAMES });
  const conversations = options.conversations ?? memoryConversationStore();
  const grants = memoryViewerGrants();
  const audit = sqlAuditLog(memoryDatabase());
  const roles = createRoles({
    admins: ["wecom:office"],
    viewers: [`${VIEWER.channel}:${VIEWER.userId}`],
    grants,
    bindings,
  });
  const feature: SubmissionFeature = createSubmissionFeature({
    tasks: [TASK],
    roster: ROSTER,
    bindings,
    submissions,
    answerer: options.answerer ?? REPORT,
    districtNames: loadDistrict(FIXTURE_DISTRICT).aliases,
    conversations,
    exporter: fileExporter(options.exportDir ?? "/nonexistent"),
    log: quiet,
    roles,
    remindNow: options.remindNow,
  });
  const core: Core = createCore({
    answerer: ANSWERER,
    conversations,
    roles,
    audit,
    commands: feature.commands,
    flows: feature.flows,
    answerHooks: feature.answerHooks,
    now: () => clock.now,
    log: quiet,
  });
  const send = (text: string, who: Person = LIAISON, group = false) =>
    core.handle(message(text, who, group));
  return {
    core,
    feature,
    bindings,
    submissions,
    conversations,
    grants,
    audit,
    clock,
    send,
    /** Sends and returns the replies' texts joined, as a person reads them. */
    say: async (text: string, who: Person = LIAISON) => textOf(await send(text, who)),
    /** Moves the clock on. */
    wait(minutes: number) {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
    /** Binds LIAISON (or `who`) to `township` through an invite. */
    async bindLiaison(township = "下营镇", who: Person = LIAISON) {
      const { code } = await bindings.createInvite(township, "console:local", clock.now);
      await bindings.bind(code, `${who.channel}:${who.userId}`, who.userName, clock.now);
    },
  };
}

/** A chat message from `who`, in a private chat unless `group`. */
export function message(text: string, who: Person, group = false): Message {
  return {
    channel: who.channel,
    chatId: group ? "-100500" : who.userId,
    userId: who.userId,
    ...(who.userName ? { userName: who.userName } : {}),
    chatType: group ? "group" : "private",
    text,
    ...(group ? { mentioned: true } : {}),
  };
}

/** The texts of replies, one after another. */
export function textOf(replies: Reply[]): string {
  return replies.map((r) => r.text).join("\n---\n");
}
