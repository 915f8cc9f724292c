// Answer texts about submitted figures: one township's latest value with who and when, several
// fields of one township, or the townships' sum beside the report's district figure with its
// quoted clause and related figures (completion rate).
import type { FormDeps } from "../forms/deps.js";
import { formatNumber, formatValue } from "../forms/fields.js";
import { formatPeriod, formatShanghai } from "../period.js";
import type { Indicator } from "../../extract/indicator.js";
import { formatFigure, quoteOf } from "../../search/format.js";
import type { FigureVersion } from "../../store/submissions.js";
import type { TaskField } from "../../store/tasks.js";
import type { FieldsQuestion, FigureQuestion } from "./answer-hook.js";
import { CHANNEL_NAMES } from "./texts.js";
import type { AnswerDeps, SubmitterName } from "./visibility.js";

/** The longest quote of the report shown beside the townships' sum: two lines of a phone. */
const QUOTE_LENGTH = 40;

/** "某某镇 2026年11月 新建民宿：35户", who reported it when, and the report's figure. */
export function townshipAnswer(deps: AnswerDeps, asked: FigureQuestion): string {
  const { field, period } = asked;
  const township = asked.township ?? "";
  const latest = deps.submissions.latest(period, township, field.key);
  const lines: string[] = [];
  if (latest) {
    lines.push(
      `${township} ${formatPeriod(period)} ${field.label}：${formatValue(latest.value, latest.unit)}`,
    );
    const versions = deps.submissions.history(period, township, field.key).length;
    lines.push(reportedBy(deps.names, latest, versions));
  } else {
    lines.push(`${township} ${formatPeriod(period)} 尚未上报${field.label}。`);
    const previous = deps.submissions.previousValue(township, field.key, period);
    if (previous) {
      lines.push(
        `上次（${formatPeriod(previous.period)}）：${formatValue(previous.value, previous.unit)}`,
      );
    }
  }
  const report = reportLine(deps, field);
  if (report) lines.push(report);
  return lines.join("\n");
}

/**
 * "某某镇民宿多少户": the latest values of several fields of one township, each submission's
 * who and when, the fields not reported (or their last values when none is), and the report's.
 */
export function townshipFieldsAnswer(deps: AnswerDeps, asked: FieldsQuestion): string {
  const { township, period, fields } = asked;
  const found = fields.map((field) => ({
    field,
    figure: deps.submissions.latest(period, township, field.key),
  }));
  const reported = found.flatMap(({ field, figure }) => (figure ? [{ field, figure }] : []));
  const missing = found.filter((f) => !f.figure).map((f) => f.field);
  const place = `${township} ${formatPeriod(period)}`;
  const lines: string[] = [];
  if (reported.length) {
    lines.push(`${place}：`, ...receiptBlocks(deps.names, reported));
    if (missing.length) lines.push(`尚未上报：${labels(missing)}`);
  } else {
    lines.push(`${place} 尚未上报${labels(missing)}。`);
    const previous = fields.flatMap((field) => {
      const figure = deps.submissions.previousValue(township, field.key, period);
      return figure ? [{ field, figure }] : [];
    });
    for (const [before, items] of groupBy(previous, (p) => p.figure.period)) {
      lines.push(`上次（${formatPeriod(before)}）：${items.map(itemOf).join("、")}`);
    }
  }
  const baselines = fields.flatMap((field) => {
    const indicator = baselineOf(deps, field);
    return indicator ? [{ field, indicator }] : [];
  });
  for (const [when, items] of groupBy(baselines, (b) => b.indicator.period)) {
    const figures = items.map((b) => `${b.field.label} ${formatFigure(b.indicator)}`);
    lines.push(`报告数（${deps.area}，${when}）：${figures.join("、")}`);
  }
  return lines.join("\n");
}

/**
 * Figures grouped by the submission they came in: "新建民宿 35户、在建民宿 8户" and then
 * "由 张三 于 … 上报（回执 …）", one pair a submission, oldest first.
 */
export function receiptBlocks(
  names: SubmitterName,
  figures: { field: TaskField; figure: FigureVersion }[],
): string[] {
  const byReceipt = groupBy(figures, (f) => f.figure.receipt);
  const blocks = [...byReceipt.values()].sort(
    (a, b) => (a[0]?.figure.at.getTime() ?? 0) - (b[0]?.figure.at.getTime() ?? 0),
  );
  return blocks.flatMap((items) => {
    const first = items[0];
    return first ? [items.map(itemOf).join("、"), reportedBy(names, first.figure, 1)] : [];
  });
}

/** "新建民宿 35户". */
function itemOf({ field, figure }: { field: TaskField; figure: FigureVersion }): string {
  return `${field.label} ${formatValue(figure.value, figure.unit)}`;
}

/** "新建民宿、在建民宿". */
export function labels(fields: readonly TaskField[]): string {
  return fields.map((f) => f.label).join("、");
}

/** Items grouped by a key, in the order keys first appear. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** "由 张三 于 2026年11月20日 10:00 通过企业微信上报（回执 R202611-0001）". */
function reportedBy(names: SubmitterName, figure: FigureVersion, versions: number): string {
  // Never the platform id, never the display name sent with the message (self-chosen).
  const who = names(figure.by.identity);
  const via = CHANNEL_NAMES[figure.channel] ?? figure.channel;
  const notes = [`回执 ${figure.receipt}`];
  if (figure.late) notes.push("逾期");
  if (versions > 1) notes.push(`本月更正过 ${versions - 1} 次`);
  return `由 ${who} 于 ${formatShanghai(figure.at)} 通过${via}上报（${notes.join("，")}）`;
}

/**
 * The report figure with its related figures and quoted clause, then "各乡镇本月已报合计 35 户
 * （1/27 个乡镇已报）".
 */
export function districtAnswer(deps: FormDeps, asked: FigureQuestion): string {
  const { field, period } = asked;
  const when = asked.current ? "本月" : formatPeriod(period);
  const lines = [`${field.label}（${formatPeriod(period)}）`];
  const indicator = baselineOf(deps, field);
  if (indicator) {
    const related = relatedText(deps, indicator);
    lines.push(`${reportLineOf(deps, indicator)}${related ? `，${related}` : ""}`);
    lines.push(`原文：${quoteOf(indicator, QUOTE_LENGTH)}`);
  }
  const { total, townships } = deps.submissions.sum(period, field.key);
  if (townships === 0) {
    lines.push(`${when}尚无乡镇上报`);
    return lines.join("\n");
  }
  const count = `${townships}/${deps.townships.length}`;
  lines.push(`各乡镇${when}已报合计 ${formatNumber(total)} ${field.unit}（${count} 个乡镇已报）`);
  return lines.join("\n");
}

/**
 * What someone not entitled to townships' submitted figures reads: each field's report figure
 * with its related figures and quoted clause, then `note` saying why no more is shown.
 */
export function reportOnlyAnswer(
  deps: FormDeps,
  fields: readonly TaskField[],
  note: string,
): string {
  const lines = fields.flatMap((field) => {
    const indicator = baselineOf(deps, field);
    if (!indicator) return [];
    const related = relatedText(deps, indicator);
    return [
      field.label,
      `${reportLineOf(deps, indicator)}${related ? `，${related}` : ""}`,
      `原文：${quoteOf(indicator, QUOTE_LENGTH)}`,
    ];
  });
  return [...lines, note].join("\n");
}

/**
 * "年度任务完成率 60%": the figures related to the report's, named without the figure's own name
 * when they repeat it ("设施农业年度任务完成率" under "设施农业").
 */
function relatedText(deps: FormDeps, indicator: Indicator): string {
  const related = deps.answerer.relatedOf?.(indicator) ?? [];
  return related
    .map((r) => {
      const name = r.name.startsWith(indicator.name) ? r.name.slice(indicator.name.length) : r.name;
      return `${name || r.name} ${formatFigure(r)}`;
    })
    .join("，");
}

function baselineOf(deps: FormDeps, field: TaskField): Indicator | undefined {
  return deps.answerer.baselineOf([field.label, ...field.aliases]);
}

/** "报告数（全区，2021年上半年）：29户", when the field has a baseline in the report. */
function reportLine(deps: FormDeps, field: TaskField): string | undefined {
  const indicator = baselineOf(deps, field);
  return indicator && reportLineOf(deps, indicator);
}

function reportLineOf(deps: FormDeps, indicator: Indicator): string {
  return `报告数（${deps.area}，${indicator.period}）：${formatFigure(indicator)}`;
}
