// Questions about submitted figures: "某某镇新建民宿多少" (a township's latest value, who and when),
// "某某镇民宿多少户" (the fields a part of a name stands for), "新建民宿多少" (the report's figure
// and the townships' sum), "某某镇报了吗" and "哪些乡镇还没报" (status-question.ts). A figure
// question is taken only when it names a task field and nothing else is left once the township,
// the month and filler words are removed; "设施农业项目备案多少" keeps "项目备案" and goes to the
// report.
import { isRegistered, seesAllTownships, seesTownship, type Access } from "../access/roles.js";
import type { AnswerHook } from "../engine.js";
import type { FormDeps } from "../forms/deps.js";
import { findFieldMentions } from "../forms/fields.js";
import type { TaskField } from "../../store/tasks.js";
import {
  districtAnswer,
  reportOnlyAnswer,
  townshipAnswer,
  townshipFieldsAnswer,
} from "./answers.js";
import { cleanQuestion, periodIn, townshipIn } from "./question-parts.js";
import { readStatusQuestion } from "./status-question.js";
import { listAnswer, townshipStatusAnswer } from "./status-answers.js";
import { VISIBILITY_TEXTS, withheldNote, type AnswerDeps } from "./visibility.js";

/** A question about submitted figures, once understood. */
export interface FigureQuestion {
  field: TaskField;
  township?: string;
  period: string;
  /** True when the question named no month. */
  current: boolean;
}

/** "某某镇民宿多少户": a township and the fields a part of a field name stands for. */
export interface FieldsQuestion {
  fields: TaskField[];
  township: string;
  period: string;
  current: boolean;
}

/** The hook the engine tries before the report answerer. */
export function createAnswerHook(deps: AnswerDeps): AnswerHook {
  return (context, question) => {
    const group = context.message.chatType === "group";
    const text = answerOf(deps, question, { now: context.now, group, access: context.access });
    return text === undefined ? undefined : [{ text }];
  };
}

/** Who asks, where and when. */
interface Asker {
  now: Date;
  group: boolean;
  access: Access;
}

/**
 * The answer to a question about submitted figures, or undefined when it is about others. What
 * the asker may not see is left out and a line says why (core/access/roles.ts decides).
 */
function answerOf(deps: AnswerDeps, question: string, asker: Asker) {
  const { now, access } = asker;
  const asked = readQuestion(deps, question, now);
  if (asked) {
    const allowed = asked.township
      ? seesTownship(access, asked.township)
      : seesAllTownships(access);
    if (!allowed) return reportOnlyAnswer(deps, [asked.field], withheldNote(access));
    return asked.township ? townshipAnswer(deps, asked) : districtAnswer(deps, asked);
  }
  const several = readFieldsQuestion(deps, question, now);
  if (several) return fieldsAnswer(deps, several, access);
  const status = readStatusQuestion(deps, question, now);
  if (status?.kind === "list") {
    if (!isRegistered(access)) return VISIBILITY_TEXTS.progressForRegistered;
    return listAnswer(deps, status, asker);
  }
  if (!status) return undefined;
  // "某某镇新建民宿报了没有" is a question about that figure.
  const [first, ...more] = status.fields;
  if (!first) {
    // Registered users see whether a township reported; its figures only those entitled.
    if (!isRegistered(access)) return VISIBILITY_TEXTS.progressForRegistered;
    return townshipStatusAnswer(deps, status, now, seesTownship(access, status.township));
  }
  return fieldsAnswer(deps, { ...status, fields: [first, ...more] }, access);
}

/** One field's answer, or several fields' of one township. */
function fieldsAnswer(deps: AnswerDeps, asked: FieldsQuestion, access: Access): string {
  if (!seesTownship(access, asked.township)) {
    return reportOnlyAnswer(deps, asked.fields, withheldNote(access));
  }
  const [field, ...more] = asked.fields;
  if (field && !more.length) return townshipAnswer(deps, { ...asked, field });
  return townshipFieldsAnswer(deps, asked);
}

/** Reads a question about one task field, or undefined when it is about anything else. */
export function readQuestion(
  deps: FormDeps,
  question: string,
  now: Date,
): FigureQuestion | undefined {
  const text = cleanQuestion(question);
  const mentions = findFieldMentions(text, deps.task);
  const field = mentions[0]?.field;
  if (!field || mentions.some((m) => m.field !== field)) return undefined;
  let rest = mentions.reduceRight((t, m) => t.slice(0, m.start) + "\u0000" + t.slice(m.end), text);
  const township = townshipIn(rest, deps.roster);
  if (township) rest = rest.replace(township.typed, "");
  const period = periodIn(rest, now);
  if (!period) return undefined;
  if (leftover(period.rest, [field], deps.words.questionFillers)) return undefined;
  const asked = { field, period: period.period, current: period.current };
  return township ? { ...asked, township: township.name } : asked;
}

/**
 * Reads "某某镇民宿多少户": a township and what is left once the month, fillers and units are gone,
 * which must be a part (two characters or more) of the label or an alias of one or more fields;
 * a unit typed keeps the fields counted in it. Undefined when it is anything else.
 */
export function readFieldsQuestion(
  deps: FormDeps,
  question: string,
  now: Date,
): FieldsQuestion | undefined {
  const text = cleanQuestion(question);
  if (findFieldMentions(text, deps.task).length) return undefined;
  const township = townshipIn(text, deps.roster);
  if (!township) return undefined;
  const period = periodIn(text.replace(township.typed, ""), now);
  if (!period) return undefined;
  const units = [...new Set(deps.task.fields.map((f) => f.unit))];
  const typedUnits = units.filter((u) => period.rest.includes(u));
  const part = leftover(period.rest, deps.task.fields, deps.words.questionFillers);
  if ([...part].length < 2 || typedUnits.length > 1) return undefined;
  const fields = deps.task.fields.filter(
    (f) =>
      [f.label, ...f.aliases].some((name) => name.includes(part)) &&
      typedUnits.every((u) => u === f.unit),
  );
  if (!fields.length) return undefined;
  return { fields, township: township.name, period: period.period, current: period.current };
}

/** What remains once field names, the fields' units and filler words are gone; empty means none. */
function leftover(text: string, fields: readonly TaskField[], fillers: readonly string[]): string {
  const units = fields.flatMap((f) => [`万${f.unit}`, f.unit]);
  const words = [...fillers, ...units].sort((a, b) => b.length - a.length);
  let rest = text.replaceAll("\u0000", "");
  for (const word of words) rest = rest.replaceAll(word, "");
  return rest;
}
