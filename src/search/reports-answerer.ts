// Questions over every report the office has imported: the latest answers by default; a year,
// a period or "上次报告" in the question selects another; "比上次多了多少" compares two.
import type { Indicator } from "../extract/indicator.js";
import { baseUnit, magnitudeOf } from "../extract/numbers.js";
import { byTime, type ReportEntry, type ReportLibrary } from "../reports/library.js";
import { Answerer, shortReportName, type AskOptions, type AskResult } from "./answerer.js";
import { formatFigure } from "./format.js";
import { FollowUps } from "./follow-up.js";
import type { Intents } from "./intents.js";
import type { Teachable } from "../core/teaching.js";

/** What the core and the form need of an answerer. */
export interface QuestionAnswerer {
  ask(question: string, options?: AskOptions): AskResult;
  show(id: string, options?: AskOptions): AskResult | undefined;
  /** The report figure a form field stands for, found by its names in the latest report. */
  baselineOf(names: string[]): Indicator | undefined;
  /** The whole question a follow-up ("那存栏呢") asks after `previous`; undefined if none. */
  followUp?(previous: string, text: string): string | undefined;
}

const RELATIVE: Record<string, number> = { 前年: -2, 去年: -1, 上年: -1, 今年: 0, 本年: 0 };
const RELATIVE_YEAR = /(?<![比较])(前年|去年|上年|今年|本年)/g;
const PREVIOUS_REPORT = /上次报告|上一期报告|上期报告|上一份报告|上次|上期/;
/** "比上次多了多少", "与上期相比变化多少", "…有什么变化": the comparison, to the end. */
const COMPARISON =
  /([比较跟和与同](上次|上期|上一期|上次报告|上期报告)(相比|比)?|(有什么|有啥|有多大)?变化|变了).*$/;
const PART_WORDS = /上半年|下半年|前三季度|[一二三四]季度|1[-—－~至]\d{1,2}月|全年/;

/** Answers from a library of reports. */
export class ReportsAnswerer implements QuestionAnswerer, Teachable {
  private readonly answerers = new Map<string, Answerer>();
  private followUps: FollowUps;
  /** The intents with the office's lessons added as synonym groups. */
  private taught: Intents;
  private ordered: { source: ReportEntry[]; entries: ReportEntry[] } | undefined;

  constructor(
    private readonly library: ReportLibrary,
    private readonly intents: Intents,
    private readonly places: string[] = [],
  ) {
    this.taught = intents;
    this.followUps = new FollowUps(intents, places);
  }

  /** Lessons ("金字招牌" = "建成民宿总数") become synonyms of the figure's name, in every report. */
  setLessons(lessons: { phrase: string; name: string }[]): void {
    const groups = lessons.map((l) => [l.name, l.phrase]);
    this.taught = { ...this.intents, synonyms: [...this.intents.synonyms, ...groups] };
    this.followUps = new FollowUps(this.taught, this.places);
    this.answerers.clear();
  }

  /** The figures that qualify `indicator` in its own report (its target, its completion rate). */
  relatedOf(indicator: Indicator): Indicator[] {
    const entry = this.reports().find((e) => e.store.indicators.includes(indicator));
    if (!entry) return [];
    const answerer = this.answererOf(entry);
    return indicator.related.map((id) => answerer.indicator(id)).filter((i) => i !== undefined);
  }

  figureFor(what: string): { name: string; shown: string } | undefined {
    for (const entry of [...this.reports()].reverse()) {
      const answerer = this.answererOf(entry);
      const found = answerer.ask(what).answer;
      const indicator = found && answerer.indicator(found.id);
      if (indicator) return { name: indicator.name, shown: formatFigure(indicator) };
    }
    return undefined;
  }

  followUp(previous: string, text: string): string | undefined {
    return this.followUps.compose(previous, text);
  }

  /** The reports, oldest first. */
  reports(): ReportEntry[] {
    const source = this.library.list();
    if (this.ordered?.source !== source) this.ordered = { source, entries: byTime(source) };
    return this.ordered.entries;
  }

  ask(question: string, options: AskOptions = {}): AskResult {
    const reports = this.reports();
    const latest = reports.at(-1);
    if (!latest) return { answer: null, text: "还没有导入任何报告。", choices: [], offered: [] };
    const asked = absoluteYears(question, latest.store.source.year);
    let topic = asked;
    if (COMPARISON.test(asked)) {
      // Compared with the report before: both figures and the difference, else the latest alone.
      topic = asked.replace(COMPARISON, " ");
      const compared = reports.length > 1 ? this.compare(topic, reports, options) : undefined;
      if (compared) return compared;
    }
    const selected = this.select(topic, reports);
    const plain = topic.replace(PREVIOUS_REPORT, " ");
    let first: AskResult | undefined;
    for (const entry of selected) {
      // (Near topics are offered from the first report asked only.)
      const result = this.answererOf(entry).ask(plain, {
        asked: question,
        ...options,
        answerOnly: first !== undefined,
      });
      if (result.answer) return result;
      first ??= result;
    }
    return first!;
  }

  show(id: string, options: AskOptions = {}): AskResult | undefined {
    const [reportId, indicatorId] = id.includes("/") ? id.split("/", 2) : [undefined, id];
    for (const entry of [...this.reports()].reverse()) {
      if (reportId && entry.id !== reportId) continue;
      const shown = this.answererOf(entry).show(indicatorId!, options);
      if (shown) return shown;
    }
    return undefined;
  }

  baselineOf(names: string[]): Indicator | undefined {
    for (const entry of [...this.reports()].reverse()) {
      for (const name of names) {
        const found = this.answererOf(entry).ask(name).answer;
        const indicator = found && this.answererOf(entry).indicator(found.id);
        if (indicator) return indicator;
      }
    }
    return undefined;
  }

  /**
   * Which reports to ask, newest first: those of a year or period the question names, the one
   * before the latest for "上次报告", else the latest and then, when it has no such figure, the
   * older ones (an answer always names its report and period).
   */
  private select(question: string, reports: ReportEntry[]): ReportEntry[] {
    const newestFirst = [...reports].reverse();
    if (PREVIOUS_REPORT.test(question) && newestFirst.length > 1) return [newestFirst[1]!];
    const years = [...question.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
    const part = PART_WORDS.exec(question)?.[0];
    if (years.length || part) {
      const matching = newestFirst.filter((entry) => covers(entry, years, part));
      if (matching.length) return matching;
    }
    return newestFirst;
  }

  /** "生猪出栏比上次多了多少": the figure in the latest report that has it and in the one before. */
  private compare(
    question: string,
    reports: ReportEntry[],
    options: AskOptions,
  ): AskResult | undefined {
    const found: { entry: ReportEntry; result: AskResult }[] = [];
    for (const entry of [...reports].reverse()) {
      const result = this.answererOf(entry).ask(question, options);
      if (result.answer) found.push({ entry, result });
      if (found.length === 2) break;
    }
    if (found.length < 2) return undefined;
    const [now, before] = found.map((f) =>
      this.answererOf(f.entry).indicator(f.result.answer!.id)!,
    );
    const lines = [
      `${now!.name}：${formatFigure(now!)}（${shortReportName(found[0]!.entry.store)}）`,
      `上次：${formatFigure(before!)}（${shortReportName(found[1]!.entry.store)}）`,
    ];
    const difference = differenceOf(now!, before!);
    if (difference === undefined) {
      lines.push("两次的单位或口径不同，不能直接相减比较。");
      return { answer: null, text: lines.join("\n"), choices: [], offered: [] };
    }
    const sign = difference > 0 ? "增加" : difference < 0 ? "减少" : "持平";
    lines.push(
      `变化：${sign}${difference === 0 ? "" : `${round(Math.abs(difference))}${now!.unit}`}`,
    );
    const text = lines.join("\n");
    const answer = { ...found[0]!.result.answer!, value: round(difference), text };
    return { answer, text, choices: [], offered: [] };
  }

  private answererOf(entry: ReportEntry): Answerer {
    let answerer = this.answerers.get(entry.id);
    if (!answerer) {
      answerer = new Answerer(entry.store, this.taught, {
        places: this.places,
        idPrefix: `${entry.id}/`,
        reportName: shortReportName(entry.store),
      });
      this.answerers.set(entry.id, answerer);
    }
    return answerer;
  }
}

/** "去年" in a question means the year before the latest report's: written as "2025年". */
function absoluteYears(question: string, year: number | undefined): string {
  if (year === undefined) return question;
  // "12年社零弄到多少了": a question opening with a two-digit year means 2012, not twelve years.
  const short = SHORT_YEAR.exec(question);
  const century = Math.floor(year / 100) * 100;
  const full = short && century + Number(short[1]) <= year ? `${century + Number(short[1])}年` : "";
  const asked = full ? full + question.slice(short![0].length) : question;
  return asked.replace(RELATIVE_YEAR, (word) => `${year + RELATIVE[word]!}年`);
}
const SHORT_YEAR = /^(\d{2})年(?=\p{Script=Han})(?!来|以来|间|内|前|后)/u;

/** The report has figures of one of `years` (a work report reviews the year before it). */
function covers(entry: ReportEntry, years: number[], part: string | undefined): boolean {
  const { year, kind, period } = entry.store.source;
  if (part && !period.includes(part)) return false;
  if (!years.length) return true;
  if (year === undefined) return false;
  return years.some((y) => y === year || (kind === "work-report" && y === year - 1));
}

/** now − before in now's unit, when both are in one unit family with known sizes. */
function differenceOf(now: Indicator, before: Indicator): number | undefined {
  if (baseUnit(now.unit) !== baseUnit(before.unit)) return undefined;
  const [nowSize, beforeSize] = [magnitudeOf(now.unit), magnitudeOf(before.unit)];
  return (now.value * nowSize - before.value * beforeSize) / nowSize;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
