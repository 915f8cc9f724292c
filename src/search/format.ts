// How a figure is written back to people: qualifiers, number and unit as the report has them.
import type { Indicator } from "../extract/indicator.js";

const BEFORE = ["预计", "计划", "累计", "约", "近", "不少于", "超过"];
const AFTER = ["以上", "左右"];

/** "预计437公斤/亩", "1500余个", "5亿多元", "60%以上". */
export function formatFigure(indicator: Indicator): string {
  const before = BEFORE.filter((q) => indicator.qualifiers.includes(q));
  if (indicator.kind === "plan" && !before.includes("计划") && !before.includes("预计")) {
    before.unshift("计划");
  }
  const after = AFTER.filter((q) => indicator.qualifiers.includes(q));
  // raw is the number as written, with 万/亿 and 余/多 ("2.8万" + "亩", "5亿多" + "元").
  const arabic = /^\d/.test(indicator.raw);
  const number = arabic ? indicator.raw : String(indicator.value);
  const magnitude =
    arabic && /[万亿]/.test(indicator.raw) && /^[万亿]/.test(indicator.unit) ? 1 : 0;
  return `${before.join("")}${number}${indicator.unit.slice(magnitude)}${after.join("")}`;
}

/** The figure's clause with its neighbours, trimmed for quoting. */
export function quoteOf(indicator: Indicator, maxLength = 90): string {
  const own = indicator.context.lastIndexOf(indicator.clause);
  const around = indicator.context.slice(Math.max(0, own - 1), own + 2).join("，");
  const text = around.length <= maxLength ? around : indicator.clause;
  const head = own > 1 ? "……" : "";
  const tail = own + 2 < indicator.context.length ? "……" : "";
  return `“${head}${text}${tail}”`;
}

/** "二、加快打造现代都市型农业升级版 › （四）提升粮食安全…". */
export function sectionOf(indicator: Indicator): string {
  return indicator.section.join(" › ");
}
