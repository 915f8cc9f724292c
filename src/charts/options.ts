// ECharts options for the three charts. Pure data: no rendering here, so the layout can be read
// (and tested) apart from the SVG and PNG steps.
import type { BarSeriesOption, EChartsOption } from "echarts";
import { CHART_FONT_FAMILY } from "./font.js";
import {
  fullNumber,
  shortNumber,
  type RateChartSpec,
  type TownshipChartSpec,
  type TrendChartSpec,
} from "./specs.js";

/** A chart's option and the size it is drawn at, in pixels. */
export interface ChartLayout {
  option: EChartsOption;
  width: number;
  height: number;
}

const BLUE = "#4e79a7";
const GREEN = "#59a14f";
const RED = "#e15759";
const GREY = "#8c8c8c";
const TEXT = "#333333";
/** The unreported mark: an empty dashed bar this share of the tallest bar high. */
const MISSING_SHARE = 0.08;
/** An ideographic space between the parts of a subtitle. */
const GAP = "\u3000";
/** The word over an unreported township's empty bar. */
export const MISSING_LABEL = "未报";

/** What every chart shares: white ground, the CJK font, no animation (a still picture). */
function base(title: string, subtitle: string | undefined): EChartsOption {
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily: CHART_FONT_FAMILY, color: TEXT },
    title: {
      text: title,
      subtext: subtitle,
      left: 24,
      top: 16,
      textStyle: { fontSize: 22, fontWeight: "normal", color: TEXT },
      subtextStyle: { fontSize: 14, color: "#666666" },
    },
  };
}

/** The plot area inside margins that also hold the axis labels (`containLabel` of old). */
function grid(top: number, right: number, bottom: number): EChartsOption["grid"] {
  return { left: 24, top, right, bottom, outerBoundsMode: "same", outerBoundsContain: "axisLabel" };
}

/** (a) One field per township; unreported townships get an empty dashed bar marked 未报. */
export function townshipLayout(spec: TownshipChartSpec): ChartLayout {
  const area = spec.area ?? "全区";
  const reported = spec.townships.filter((t) => t.value !== undefined);
  const total = reported.reduce((sum, t) => sum + (t.value ?? 0), 0);
  const ghost = ghostHeight(reported.map((t) => t.value ?? 0));
  const missing = spec.townships.map((t) => t.value === undefined);
  const crowded = spec.townships.length > 12;
  const title = `${spec.period}各乡镇${spec.field}（${area}合计 ${fullNumber(total)}${spec.unit}）`;
  const subtitle = `截止 ${spec.deadline}${GAP}已报 ${reported.length}/${spec.townships.length}${GAP}虚线空柱“${MISSING_LABEL}”为尚未上报`;
  return {
    width: 1000,
    height: 560,
    option: {
      ...base(title, subtitle),
      grid: grid(96, 24, 16),
      xAxis: {
        type: "category",
        data: spec.townships.map((t) => t.name),
        axisTick: { alignWithLabel: true },
        axisLabel: {
          interval: 0,
          rotate: crowded ? 45 : 0,
          fontSize: 12,
          color: (_value?: string | number, index?: number) => (missing[index ?? 0] ? GREY : TEXT),
        },
      },
      yAxis: { type: "value", name: spec.unit, nameTextStyle: { fontSize: 12 } },
      series: [
        {
          type: "bar",
          name: spec.field,
          data: spec.townships.map((t) => t.value ?? "-"),
          itemStyle: { color: BLUE },
          barMaxWidth: 40,
          label: {
            show: true,
            position: "top",
            fontSize: 11,
            formatter: (p) => shortNumber(Number(p.value)),
          },
        },
        missingSeries(missing, ghost, 40, 11),
      ],
    },
  };
}

/** (b) Completion rates, largest rate axis at least 100%, with a red line at 100%. */
export function rateLayout(spec: RateChartSpec): ChartLayout {
  const highest = Math.max(100, ...spec.rates.map((r) => r.value));
  // Ticks every 20% keep 100% on a tick; the room to the right holds the value labels.
  const axisMax = Math.ceil((highest * 1.1) / 20) * 20;
  return {
    width: 900,
    height: Math.max(450, 150 + 42 * spec.rates.length),
    option: {
      ...base(spec.title, spec.subtitle),
      grid: grid(spec.subtitle ? 96 : 72, 56, 24),
      xAxis: {
        type: "value",
        min: 0,
        max: axisMax,
        interval: 20,
        axisLabel: { formatter: "{value}%", fontSize: 12 },
      },
      yAxis: {
        type: "category",
        // Listed top to bottom in the order given.
        inverse: true,
        data: spec.rates.map((r) => r.name),
        axisLabel: { fontSize: 14, width: 300, overflow: "truncate" },
      },
      series: [
        {
          type: "bar",
          barMaxWidth: 28,
          data: spec.rates.map((r) => ({
            value: r.value,
            itemStyle: { color: r.value >= 100 ? GREEN : BLUE },
          })),
          label: {
            show: true,
            position: "right",
            fontSize: 13,
            // A rate just under 100% sits on the red line: a white ground keeps it legible.
            backgroundColor: "#ffffff",
            padding: [0, 2],
            formatter: (p) => `${shortNumber(Number(p.value))}%`,
          },
          markLine: {
            silent: true,
            symbol: "none",
            lineStyle: { color: RED, type: "solid", width: 2 },
            // The category axis runs top down (inverse), so the line's start is its top end.
            label: { formatter: "100%", position: "start", color: RED, fontSize: 13 },
            data: [{ xAxis: 100 }],
          },
        },
      ],
    },
  };
}

/** (c) A field's district total per period: bars with the total, a line over their tops. */
export function trendLayout(spec: TrendChartSpec): ChartLayout {
  const area = spec.area ?? "全区";
  const first = spec.points[0]?.period ?? "";
  const last = spec.points.at(-1)?.period ?? "";
  const span = first === last ? first : `${first}至${last}`;
  const totals = spec.points.map((p) => p.total ?? "-");
  const missing = spec.points.map((p) => p.total === undefined);
  const ghost = ghostHeight(spec.points.map((p) => p.total ?? 0));
  return {
    width: 900,
    height: 500,
    option: {
      ...base(
        `${spec.field}${area}合计（${span}）`,
        `各月为当月已报乡镇之和，横轴括号内为已报乡镇数（共 ${spec.townshipCount} 个）`,
      ),
      grid: grid(96, 32, 16),
      xAxis: {
        type: "category",
        data: spec.points.map((p) => `${p.period}\n（${p.townships}/${spec.townshipCount}）`),
        axisLabel: { interval: 0, rotate: spec.points.length > 8 ? 30 : 0, fontSize: 12 },
      },
      yAxis: { type: "value", name: spec.unit, nameTextStyle: { fontSize: 12 } },
      series: [
        {
          type: "bar",
          name: spec.field,
          data: totals,
          barMaxWidth: 56,
          itemStyle: { color: BLUE },
          label: {
            show: true,
            position: "top",
            fontSize: 13,
            formatter: (p) => shortNumber(Number(p.value)),
          },
        },
        missingSeries(missing, ghost, 56, 13),
        {
          type: "line",
          data: totals,
          symbol: "circle",
          symbolSize: 6,
          lineStyle: { color: RED, width: 2 },
          itemStyle: { color: RED },
          label: { show: false },
        },
      ],
    },
  };
}

/** How high an unreported mark stands: a small share of the tallest bar. */
function ghostHeight(values: readonly number[]): number {
  const tallest = Math.max(0, ...values);
  return tallest > 0 ? tallest * MISSING_SHARE : 1;
}

/** Empty dashed bars marked 未报 where `missing` is true, over the same slots as the figures. */
function missingSeries(
  missing: readonly boolean[],
  height: number,
  maxWidth: number,
  fontSize: number,
): BarSeriesOption {
  return {
    type: "bar",
    name: MISSING_LABEL,
    // Drawn over the same slot as the figure (!): one bar per place, never two side by side.
    barGap: "-100%",
    barMaxWidth: maxWidth,
    data: missing.map((m) => (m ? height : "-")),
    itemStyle: { color: "#ffffff", borderColor: GREY, borderWidth: 1, borderType: "dashed" },
    label: { show: true, position: "top", fontSize, color: GREY, formatter: MISSING_LABEL },
  };
}
