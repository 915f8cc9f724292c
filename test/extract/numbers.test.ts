import { describe, expect, it } from "vitest";
import { chineseNumeral, findNumbers } from "../../src/extract/numbers.js";

const figures = (clause: string) =>
  findNumbers(clause).map((f) => ({ value: f.value, unit: f.unit, qualifiers: f.qualifiers }));

describe("findNumbers", () => {
  it("reads a number with a compound unit and a magnitude", () => {
    expect(figures("单产预计可达12公斤/亩，出栏3.5万头")).toEqual([
      { value: 12, unit: "公斤/亩", qualifiers: [] },
      { value: 3.5, unit: "万头", qualifiers: [] },
    ]);
  });

  it("reads working days as a unit of their own, not a count in 个", () => {
    expect(figures("项目开工从198个工作日缩短至3个工作日")).toEqual([
      { value: 198, unit: "个工作日", qualifiers: [] },
      { value: 3, unit: "个工作日", qualifiers: [] },
    ]);
  });

  it("reads a density or a rate per area or per people as one unit", () => {
    expect(figures("路网密度提升至7.3公里/平方公里，每千人病床4.9张/千人")).toEqual([
      { value: 7.3, unit: "公里/平方公里", qualifiers: [] },
      { value: 4.9, unit: "张/千人", qualifiers: [] },
    ]);
  });

  it("keeps 余 and 多 as qualifiers, also between a magnitude and its unit", () => {
    expect(figures("提供岗位200余个，总投资7亿多元，服务客户30多家")).toEqual([
      { value: 200, unit: "个", qualifiers: ["余"] },
      { value: 7, unit: "亿元", qualifiers: ["多"] },
      { value: 30, unit: "家", qualifiers: ["多"] },
    ]);
  });

  it("reads 以上 after the unit but not the 多 of 多功能", () => {
    expect(figures("受益3万人次以上")).toEqual([
      { value: 3, unit: "万人次", qualifiers: ["以上"] },
    ]);
    expect(figures("9个多功能运动场")).toEqual([{ value: 9, unit: "个", qualifiers: [] }]);
  });

  it("reads Chinese numerals with a measure word", () => {
    expect(figures("公布了两个区级项目，完成一个分拣车间")).toEqual([
      { value: 2, unit: "个", qualifiers: [] },
      { value: 1, unit: "个", qualifiers: [] },
    ]);
  });

  it("skips years, dates, ordinals, ranges, ages and slogans", () => {
    const clause = "2021年7月13日第三届会议，1-6月份，35周岁以下，前两轮，“三个一”，5月份，第二轮";
    expect(findNumbers(clause)).toEqual([]);
  });

  it("counts short durations in years but not calendar years", () => {
    expect(figures("启动为期3年的帮扶")).toEqual([{ value: 3, unit: "年", qualifiers: [] }]);
  });

  it("reads 个批次 as 批次 and ％ as %", () => {
    expect(figures("完成4个批次上报，回收率82％")).toEqual([
      { value: 4, unit: "批次", qualifiers: [] },
      { value: 82, unit: "%", qualifiers: [] },
    ]);
  });
});

describe("chineseNumeral", () => {
  it("reads small Chinese numerals", () => {
    expect(chineseNumeral("两")).toBe(2);
    expect(chineseNumeral("十二")).toBe(12);
    expect(chineseNumeral("三百零五")).toBe(305);
    expect(chineseNumeral("两千三百")).toBe(2300);
    expect(chineseNumeral("甲")).toBeUndefined();
  });
});
