import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildIndicatorStore } from "../../src/extract/index.js";
import {
  INDICATORS_FILE,
  REPORT_FILE,
  loadIndicatorStore,
  serialiseStore,
} from "../../src/extract/store-file.js";

const reportText = readFileSync(REPORT_FILE, "utf8");
const rebuilt = buildIndicatorStore(reportText, REPORT_FILE);

describe("the committed indicator store", () => {
  it("is exactly what `npm run build-store` makes from the seed report", () => {
    // Fails when the extractor or the report changed and data/indicators.json was not rebuilt.
    expect(readFileSync(INDICATORS_FILE, "utf8")).toBe(serialiseStore(rebuilt));
  });

  it("gives every figure its own id", () => {
    const ids = rebuilt.indicators.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("loads and validates", () => {
    expect(loadIndicatorStore().indicators.length).toBe(rebuilt.indicators.length);
  });
});

describe("coverage of the report's figures", () => {
  // Every Arabic number in the report, minus calendar dates, ordinals, ranges and ages, is a
  // figure the store must hold with the same value and a clause containing it as written.
  const NOT_A_FIGURE = /^(\d{4}年|\d+(月|日|号|届|周岁|岁|周年|月份))|^\d+-\d+|^\d+[A-Za-z]/;

  function reportFigures(): { raw: string; value: number; at: string }[] {
    const found: { raw: string; value: number; at: string }[] = [];
    for (const m of reportText.matchAll(/\d+(\.\d+)?/g)) {
      const before = reportText[m.index - 1] ?? "";
      const rest = reportText.slice(m.index, m.index + 8);
      if (before === "第" || before === "-" || NOT_A_FIGURE.test(rest)) continue;
      found.push({
        raw: m[0],
        value: Number(m[0]),
        at: reportText.slice(m.index - 6, m.index + 10),
      });
    }
    return found;
  }

  it("holds at least 98% of them with the right value", () => {
    const figures = reportFigures();
    const missing = figures.filter(
      (f) => !rebuilt.indicators.some((i) => i.value === f.value && i.clause.includes(f.raw)),
    );
    const coverage = 1 - missing.length / figures.length;
    expect(figures.length).toBeGreaterThan(200);
    expect(missing.map((m) => m.at)).toEqual([]);
    expect(coverage).toBeGreaterThanOrEqual(0.98);
  });

  it("reads the units as written next to each number", () => {
    for (const indicator of rebuilt.indicators) {
      const written = indicator.clause.replace(/[余多]/g, "");
      const unit = indicator.unit.replace(/^批次$/, "批次");
      expect(written, indicator.id).toContain(
        unit === "批次" ? "批次" : unit.replace(/^[万亿]/, ""),
      );
    }
  });
});

describe("loadIndicatorStore", () => {
  it("names the file when it is broken", () => {
    const file = join(mkdtempSync(join(tmpdir(), "store-")), "indicators.json");
    writeFileSync(file, '{"indicators": [{"id": 1}]}');
    expect(() => loadIndicatorStore(file)).toThrow(file);
  });

  it("says how to build it when it is missing", () => {
    expect(() => loadIndicatorStore("/nonexistent/indicators.json")).toThrow(/build-store/);
  });
});
