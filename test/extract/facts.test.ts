import { describe, expect, it } from "vitest";
import { buildIndicatorStore } from "../../src/extract/index.js";

// A small report in the seed's shape, with made-up figures.
const REPORT = `某区推进乡村振兴上半年工作进展情况

一、产业发展

（一）粮食生产。目前，全区10.5万亩夏粮全部收割完成，比2020年增加1.1万亩，增幅11.7%，夏粮单产预计可达400公斤/亩，总产预计达到4.2万吨，比去年增产0.3万吨，增幅7.69%；落实设施农业2万亩，年度任务完成率40%；完成生猪存栏30万头，年度任务完成率90%；出栏20万头，年度任务完成率50%。
（二）农田建设。全年计划新建高标准农田建设项目3个，建设规模2.5万亩，总投资3000万元。目前，3个项目均已全部开工建设，新建涵洞4座，累计已完成投资500万元。
（三）民宿。完成新建民宿12户、在建民宿8户，已建成民宿总数达到60户。经复核合格的合作社9家，约有近20名学员。

中共某区委农村工作领导小组办公室

                   2021年7月13日
`;

const store = buildIndicatorStore(REPORT, "seeds/test-report.txt");
const byClause = (clause: string, value: number) => {
  const found = store.indicators.find((i) => i.clause.includes(clause) && i.value === value);
  if (!found) throw new Error(`no indicator ${value} in "${clause}"`);
  return found;
};

describe("buildIndicatorStore", () => {
  it("reads the title, period, issuer and date of the report", () => {
    expect(store.source).toMatchObject({
      title: "某区推进乡村振兴上半年工作进展情况",
      period: "2021年上半年",
      issuer: "中共某区委农村工作领导小组办公室",
      date: "2021-07-13",
      file: "test-report.txt",
    });
  });

  it("turns every figure into an indicator with the section path", () => {
    expect(store.indicators).toHaveLength(24);
    expect(byClause("夏粮单产", 400).section).toEqual(["一、产业发展", "（一）粮食生产"]);
  });

  it("names figures by their subject without fillers and reads the qualifier", () => {
    const yieldFigure = byClause("夏粮单产", 400);
    expect(yieldFigure).toMatchObject({ name: "夏粮单产", unit: "公斤/亩", qualifiers: ["预计"] });
    expect(byClause("已建成民宿总数", 60).name).toBe("建成民宿总数");
  });

  it("gives weak subjects the topic the sentence leaves implicit", () => {
    expect(byClause("总产预计", 4.2).name).toBe("夏粮总产");
    expect(byClause("出栏", 20).name).toBe("生猪出栏");
    expect(byClause("年度任务完成率", 50).name).toBe("生猪出栏年度任务完成率");
    expect(byClause("年度任务完成率", 40).name).toBe("设施农业年度任务完成率");
  });

  it("marks plans, rates and changes", () => {
    expect(byClause("建设规模", 2.5)).toMatchObject({
      kind: "plan",
      name: "新建高标准农田建设项目建设规模",
    });
    expect(byClause("总投资", 3000).kind).toBe("plan");
    expect(byClause("年度任务完成率", 90).kind).toBe("rate");
    expect(byClause("增幅", 7.69).kind).toBe("change");
    expect(byClause("新建涵洞", 4).kind).toBe("actual");
  });

  it("carries the previous sentence's topic into a sentence that continues it", () => {
    const spent = byClause("累计已完成投资", 500);
    expect(spent.qualifiers).toContain("累计");
    expect(spent.context.join("，")).toContain("高标准农田");
  });

  it("links a figure to its completion rate and a rate to its figure", () => {
    const farming = byClause("落实设施农业", 2);
    const rate = byClause("年度任务完成率", 40);
    expect(farming.related).toEqual([rate.id]);
    expect(rate.related).toEqual([farming.id]);
  });

  it("reads 约 right before a figure but not inside other words", () => {
    expect(byClause("学员", 20).qualifiers).toEqual(expect.arrayContaining(["近"]));
    expect(byClause("合作社", 9).qualifiers).toEqual([]);
  });

  it("gives stable ids that do not change between builds", () => {
    const again = buildIndicatorStore(REPORT, "seeds/test-report.txt");
    expect(again.indicators.map((i) => i.id)).toEqual(store.indicators.map((i) => i.id));
    expect(new Set(store.indicators.map((i) => i.id)).size).toBe(store.indicators.length);
  });
});

describe("an item's heading", () => {
  const report = `政 府 工 作 报 告
——二〇二六年一月十八日在某县第十八届人民代表大会第五次会议上
各位代表：
一、2026年主要任务
（六）强力推进民生工程，办好15件民生实事和600件民生微实事，提升群众幸福感
安排资金0.8亿元，办好600件民生微实事，实现社区全覆盖。
（七）加快城市更新
推进旧村改造。
`;
  const headed = buildIndicatorStore(report, "某县-2026.txt");

  it("gives the figures it counts, under its own heading", () => {
    const promised = headed.indicators.find((i) => i.value === 15);
    expect(promised).toMatchObject({ unit: "件", kind: "plan" });
    expect(promised!.section).toContain(
      "（六）强力推进民生工程，办好15件民生实事和600件民生微实事，提升群众幸福感",
    );
    // A heading that counts nothing stays a heading only.
    expect(headed.indicators.every((i) => !i.sentence.includes("加快城市更新"))).toBe(true);
  });
});
