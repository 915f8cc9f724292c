import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chartFontFile } from "../../src/charts/font.js";
import { townshipLayout } from "../../src/charts/options.js";
import {
  layoutToSvg,
  rasterize,
  renderRateChart,
  renderTownshipChart,
  renderTrendChart,
  type TownshipChartSpec,
} from "../../src/charts/render.js";
import { differingIn, inkIn, pngSize, type Region } from "./pixels.js";

const NAMES = Array.from({ length: 27 }, (_, i) => `某某${i + 1}镇`);

function townships(field: string): TownshipChartSpec {
  return {
    field,
    unit: "户",
    period: "2026年11月",
    deadline: "2026年11月25日（周三）17:00",
    townships: NAMES.map((name, i) => ({ name, value: i % 4 === 0 ? undefined : 10 + i })),
  };
}

/** The title line: 22 px text 24 px in from the left, 16 px down. */
const TITLE: Region = { left: 20, top: 12, width: 560, height: 36 };

describe("the chart font", () => {
  it("is an OpenType file of Noto Sans SC shipped in an npm package", () => {
    const file = chartFontFile();
    expect(file).toMatch(/@embedpdf[\\/]fonts-sc[\\/]fonts[\\/]NotoSansHans-Regular\.otf$/);
    expect(readFileSync(file).subarray(0, 4).toString("latin1")).toBe("OTTO");
  });
});

describe("renderTownshipChart", () => {
  it("draws the Chinese title with the font file and nothing without it", async () => {
    const svg = await layoutToSvg(townshipLayout(townships("新建民宿")));
    const withFont = await rasterize(svg);
    const noFont = await rasterize(svg, { fontFiles: [] });
    const inked = inkIn(withFont.pixels, withFont.width, TITLE);
    expect(inked).toBeGreaterThan(1500);
    expect(inkIn(noFont.pixels, noFont.width, TITLE)).toBeLessThan(inked / 20);
  });

  it("draws different Chinese words differently (glyphs, not empty boxes)", async () => {
    // Two titles of the same length: missing glyphs would draw the same row of boxes twice.
    const a = await rasterize(await layoutToSvg(townshipLayout(townships("新建民宿"))));
    const b = await rasterize(await layoutToSvg(townshipLayout(townships("生猪出栏"))));
    expect(differingIn(a.pixels, b.pixels, a.width, TITLE)).toBeGreaterThan(300);
  });

  it("writes a PNG of at least 800×450 pixels", async () => {
    const chart = await renderTownshipChart(townships("新建民宿"));
    expect(pngSize(chart.png)).toEqual({ width: chart.width, height: chart.height });
    expect(chart.width).toBeGreaterThanOrEqual(800);
    expect(chart.height).toBeGreaterThanOrEqual(450);
  });
});

describe("renderRateChart", () => {
  it("writes a PNG of at least 800×450 pixels with the bars drawn", async () => {
    const chart = await renderRateChart({
      title: "2021年上半年各项任务完成率",
      subtitle: "《某某区乡村振兴进展》",
      rates: [
        { name: "设施农业", value: 60 },
        { name: "水稻种植", value: 100 },
        { name: "稻鱼综合种养", value: 112 },
      ],
    });
    const size = pngSize(chart.png);
    expect(size.width).toBeGreaterThanOrEqual(800);
    expect(size.height).toBeGreaterThanOrEqual(450);
  });
});

describe("renderTrendChart", () => {
  it("writes a PNG of at least 800×450 pixels", async () => {
    const chart = await renderTrendChart({
      field: "新建民宿",
      unit: "户",
      townshipCount: 27,
      points: [
        { period: "2026年9月", total: 300, townships: 27 },
        { period: "2026年10月", total: undefined, townships: 0 },
        { period: "2026年11月", total: 420, townships: 20 },
      ],
    });
    const size = pngSize(chart.png);
    expect(size.width).toBeGreaterThanOrEqual(800);
    expect(size.height).toBeGreaterThanOrEqual(450);
  });
});
