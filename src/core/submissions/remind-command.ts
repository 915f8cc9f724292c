// `/remind` (admins): nudges the liaisons of townships that have not reported this month. The
// sending is the reminders' (a port); this command also says when nobody could be reminded and
// names the townships with no liaison bound, instead of "everyone has reported" (issue 13).
import type { CommandContext, CommandSpec } from "../engine.js";
import { taskTownships, type FormDeps } from "../forms/deps.js";
import { periodOf } from "../period.js";
import type { Reply } from "../types.js";
import type { Township } from "../../store/roster.js";
import type { Task } from "../../store/tasks.js";

/** What the reminders did for one /remind of a task (their RemindNowResult fits). */
export interface RemindOutcome {
  /** The messages queued; those with a township went to its liaisons, the rest to the office. */
  items: readonly { township?: string }[];
  /** Recipients left out because they were reminded a few minutes ago. */
  recent: number;
  /** The reminders' own reply. */
  reply: string;
}

/** Sends the reminders of a task now (the reminder service's `remindNow`). */
export type RemindNow = (task: Task) => Promise<RemindOutcome>;

/** Texts of /remind. */
export const REMIND_TEXTS = {
  nobody: (missing: number) =>
    `本月还有 ${missing} 个乡镇未报齐，但没有可以提醒的联络员，未发送提醒。`,
  unbound: (townships: readonly string[]) =>
    `以下 ${townships.length} 个未报齐的乡镇还没有绑定联络员，无法提醒：${townships.join("、")}。` +
    "可用“/invite 乡镇名 联络员姓名”生成邀请码。",
} as const;

/** The /remind command over `remindNow`, for every task. */
export function remindCommand(
  deps: FormDeps,
  tasks: readonly Task[],
  roster: readonly Township[],
  remindNow: RemindNow,
): CommandSpec {
  return {
    adminOnly: true,
    run: async (context) => {
      const replies: Reply[] = [];
      for (const task of tasks) {
        replies.push({ text: await remindTask(deps, task, roster, remindNow, context) });
      }
      return replies;
    },
  };
}

async function remindTask(
  deps: FormDeps,
  task: Task,
  roster: readonly Township[],
  remindNow: RemindNow,
  context: CommandContext,
): Promise<string> {
  const period = periodOf(context.now);
  const progress = deps.submissions.progress(task, period, taskTownships(task, roster));
  const missing = progress.filter((p) => p.missing.length > 0).map((p) => p.township);
  const unbound = missing.filter((t) => deps.bindings.liaisonsOf(t).length === 0);
  const outcome = await remindNow(task);
  const direct = outcome.items.filter((i) => i.township !== undefined).length;
  const lines = [
    missing.length && direct === 0 && outcome.recent === 0
      ? REMIND_TEXTS.nobody(missing.length)
      : outcome.reply,
  ];
  if (unbound.length) lines.push(REMIND_TEXTS.unbound(unbound));
  return lines.join("\n");
}
