// Chart specs → SVG (echarts, server-side) → PNG (resvg, with the CJK font loaded from its file).
// echarts and resvg load on the first chart, so a bot that never draws one never pays for them.
// Drawing a chart with Chinese labels takes about 0.1–0.3 s (bench/chart.bench.ts); the PNG step
// runs on libuv's thread pool (`renderAsync`), so the event loop keeps serving other chats.
import type { RenderedImage, ResvgRenderOptions } from "@resvg/resvg-js";
import { CHART_FONT_FAMILY, chartFontFile } from "./font.js";
import { rateLayout, townshipLayout, trendLayout, type ChartLayout } from "./options.js";
import type { RateChartSpec, TownshipChartSpec, TrendChartSpec } from "./specs.js";

export type * from "./specs.js";

/** A drawn chart. */
export interface ChartImage {
  png: Buffer;
  /** Pixels. */
  width: number;
  height: number;
}

/** Options of `rasterize` and `svgToPng`. */
export interface RasterOptions {
  /** Font files to draw text with (default: the chart font, Noto Sans SC Regular). */
  fontFiles?: readonly string[];
}

type Echarts = typeof import("echarts/core");
type Resvg = typeof import("@resvg/resvg-js");

let echartsLoading: Promise<Echarts> | undefined;
let resvgLoading: Promise<Resvg> | undefined;

/** echarts with only what the charts use: bars, lines, grid, title, the 100% line, SVG. */
function loadEcharts(): Promise<Echarts> {
  echartsLoading ??= (async () => {
    const [echarts, charts, components, renderers] = await Promise.all([
      import("echarts/core"),
      import("echarts/charts"),
      import("echarts/components"),
      import("echarts/renderers"),
    ]);
    echarts.use([
      charts.BarChart,
      charts.LineChart,
      components.GridComponent,
      components.TitleComponent,
      components.MarkLineComponent,
      renderers.SVGRenderer,
    ]);
    return echarts;
  })();
  return echartsLoading;
}

function loadResvg(): Promise<Resvg> {
  resvgLoading ??= import("@resvg/resvg-js");
  return resvgLoading;
}

/** The SVG of a laid-out chart, drawn by echarts' server-side SVG renderer. */
export async function layoutToSvg(layout: ChartLayout): Promise<string> {
  const echarts = await loadEcharts();
  const { width, height } = layout;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption(layout.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Rasterizes an SVG with only the given fonts (never the system's); `.pixels` is RGBA. */
export async function rasterize(svg: string, options: RasterOptions = {}): Promise<RenderedImage> {
  const { renderAsync } = await loadResvg();
  const fontFiles = [...(options.fontFiles ?? [chartFontFile()])];
  const render: ResvgRenderOptions = {
    background: "#ffffff",
    font: {
      fontFiles,
      loadSystemFonts: false,
      defaultFontFamily: CHART_FONT_FAMILY,
      sansSerifFamily: CHART_FONT_FAMILY,
    },
  };
  return renderAsync(svg, render);
}

/** An SVG as a PNG. */
export async function svgToPng(svg: string, options: RasterOptions = {}): Promise<ChartImage> {
  const image = await rasterize(svg, options);
  return { png: image.asPng(), width: image.width, height: image.height };
}

/** (a) One field per township for a period: total and deadline in the title, 未报 marked. */
export async function renderTownshipChart(spec: TownshipChartSpec): Promise<ChartImage> {
  return svgToPng(await layoutToSvg(townshipLayout(spec)));
}

/** (b) Completion rates as horizontal bars (name, %) with a line at 100%. */
export async function renderRateChart(spec: RateChartSpec): Promise<ChartImage> {
  return svgToPng(await layoutToSvg(rateLayout(spec)));
}

/** (c) A field's district total over periods. */
export async function renderTrendChart(spec: TrendChartSpec): Promise<ChartImage> {
  return svgToPng(await layoutToSvg(trendLayout(spec)));
}
