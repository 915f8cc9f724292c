// Answers across reports: the latest by default, a year, a period or 上次报告 selects another,
// 比上次 compares, and every answer names its report and period.
import { describe, expect, it } from "vitest";
import { buildIndicatorStore } from "../../src/extract/index.js";
import { memoryLibrary } from "../../src/reports/library.js";
import { loadIntents } from "../../src/search/intents.js";
import { ReportsAnswerer } from "../../src/search/reports-answerer.js";
import { answererOf } from "../helpers/reports.js";

const report = (title: string, date: string, sentences: string) =>
  `${title}\n一、产业发展\n${sentences}\n某县农业农村局\n${date}\n`;

const H1 = report(
  "某县2025年上半年乡村振兴工作进展情况",
  "2025年7月10日",
  "全县生猪出栏12.5万头，新建民宿30户，高标准农田建设完成投资1.2亿元。",
);
const H2 = report(
  "某县2025年全年乡村振兴工作进展情况",
  "2026年1月12日",
  "全县生猪出栏26万头，新建民宿55户，高标准农田建设完成投资8000万元。",
);
const NEXT = report(
  "某县2026年上半年乡村振兴工作进展情况",
  "2026年7月9日",
  "全县生猪出栏13万头，新建民宿21户。",
);

describe("answers across reports", () => {
  // Given out of order: the answerer orders them by period.
  const answerer = answererOf(NEXT, H1, H2);

  it("answers from the latest report by default and names it", () => {
    const { answer, text } = answerer.ask("生猪出栏多少");
    expect(answer).toMatchObject({ value: 13, unit: "万头" });
    expect(text).toContain("2026年上半年");
    expect(text).toContain("（2026年上半年报告）");
  });

  it("selects a report by the year and period a question names", () => {
    expect(answerer.ask("2025年上半年生猪出栏多少").answer).toMatchObject({ value: 12.5 });
    expect(answerer.ask("2025年全年生猪出栏多少").answer).toMatchObject({ value: 26 });
  });

  it("answers 上次报告 from the report before the latest", () => {
    expect(answerer.ask("上次报告新建民宿多少户").answer).toMatchObject({ value: 55, unit: "户" });
  });

  it("falls back to an older report when the latest has no such figure, saying which", () => {
    const { answer, text } = answerer.ask("高标准农田建设投资多少");
    expect(answer).toMatchObject({ value: 8000, unit: "万元" });
    expect(text).toContain("2025年全年");
  });

  it("compares with the report before: both figures and the difference", () => {
    const { answer, text } = answerer.ask("新建民宿比上次多了多少");
    expect(text).toContain("21户");
    expect(text).toContain("55户");
    expect(text).toContain("减少34户");
    expect(answer?.value).toBe(-34);
  });

  it("converts magnitudes of one unit family and refuses to subtract other units", () => {
    const money = answererOf(H1, H2).ask("高标准农田建设投资比上次变化多少");
    expect(money.text).toContain("减少4000万元");
    const mixed = answererOf(
      report("某县2025年上半年情况", "2025年7月1日", "全县新建民宿30户。"),
      report("某县2025年全年情况", "2026年1月1日", "全县新建民宿40家。"),
    ).ask("新建民宿比上次多了多少");
    expect(mixed.answer).toBeNull();
    expect(mixed.text).toContain("不能直接相减");
  });

  it("says there is no such figure when no report has it", () => {
    expect(answerer.ask("新建养老院多少所").answer).toBeNull();
  });
});

describe("a part asked of a joint figure", () => {
  it("says the report gives only the total, and offers it", () => {
    const text = report(
      "某县2025年上半年情况",
      "2025年7月1日",
      "向东山县、西山县捐赠款物共计50万元，东山县新建学校3所。",
    );
    const answerer = new ReportsAnswerer(
      memoryLibrary([buildIndicatorStore(text, "t.txt")]),
      loadIntents(),
      ["东山县", "西山县"],
    );
    const joint = answerer.ask("东山县捐赠款物多少");
    expect(joint.answer).toBeNull();
    expect(joint.text).toContain("只给出了与西山县的合计");
    expect(joint.offered).toEqual([expect.objectContaining({ value: 50, unit: "万元" })]);
    expect(answerer.ask("东山县新建学校几所").answer).toMatchObject({ value: 3, unit: "所" });
  });
});
