// Report structure -> indicators: a name, qualifiers, kind, context and related figures for
// every figure.
import { createHash } from "node:crypto";
import type { Indicator, IndicatorKind } from "./indicator.js";
import { chineseNumeral, findNumbers, type FoundNumber } from "./numbers.js";
import type { SentenceNode } from "./structure.js";
import { cleanSubject, isWeakSubject, joinName, subjectFrom, topicOf } from "./subjects.js";
import {
  ADJACENT_QUALIFIERS,
  CHANGE_WORDS,
  CONTINUATION,
  PLAN_WORDS,
  SCOPE_QUALIFIERS,
} from "./words.js";

/** A figure with its place in the sentence, before ids and relations are settled. */
interface Draft {
  found: FoundNumber;
  sentence: SentenceNode;
  segmentIndex: number;
  clause: string;
  phrase: string;
  subject: string;
  name: string;
  context: string[];
  inherited: number;
  qualifiers: string[];
  kind: IndicatorKind;
}

/** Builds the indicators of a report's sentences. */
export function extractFacts(sentences: SentenceNode[], period: string): Indicator[] {
  const drafts: Draft[] = [];
  sentences.forEach((sentence, index) => {
    const previous = sentences[index - 1];
    const inherited =
      previous && previous.paragraph === sentence.paragraph && CONTINUATION.test(sentence.text)
        ? previous
        : undefined;
    drafts.push(...draftsOfSentence(sentence, inherited));
  });
  return settle(drafts, period);
}

function draftsOfSentence(sentence: SentenceNode, inherited: SentenceNode | undefined): Draft[] {
  const drafts: Draft[] = [];
  let lastStrong = cleanSubject(inheritedTopic(inherited?.text ?? ""));
  sentence.segments.forEach((clauses, segmentIndex) => {
    clauses.forEach((clause, clauseIndex) => {
      const found = findNumbers(clause);
      found.forEach((figure, i) => {
        const previous = found[i - 1];
        // "140个A验收和2021年133个B": this figure's words start after the 和 that follows the last one.
        const left = previous
          ? clause.slice(previous.end, figure.start).replace(/^[^和及、]*[和及、]/, "")
          : clause.slice(0, figure.start);
        const next = found[i + 1];
        // "140个A验收和2021年133个B": this figure's phrase ends at the 和 before the next one.
        const right = next
          ? clause.slice(figure.end, next.start).replace(/[和及、][^和及、]*$/, "")
          : clause.slice(figure.end);
        const rest = clause.slice(found.at(-1)!.end);
        const subject =
          subjectFrom(left, right) || subjectFrom("", rest) || drafts.at(-1)?.subject || "";
        const before = clauses.slice(0, clauseIndex).join("，");
        const kind = kindOf(figure, clause, planScope(clauses.slice(0, clauseIndex)));
        const name = isWeakSubject(subject)
          ? joinName(
              kind === "rate" ? (drafts.at(-1)?.name ?? lastStrong) : topicOf(lastStrong),
              subject,
            )
          : subject;
        if (!isWeakSubject(subject)) lastStrong = subject;
        drafts.push({
          found: figure,
          sentence,
          segmentIndex,
          clause,
          subject,
          name: name || clause,
          phrase: left + clause.slice(figure.start, figure.end) + right,
          inherited: clausesOf(inherited).length,
          context: [
            ...clausesOf(inherited),
            ...(sentence.segments[segmentIndex - 1] ?? []),
            ...clauses,
          ],
          qualifiers: qualifiersOf(figure, left, before),
          kind,
        });
      });
    });
  });
  return drafts;
}

function clausesOf(sentence: SentenceNode | undefined): string[] {
  return sentence ? sentence.segments.flat() : [];
}

function inheritedTopic(previousSentence: string): string {
  const firstClause = previousSentence.split(/[，,]/).find((c) => /\d/.test(c)) ?? "";
  return firstClause.replace(/\d.*$/, "");
}

/** 计划 as a scope word ("全年计划新建…"), not as part of a noun ("指导性计划"). */
const PLAN_SCOPE = /(^|全年|年度|今年)计划/;

function qualifiersOf(figure: FoundNumber, left: string, before: string): string[] {
  const adjacent = left.replace(/(达到|可达|达|为)$/, "");
  const plain = left.replace(/《[^》]*》/g, "");
  const qualifiers = [
    ...SCOPE_QUALIFIERS.filter(
      (q) => plain.includes(q) && (q !== "计划" || PLAN_SCOPE.test(plain)),
    ),
    ...ADJACENT_QUALIFIERS.filter((q) => adjacent.endsWith(q)),
  ];
  if (!qualifiers.includes("计划") && PLAN_SCOPE.test(before) && !/目前|已/.test(left)) {
    qualifiers.push("计划");
  }
  return [...new Set([...qualifiers, ...figure.qualifiers])];
}

/** True when an earlier clause of the segment opened a plan ("全年计划…") not closed by "目前/已". */
function planScope(earlier: string[]): boolean {
  let open = false;
  for (const clause of earlier) {
    const plain = clause.replace(/《[^》]*》/g, "");
    if (PLAN_SCOPE.test(plain)) open = true;
    else if (/目前|已|完成/.test(plain)) open = false;
  }
  return open;
}

function kindOf(figure: FoundNumber, clause: string, scoped: boolean): IndicatorKind {
  const near = clause.slice(0, figure.start);
  if (figure.unit === "%" && !CHANGE_WORDS.test(near.slice(-4))) {
    return /要求|计划|目标/.test(clause.slice(figure.end)) ? "plan" : "rate";
  }
  if (CHANGE_WORDS.test(near.slice(-6))) return "change";
  const planned = scoped || PLAN_WORDS.test(near.replace(/《[^》]*》/g, ""));
  if (planned && !/目前|已|完成/.test(near)) return "plan";
  return "actual";
}

/** Gives drafts their ids, and links each to the plan and rate figures of its segment. */
function settle(drafts: Draft[], period: string): Indicator[] {
  const ids = uniqueIds(drafts.map(idOf));
  return drafts.map((draft, i) => {
    const related = relatedOf(drafts, i).map((j) => ids[j]!);
    return {
      id: ids[i]!,
      name: draft.name,
      subject: draft.subject,
      value: draft.found.value,
      unit: draft.found.unit,
      qualifiers: draft.qualifiers,
      kind: draft.kind,
      raw: draft.found.raw,
      section: draft.sentence.section,
      sentence: draft.sentence.text,
      clause: draft.clause,
      phrase: draft.phrase,
      context: draft.context,
      inherited: draft.inherited,
      period,
      related,
    };
  });
}

/**
 * Figures that qualify this one: the rates, changes and plan figures right after it in its
 * segment ("1.8万亩，年度任务完成率60%"), or, for such a figure, the figure it qualifies.
 */
function relatedOf(drafts: Draft[], index: number): number[] {
  const draft = drafts[index]!;
  const sameSegment = (j: number) =>
    drafts[j]?.sentence === draft.sentence && drafts[j]?.segmentIndex === draft.segmentIndex;
  if (draft.kind === "plan") {
    // A plan's figures belong together ("计划新建…4个，建设规模1.43万亩，总投资2145万元").
    return drafts.flatMap((d, j) =>
      j !== index && sameSegment(j) && d.kind === "plan" ? [j] : [],
    );
  }
  const related: number[] = [];
  for (let j = index + 1; sameSegment(j) && drafts[j]!.kind !== "actual"; j++) {
    if (drafts[j]!.kind !== draft.kind) related.push(j);
  }
  if (draft.kind !== "actual") {
    let base = index - 1;
    while (sameSegment(base) && drafts[base]!.kind === draft.kind) base--;
    if (sameSegment(base) && drafts[base]!.kind === "actual") related.push(base);
  }
  return related;
}

/** Two identical clauses ("年度任务完成率100%") get -2, -3 … after the first, in report order. */
function uniqueIds(ids: string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    return count === 1 ? id : `${id}-${count}`;
  });
}

function idOf(draft: Draft): string {
  const numeral =
    /（([一二三四五六七八九十]+)）/.exec(draft.sentence.section[1] ?? "")?.[1] ?? "零";
  const sectionNo = String(chineseNumeral(numeral) ?? 0).padStart(2, "0");
  const hash = createHash("sha1")
    .update(`${draft.clause}|${draft.found.start}|${draft.found.value}|${draft.found.unit}`)
    .digest("hex")
    .slice(0, 8);
  return `s${sectionNo}-${hash}`;
}
