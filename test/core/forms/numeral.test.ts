import { describe, expect, it } from "vitest";
import { parseNumber } from "../../../src/core/forms/numeral.js";

describe("parseNumber", () => {
  it.each([
    ["零", 0],
    ["十", 10],
    ["一十五", 15],
    ["一百一十", 110],
    ["一千零五十六", 1056],
    ["十万零一", 100_001],
    ["五千五百万零二十", 55_000_020],
    ["一万三千亿", 1.3e12],
    ["一亿零五万", 100_050_000],
    ["一亿零十八万", 100_180_000],
    ["二〇二六", 2026],
    ["一二三", 123],
    ["壹仟贰佰", 1200],
    ["3万5千", 35_000],
    ["35万", 350_000],
    ["1,234万", 12_340_000],
    ["1.5亿", 150_000_000],
    ["一点五", 1.5],
    ["十二点五万", 125_000],
    ["百分之", undefined],
  ])("should read %s as %s", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each([
    ["两万五", 25_000],
    ["三百五", 350],
    ["一千二", 1200],
    ["1万5", 15_000],
    ["三千五万", 35_000_000],
  ])("should read the spoken shorthand %s as %s", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it("should take digits after 零 or several digits literally", () => {
    expect(parseNumber("两万零五")).toBe(20_005);
    expect(parseNumber("1万2500")).toBe(12_500);
  });

  it.each([
    "万",
    "十二百",
    "一万万",
    "一亿亿",
    "3五",
    "1万2.5",
    "1万12345",
    "一百零五百",
    "一点",
    "点五",
    "1.2.3",
  ])("should refuse the malformed numeral %s", (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });
});
