// How a figure is written back to people: qualifiers, number and unit as the report has them.
import type { Indicator } from "../extract/indicator.js";

const BEFORE = ["预计", "计划", "累计", "约", "近", "不少于", "超过"];
const AFTER = ["以上", "左右"];

/** The unit as the report writes it, a bracketed second measure word included ("万套（间）"). */
export function writtenUnit(indicator: Indicator): string {
  return indicator.unit + (indicator.unitNote ?? "");
}

/** "预计437公斤/亩", "1500余个", "5亿多元", "60%以上". */
export function formatFigure(indicator: Indicator): string {
  const before = BEFORE.filter((q) => indicator.qualifiers.includes(q));
  if (indicator.kind === "plan" && !before.includes("计划") && !before.includes("预计")) {
    before.unshift("计划");
  }
  const after = AFTER.filter((q) => indicator.qualifiers.includes(q));
  // raw is the number as written, with 万/亿 and 余/多 ("2.8万" + "亩", "5亿多" + "元").
  const arabic = /^\d/.test(indicator.raw);
  const number = arabic ? indicator.raw : String(indicator.value);
  const magnitude =
    arabic && /[万亿]/.test(indicator.raw) && /^[万亿]/.test(indicator.unit) ? 1 : 0;
  return `${before.join("")}${number}${writtenUnit(indicator).slice(magnitude)}${after.join("")}`;
}

/**
 * The figure's clause with one neighbour on each side from its own part of the sentence (never
 * across "；"), as the report writes it; the clause alone when that would be too long.
 */
export function quoteOf(indicator: Indicator, maxLength = 90): string {
  const { sentence, clause } = indicator;
  const at = clauseAt(indicator);
  if (at < 0) return `“${clause}”`;
  const segmentStart = Math.max(sentence.lastIndexOf("；", at), sentence.lastIndexOf(";", at)) + 1;
  const segmentEnd = firstOf(sentence, /[；;]/, at + clause.length) ?? sentence.length;
  const before = sentence.slice(segmentStart, at).replace(/[，,、：]$/, "");
  const start = segmentStart + Math.max(0, lastIndexOfAny(before, "，,、：") + 1);
  const next = firstOf(sentence, /[，,、：]/, at + clause.length);
  const following = next === undefined ? segmentEnd : firstOf(sentence, /[，,、：]/, next + 1);
  const end = Math.min(following ?? segmentEnd, segmentEnd);
  const window = sentence.slice(start, end);
  const text = window.length <= maxLength ? window : clause;
  const head = (window.length <= maxLength ? start : at) > 0 ? "……" : "";
  const tail =
    (window.length <= maxLength ? end : at + clause.length) < sentence.length ? "……" : "";
  return `“${head}${text}${tail}”`;
}

/** Where the figure's clause stands in its sentence (the right one of identical clauses). */
function clauseAt(indicator: Indicator): number {
  const { sentence, clause, context } = indicator;
  const own = context.lastIndexOf(clause);
  const earlier = context.slice(0, own).filter((c) => c === clause && sentence.includes(c)).length;
  let at = -1;
  for (let k = 0; k <= earlier; k++) at = sentence.indexOf(clause, at + 1);
  return at;
}

function firstOf(text: string, pattern: RegExp, from: number): number | undefined {
  const match = pattern.exec(text.slice(from));
  return match ? from + match.index : undefined;
}

function lastIndexOfAny(text: string, characters: string): number {
  return Math.max(...[...characters].map((c) => text.lastIndexOf(c)));
}

/** "二、加快打造现代都市型农业升级版 › （四）提升粮食安全…". */
export function sectionOf(indicator: Indicator): string {
  return indicator.section.join(" › ");
}
