// Questions about who has reported: "某某镇报了吗", "某某镇这个月上报了没有", "某某镇报了哪些"
// (one township's status), and "哪些乡镇还没报", "谁还没报", "未报乡镇名单", "哪些乡镇报了",
// "哪些乡镇还没报齐", "哪些乡镇没报新建民宿" (the list). A question is taken only when nothing is
// left beyond the township, the month, one field and the words of these patterns.
import type { FormDeps } from "../forms/deps.js";
import { findFieldMentions } from "../forms/fields.js";
import type { TaskField } from "../../store/tasks.js";
import { cleanQuestion, periodIn, townshipIn } from "./question-parts.js";

/** "某某镇报了吗": one township's status in a period (only `fields` when the question names any). */
export interface TownshipStatusQuestion {
  kind: "township";
  township: string;
  fields: TaskField[];
  period: string;
  current: boolean;
}

/** "哪些乡镇还没报": the townships that have (`reported`) or have not reported. */
export interface ListQuestion {
  kind: "list";
  reported: boolean;
  /** 报齐: every field counts, not just any. */
  complete: boolean;
  /** "哪些乡镇没报新建民宿": this field only. */
  field?: TaskField;
  period: string;
  current: boolean;
}

export type StatusQuestion = TownshipStatusQuestion | ListQuestion;

/** Words dropped before the patterns are tried. */
const FILLERS = [
  "截至目前",
  "到目前为止",
  "到现在为止",
  "到现在",
  "目前",
  "现在",
  "请问",
  "查一下",
  "看一下",
  "一下",
  "看看",
  "帮我",
  "数据",
  "还有",
  "已经",
  "还",
  "都",
  "的",
  "呢",
  "啊",
  "呀",
  "吧",
];
const VERB = "(?:上报|填报|报送|报)";
const DONE = "(?:齐|全|完)";
/** What is left of "某某镇报了吗": 报了吗, 报没报, 有没有上报, 是否已上报, 没报吗, 报了哪些, 谁报的. */
const TOWNSHIP_STATUS = new RegExp(
  `^(?:是否|是不是|有没有|有没|谁)?已?(?:没有|没|未)?${VERB}(?:了|过|${DONE})*` +
    `(?:吗|么|没有|没|不|没${VERB}|什么|啥|哪些|哪几项|几项|多少|情况|进度)?了?$`,
  "u",
);
const WHO = "(?:哪些|哪几个|哪个|哪几|几个|多少个|多少|谁|有谁|有哪些|是哪些|是谁)";
const PLACE = "(?:乡镇街道|乡镇街|乡镇|镇街|街镇|镇|乡|街道|单位)";
const NOT = `(?:没有|没|未)${VERB}${DONE}?`;
const YES = `已?${VERB}(?:了|过)*${DONE}?了?`;
/**
 * "哪些乡镇没报", "谁没报齐吗": who first. A trailing 多少 is borne: a follow-up ("还有哪些乡镇没报"
 * after another question) may come rewritten as "哪些乡镇没报多少".
 */
const WHO_FIRST = (verb: string) =>
  new RegExp(`^${WHO}${PLACE}?(?<verb>${verb})(?:吗|么|多少)?$`, "u");
/**
 * "没报乡镇有哪些", "未报名单", "已报乡镇": a place word, a who word or 名单 around the verb ("未报"
 * alone is no list: a match must be more than its verb).
 */
const WHO_AFTER = (verb: string) =>
  new RegExp(`^${PLACE}?(?<verb>${verb})${PLACE}?有?${WHO}?(?:名单|情况)?$`, "u");
const MISSING = [WHO_FIRST(NOT), WHO_AFTER(NOT)];
const REPORTED = [WHO_FIRST(YES), WHO_AFTER(YES)];

/** Reads a question about who has reported, or undefined when it is about anything else. */
export function readStatusQuestion(
  deps: FormDeps,
  question: string,
  now: Date,
): StatusQuestion | undefined {
  const text = cleanQuestion(question);
  const mentions = findFieldMentions(text, deps.task);
  const fields = [...new Set(mentions.map((m) => m.field))];
  let rest = mentions.reduceRight((t, m) => t.slice(0, m.start) + t.slice(m.end), text);
  const township = townshipIn(rest, deps.roster);
  if (township) rest = rest.replace(township.typed, "");
  const period = periodIn(rest, now);
  if (!period) return undefined;
  const when = { period: period.period, current: period.current };
  rest = withoutFillers(period.rest, deps);
  if (township) {
    if (!TOWNSHIP_STATUS.test(rest)) return undefined;
    return { kind: "township", township: township.name, fields, ...when };
  }
  if (fields.length > 1) return undefined;
  const field = fields[0] ? { field: fields[0] } : {};
  for (const [reported, patterns] of [
    [false, MISSING],
    [true, REPORTED],
  ] as const) {
    const match = patterns.map((p) => p.exec(rest)).find((m) => m && m[0] !== m.groups?.verb);
    const verb = match?.groups?.verb;
    if (verb !== undefined) {
      const complete = new RegExp(DONE, "u").test(verb);
      return { kind: "list", reported, complete, ...field, ...when };
    }
  }
  return undefined;
}

function withoutFillers(text: string, deps: FormDeps): string {
  const words = [...FILLERS, ...deps.districtNames, deps.area, "全区", "全县", "全市"];
  let rest = text;
  for (const word of words.sort((a, b) => b.length - a.length)) rest = rest.replaceAll(word, "");
  return rest;
}
