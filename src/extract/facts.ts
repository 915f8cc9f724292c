// Report structure -> indicators: a name, qualifiers, kind, context and related figures for
// every figure.
import { createHash } from "node:crypto";
import type { Indicator, IndicatorKind } from "./indicator.js";
import {
  bareListItem,
  chineseNumeral,
  findNumbers,
  joinedBareItems,
  type FoundNumber,
} from "./numbers.js";
import type { ReportKind, SentenceNode } from "./structure.js";
import { words as segment, taggedWords } from "../language/segmenter.js";
import {
  NEW_ONES,
  cleanSubject,
  isWeakSubject,
  joinName,
  subjectFrom,
  topicOf,
} from "./subjects.js";
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
  clauseIndex: number;
  clause: string;
  phrase: string;
  subject: string;
  name: string;
  context: string[];
  inherited: number;
  qualifiers: string[];
  kind: IndicatorKind;
  /** The year the figure is of, when the report says or implies it. */
  year?: number;
  /** The figure is the starting point of a "由A增长到B" ("from A"), not the current level. */
  earlier: boolean;
  /** What 由/从 said of the start ("从2017年底的"): its year. */
  from?: RegExpExecArray | null;
  /** The figure is a change ("增长8%"), whatever its kind. */
  change: boolean;
  /** The figure covers several years ("年均", "五年累计"): it is of no single year. */
  span: boolean;
  /** The five-year plan ("十四五") its paragraph's lead speaks of, when it leads one. */
  spanPlan?: string;
  /** One value of a 分别 list, named by its own item. */
  listItem?: boolean;
  /**
   * The words before a number that a noun follows ("新建成" of "新建成3个市级森林公园"), which
   * the items of its list that open with their numbers go on with; "" when none.
   */
  lead: string;
}

/** What the extractor knows of the report as a whole. */
export interface ReportFacts {
  kind: ReportKind;
  /** The year the report is given in. */
  year?: number;
  /** The report's own period ("2021年上半年"), used for figures of its year. */
  period: string;
}

/** Builds the indicators of a report's sentences. */
export function extractFacts(sentences: SentenceNode[], report: ReportFacts): Indicator[] {
  const drafts: Draft[] = [];
  const spanning = spanParagraphs(sentences, report.year);
  sentences.forEach((sentence, index) => {
    const previous = sentences[index - 1];
    const inherited =
      previous && previous.paragraph === sentence.paragraph && CONTINUATION.test(sentence.text)
        ? previous
        : undefined;
    drafts.push(...draftsOfSentence(sentence, inherited, report, spanning.get(sentence.paragraph)));
  });
  return settle(drafts, report);
}

/** The plan a paragraph about several years speaks of ("" when unnamed), and whether a lead
 * paragraph before it (rather than its own lead) says so. */
interface SpanLead {
  plan: string;
  carried: boolean;
  /** Led by the years ahead ("未来五年，…"): its plans, not its results, are of those years. */
  ahead?: boolean;
}

/** A paragraph led by "五年来，…" or "“十四五”时期，…" speaks of those years throughout. */
const SPAN_LEAD =
  /^(五年来|过去五年|过去的五年|这五年|五年间|近五年|[“"]?十[一二三四五]五[”"]?(期间|时期|以来))/;
/** A paragraph led by the five years ahead: "未来五年，政府要努力实现以下目标：…". */
const AHEAD_LEAD = /^(未来五年|今后五年)/;
/** A paragraph led by one year or by plans ("一年来", "2025年", "今后五年"). */
const OTHER_TIME_LEAD = /^[^，。]{0,6}?(过去一年|一年来|今年|去年|明年|\d{4}年|未来|今后|下一步)/;
/** What may stand before a paragraph's lead: "——这五年", "各位代表！五年来". */
const LEAD_OPENER = /^(——|各位代表[！!，,：:]?)+/;

const PLAN_NUMBERS = ["十一五", "十二五", "十三五", "十四五", "十五五"];

/**
 * The paragraphs whose first sentence opens with a span of years, each with the five-year plan
 * the lead names, or "" when it names none. "五年来" in a report given the year after a plan
 * ended (2026, 2021, 2016 …) speaks of that plan's years.
 */
function spanParagraphs(sentences: SentenceNode[], reportYear?: number): Map<number, SpanLead> {
  const found = new Map<number, SpanLead>();
  const ended = reportYear && reportYear % 5 === 1 ? planOfYear(reportYear - 1) : "";
  // A lead paragraph without figures ("这五年，我们…，经济实力迈上新台阶。", "过去的五年极不寻常。
  // …") introduces the paragraphs after it, up to one that opens with another time or a heading.
  let carried: { plan: string; section: string } | undefined;
  // A paragraph turning to the years in a later sentence ("过去的一年，…。“十二五”期间，…") is
  // followed by "——…" items of those years, up to the first paragraph not so led.
  let items: { plan: string; section: string } | undefined;
  const sectionOf = (sentence: SentenceNode) => sentence.section.join("|");
  sentences.forEach((sentence, index) => {
    const first = sentences[index - 1]?.paragraph !== sentence.paragraph;
    const lead = sentence.text.trim().replace(LEAD_OPENER, "");
    if (!first) {
      if (SPAN_LEAD.test(lead) && !found.has(sentence.paragraph)) {
        items = { plan: /十[一二三四五]五/.exec(lead)?.[0] ?? ended, section: sectionOf(sentence) };
      }
      return;
    }
    const item = /^——/.test(sentence.text.trim()) && !OTHER_TIME_LEAD.test(lead);
    if (items && item && items.section === sectionOf(sentence)) {
      found.set(sentence.paragraph, { plan: items.plan, carried: true });
      return;
    }
    items = undefined;
    if (AHEAD_LEAD.test(lead)) {
      // ("未来五年" in a report given in a plan's first year is that plan's five years.)
      const plan = reportYear && reportYear % 5 === 1 ? planOfYear(reportYear) : "";
      found.set(sentence.paragraph, { plan, carried: false, ahead: true });
      carried = undefined;
    } else if (SPAN_LEAD.test(lead)) {
      const plan = /十[一二三四五]五/.exec(lead)?.[0] ?? ended;
      found.set(sentence.paragraph, { plan, carried: false });
      const paragraph = sentences.filter((s) => s.paragraph === sentence.paragraph);
      const figureless = paragraph.every((s) => findNumbers(s.text).length === 0);
      carried = figureless ? { plan, section: sectionOf(sentence) } : undefined;
    } else if (
      carried &&
      carried.section === sectionOf(sentence) &&
      !OTHER_TIME_LEAD.test(lead) &&
      !/^各位代表/.test(sentence.text)
    ) {
      found.set(sentence.paragraph, { plan: carried.plan, carried: true });
    } else {
      carried = undefined;
    }
  });
  return found;
}

/** "十四五" for 2021–2025; "" outside the plans named in `PLAN_NUMBERS`. */
function planOfYear(year: number): string {
  return PLAN_NUMBERS[Math.floor((year - 2006) / 5)] ?? "";
}

/**
 * A clause's figures, with the items of a list that writes its unit once ("增长3、5个百分点",
 * "分别投入44.1、21.6、24.6和11.8亿元"): a bare number ending the clause takes the unit of the
 * figure opening the next one, read the same way.
 */
function figuresOf(clause: string, following: string[]): FoundNumber[] {
  const found = findNumbers(clause);
  found.push(...joinedBareItems(clause, found));
  found.sort((a, b) => a.start - b.start);
  const [next, ...rest] = following;
  if (next === undefined || !BARE_END.test(clause)) return found;
  const bare = bareListItem(clause, figuresOf(next, rest)[0]);
  if (bare && !found.some((f) => f.end > bare.start)) found.push(bare);
  return found;
}
/** A clause ending in a number written without a unit. */
const BARE_END = /\d$|[\d][万亿]$/;

function draftsOfSentence(
  sentence: SentenceNode,
  inherited: SentenceNode | undefined,
  report: ReportFacts,
  /**
   * The sentence stands in a paragraph about several years (see `spanParagraphs`): the plan it
   * names, or "" (undefined when it does not).
   */
  spanLead?: SpanLead,
): Draft[] {
  const spanParagraph = spanLead !== undefined;
  // A paragraph carried by a lead before it may give one year's figures of its own.
  const carried = spanLead?.carried ?? false;
  const drafts: Draft[] = [];
  let lastStrong = cleanSubject(inheritedTopic(inherited?.text ?? ""));
  let strongSegment = 0;
  sentence.segments.forEach((clauses, segmentIndex) => {
    clauses.forEach((clause, clauseIndex) => {
      const found = figuresOf(clause, clauses.slice(clauseIndex + 1));
      found.forEach((figure, i) => {
        const previous = found[i - 1];
        // "140个A验收和2021年133个B": this figure's words start after the 和 that follows the last one.
        const left = previous
          ? clause.slice(previous.end, figure.start).replace(/^[^和及、]*[和及、]/, "")
          : clause.slice(0, figure.start);
        const next = found[i + 1];
        // "140个A验收和2021年133个B": this figure's phrase ends at the 和 before the next one.
        // (What the figure sets aside, "（不含高新区，下同）", names nothing it counts.)
        const right = (
          next
            ? clause.slice(figure.end, next.start).replace(/[和及、][^和及、]*$/, "")
            : clause.slice(figure.end)
        ).replace(SET_ASIDE, "");
        const rest = clause.slice(found.at(-1)!.end).replace(SET_ASIDE, "");
        const earlierClauses = clauses.slice(0, clauseIndex);
        const before = earlierClauses.join("，");
        // "从2017年底的377户1110人，降至154户448人": both figures after 从 are the start, and the
        // level reached may stand in the next clause.
        const last = drafts.at(-1);
        // ("分别从每月554元、251元提高到609元": or the clause before ended with a start.)
        const afterStart =
          previous ?? (clauseIndex > 0 && last?.clause === clauses[clauseIndex - 1]);
        const startGoesOn = afterStart && last?.earlier && left === "";
        const ownFrom = EARLIER.exec(left);
        const from = ownFrom ?? (startGoesOn ? last!.from : null);
        // "…，降至154户448人": the next clause reaches a level before any figure of its own.
        const nothingBetween = !next || clause.slice(figure.end, next.start) === "";
        const reached = LATER.exec(clauses[clauseIndex + 1] ?? "")?.[0];
        // "新建成3个市级森林公园、2个郊野公园、4个市政公园和50个社区公园": an item that opens with
        // its number goes on with the words before the list's first number (新建成).
        const opensList = cleanSubject(left) === "" && cleanSubject(right) !== "";
        const listGoesOn =
          last !== undefined &&
          (previous
            ? /[和及、]/.test(clause.slice(previous.end, figure.start))
            : clauseIndex > 0 &&
              last.clause === clauses[clauseIndex - 1] &&
              sentence.text.includes(`${last.clause}、${clause}`));
        let lead = "";
        if (opensList && listGoesOn) lead = last!.lead;
        else if (!opensList && right.trim()) lead = cleanSubject(left);
        // ("分别从每月554元、251元提高到609元、276元": the next clause may be the list's next start.)
        const earlier =
          Boolean(from) &&
          (LATER.test(clause.slice(figure.end)) ||
            (nothingBetween && reached !== undefined && /^(?:[\d.]+)?\D*$/.test(reached)));
        // "社会消费品零售总额由2010年的68亿元增加到2015年的136.3亿元": both name what grew.
        const subject = earlier
          ? ownFrom
            ? cleanSubject(left.slice(0, ownFrom.index))
            : last!.subject
          : last?.earlier && last.clause === clause
            ? last.subject
            : stockAfterNew(left, last)
              ? "累计"
              : subjectFrom(opensList && lead ? lead : left, right) ||
                subjectFrom("", rest) ||
                // "固定资产投资首次突破百亿元大关，达122.57亿元": a clause with no figure right
                // before names what the figure measures.
                (!previous && clauseIndex > 0 ? unfiguredLead(clauses[clauseIndex - 1]!) : "") ||
                withoutChange(last?.subject ?? "");
        const kind = earlier
          ? "actual"
          : kindOf(
              figure,
              clause,
              planScope(earlierClauses),
              sentence.mode === "plan" && !reportsSoFar(sentence.text),
              report.kind === "work-report" && sentence.mode !== "plan",
            );
        // "…上线303人；投资775.6万元为…学生实施营养改善计划": a weak subject in a new segment
        // takes what its own clause names after the figures rather than the segment before's topic.
        const own = segmentIndex > strongSegment ? cleanSubject(rest) : "";
        const topic = own && !isWeakSubject(own) ? own : topicOf(lastStrong);
        // "本市生产总值年均增长13.8%，2009年达到8201亿元": a year alone names no subject; the
        // figure is the level of the topic before it.
        const name = YEAR_ONLY.test(subject)
          ? withoutChange(topic.replace(YEAR_CHANGE, "")) || subject
          : isWeakSubject(subject)
            ? joinName(kind === "rate" ? (drafts.at(-1)?.name ?? lastStrong) : topic, subject)
            : subject;
        if (!isWeakSubject(subject) && !YEAR_ONLY.test(subject)) {
          [lastStrong, strongSegment] = [subject, segmentIndex];
        }
        drafts.push({
          found: figure,
          sentence,
          segmentIndex,
          clauseIndex,
          clause,
          subject,
          name: name || clause,
          phrase: left + clause.slice(figure.start, figure.end) + right,
          lead,
          inherited: clausesOf(inherited).length,
          context: [
            ...clausesOf(inherited),
            ...(sentence.segments[segmentIndex - 1] ?? []),
            ...clauses,
          ],
          qualifiers: qualifiersOf(figure, left, before),
          kind,
          year:
            startYear(from?.[1], report) ??
            yearOf(sentence, [...earlierClauses, left].join("，"), report, kind),
          earlier,
          from,
          change: !earlier && isChangeFigure(figure, clause),
          // "到2021年全县生产总值达到170亿元": a year written at the figure wins over its section.
          // "2015年城镇…完成30788元，…；农村…完成22250元": a year its sentence gives before it, too.
          span:
            sinceEarlierYear(left, report) ||
            (!/\d{4}年/.test(left) &&
              !(carried && OWN_YEAR.test(sentenceBefore(sentence.text, clause) + left)) &&
              (SPAN.test(clause) ||
                SPAN.test(before) ||
                // "未来3年还要新增…13.51万座": what the years ahead are to bring.
                YEARS_AHEAD.test(before + left) ||
                // ("到2015年，本市生产总值超过1.5万亿元；…": targets of the year a sentence opens
                // with are that year's levels.)
                (!(kind === "plan" && TARGET_YEAR_OPENING.test(sentence.text)) &&
                  ((spanParagraph && (kind === "plan") === (spanLead?.ahead ?? false)) ||
                    (inSpanSection(sentence) &&
                      ((kind === "plan" && !namesOneYear(sentence)) ||
                        /累计/.test(left + before))))))),
          ...(spanLead?.plan ? { spanPlan: spanLead.plan } : {}),
        });
      });
    });
    nameRespectively(drafts, segmentIndex, clauses);
  });
  return drafts;
}

/** "城镇", "农村常住居民收入" -> 城镇常住居民收入, 农村常住居民收入. */
function sharingTail(names: string[]): string[] {
  const last = names.at(-1);
  // "力争全年交通、水利投资": a time word (and a verb of striving) before the first item is not
  // part of it.
  const items = names.slice(0, -1).map((n) => n.replace(LEADING_TIME, "").replace(/^\d{4}年/, ""));
  if (names.length < 2 || !last) return names;
  // "进、出口总额", "本外币存、贷款余额": an item ending in a one-character word stands for a
  // word like the last item's first (进口, 存款), and shares what follows it.
  const firstOfLast = segment(last)[0] ?? "";
  if (items.length === 1 && segment(items[0]!).at(-1)?.length === 1 && firstOfLast.length === 2) {
    return [`${items[0]}${last.slice(1)}`, last];
  }
  // "化学需氧量、氨氮、二氧化硫和氮氧化物排放": what is done to the last item (a verb after its
  // first word) is done to every item, however long.
  const [firstWord, ...after] = taggedWords(last);
  const done = after.map((w) => w.word).join("");
  if (
    firstWord &&
    done.length >= 2 &&
    /^v/.test(after[0]!.tag) &&
    !items.some((n) => n.includes(done))
  ) {
    return [...items.map((n) => `${n}${done}`), last];
  }
  // A long item names a whole of its own ("刑事案件" before "治安案件"), unless it ends unlike
  // the last item's shared words ("二氧化硫" before "氮氧化物排放量").
  const whole = (n: string) =>
    n.length > 3 && !/^[a-z\d.]+$/i.test(n) && (n.length > 4 || n.at(-1) === last.at(-1));
  if (items.some(whole)) return names;
  // The last item's own word: its first word, or as long as the items before it when jieba
  // joins it with the shared words ("农村居民人均可支配收入" after "城镇").
  const first = segment(last)[0] ?? "";
  const size = items[0]?.length ?? 0;
  // ("PM10平均浓度" after "PM2.5": a code is one word, however long.)
  const code = /^[a-z\d.]+$/i.test(first);
  const own =
    first.length <= 3 || code ? first.length : items.every((n) => n.length === size) ? size : 0;
  const tail = last.slice(own);
  if (own === 0 || tail.length < 2) return names;
  return [...items.map((n) => `${n}${tail}`), last];
}

/** "万元GDP建设用地、水耗、电耗": short items after a first one measured per unit are too. */
function sharingPerUnit(names: string[]): string[] {
  const unit = /^(单位|万元|每万元)(GDP|地区生产总值|生产总值|工业增加值)/i.exec(
    names[0] ?? "",
  )?.[0];
  if (!unit) return names;
  return names.map((n, i) => (i === 0 || n.startsWith(unit) || n.length > 4 ? n : `${unit}${n}`));
}

const LEADING_TIME = /^(力争|确保|争取|预计)?(全年|今年|去年|上年|当年|年内)/;

/** "A和B" as two subjects, B taking A's modifier when B is one short word; undefined if not. */
function pairOf(name: string): string[] | undefined {
  const parts = name.split(/和|与|及/);
  if (parts.length !== 2 || parts.some((p) => p.length < 2)) return undefined;
  const [first, second] = parts as [string, string];
  const words = segment(first);
  const modifier = words.length > 1 ? words.slice(0, -1).join("") : "";
  return [first, second.length <= 3 && modifier ? `${modifier}${second}` : second];
}

/** A section about several years ("“十四五”时期工作回顾", "过去五年主要工作"). */
function inSpanSection(sentence: SentenceNode): boolean {
  return sentence.section.some((heading) =>
    /十[一二三四五]五|过去五年|五年来|今后五年|未来五年/.test(heading),
  );
}

/**
 * "“十五五”时期目标任务和2026年工作", "全力推动“十五五”开好局、起好步": a heading that also names
 * one year, or the plan's first year, holds that year's plans too; there a plan is of the five
 * years only where its sentence says so.
 */
function namesOneYear(sentence: SentenceNode): boolean {
  // ("“十三五”发展思路和2016年主要工作任务" over "一、…为“十三五”发展奠定坚实基础": the part's
  // heading gave the year, though the item's heading in the path names only the plan period.)
  return (
    sentence.sectionYear !== undefined ||
    sentence.section.some((heading) => ONE_YEAR_HEADING.test(heading))
  );
}

const ONE_YEAR_HEADING = /\d{4}年|开好局|起好步|开局之年|开局起步|首年|今年/;

/**
 * "刑事案件、治安案件分别下降55.8%、44.5%": each value takes its own subject, in order.
 * "城乡居民人均可支配收入分别增长5%、7%" splits 城乡 into 城镇 and 农村.
 */
function nameRespectively(drafts: Draft[], segmentIndex: number, clauses: string[]): void {
  const sentence = drafts.at(-1)?.sentence;
  const ofSegment = drafts.filter(
    (d) => d.sentence === sentence && d.segmentIndex === segmentIndex,
  );
  let previous: string[] = [];
  clauses.forEach((clause, at) => {
    // "城乡居民人均可支配收入达到2.36万元和1.53万元" lists two values without saying 分别, and so
    // does "实现调解成功率、仲裁结案率达75%、95%以上": items, a verb, as many values.
    // (The cheap tests first: findNumbers runs only for a clause that may be such an item.)
    // ("存、贷款余额达到1.84万亿元和1.48万亿元": or both values in the clause, joined by 和.)
    const listedBefore =
      at > 0 &&
      (TWO_VALUES_AFTER_VERB.test(clause) ||
        (ONE_VALUE_AFTER_VERB.test(clause) && VALUE_ONLY.test(clauses[at + 1] ?? ""))) &&
      sentence?.text.includes(`${clauses[at - 1]}、${clause}`) === true &&
      findNumbers(clauses[at - 1]!).length === 0;
    const implicit = (/^城乡/.test(clause) || listedBefore) && !clause.includes("分别");
    // "…分别达32148元、12246元，增长8.8%、10.6%": a list of changes right after a list goes on
    // with its subjects, 分别 or not.
    // So does a list of levels reached ("…分别增长30%和39%，累计达759名和1125名").
    const continued =
      !clause.includes("分别") &&
      previous.length >= 2 &&
      (CHANGE_LEAD.test(clause) || LEVEL_LIST.test(clause));
    if (!clause.includes("分别") && !implicit && !continued) return;
    let last = at;
    while (last + 1 < clauses.length && VALUE_ONLY.test(clauses[last + 1]!)) last++;
    const values = ofSegment.filter((d) => d.clauseIndex >= at && d.clauseIndex <= last);
    if (continued) {
      if (values.length !== previous.length) return;
      const verb = cleanSubject(clause.slice(0, values[0]!.found.start));
      nameItems(values, previous, verb, "");
      return;
    }
    if (values.length < 2 || (implicit && values.length !== 2)) {
      // "单位GDP能耗、单位GDP二氧化碳排放分别为全国平均水平的1/3、1/5，五年分别下降19.3%、23.2%":
      // a list whose values are no figures still names what the next list's figures are of.
      if (implicit || values.length > 0) return;
      const items = [...subjectClausesBefore(clauses, at), clause.slice(0, clause.indexOf("分别"))];
      const named = items
        .flatMap((c) => c.split("、"))
        .map(cleanSubject)
        .filter(Boolean);
      if (named.length >= 2) previous = sharingTail(named);
      return;
    }
    const first = values[0]!.found.start;
    const split = implicit
      ? clause.slice(0, first).search(/(达到|达|为|完成|增长|增加|提高|分别)/)
      : clause.indexOf("分别");
    const head = split < 0 ? clause.slice(0, first) : clause.slice(0, split);
    const verb = cleanSubject(clause.slice(head.length, first).replace(/^分别/, ""));
    const headSubject = cleanSubject(head);
    const time = TIME_ONLY.test(headSubject) ? headSubject : "";
    // "城镇和农村常住居民人均可支配收入分别达…": a pair before 分别 is the whole list.
    // (So is "城乡低保标准": 城镇 and 农村.)
    const pairHere =
      values.length === 2 && (pairOf(headSubject) !== undefined || headSubject.startsWith("城乡"));
    const subjects = [...(pairHere ? [] : subjectClausesBefore(clauses, at)), head];
    // "A、B、C等产业增加值分别…": each takes the words after 等 ("A产业增加值").
    const shared = /等(.+)$/.exec(subjects.at(-1)!);
    if (shared) subjects[subjects.length - 1] = subjects.at(-1)!.slice(0, shared.index);
    // "五年分别下降…": a time word before 分别 names no subject.
    let names = subjects
      .map((s) => cleanSubject(s) + (shared ? shared[1]! : ""))
      .filter((n) => n && !TIME_ONLY.test(n));
    if (names.length === 1 && values.length === 2 && names[0]!.startsWith("城乡")) {
      const rest = names[0]!.slice(2);
      names = [`城镇${rest}`, `农村${rest}`];
    }
    // The list stands right before 分别; clauses further back are other things.
    if (names.length > values.length) names = names.slice(-values.length);
    // "教育、卫生、公共安全和住房保障分别投入…": its last two items are joined by 和.
    const joined = names.length >= 2 ? pairOf(names.at(-1)!) : undefined;
    if (joined && names.length + 1 === values.length) names = [...names.slice(0, -1), ...joined];
    // "依法扩大社会保险覆盖面，养老、失业、医疗和工伤保险参保人数分别增加…" (four values): the
    // list is the items joined by 、, its last pair split; the clause before it is no item.
    const [opening] = subjects;
    if (
      joined &&
      names.length === values.length &&
      subjects.length === names.length &&
      opening !== undefined &&
      !sentence?.text.includes(`${opening}、`)
    ) {
      names = [...names.slice(1, -1), ...joined];
    }
    // "城镇、农村常住居民人均可支配收入分别增长…": short items before the last share its words
    // after its first one (城镇常住居民人均可支配收入).
    names = sharingPerUnit(sharingTail(names));
    // "入境游客数量和花费分别增长47.8%、52.3%": two subjects joined by 和; a short second one
    // shares the first one's modifier (入境游客花费).
    // "城镇和农村居民人均可支配收入": a pair whose short first item shares the second's words.
    if (names.length === 1 && values.length === 2) names = sharingTail(pairOf(names[0]!) ?? names);
    // "…分别达44999元、24102元，分别增长4.6%、6.3%": the second list has the first one's subjects.
    if (names.length === 0 && previous.length === values.length) names = previous;
    // "全部财政收入达到1223.1亿元，其中地方一般预算收入620.2亿元，分别增长18.1%和20.3%": the
    // figures just before, one a clause, are what grew.
    if (names.length === 0 && head === "") {
      const before = ofSegment.filter((d) => d.clauseIndex < at && !values.includes(d));
      const items = before.slice(-values.length);
      const oneEach = new Set(items.map((d) => d.clauseIndex)).size === items.length;
      if (items.length === values.length && oneEach) {
        names = items.map((d) => cleanSubject(d.subject.replace(/^其中/, "")));
      }
    }
    // "城镇、农村低保补助补差水平分别从每月333元、147元提高到374元、172元": the starts, then
    // the levels reached, each list in the subjects' order.
    const listed = clauses.slice(at, last + 1).join("、");
    const raised = RAISED.exec(listed.slice(listed.indexOf("分别")));
    if (raised && names.length >= 2 && values.length === 2 * names.length) {
      const starts = values.slice(0, names.length);
      nameItems(starts, names, "", time);
      nameItems(values.slice(names.length), names, raised[1]!, time);
      for (const draft of starts) draft.earlier = true;
      previous = names;
      return;
    }
    if (names.length !== values.length || names.some((n) => !n)) return;
    previous = names;
    nameItems(values, names, verb, time);
  });
}

/**
 * The clauses before `at` that may name a list's subjects: back to one with figures, or to one
 * with a list of its own (分别); clauses of no Chinese ("1/5") name nothing.
 */
function subjectClausesBefore(clauses: string[], at: number): string[] {
  const found: string[] = [];
  for (let k = at - 1; k >= 0 && findNumbers(clauses[k]!).length === 0; k--) {
    if (clauses[k]!.includes("分别")) break;
    if (/\p{Script=Han}/u.test(clauses[k]!)) found.unshift(clauses[k]!);
  }
  return found;
}

/** Names the figures of a list by its subjects, in order. */
function nameItems(values: Draft[], names: string[], verb: string, time: string): void {
  values.forEach((draft, i) => {
    draft.subject = names[i]!;
    draft.name = `${names[i]!}${verb}`;
    // Its own words are its name and number, not the list's other subjects; the time before
    // 分别 ("五年分别下降…") is each one's too.
    draft.phrase = `${time}${draft.name}${draft.clause.slice(draft.found.start, draft.found.end)}`;
    draft.listItem = true;
    draft.kind = values[0]!.kind;
    draft.change = values[0]!.change;
  });
}

/** A clause that opens with a change ("增长8.8%", "同比下降3%"). */
const CHANGE_LEAD =
  /^((同比|比上年|年均|年均实际|实际)?(增长|下降|提高|增加|减少|上涨|回落)|(高于|低于|快于|慢于)[^\d，]{0,6})[\d.]/;
/** "分别从每月333元、147元提高到374元、172元": the verb that reaches the second list. */
const REACHING = "提高到|提高至|增加到|增至|提升到|提升至|调整到|调整为|降至|降到|下降到|减少到";
const RAISED = new RegExp(`^分别[从由][^，]*?(${REACHING})`);

const TIME_ONLY = /^(五年|三年|两年|全年|当年|年内|今年|去年|上年)$/;

/** A clause that is a value alone, the next item of a list ("44.5%", "24102元"). */
// "1300元/月", "62.8万吨/日": a unit per a time.
const VALUE = String.raw`[\d.]+[万亿]?([^\p{Script=Han}\d]{0,3}|[\p{Script=Han}]{0,3}(\/[\p{Script=Han}]{1,2})?)(以上|左右|多|余)?`;
/** "仲裁结案率达75%": an item, a verb, one value ending the clause. */
const ONE_VALUE_AFTER_VERB = new RegExp(`^[^\\d，]{2,}?(达到|达|为)${VALUE}$`, "u");
/** "存、贷款余额达到1.84万亿元和1.48万亿元": items, a verb, two values joined by 和. */
const TWO_VALUES_AFTER_VERB = new RegExp(`^[^\\d，]{2,}?(达到|达|为)${VALUE}[和及]${VALUE}$`, "u");
/** "累计达759名和1125名": levels reached, nothing but their values after the verb. */
const LEVEL_LIST = new RegExp(
  `^(累计|总量|总数|合计)?(达到|达|增至|增加到|提高到)${VALUE}([、和及]${VALUE})+$`,
  "u",
);
// "147元提高到374元": the last start and the first level of two lists (see RAISED).
const VALUE_ONLY = new RegExp(`^${VALUE}([和及]${VALUE}|(${REACHING})${VALUE})?$`, "u");

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

/** A clause without a figure, as the subject of the figure after it ("" when it has one). */
function unfiguredLead(clause: string): string {
  if (findNumbers(clause).length > 0) return "";
  const subject = cleanSubject(clause);
  return isWeakSubject(subject) ? "" : subject;
}

/**
 * "今年一季度，我们…实现“开门红”，…增长40.1%": a sentence among the plans that opens with the part
 * of this year already past and says it was achieved reports what was done.
 */
function reportsSoFar(sentence: string): boolean {
  return SO_FAR_OPENING.test(sentence) && /已|实现|取得/.test(sentence);
}

const SO_FAR_OPENING =
  /^(?:今年|本年|年初)?(?:以来|一季度|第一季度|前[两三四五]个月|1[-—－~至到][2-9]月)[，,]/;

function kindOf(
  figure: FoundNumber,
  clause: string,
  scoped: boolean,
  planSection: boolean,
  /** In a work report's review of the year before it, which is over when it is given. */
  yearReviewed: boolean,
): IndicatorKind {
  // "预计全年实现地区生产总值725亿元": looking back on a year that is over, an estimate of the
  // whole year is its result, not a plan (in a half-year report it is a forecast).
  const near = yearReviewed
    ? clause.slice(0, figure.start).replace(/预计全年/g, "全年")
    : clause.slice(0, figure.start);
  const change = isChangeFigure(figure, clause);
  if (planSection && !/已经|已有|目前|现有/.test(near)) return "plan";
  if (figure.unit === "%" && !change) {
    return /要求|计划|目标/.test(clause.slice(figure.end)) ? "plan" : "rate";
  }
  if (change) return "change";
  const planned = scoped || PLAN_WORDS.test(near.replace(/《[^》]*》/g, ""));
  if (planned && !/目前|已|完成/.test(near)) return "plan";
  return "actual";
}

function isChangeFigure(figure: FoundNumber, clause: string): boolean {
  const near = clause.slice(0, figure.start);
  // "实现15%的高增长": the change word may follow a percentage.
  const after = figure.unit === "%" && CHANGE_AFTER.test(clause.slice(figure.end));
  return isChange(near) || after || figure.unit === "个百分点" || figure.unit === "倍";
}

const CHANGE_AFTER = /^的(高|快速|较快|稳定|大幅|持续)?(增长|增幅|下降|降幅|涨幅)/;

/** The words before a figure end in a change word ("同比增长", "提高了"), not a level ("增长到"). */
function isChange(near: string): boolean {
  // "居民消费价格涨幅控制在3%左右": a rate of change held at a level is still a change.
  const bare = near.replace(TRAILING_CHANGE_FILLERS, "").replace(HELD_AT, "");
  return CHANGE_WORDS.test(bare) && !/增加值$/.test(bare);
}

const HELD_AT = /(?<=(?:增幅|涨幅|降幅|增速))(控制在|保持在|稳定在)$/;
const TRAILING_CHANGE_FILLERS = /(了|达到|达|为|约|近|超过|超|分别|均|都|以上|左右|完成|实现)+$/;
/** What a figure sets aside, in brackets after it ("（不含光明、龙华新区"). */
const SET_ASIDE = /^[（(](?:不含|不包括|未含)[^）)]*[）)]?/;
/**
 * "由1832户增加到3382户", "由上年下降2.3%转为…": the figure after 由/从 is where it started
 * ("从去年安排的6.5亿元扩大到8.5亿元": a verb may say how the start came about).
 */
const EARLIER =
  /[由从](?:每人|每户|每生)?(?:每月|每年|每学年|每天)?(\d{4}年[底末]?|[“"]?十[一二三四五]五[”"]?末|上年|去年|上半年|年初|一季度|前三季度|[一二两三四五六七八九十\d]+年前)?(?:安排|投入|下达|计划)?的?(?:下降|增长|减少|增加)?(?:不足|近|约)?$|[由从][^，。；\d]{2,10}之[初时]的?(?:不足|近|约)?$/;

/** The year a start names ("2010年", "去年"); undefined when it names none ("一季度", none). */
function startYear(named: string | undefined, report: ReportFacts): number | undefined {
  if (!named) return undefined;
  const year = /^\d{4}/.exec(named)?.[0];
  if (year) return Number(year);
  const relative = RELATIVE_YEAR[named];
  return relative !== undefined && report.year !== undefined ? report.year + relative : undefined;
}

/** A subject that is a year and nothing else ("2009年", "2020年底达到"). */
const YEAR_ONLY = /^\d{4}年(底|末|初)?(达到|达)?$/;
/** A change a topic ends with, over years or against one ("年均增长", "比2005年增长"). */
const YEAR_CHANGE = /(年均|比\d{4}年|较\d{4}年)(增长|增加|提高|下降|减少)$/;

/** A subject taken over from the figure before, without its change word ("…增长" -> "…"). */
function withoutChange(subject: string): string {
  return subject.replace(
    /(同比|比上年|年均)?(净增|增长|增加|提高|下降|减少|增速|增幅|任务|目标|指标)$/,
    "",
  );
}
// ("由上年下降2.3%转为增长8.5%": 转为 reaches the later figure too.)
const LATER =
  /^[^，。；]*?((增加|增长|提高|提升|上升|下降|降低|减少|扩大|缩小|发展|跃升|攀升)?(到|至)|转为)/;
/**
 * A figure over several years ("年均增长", "五年累计", "较“十三五”末", "新区成立以来"): of no
 * single year. ("建区以来规模最大的招商大会" is a superlative, not a span.)
 */
// "PM2.5年均浓度36.2微克/立方米" (年均值) is one year's annual mean, not an average over years;
// "标准提高到每年6200元" a yearly rate, not a sum over years.
const SPAN =
  /年均(?!浓度|值|气温|温度|降水|降雨)|每年(?![\d.])|五年来|五年累计|五年间|[两三四五]年平均(?:增长|提高|增速)|[较比与][“"]?十[一二三四五]五[”"]?末|[“"]?十[一二三四五]五[”"]?(期间|时期|以来)|(?:成立|建区|设区|组建|挂牌)以来(?![^，。；]{0,4}(?:最|首))/;
// "是2005年的3.5倍" compares with that year.
const EXPLICIT_YEAR = /(?<![比较与同从由自])(\d{4})年(?![底初末以]|的[\d.]+倍)/g;
const RELATIVE_YEAR: Record<string, number> = {
  前年: -2,
  去年: -1,
  上年: -1,
  今年: 0,
  本年: 0,
  明年: 1,
};

/**
 * "2003年以来城镇新增就业116万人" in a report on 2005: a sum since a year before the one reported
 * on ("2021年以来" in a report on 2021 is that year's, to date).
 */
function sinceEarlierYear(left: string, report: ReportFacts): boolean {
  const since = /(\d{4})年以来/.exec(left)?.[1];
  if (since === undefined || report.year === undefined) return false;
  const reported = report.kind === "work-report" ? report.year - 1 : report.year;
  return Number(since) < reported;
}

/** "力争…，到2020年，…": a target year opening a sentence. */
const TARGET_YEAR_OPENING = /^[^，；。]{0,20}[，,]?到(\d{4})年[，,]/;

/**
 * The year a figure is of: a year written before it in its sentence ("2021年，…"), a relative
 * one (去年), the year of its section's heading, else the report's own year, or for a work
 * report's review the year before (a 2022 report reviews 2021).
 */
function yearOf(
  sentence: SentenceNode,
  before: string,
  report: ReportFacts,
  kind: IndicatorKind,
): number | undefined {
  const explicit = [...before.matchAll(EXPLICIT_YEAR)].map((m) => Number(m[1])).at(-1);
  if (explicit && explicit > 1949 && explicit < 2200) return explicit;
  // "力争…，到2020年，地区生产总值达到4100亿元以上；…PM2.5年均浓度小于33微克": a target year
  // opening the sentence holds for all its parts.
  const target = TARGET_YEAR_OPENING.exec(sentence.text)?.[1];
  if (target && kind === "plan") return Number(target);
  if (report.year === undefined) return undefined;
  // "比去年增产1.75万吨" is this year's change against last year: a year compared with is not the
  // figure's.
  const relative = /(?<![比较与同从由自])(前年|去年|上年|今年|本年|明年)/.exec(before)?.[1];
  if (relative) return report.year + RELATIVE_YEAR[relative]!;
  if (sentence.sectionYear !== undefined) return sentence.sectionYear;
  if (report.kind === "work-report") {
    return sentence.mode === "plan" || kind === "plan" ? report.year : report.year - 1;
  }
  return report.year;
}

/** Gives drafts their ids, and links each to the plan and rate figures of its segment. */
function settle(drafts: Draft[], report: ReportFacts): Indicator[] {
  const ids = uniqueIds(drafts.map(idOf));
  return drafts.map((draft, i) => {
    const related = relatedOf(drafts, i).map((j) => ids[j]!);
    return {
      id: ids[i]!,
      name: draft.name,
      subject: draft.subject,
      value: draft.found.value,
      unit: draft.found.unit,
      ...(draft.found.unitNote ? { unitNote: draft.found.unitNote } : {}),
      qualifiers: draft.qualifiers,
      kind: draft.kind,
      raw: draft.found.raw,
      section: draft.sentence.section,
      sentence: draft.sentence.text,
      clause: draft.clause,
      phrase: draft.phrase,
      context: draft.context,
      inherited: draft.inherited,
      period: draft.span ? spanPeriod(draft) : periodOf(draft.year, report),
      ...(draft.span
        ? spanEndYear(draft, report)
        : draft.year === undefined
          ? {}
          : { year: draft.year }),
      ...(draft.earlier ? { earlier: true } : {}),
      ...(draft.change ? { change: true } : {}),
      ...(draft.span ? { span: true } : {}),
      ...(draft.listItem ? { listItem: true } : {}),
      related,
    };
  });
}

/** "“十四五”时期" for a figure over several years, as its sentence or section names them. */
function spanPeriod(draft: Draft): string {
  const plan = spanPlanOf(draft);
  return plan ? `“${plan}”时期` : "多年合计";
}

/** "比“十二五”末", "较“十三五”末": a plan's end compared with. */
const COMPARED_PLAN = /(?:[比较与]|是)[“"]?(十[一二三四五]五)[”"]?末/g;

/**
 * The five-year plan a figure over several years is of: as its clause, sentence or section names
 * it ("比“十二五”末增长1.5倍" only compares with another), else as its paragraph's lead does.
 */
function spanPlanOf(draft: Draft): string | undefined {
  // "较“十三五”末的9323.1亿元": the figure compared with is of that plan.
  const before = draft.clause.slice(0, draft.found.start);
  const compared = new RegExp(`${COMPARED_PLAN.source}的?$`).exec(before)?.[1];
  if (compared) return compared;
  const text = [draft.clause, draft.sentence.text, ...draft.sentence.section]
    .join("|")
    .replace(COMPARED_PLAN, "");
  return /十[一二三四五]五/.exec(text)?.[0] ?? (draft.spanPlan || undefined);
}

/** "未来3年", "今后五年": the years ahead a clause speaks of. */
const YEARS_AHEAD = /(未来|今后)[\d一二三四五六七八九十两]+年/;

/** "累计达760万吨" right after a figure's own words: the stock those came to. */
const STOCK_REACHED = /(^|[，、])累计(达到|达|增至|增加到)$/;

/**
 * "新增污水日处理能力280万吨、累计达760万吨": a total reached right after new ones is the total of
 * the things (named as 累计, which drops 新增 when joined to the topic), not more new ones.
 */
function stockAfterNew(left: string, last: Draft | undefined): boolean {
  return STOCK_REACHED.test(left) && last !== undefined && NEW_ONES.test(last.subject);
}

/**
 * "“十三五”时期…高速公路从6333公里增加到7809公里", "五年来…生产总值达到3353.3亿元": the level
 * a span of years ends at is of the plan's last year (2020), though the paragraph speaks of five.
 */
function spanEndYear(draft: Draft, report: ReportFacts): { year?: number } {
  const before = draft.clause.slice(0, draft.found.start);
  // "从6333公里增加到7809公里", "生产总值达到3353.3亿元": a level reached, not a sum or an average.
  // ("新增…957家，总量5842家": the total the new ones came to.)
  const reached =
    /[从由][^，]*[到至]$/.test(before) ||
    /(达到|增至|提高到|提升到)$/.test(before) ||
    /(^|[，、])(总量|总数)(达到|达)?$/.test(before);
  const stock = draft.subject === "累计" && STOCK_REACHED.test(before);
  if (!stock && (!reached || /累计|年均|新增|共计|合计|总计|每年/.test(before))) return {};
  const plan = spanPlanOf(draft);
  const index = plan ? PLAN_NUMBERS.indexOf(plan) : -1;
  if (index >= 0) return { year: 2010 + 5 * index };
  // "过去五年…高新技术产品产值达到8508亿元" in a work report: the level its review ends at, the
  // year before the report's.
  const review = report.kind === "work-report" && draft.kind === "actual";
  return review && report.year !== undefined ? { year: report.year - 1 } : {};
}

/** The sentence's text before a clause of it ("" when the clause is not found). */
function sentenceBefore(sentence: string, clause: string): string {
  const at = sentence.indexOf(clause);
  return at < 0 ? "" : sentence.slice(0, at);
}

/**
 * A year written as the figure's own: not one it is compared with ("比2010年增加") nor the end of
 * a range ("由2010年的68亿元增加到2015年的…").
 */
const OWN_YEAR = /(?<![比较与同从由自到至])\d{4}年(?![底初末以]|的[\d.]+倍)/;

/** "2021年上半年" for figures of the report's own period, else the figure's year. */
function periodOf(year: number | undefined, report: ReportFacts): string {
  if (year === undefined) return report.period;
  if (report.kind === "progress" && year === report.year) return report.period;
  return `${year}年`;
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
