// Answer texts about who has reported: one township's status (which fields, when, by whom, the
// receipt: shown to those who see the township's figures), and the list of townships that
// have or have not reported, short in groups (the count and the first names) and whole in a
// private chat (a few names a line).
import { dueOf, type FormDeps } from "../forms/deps.js";
import { deadlineOf, formatPeriod, formatShanghai, isLate } from "../period.js";
import type { TownshipProgress } from "../../store/submissions.js";
import { labels, receiptBlocks } from "./answers.js";
import type { ListQuestion, TownshipStatusQuestion } from "./status-question.js";
import { STATUS_TEXTS as T } from "./texts.js";
import type { AnswerDeps } from "./visibility.js";

/** Names shown in a group before "等". */
const GROUP_NAMES = 5;
/** Names a line in a private chat. */
const NAMES_PER_LINE = 4;

/**
 * "某某镇 2026年11月已报 2/6 项：" with the figures by submission and what is missing; without
 * `figures` (a registered user who may not see that township's figures) only what is reported.
 */
export function townshipStatusAnswer(
  deps: AnswerDeps,
  asked: TownshipStatusQuestion,
  now: Date,
  figures = true,
): string {
  const { township, period } = asked;
  const { fields } = deps.task;
  const found = fields.map((field) => ({
    field,
    figure: deps.submissions.latest(period, township, field.key),
  }));
  const reported = found.flatMap(({ field, figure }) => (figure ? [{ field, figure }] : []));
  const place = `${township} ${formatPeriod(period)}`;
  if (!reported.length) {
    const lines = [T.townshipNone(place, deadlineNote(deps, period, now))];
    const before = lastPeriodOf(deps, township, period);
    if (before) lines.push(T.lastReported(formatPeriod(before)));
    return lines.join("\n");
  }
  const missing = found.filter((f) => !f.figure).map((f) => f.field);
  const head = T.townshipHead(place, reported.length, fields.length);
  const lines = figures
    ? [head, ...receiptBlocks(deps.names, reported)]
    : [head.replace(/：$/u, "。"), T.reportedFields(labels(reported.map((r) => r.field)))];
  if (missing.length) lines.push(T.notReported(labels(missing)));
  return lines.join("\n");
}

/** The latest period before `period` in which `township` reported anything. */
function lastPeriodOf(deps: FormDeps, township: string, period: string): string | undefined {
  const earlier = deps.submissions.periods().filter((p) => p < period);
  return earlier
    .reverse()
    .find((p) => deps.submissions.entries(p).some((e) => e.township === township));
}

/** "截止 2026年11月25日（周三）17:00", or "已过截止时间 …" once it has passed. */
function deadlineNote(deps: FormDeps, period: string, now: Date): string {
  const due = dueOf(deps.task);
  const deadline = formatShanghai(deadlineOf(period, due), { weekday: true });
  return isLate(now, period, due) ? T.pastDeadline(deadline) : T.deadline(deadline);
}

/** Who has (or has not) reported in the period, as `asked` says. */
export function listAnswer(
  deps: FormDeps,
  asked: ListQuestion,
  options: { group: boolean; now: Date },
): string {
  const { period, field } = asked;
  const progress = deps.submissions.progress(deps.task, period, deps.townships);
  const done = (p: TownshipProgress) =>
    field
      ? p.reported.includes(field.key)
      : asked.complete
        ? p.missing.length === 0
        : p.reported.length > 0;
  const verb = field ? `上报${field.label}` : asked.complete ? "报齐" : "上报";
  const total = progress.length;
  const chosen = progress.filter((p) => done(p) === asked.reported).map((p) => p.township);
  const when = formatPeriod(period);
  const lines: string[] = [];
  if (progress.every((p) => !done(p))) lines.push(T.noneDone(when, verb, total));
  else if (!chosen.length) lines.push(T.allDone(when, verb, total));
  else {
    const head = (asked.reported ? T.doneHead : T.missingHead)(when, verb, chosen.length, total);
    lines.push(...namesBlock(head, chosen, options.group));
  }
  const partial = field ? [] : progress.filter((p) => p.reported.length && p.missing.length);
  const note = partialNote(asked, chosen.length, partial, options.group);
  if (note) lines.push(note);
  if (!asked.reported && chosen.length && !options.group) {
    lines.push(deadlineNote(deps, period, options.now));
  }
  return lines.join("\n");
}

/** Townships reported in part, where the answer would hide them; in groups only when all did. */
function partialNote(
  asked: ListQuestion,
  chosen: number,
  partial: TownshipProgress[],
  group: boolean,
): string | undefined {
  if (!partial.length) return undefined;
  const items = partial.map((p) => T.partialItem(p.township, p.missing.length)).join("、");
  if (asked.reported) return asked.complete || group ? undefined : T.partialAmongDone(items);
  if (asked.complete) return group ? undefined : T.partialAmongMissing(items);
  if (!chosen) return group ? T.partialCount(partial.length) : T.partialAmongDone(items);
  return group ? undefined : T.partialBesides(partial.length, items);
}

/** The head with the names: the first few in a group, all of them a few a line otherwise. */
function namesBlock(head: string, names: string[], group: boolean): string[] {
  if (group) {
    const more = names.length > GROUP_NAMES;
    const shown = names.slice(0, GROUP_NAMES).join("、");
    return more ? [`${head}：${shown}等`, T.wholeListPrivately] : [`${head}：${shown}`];
  }
  const lines = [`${head}：`];
  for (let i = 0; i < names.length; i += NAMES_PER_LINE) {
    lines.push(names.slice(i, i + NAMES_PER_LINE).join("、"));
  }
  return lines;
}
