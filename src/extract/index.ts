// Report text -> indicator store.
import { createHash } from "node:crypto";
import { basename } from "node:path";
import { extractFacts } from "./facts.js";
import type { IndicatorStore } from "./indicator.js";
import { findNumbers } from "./numbers.js";
import { parseReport, type ReportStructure } from "./structure.js";

/** What the person importing a report may say of it (it wins over what the text suggests). */
export interface ReportOverrides {
  /** "2026年上半年", "2025年", "2026年1—10月". */
  period?: string;
  title?: string;
}

const PART_OF_YEAR = /上半年|下半年|前三季度|[一二三四]季度|1[-—－~至]\d{1,2}月|全年|年度/;

/** Builds the indicator store of one report text. */
export function buildIndicatorStore(
  text: string,
  file: string,
  overrides: ReportOverrides = {},
): IndicatorStore {
  const parsed = parseReport(withoutSubscriptMarks(text));
  // A text with no dateline or title year (pasted from "各位代表：" on): the year its file's name
  // gives (东湖区-2019-政府工作报告.txt) beats one guessed from the years the text mentions.
  const fileYear = yearInFileName(basename(file));
  const guessed = parsed.yearSource !== "date" && parsed.yearSource !== "title";
  const report = guessed && fileYear ? { ...parsed, year: fileYear } : parsed;
  const warnings: string[] = [];
  const overridden = overrides.period ? yearOfPeriod(overrides.period) : undefined;
  const year = overridden?.year ?? report.year;
  const period = overrides.period ?? periodOf(report, warnings);
  if (!report.date) warnings.push("未找到报告日期");
  if (!overrides.period && report.yearSource !== "date" && report.yearSource !== "title") {
    warnings.push(year ? `报告年份是推断的（${year}年）` : "未找到报告年份");
  }
  const facts = { kind: report.kind, year: overridden?.reportYear ?? year, period };
  const indicators = extractFacts(report.sentences, facts);
  if (indicators.length === 0) warnings.push("没有找到带单位的数字");
  return {
    source: {
      file: basename(file),
      title: overrides.title ?? report.title,
      date: report.date,
      period,
      issuer: report.issuer,
      ...(facts.year === undefined ? {} : { year: facts.year }),
      kind: report.kind,
      sha256: textHash(text),
      warnings,
    },
    indicators,
    mentions: report.sentences
      .filter((s) => s.segments.flat().every((clause) => findNumbers(clause).length === 0))
      .map((s) => s.text),
  };
}

/** "东湖区-2019-政府工作报告.txt" -> 2019: a year standing alone between the name's parts. */
function yearInFileName(file: string): number | undefined {
  const year = /(?:^|[-_\s])((?:19|20)\d{2})(?=[-_\s.年])/.exec(file)?.[1];
  return year ? Number(year) : undefined;
}

/** "PM_2.5", "CO_2": a subscript written with an underscore is read as "PM2.5", "CO2". */
function withoutSubscriptMarks(text: string): string {
  return text.replace(/([A-Za-z])_(?=\d)/g, "$1");
}

/**
 * The identity of a report's text: its hash without whitespace, so the same report read from a
 * .docx and from a .pdf (whose lines break elsewhere) is one report.
 */
export function textHash(text: string): string {
  return createHash("sha256").update(text.replace(/\s+/g, "")).digest("hex");
}

/** The period a report covers: a work report reviews the year before it is given. */
function periodOf(report: ReportStructure, warnings: string[]): string {
  if (report.year === undefined) return "";
  if (report.kind === "work-report") return `${report.year - 1}年`;
  const part = PART_OF_YEAR.exec(report.title)?.[0];
  if (part) return `${report.year}年${part === "年度" ? "全年" : part}`;
  if (/总结|年报/.test(report.title)) return `${report.year}年全年`;
  warnings.push("报告期是推断的（按全年）");
  return `${report.year}年`;
}

/** "2026年上半年" -> year 2026; a period given by hand says which year figures belong to. */
function yearOfPeriod(period: string): { year?: number; reportYear?: number } {
  const year = /(\d{4})年/.exec(period)?.[1];
  return year ? { year: Number(year), reportYear: Number(year) } : {};
}
