// Names a person would say for each figure, with context the sentence leaves implicit.
import { words } from "../language/segmenter.js";
import { LEADING_FILLERS, METRIC_WORDS, TRAILING_FILLERS, WEAK_SUBJECT } from "./words.js";

/** Strips filler words, quotes and brackets from both ends of a phrase. */
export function cleanSubject(phrase: string): string {
  // "同比(下同)增长": a note on how to read what follows is no part of the name.
  // "按可比口径年均增长": the basis a figure is reckoned on is no part of its name either.
  const bare = phrase.replace(/[（(][^（()）]*下同[)）]/g, "").replace(BASIS, "");
  const parts = words(bare.replace(/[“”《》（）()]/g, "").trim());
  let start = 0;
  let end = parts.length;
  while (start < end && LEADING_FILLERS.has(parts[start]!)) start++;
  while (end > start && TRAILING_FILLERS.has(parts[end - 1]!)) end--;
  return parts.slice(start, end).join("");
}

const BASIS = /^[按以](?:可比|同|现行)?(?:口径|价格|价)(?:计算|计)?/;

/** True when a subject is too generic to name a figure on its own. */
export function isWeakSubject(subject: string): boolean {
  return subject.length <= 2 || WEAK_SUBJECT.test(subject);
}

/** A strong subject without its trailing metric words: the topic a weak subject joins. */
export function topicOf(subject: string): string {
  const parts = words(subject);
  while (parts.length > 1 && METRIC_WORDS.has(parts.at(-1)!)) parts.pop();
  return parts.join("");
}

const NEW_ACTION = /正在|进行|开展|参加|赴|签署|获得|进入|完成|已|均|到岗|办理|提拔|调任|交流/;

/**
 * The subject of a figure from its clause: the words before it, and after it when the number
 * leads ("实施22个产业帮扶项目" -> "产业帮扶项目"). `left`/`right` are the clause text between
 * this figure and its neighbours.
 */
export function subjectFrom(left: string, right: string): string {
  const before = cleanSubject(left);
  // The number leads a noun phrase: keep the phrase up to a verb that starts a new action.
  const after = cleanSubject(right.split(NEW_ACTION)[0] ?? "");
  if (before && after) return `${before}${after}`;
  return before || after || cleanSubject(right);
}

const TOTAL_SUBJECT = /^(总数|总量|累计|总计|合计|共计)/;
export const NEW_ONES = /^(新增|新建|新改建|新开工|新认定|新引进|新培育|改造)+/;

/** Joins a topic and a weak subject without repeating words ("高标准农田建设项目" + "项目"). */
export function joinName(topic: string, subject: string): string {
  // "新增国家级高新技术企业582家，总数达2223家": the total is of the things, not of the new ones.
  if (TOTAL_SUBJECT.test(subject)) topic = topic.replace(NEW_ONES, "");
  if (!topic || subject.startsWith(topic)) return subject;
  return topic.endsWith(subject) ? topic : `${topic}${subject}`;
}
