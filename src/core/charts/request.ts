// Reading what chart a person asks for: "/chart 新建民宿" (this month, per township), "/chart
// 新建民宿 10月" (that month), "/chart 新建民宿 趋势" (the district total over the months),
// "/chart 完成率" (the latest report's completion rates); and the same without the command,
// ending in 图: "各乡镇新建民宿 图", "新建民宿趋势图", "完成率图表".
import { parsePeriod } from "../period.js";

/** A field of the reporting task, as the chart needs it (a `TaskField` fits). */
export interface ChartField {
  key: string;
  label: string;
  unit: string;
  aliases: readonly string[];
}

/** The chart asked for, or why none can be drawn. */
export type ChartRequest =
  | { kind: "township"; field: ChartField; period?: string }
  | { kind: "trend"; field: ChartField }
  | { kind: "rates" }
  | { kind: "usage" }
  | { kind: "unknown"; typed: string }
  | { kind: "badPeriod"; error: string };

const TREND_WORDS = /(?:的)?(?:趋势|走势|变化|历月)$/u;
const RATE_NAMES = /^(?:各项|年度)?(?:任务)?完成率$/u;
// Words around a field name that say nothing more: 各乡镇新建民宿, 新建民宿的.
const AROUND = /^(?:各乡镇街?|各乡镇|各镇|全区|全县|全市)?(?:的)?|(?:的)?(?:情况|数据|数)?$/gu;
// The end of a chart question and its kind: 新建民宿 图, 新建民宿趋势图, 完成率图表.
const PICTURE = /(?:柱状图|条形图|统计图|趋势图|折线图|图表|图)$/u;
const TREND_PICTURE = /(?:趋势图|折线图)$/u;
const ASKING = /^(?:请)?(?:帮我|给我)?(?:画|发|做|出|生成)?(?:一张|一个|个|张)?/u;
// A token meant as a month: 10月, 十月份, 2026年10月, 上个月, 2026-10.
const MONTHISH = /^[\d年今去明本上下这个当一二三四五六七八九十]+月份?$|^\d{4}[-/.]\d{1,2}$/u;

/** Reads the argument of /chart. */
export function readChartArgs(
  args: string,
  fields: readonly ChartField[],
  now: Date,
): ChartRequest {
  const tokens = args.normalize("NFKC").trim().split(/\s+/u).filter(Boolean);
  if (!tokens.length) return { kind: "usage" };
  let trend = false;
  let period: string | undefined;
  const words: string[] = [];
  for (const token of tokens) {
    if (TREND_WORDS.test(token) && token.replace(TREND_WORDS, "") === "") trend = true;
    else if (MONTHISH.test(token)) {
      const read = parsePeriod(token, now);
      if (!read.ok) return { kind: "badPeriod", error: read.error };
      period = read.value;
    } else words.push(token);
  }
  let name = words.join("");
  if (TREND_WORDS.test(name)) {
    trend = true;
    name = name.replace(TREND_WORDS, "");
  }
  const bare = name.replace(AROUND, "");
  if (RATE_NAMES.test(bare)) return { kind: "rates" };
  if (!bare) return { kind: "usage" };
  const field = findField(name, fields) ?? findField(bare, fields);
  if (!field) return { kind: "unknown", typed: words.join(" ") };
  return trend ? { kind: "trend", field } : { kind: "township", field, period };
}

/**
 * A chart asked for without the command ("各乡镇新建民宿 图"), or undefined when the text is not
 * one: it must end in 图 and name a task field or 完成率 with nothing else left over.
 */
export function readChartQuestion(
  text: string,
  fields: readonly ChartField[],
  now: Date,
): ChartRequest | undefined {
  const clean = text
    .normalize("NFKC")
    .replace(/\s+/gu, "")
    .replace(/[。？?！!]+$/u, "");
  if (!PICTURE.test(clean)) return undefined;
  const trend = TREND_PICTURE.test(clean);
  const body = clean.replace(PICTURE, "").replace(ASKING, "");
  const request = readChartArgs(trend ? `${body} 趋势` : body, fields, now);
  return request.kind === "township" || request.kind === "trend" || request.kind === "rates"
    ? request
    : undefined;
}

/** The field whose label or alias is `name` (case and width ignored). */
export function findField(name: string, fields: readonly ChartField[]): ChartField | undefined {
  const wanted = fold(name);
  return fields.find((f) => [f.label, ...f.aliases].some((n) => fold(n) === wanted));
}

function fold(text: string): string {
  return text.normalize("NFKC").replace(/\s+/gu, "").toLowerCase();
}
