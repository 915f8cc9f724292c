import fc from "fast-check";
import Nzh from "nzh";
import { describe, expect, it } from "vitest";
import {
  MAX_INPUT_LENGTH,
  parseFieldValue,
  parseQuantity,
  type FieldSpec,
} from "../../../src/core/forms/number-parse.js";

const FULL_WIDTH_OFFSET = "０".charCodeAt(0) - "0".charCodeAt(0);

describe("parseQuantity", () => {
  it.each([
    ["35", 35, undefined],
    ["35户", 35, "户"],
    ["３５", 35, undefined],
    ["１．２万", 12000, undefined],
    ["1.2万", 12000, undefined],
    ["1.13万", 11300, undefined],
    ["0.07万", 700, undefined],
    ["1.2万亩", 1.2, "万亩"],
    ["三十五", 35, undefined],
    ["两千三百", 2300, undefined],
    ["二百零五", 205, undefined],
    ["十二", 12, undefined],
    ["3千", 3000, undefined],
    ["百分之六十", 60, "%"],
    ["百分之六十五点五", 65.5, "%"],
    ["60%", 60, "%"],
    ["60％", 60, "%"],
    ["-5", -5, undefined],
    ["负5", -5, undefined],
    ["−5%", -5, "%"],
    ["1,234", 1234, undefined],
    ["1，234，567", 1234567, undefined],
    ["0.5", 0.5, undefined],
    ["35 户", 35, "户"],
    ["  35  ", 35, undefined],
    ["35。", 35, undefined],
    ["100名", 100, "人"],
    ["5kg", 5, "公斤"],
    ["10㎡", 10, "平方米"],
    ["一亿零三百万元", 103_000_000, "元"],
    ["3千万元", 3000, "万元"],
    ["2.5亿元", 2.5, "亿元"],
    ["1.5万千克", 15000, "公斤"],
    ["一亿五千万亩", 150_000_000, "亩"],
  ])("should read %s as %s %s", (text, value, unit) => {
    expect(parseQuantity(text)).toEqual(
      unit === undefined ? { ok: true, value } : { ok: true, value, unit },
    );
  });

  it.each([
    ["约35", "约"],
    ["大约35户", "大约"],
    ["35户左右", "左右"],
    ["1500余个", "余"],
    ["30多户", "多"],
  ])("should refuse the approximate figure %s and name the word", (text, word) => {
    const result = parseQuantity(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(`“${word}”`);
  });

  it.each([
    ["", "请输入一个数字"],
    ["   ", "请输入一个数字"],
    ["abc", "没看懂这个数字"],
    ["1,23", "没看懂这个数字"],
    ["1e5", "没看懂这个数字"],
    ["NaN", "没看懂这个数字"],
    ["Infinity", "没看懂这个数字"],
    ["万", "没看懂这个数字"],
    ["35abc", "没看懂单位“abc”"],
    ["35户12人", "一次只填一个数字"],
    ["35、12", "一次只填一个数字"],
    ["3 5", "一次只填一个数字"],
    ["9".repeat(MAX_INPUT_LENGTH + 1), "输入太长了"],
    ["9".repeat(17), "数字太大了"],
  ])("should refuse %j with a reason", (text, reason) => {
    const result = parseQuantity(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(reason);
  });

  it("should recognise a field's own unit that the unit table does not know", () => {
    expect(parseQuantity("15个村", { units: ["个村"] })).toEqual({
      ok: true,
      value: 15,
      unit: "个村",
    });
    expect(parseQuantity("15个村").ok).toBe(false);
  });

  it("should never throw nor return a non-finite value, whatever is typed", () => {
    const chars = fc.constantFrom(..."0123456789.,-+%万亿千百十点零一二两三五九负约户亩元 ０５％");
    const text = fc.oneof(fc.string(), fc.string({ unit: chars, maxLength: 30 }));
    fc.assert(
      fc.property(text, (input) => {
        const result = parseQuantity(input);
        if (result.ok) expect(Number.isFinite(result.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("should read every integer written in Chinese numerals back to itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.boolean(), (n, tenMin) => {
        expect(parseQuantity(Nzh.cn.encodeS(n, { tenMin }))).toEqual({ ok: true, value: n });
      }),
      { numRuns: 3000 },
    );
  });

  it("should read large Chinese numerals with 亿 back to themselves", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999_999 }), (n) => {
        expect(parseQuantity(Nzh.cn.encodeS(n))).toEqual({ ok: true, value: n });
      }),
      { numRuns: 2000 },
    );
  });

  it("should read financial numerals (壹仟贰佰) back to themselves", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), (n) => {
        expect(parseQuantity(Nzh.cn.encodeB(n))).toEqual({ ok: true, value: n });
      }),
    );
  });

  it("should read numbers typed with any mix of full-width digits", () => {
    const digits = fc
      .integer({ min: 0, max: 1e12 })
      .chain((n) =>
        fc
          .array(fc.boolean(), { minLength: String(n).length, maxLength: String(n).length })
          .map((wide) => ({ n, text: widen(String(n), wide) })),
      );
    fc.assert(
      fc.property(digits, ({ n, text }) => {
        expect(parseQuantity(text)).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe("parseFieldValue", () => {
  const households: FieldSpec = { unit: "户", integer: true, min: 0 };
  const area: FieldSpec = { unit: "亩", integer: false, min: 0 };

  it("should take a bare number in the field's unit", () => {
    expect(parseFieldValue("35", households)).toEqual({ ok: true, value: 35 });
  });

  it("should convert a compatible unit exactly, without floating noise", () => {
    expect(parseFieldValue("1.2万亩", area)).toEqual({ ok: true, value: 12000 });
    expect(parseFieldValue("1.13万亩", area)).toEqual({ ok: true, value: 11300 });
    expect(parseFieldValue("2公顷", area)).toEqual({ ok: true, value: 30 });
    expect(parseFieldValue("1.2万亩", { unit: "万亩", integer: false })).toEqual({
      ok: true,
      value: 1.2,
    });
    expect(parseFieldValue("3000万元", { unit: "亿元", integer: false })).toEqual({
      ok: true,
      value: 0.3,
    });
  });

  it("should accept another spelling of the field's unit", () => {
    expect(parseFieldValue("50名", { unit: "人", integer: true })).toEqual({ ok: true, value: 50 });
    expect(parseFieldValue("50人", { unit: "名", integer: true })).toEqual({ ok: true, value: 50 });
  });

  it("should refuse a unit of another kind, naming both units", () => {
    expect(parseFieldValue("35吨", households)).toEqual({
      ok: false,
      error: "单位不符：该项以“户”计，不能填“吨”",
    });
    expect(parseFieldValue("35个", households).ok).toBe(false);
  });

  it("should refuse a fraction where the field counts whole things", () => {
    const result = parseFieldValue("3.5", households);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain("该项须为整数");
  });

  it("should check the field's bounds", () => {
    expect(parseFieldValue("-1", households)).toEqual({ ok: false, error: "不能小于0户" });
    const rate: FieldSpec = { unit: "%", integer: false, min: 0, max: 100 };
    expect(parseFieldValue("百分之六十", rate)).toEqual({ ok: true, value: 60 });
    expect(parseFieldValue("120%", rate)).toEqual({ ok: false, error: "不能大于100%" });
  });

  it("should pass on the parser's reason for unreadable input", () => {
    expect(parseFieldValue("", households)).toEqual({
      ok: false,
      error: "请输入一个数字，例如 35",
    });
    expect(parseFieldValue("x".repeat(10_000), households).ok).toBe(false);
  });
});

function widen(digits: string, wide: boolean[]): string {
  return [...digits]
    .map((c, i) => (wide[i] ? String.fromCharCode(c.charCodeAt(0) + FULL_WIDTH_OFFSET) : c))
    .join("");
}
