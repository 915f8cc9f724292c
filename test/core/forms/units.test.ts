import { describe, expect, it } from "vitest";
import {
  UNITS,
  UnitDataError,
  buildUnitTable,
  canonicalUnit,
  convertToUnit,
  roundNoise,
  unitSpellings,
} from "../../../src/core/forms/units.js";

const VALID = {
  families: [{ name: "面积", units: { 亩: 1, 万亩: 10000 } }],
  counts: ["户"],
  aliases: { 公亩: "亩" },
  qualifiers: ["约"],
};

describe("convertToUnit", () => {
  it.each([
    [1.2, "万亩", "亩", 12000],
    [12000, "亩", "万亩", 1.2],
    [2, "公顷", "亩", 30],
    [1, "亿元", "万元", 10000],
    [3500, "元", "万元", 0.35],
    [3, "万吨", "吨", 30000],
    [1, "公斤", "斤", 2],
    [100, "斤", "公斤", 50],
    [2.5, "万头", "头", 25000],
    [1.1, "万人", "人", 11000],
    [60, "%", "%", 60],
    [3, "千克", "公斤", 3],
  ])("should convert %s %s to %s", (value, from, to, expected) => {
    expect(convertToUnit(value, from, to)).toEqual({ ok: true, value: expected });
  });

  it("should treat each count word as its own kind (户 is not 个)", () => {
    expect(convertToUnit(35, "户", "个")).toEqual({
      ok: false,
      error: "单位不符：该项以“个”计，不能填“户”",
    });
    expect(convertToUnit(35, "村", "个").ok).toBe(false);
    expect(convertToUnit(35, "个", "个")).toEqual({ ok: true, value: 35 });
  });

  it("should refuse units of different kinds, naming both", () => {
    expect(convertToUnit(35, "吨", "户")).toEqual({
      ok: false,
      error: "单位不符：该项以“户”计，不能填“吨”",
    });
    expect(convertToUnit(1, "亩", "元").ok).toBe(false);
  });

  it("should pass a unit the table does not know only to itself", () => {
    expect(convertToUnit(15, "个村", "个村")).toEqual({ ok: true, value: 15 });
    expect(convertToUnit(15, "个村", "个").ok).toBe(false);
  });
});

describe("canonicalUnit", () => {
  it("should resolve other spellings to the canonical unit", () => {
    expect(canonicalUnit("名")).toBe("人");
    expect(canonicalUnit("kg")).toBe("公斤");
    expect(canonicalUnit("亩")).toBe("亩");
    expect(canonicalUnit("光年")).toBeUndefined();
  });
});

describe("unitSpellings", () => {
  it("should list longer spellings first so 万亩 wins over 亩", () => {
    const list = unitSpellings();
    expect(list.indexOf("万亩")).toBeLessThan(list.indexOf("亩"));
    expect(list).toContain("千克");
  });
});

describe("buildUnitTable", () => {
  it("should load intents/units.json", () => {
    expect(UNITS.units.get("万亩")).toEqual({ family: "面积", factor: 10000 });
    expect(UNITS.qualifiers).toContain("约");
  });

  it("should accept well-formed data", () => {
    expect(buildUnitTable(VALID).units.size).toBe(3);
  });

  it.each([
    ["a missing list", { ...VALID, counts: undefined }, /counts/],
    ["a zero factor", { ...VALID, families: [{ name: "x", units: { 亩: 0 } }] }, /families/],
    ["a unit listed twice", { ...VALID, counts: ["户", "亩"] }, /“亩” twice/],
    ["an alias to nothing", { ...VALID, aliases: { 公亩: "顷" } }, /unknown unit “顷”/],
    ["an alias that is a unit", { ...VALID, aliases: { 户: "亩" } }, /also a unit/],
  ])("should refuse %s with a UnitDataError", (_, data, message) => {
    expect(() => buildUnitTable(data)).toThrow(UnitDataError);
    expect(() => buildUnitTable(data)).toThrow(message);
  });
});

describe("roundNoise", () => {
  it("should remove floating-point noise but keep integers whole", () => {
    expect(1.13 * 10000).not.toBe(11300);
    expect(roundNoise(1.13 * 10000)).toBe(11300);
    expect(roundNoise(0.1 + 0.2)).toBe(0.3);
    expect(roundNoise(123_456_789_012_345)).toBe(123_456_789_012_345);
    expect(roundNoise(0.0015)).toBe(0.0015); // relative, so small factors survive
  });
});
