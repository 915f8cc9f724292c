// The figures each chart shows, gathered from the submissions and the latest report, with the
// short text that goes with the picture. Nothing is drawn here.
import type { RateChartSpec, TownshipChartSpec, TrendChartSpec } from "../../charts/specs.js";
import { fullNumber } from "../../charts/specs.js";
import {
  addMonths,
  deadlineOf,
  formatPeriod,
  formatShanghai,
  type HolidayRule,
  type Period,
} from "../period.js";
import type { ChartField } from "./request.js";
import { CHART_TEXTS as T } from "./texts.js";

/** The reporting task, as the charts need it (a `Task` of store/tasks.ts fits). */
export interface ChartTask {
  title: string;
  /** "all" townships of the roster, or a list of names. */
  townships: "all" | readonly string[];
  schedule: { dueDay: number; dueTime: string; holiday?: HolidayRule };
  fields: readonly ChartField[];
}

/** The submitted figures the charts read (a `SubmissionStore` fits). */
export interface ChartFigures {
  /** The current value of a township's field in a period. */
  latest(period: string, township: string, field: string): { value: number } | undefined;
  /** The sum of a field over the townships that reported it, and how many did. */
  sum(period: string, field: string): { total: number; townships: number };
  /** Periods with stored submissions, oldest first. */
  periods(): string[];
}

/** One figure of a report (an `Indicator` fits). */
export interface ReportFigure {
  name: string;
  value: number;
  unit: string;
}

/** The latest report (an `IndicatorStore` fits). */
export interface LatestReport {
  source: { title: string; period: string };
  indicators: readonly ReportFigure[];
}

/** What the figures are read against. */
export interface FigureSources {
  task: ChartTask;
  /** Townships the task asks, in roster order. */
  townships: readonly string[];
  submissions: ChartFigures;
  /** How replies name the whole district (全区, 全县 …). */
  area: string;
}

/** A chart to draw and the text that goes with it; `spec` undefined when there is nothing to draw. */
export interface Prepared<S> {
  spec?: S;
  text: string;
}

/** Most months a trend shows (the latest ones). */
export const MAX_TREND_PERIODS = 24;
/** Most completion rates one chart shows. */
export const MAX_RATES = 20;

/** (a) Each township's value of `field` in `period`. */
export function townshipFigures(
  sources: FigureSources,
  field: ChartField,
  period: Period,
): Prepared<TownshipChartSpec> {
  const { task, townships, submissions, area } = sources;
  const { dueDay, dueTime, holiday } = task.schedule;
  const due = { day: dueDay, time: dueTime, holiday };
  const deadline = formatShanghai(deadlineOf(period, due), { weekday: true });
  const values = townships.map((name) => ({
    name,
    value: submissions.latest(period, name, field.key)?.value,
  }));
  const reported = values.filter((v) => v.value !== undefined);
  const shown = formatPeriod(period);
  if (!reported.length) {
    const before = formatPeriod(addMonths(period, -1));
    return { text: T.noneReported(shown, field.label, deadline, before) };
  }
  const total = reported.reduce((sum, v) => sum + (v.value ?? 0), 0);
  const text = T.township({
    period: shown,
    field: field.label,
    area,
    total: `${fullNumber(total)}${field.unit}`,
    reported: reported.length,
    count: values.length,
    deadline,
  });
  const spec = { field: field.label, unit: field.unit, period: shown, deadline, area };
  return { spec: { ...spec, townships: values }, text };
}

/** (c) The district total of `field` in each month with submissions, from its first report on. */
export function trendFigures(sources: FigureSources, field: ChartField): Prepared<TrendChartSpec> {
  const { submissions, area } = sources;
  const points = [...submissions.periods()]
    .sort()
    .map((period) => ({ period, ...submissions.sum(period, field.key) }));
  const first = points.findIndex((p) => p.townships > 0);
  if (first < 0) return { text: T.noTrend(field.label) };
  const kept = points.slice(first).slice(-MAX_TREND_PERIODS);
  const shown = kept.map((p) => ({
    period: formatPeriod(p.period),
    total: p.townships > 0 ? p.total : undefined,
    townships: p.townships,
  }));
  const span = shown.length > 1 ? `${shown[0]!.period}至${shown.at(-1)!.period}` : shown[0]!.period;
  return {
    spec: {
      field: field.label,
      unit: field.unit,
      area,
      townshipCount: sources.townships.length,
      points: shown,
    },
    text: T.trend(field.label, area, shown.length, span),
  };
}

/** (b) The completion rates (figures named …完成率, in %) of the latest report. */
export function rateFigures(report: LatestReport | undefined): Prepared<RateChartSpec> {
  if (!report) return { text: T.noReport };
  const { title, period } = report.source;
  const seen = new Set<string>();
  const rates = report.indicators.filter((i) => {
    if (!i.name.includes("完成率") || i.unit !== "%" || seen.has(i.name)) return false;
    seen.add(i.name);
    return true;
  });
  if (!rates.length) return { text: T.noRates(title) };
  const shown = rates.slice(0, MAX_RATES);
  return {
    spec: {
      title: `${period}各项任务完成率`,
      subtitle: `《${title}》`,
      rates: barNames(shown.map((r) => r.name)).map((name, i) => ({
        name,
        value: shown[i]!.value,
      })),
    },
    text: T.rates(title, period, rates.length, shown.length),
  };
}

/** "设施农业" for "设施农业年度任务完成率" (the title says 完成率), unless two would then clash. */
function barNames(names: readonly string[]): string[] {
  const short = names.map((n) => n.replace(/(?:年度)?(?:任务)?完成率$/u, "") || n);
  return new Set(short).size === short.length ? short : [...names];
}
