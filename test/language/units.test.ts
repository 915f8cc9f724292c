import { describe, expect, it } from "vitest";
import { findNumbers } from "../../src/extract/numbers.js";
import { parseQuantity } from "../../src/core/forms/number-parse.js";
import { parseChineseNumeral, parseNumber } from "../../src/language/numeral.js";
import { UNITS, baseUnit, buildUnitTable, magnitudeOf } from "../../src/language/units.js";

describe("the one unit table", () => {
  it("should strip a magnitude but keep a measure word that starts like one", () => {
    expect(baseUnit("万亿元")).toBe("元");
    expect(baseUnit("万元/人")).toBe("元/人");
    expect(baseUnit("亿千瓦时")).toBe("千瓦时");
    expect(baseUnit("千瓦时")).toBe("千瓦时");
    expect(baseUnit("千克")).toBe("千克");
  });

  it("should size every magnitude, 千 included", () => {
    expect(magnitudeOf("亿元")).toBe(1e8);
    expect(magnitudeOf("万头")).toBe(1e4);
    expect(magnitudeOf("千元")).toBe(1e3);
    expect(magnitudeOf("千瓦时")).toBe(1);
    expect(magnitudeOf("元")).toBe(1);
  });

  it("should refuse a form unit that no report writes", () => {
    const data = {
      families: [{ name: "长度", units: { 米: 1, 丈: 3.33 } }],
      counts: [],
      aliases: {},
      qualifiers: [],
      measureWords: ["米"],
    };
    expect(() => buildUnitTable(data)).toThrow("丈");
  });

  it("should let the extractor find every unit a form converts", () => {
    for (const unit of UNITS.units.keys()) {
      const [found] = findNumbers(`完成35${unit}`);
      expect(found, unit).toMatchObject({ value: 35, unit });
    }
  });
});

describe("the one numeral parser", () => {
  it("should read report numerals and typed figures alike", () => {
    expect(findNumbers("公布了两个项目，建成十二座")).toMatchObject([
      { value: 2, unit: "个" },
      { value: 12, unit: "座" },
    ]);
    expect(parseQuantity("十二座")).toEqual({ ok: true, value: 12, unit: "座" });
    expect(parseNumber("三千五百")).toBe(3500);
    expect(parseNumber("1.2万")).toBe(12000);
    expect(parseNumber("３５".normalize("NFKC"))).toBe(35);
  });

  it("should read Chinese numerals alone and nothing else", () => {
    expect(parseChineseNumeral("二〇二六")).toBe(2026);
    expect(parseChineseNumeral("三百零五")).toBe(305);
    expect(parseChineseNumeral("两")).toBe(2);
    expect(parseChineseNumeral("35")).toBeUndefined();
    expect(parseChineseNumeral("")).toBeUndefined();
  });
});
