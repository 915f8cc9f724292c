import { describe, expect, it } from "vitest";
import {
  MISSING_LABEL,
  rateLayout,
  townshipLayout,
  trendLayout,
} from "../../src/charts/options.js";
import { shortNumber } from "../../src/charts/specs.js";

/** The option's series as plain records (the option type is a wide union). */
function seriesOf(option: unknown): Record<string, unknown>[] {
  return (option as { series: Record<string, unknown>[] }).series;
}

function titleOf(option: unknown): { text: string; subtext?: string } {
  return (option as { title: { text: string; subtext?: string } }).title;
}

describe("townshipLayout", () => {
  const layout = townshipLayout({
    field: "新建民宿",
    unit: "户",
    period: "2026年11月",
    deadline: "2026年11月25日（周三）17:00",
    townships: [
      { name: "某某镇", value: 30 },
      { name: "某某乡", value: undefined },
      { name: "某某街道", value: 0 },
    ],
  });

  it("puts the district total in the title and the deadline and count under it", () => {
    const title = titleOf(layout.option);
    expect(title.text).toBe("2026年11月各乡镇新建民宿（全区合计 30户）");
    expect(title.subtext).toContain("截止 2026年11月25日（周三）17:00");
    expect(title.subtext).toContain("已报 2/3");
  });

  it("marks an unreported township with an empty bar labelled 未报, a reported 0 with none", () => {
    const [figures, missing] = seriesOf(layout.option);
    expect(figures?.data).toEqual([30, "-", 0]);
    expect(missing?.data).toEqual(["-", 2.4, "-"]);
    expect(missing?.label).toMatchObject({ show: true, formatter: MISSING_LABEL });
    expect(missing?.barGap).toBe("-100%");
  });

  it("is at least 800×450", () => {
    expect(layout.width).toBeGreaterThanOrEqual(800);
    expect(layout.height).toBeGreaterThanOrEqual(450);
  });
});

describe("rateLayout", () => {
  it("draws a line at 100% and an axis that reaches past the highest rate", () => {
    const layout = rateLayout({
      title: "完成率",
      rates: [
        { name: "设施农业", value: 60 },
        { name: "稻鱼综合种养", value: 112 },
      ],
    });
    const [bars] = seriesOf(layout.option);
    expect(bars?.markLine).toMatchObject({ data: [{ xAxis: 100 }] });
    const axis = (layout.option as { xAxis: { max: number } }).xAxis;
    expect(axis.max).toBeGreaterThan(112);
    expect(axis.max % 20).toBe(0);
  });

  it("grows taller with many rates", () => {
    const rates = Array.from({ length: 20 }, (_, i) => ({ name: `项目${i}`, value: i * 5 }));
    expect(rateLayout({ title: "完成率", rates }).height).toBeGreaterThan(450);
  });
});

describe("trendLayout", () => {
  it("names the span of months and marks a month nobody reported as 未报", () => {
    const layout = trendLayout({
      field: "新建民宿",
      unit: "户",
      townshipCount: 27,
      points: [
        { period: "2026年9月", total: 300, townships: 27 },
        { period: "2026年10月", total: undefined, townships: 0 },
      ],
    });
    expect(titleOf(layout.option).text).toBe("新建民宿全区合计（2026年9月至2026年10月）");
    const [totals, missing] = seriesOf(layout.option);
    expect(totals?.data).toEqual([300, "-"]);
    expect(missing?.data).toEqual(["-", 24]);
  });
});

describe("shortNumber", () => {
  it("writes large numbers in 万 and drops floating-point noise", () => {
    expect(shortNumber(348_100)).toBe("34.8万");
    expect(shortNumber(12)).toBe("12");
    expect(shortNumber(0.1 + 0.2)).toBe("0.3");
    expect(shortNumber(1.256)).toBe("1.26");
  });
});
