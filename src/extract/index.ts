// Report text -> indicator store.
import { basename } from "node:path";
import { extractFacts } from "./facts.js";
import type { IndicatorStore } from "./indicator.js";
import { findNumbers } from "./numbers.js";
import { parseReport } from "./structure.js";

/** Builds the indicator store of one report text. */
export function buildIndicatorStore(text: string, file: string): IndicatorStore {
  const report = parseReport(text);
  const period = /上半年|下半年|全年|一季度|二季度|三季度|四季度/.exec(report.title)?.[0] ?? "";
  return {
    source: {
      file: basename(file),
      title: report.title,
      date: report.date,
      period,
      issuer: report.issuer,
    },
    indicators: extractFacts(report.sentences, period),
    mentions: report.sentences
      .filter((s) => s.segments.flat().every((clause) => findNumbers(clause).length === 0))
      .map((s) => s.text),
  };
}
