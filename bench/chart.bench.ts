// `npx tsx bench/chart.bench.ts`: time to draw each chart (spec → SVG → PNG) with 27 townships,
// and the whole /chart command (figures, drawing, writing the file). The first chart also loads
// echarts and resvg; later ones are timed warm. Prints figures; asserts nothing (timing tests
// flake on busy machines). Target: a chart in under 500 ms.
import { chartFiles } from "../src/store/chart-files.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  rateLayout,
  townshipLayout,
  trendLayout,
  type ChartLayout,
} from "../src/charts/options.js";
import { layoutToSvg, svgToPng } from "../src/charts/render.js";
import type { RateChartSpec, TownshipChartSpec, TrendChartSpec } from "../src/charts/specs.js";
import { createChartFeature } from "../src/core/charts/index.js";
import { shanghaiInstant } from "../src/core/period.js";
import { memorySubmissionStore } from "../src/store/submissions.js";
import { loadTasks } from "../src/store/tasks.js";

const ROUNDS = 7;
const TOWNSHIPS = Array.from({ length: 27 }, (_, i) => `某某${i + 1}镇`);

const TOWNSHIP: TownshipChartSpec = {
  field: "生猪出栏",
  unit: "头",
  period: "2026年11月",
  deadline: "2026年11月25日（周三）17:00",
  townships: TOWNSHIPS.map((name, i) => ({ name, value: i % 6 ? 1000 + i * 537 : undefined })),
};
const RATES: RateChartSpec = {
  title: "2021年上半年各项任务完成率",
  subtitle: "《某某区推进乡村振兴上半年工作进展情况》",
  rates: [60, 71, 100, 99, 53, 100].map((value, i) => ({ name: `任务${i + 1}`, value })),
};
const TREND: TrendChartSpec = {
  field: "新建民宿",
  unit: "户",
  townshipCount: 27,
  points: Array.from({ length: 12 }, (_, i) => ({
    period: `2026年${i + 1}月`,
    total: 300 + i * 25,
    townships: 27,
  })),
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timeChart(name: string, layout: () => ChartLayout): Promise<void> {
  const svgTimes: number[] = [];
  const pngTimes: number[] = [];
  let first = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    const t0 = performance.now();
    const svg = await layoutToSvg(layout());
    const t1 = performance.now();
    await svgToPng(svg);
    const t2 = performance.now();
    if (round === 0) first = t2 - t0;
    else {
      svgTimes.push(t1 - t0);
      pngTimes.push(t2 - t1);
    }
  }
  const svg = median(svgTimes);
  const png = median(pngTimes);
  console.log(
    `${name.padEnd(10)} first ${first.toFixed(0).padStart(5)} ms   warm median: svg ${svg.toFixed(0).padStart(4)} ms` +
      ` + png ${png.toFixed(0).padStart(4)} ms = ${(svg + png).toFixed(0).padStart(4)} ms (target: under 500 ms)`,
  );
}

/** /chart 生猪出栏 over a memory store with 22 of 27 townships reported. */
async function timeCommand(): Promise<void> {
  const task = loadTasks()[0]!;
  const now = shanghaiInstant(2026, 11, 20, 10, 0);
  const submissions = memorySubmissionStore();
  for (const [i, township] of TOWNSHIPS.entries()) {
    if (i % 6 === 0) continue;
    await submissions.submit({
      taskId: task.id,
      period: "2026-11",
      township,
      entries: [{ field: "hogs-sold", value: 1000 + i * 537, unit: "头" }],
      by: { identity: "console:bench" },
      channel: "console",
      raw: "bench",
      at: now,
      late: false,
    });
  }
  const dir = mkdtempSync(join(tmpdir(), "chart-bench-"));
  const feature = createChartFeature({
    tasks: [task],
    roster: TOWNSHIPS.map((name) => ({ name })),
    submissions,
    latestReport: () => undefined,
    output: chartFiles(dir),
  });
  const message = { channel: "console", chatId: "b", userId: "b", chatType: "private" } as const;
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    await feature.commands.chart.run({
      message: { ...message, text: "/chart 生猪出栏" },
      identity: "console:b",
      access: { role: "admin" },
      admin: true,
      args: "生猪出栏",
      conversation: {},
      now,
    });
    times.push(performance.now() - t0);
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`/chart 生猪出栏 (27 townships) warm median ${median(times).toFixed(0)} ms`);
}

await timeChart("township", () => townshipLayout(TOWNSHIP));
await timeChart("rates", () => rateLayout(RATES));
await timeChart("trend", () => trendLayout(TREND));
await timeCommand();
