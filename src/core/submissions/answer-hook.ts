// Questions about submitted figures: "某某镇新建民宿多少" (a township's latest value, who and when)
// and "新建民宿多少" (the report's figure and the townships' sum). A question is taken only when it
// names a task field and nothing else is left once the township, the month and filler words are
// removed; "设施农业项目备案多少" keeps "项目备案" and goes to the report.
import type { AnswerHook } from "../engine.js";
import type { FormDeps } from "../forms/deps.js";
import { findFieldMentions } from "../forms/fields.js";
import { parsePeriod, periodOf } from "../period.js";
import type { Township } from "../../store/roster.js";
import type { TaskField } from "../../store/tasks.js";
import { districtAnswer, townshipAnswer } from "./answers.js";

/** A month as people write it in a question: 10月, 2026年10月, 本月, 上个月, 2026-10. */
const MONTH =
  /(?:\d{4}年|今年|去年)?(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月份?|本月|这个月|这月|当月|上个?月|\d{4}-\d{2}/u;
const PUNCTUATION = /[\s？?。.!！，,、：:；;“”"']/gu;

/** A question about submitted figures, once understood. */
export interface FigureQuestion {
  field: TaskField;
  township?: string;
  period: string;
  /** True when the question named no month. */
  current: boolean;
}

/** The hook the engine tries before the report answerer. */
export function createAnswerHook(deps: FormDeps): AnswerHook {
  return (context, question) => {
    const asked = readQuestion(deps, question, context.now);
    if (!asked) return undefined;
    const text = asked.township ? townshipAnswer(deps, asked) : districtAnswer(deps, asked);
    return [{ text }];
  };
}

/** Reads a question about one task field, or undefined when it is about anything else. */
export function readQuestion(
  deps: FormDeps,
  question: string,
  now: Date,
): FigureQuestion | undefined {
  const text = question.normalize("NFKC").replace(PUNCTUATION, "");
  const mentions = findFieldMentions(text, deps.task);
  const field = mentions[0]?.field;
  if (!field || mentions.some((m) => m.field !== field)) return undefined;
  let rest = mentions.reduceRight((t, m) => t.slice(0, m.start) + "\u0000" + t.slice(m.end), text);
  const township = townshipIn(rest, deps.roster);
  if (township) rest = rest.replace(township.typed, "");
  const month = MONTH.exec(rest)?.[0];
  const period = month ? parsePeriod(month, now) : { ok: true as const, value: periodOf(now) };
  if (!period.ok) return undefined;
  if (month) rest = rest.replace(month, "");
  if (leftover(rest, field, deps.words.questionFillers)) return undefined;
  const asked = { field, period: period.value, current: !month };
  return township ? { ...asked, township: township.name } : asked;
}

/** The township named in `text` by its full or short name (某某镇, 某某); the longest wins. */
function townshipIn(text: string, roster: readonly Township[]) {
  const found = roster.flatMap((t) => {
    const short = t.name.endsWith(t.kind) ? t.name.slice(0, -t.kind.length) : t.name;
    const names = [...new Set([t.name, short])].filter((n) => [...n].length >= 2);
    return names.filter((n) => text.includes(n)).map((typed) => ({ name: t.name, typed }));
  });
  return found.sort((a, b) => b.typed.length - a.typed.length)[0];
}

/** What remains once field names, units and filler words are gone; empty means none. */
function leftover(text: string, field: TaskField, fillers: readonly string[]): string {
  const words = [...fillers, `万${field.unit}`, field.unit].sort((a, b) => b.length - a.length);
  let rest = text.replaceAll("\u0000", "");
  for (const word of words) rest = rest.replaceAll(word, "");
  return rest;
}
