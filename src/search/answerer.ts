// Questions -> replies: the best figure with its qualifier, period and source, related figures,
// close alternatives as choices, or an honest "no such figure" with near topics.
import type { Choice } from "../core/types.js";
import type { Indicator, IndicatorStore } from "../extract/indicator.js";
import { formatFigure, quoteOf, sectionOf, writtenUnit } from "./format.js";
import { IndicatorIndex, type IndicatorIndexOptions } from "./index.js";
import type { Intents } from "./intents.js";

/** The single best answer, as the `ask --json` contract gives it. */
export interface Answer {
  value: number;
  unit: string;
  text: string;
  id: string;
  name: string;
  qualifiers: string[];
  kind: Indicator["kind"];
  period: string;
  source: { file: string; date: string; section: string[]; sentence: string };
  related: { id: string; name: string; value: number; unit: string }[];
  alternatives: { id: string; name: string; value: number; unit: string }[];
}

/** A reply to a question: text for people, the answer for machines, choices for channels. */
export interface AskResult {
  answer: Answer | null;
  text: string;
  choices: Choice[];
  /** The figures behind `choices` (at most three), for machines (`ask --json`). */
  offered: { value: number; unit: string; name: string }[];
  /** What "不是这个" shows: the next figures that also fit, when no choices were offered. */
  others?: Choice[];
}

/** Options of `Answerer.ask`. */
export interface AskOptions {
  /** Short reply for group chats: the figure and its source in two lines (default: false). */
  short?: boolean;
  /** The question as the person typed it, when `ask` gets a rewritten one ("去年" -> "2025年"). */
  asked?: string;
  /** Only an answer is wanted: no near topics are looked for when there is none. */
  answerOnly?: boolean;
}

/** The command a choice sends back to show one indicator. */
export const SHOW_COMMAND = "/show";

/** Options of `Answerer`. */
export interface AnswererOptions extends IndicatorIndexOptions {
  /** Put before indicator ids in choices ("r-1a2b3c4d5e6f/"), so they name their report. */
  idPrefix?: string;
  /** How replies name the report ("2021年上半年报告"); default: `shortReportName`. */
  reportName?: string;
}

/** Answers questions from an indicator store. */
export class Answerer {
  private readonly index: IndicatorIndex;
  private readonly byId: Map<string, Indicator>;

  private readonly idPrefix: string;
  private readonly reportName: string;

  constructor(
    private readonly store: IndicatorStore,
    intents: Intents,
    options: AnswererOptions = {},
  ) {
    const { idPrefix = "", reportName, ...indexOptions } = options;
    this.index = new IndicatorIndex(store, intents, indexOptions);
    this.byId = new Map(store.indicators.map((i) => [i.id, i]));
    this.idPrefix = idPrefix;
    this.reportName = reportName ?? shortReportName(store);
  }

  /** Answers one question. */
  ask(question: string, options: AskOptions = {}): AskResult {
    const result = this.index.search(question, { nearTopics: !options.answerOnly });
    if (!result.query) return this.noAnswer(options.asked ?? question, []);
    // A figure the question itself states ("那批53个示范村…验收了几个") is not its answer.
    const { asked } = result.query;
    const compact = asked.replace(/(\d)个(?=[人户家名位])/g, "$1"); // "95个人" states 95人
    // Written as the report writes it ("95人"), or with its magnitude alone ("超过500亿的县").
    const stated = (i: Indicator) => {
      const forms = [`${i.raw}${i.unit.replace(/^[万亿]/, "")}`];
      if (/[万亿]$/.test(i.raw)) forms.push(i.raw);
      return forms.some((w) => asked.includes(w) || compact.includes(w));
    };
    // What the question asks of a figure it states ("那95人里脱贫人口有几个") is another figure
    // only when that one answers the whole question as well as the stated one does.
    const [top] = result.matches;
    const floor = top && stated(top.indicator) ? top.coverage : 0;
    const first = result.matches.find((m) => !stated(m.indicator) && m.coverage >= floor);
    if (!first) return this.noAnswer(options.asked ?? question, result.suggestions);
    // "…专业技术人才，目前已经到岗的有多少名": the clause that asks names what is counted.
    const best = (
      this.index.holdingAskingClause(result.matches, first, result.query, stated) ?? first
    ).indicator;
    // Two figures fit, of two sides the question does not choose between: ask which.
    const rival = this.index.rival(result.matches, result.query);
    if (rival) return this.askWhich(best, rival);
    // One place asked, a joint figure of several: say so and offer the joint figure.
    const others = this.index.otherPlaces(best, result.query);
    if (others.length) return this.partOfJoint(best, others);
    const parts = this.index.otherParts(best, result.query);
    if (parts.length) return this.partOfJoint(best, parts);
    const alternatives = this.index.closeAlternatives(result.matches).map((m) => m.indicator);
    const answered = this.answerWith(best, alternatives, options);
    const shown = new Set([best, ...alternatives].map((i) => `${i.value}${i.unit}`));
    const next = result.matches
      .map((m) => m.indicator)
      .filter((i) => !shown.has(`${i.value}${i.unit}`) && shown.add(`${i.value}${i.unit}`))
      .slice(0, 3);
    return { ...answered, others: next.map((i) => this.choiceOf(i)) };
  }

  /** Shows one indicator by id (a chosen alternative); undefined when the id is unknown. */
  show(id: string, options: AskOptions = {}): AskResult | undefined {
    const indicator = this.byId.get(id);
    return indicator ? this.answerWith(indicator, [], options) : undefined;
  }

  /** An indicator by id. */
  indicator(id: string): Indicator | undefined {
    return this.byId.get(id);
  }

  private answerWith(best: Indicator, alternatives: Indicator[], options: AskOptions): AskResult {
    const related = best.related.map((id) => this.byId.get(id)).filter((i) => i !== undefined);
    const text = options.short
      ? this.shortText(best, alternatives)
      : this.fullText(best, related, alternatives);
    return {
      answer: this.toAnswer(best, text, related, alternatives),
      text,
      choices: alternatives.map((a) => this.choiceOf(a)),
      offered: alternatives.map(offeredOf),
    };
  }

  private choiceOf(indicator: Indicator): Choice {
    return {
      label: `${indicator.name} ${formatFigure(indicator)}`,
      value: `${SHOW_COMMAND} ${this.idPrefix}${indicator.id}`,
    };
  }

  private fullText(best: Indicator, related: Indicator[], alternatives: Indicator[]): string {
    const lines = [
      `${best.name}：${formatFigure(best)}`,
      `（${this.periodLine(best)}）`,
      `出处：${sectionOf(best)}`,
      `原文：${quoteOf(best)}`,
    ];
    if (related.length) {
      lines.push(`相关：${related.map((r) => `${r.name} ${formatFigure(r)}`).join("；")}`);
    }
    if (alternatives.length) lines.push("您问的也可能是下面这些，点选或回复序号查看：");
    return lines.join("\n");
  }

  private shortText(best: Indicator, alternatives: Indicator[]): string {
    const more = alternatives.length ? "\n也可能是下面这些，点选查看：" : "";
    return `${best.name}：${formatFigure(best)}（${this.periodLine(best)}）${more}`;
  }

  /** "2021年上半年报告", or "2025年，2026年政府工作报告" when the figure is of another period. */
  private periodLine(best: Indicator): string {
    const own = best.period === this.store.source.period || this.reportName.startsWith(best.period);
    return own ? this.reportName : `${best.period}，${this.reportName}`;
  }

  private askWhich(a: Indicator, b: Indicator): AskResult {
    const text = `报告里有两个相近的数字，您问的是哪一个？点选或回复序号：`;
    return {
      answer: null,
      text,
      choices: [a, b].map((i) => this.choiceOf(i)),
      offered: [a, b].map(offeredOf),
    };
  }

  private partOfJoint(joint: Indicator, others: string[]): AskResult {
    const text = [
      `报告没有单列您问的这一项，只给出了与${others.join("、")}的合计：`,
      `${joint.name} ${formatFigure(joint)}（点选查看）`,
    ].join("\n");
    return { answer: null, text, choices: [this.choiceOf(joint)], offered: [offeredOf(joint)] };
  }

  private noAnswer(question: string, suggestions: Indicator[]): AskResult {
    const asked = question.trim().slice(0, 30);
    const lines = [`报告里没有“${asked}”的数据，我不给出猜测的数字。`];
    if (suggestions.length) {
      lines.push(`相近的话题：${suggestions.map((s) => s.name).join("、")}（点选或回复序号查看）`);
    }
    return {
      answer: null,
      text: lines.join("\n"),
      choices: suggestions.map((s) => this.choiceOf(s)),
      offered: suggestions.map(offeredOf),
    };
  }

  private toAnswer(
    best: Indicator,
    text: string,
    related: Indicator[],
    alternatives: Indicator[],
  ): Answer {
    const brief = (i: Indicator) => ({
      id: i.id,
      name: i.name,
      value: i.value,
      unit: writtenUnit(i),
    });
    return {
      value: best.value,
      unit: writtenUnit(best),
      text,
      id: best.id,
      name: best.name,
      qualifiers: best.qualifiers,
      kind: best.kind,
      period: best.period,
      source: {
        file: this.store.source.file,
        date: this.store.source.date,
        section: best.section,
        sentence: best.sentence,
      },
      related: related.map(brief),
      alternatives: alternatives.map(brief),
    };
  }
}

/** A report named short enough for a phone: "2021年上半年报告", "2026年政府工作报告". */
export function shortReportName(store: IndicatorStore): string {
  const { kind, year, period, title } = store.source;
  if (kind === "work-report" && year) return `${year}年政府工作报告`;
  if (period) return `${period}报告`;
  return `《${title}》`;
}

function offeredOf(indicator: Indicator): AskResult["offered"][number] {
  return { value: indicator.value, unit: writtenUnit(indicator), name: indicator.name };
}
