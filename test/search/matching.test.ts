import { describe, expect, it } from "vitest";
import { realAnswerer } from "../helpers/real-core.js";

const answer = (q: string) => realAnswerer().ask(q).answer;
const figure = (q: string) => {
  const a = answer(q);
  return a ? `${a.value}${a.unit}` : null;
};

describe("question matching", () => {
  it("finds a figure however the words are ordered", () => {
    expect(figure("夏粮单产多少")).toBe("437公斤/亩");
    expect(figure("单产夏粮是多少")).toBe("437公斤/亩");
    expect(figure("多少户民宿建成了")).toBe("120户");
  });

  it("knows everyday synonyms", () => {
    expect(figure("夏粮亩产")).toBe("437公斤/亩");
    expect(figure("建成的农家院有几户")).toBe("120户");
    expect(figure("猪出栏多少头")).toBe("23.84万头");
    expect(figure("区级非遗项目有几个")).toBe("2个");
  });

  it("forgives one homophone slip of pinyin input", () => {
    expect(figure("夏梁单产多少")).toBe("437公斤/亩");
    expect(figure("网格圆有多少名")).toBe("1472名");
  });

  it("reads traditional characters and full-width forms", () => {
    expect(figure("夏糧單產多少？")).toBe("437公斤/亩");
    expect(figure("２０２０年示范村验收了几个")).toBe("14个");
  });

  it("uses the unit a question asks for to pick among figures of one clause", () => {
    expect(figure("临时救助多少户")).toBe("434户");
    expect(figure("临时救助多少人次")).toBe("808人次");
    expect(figure("设施农业完成率")).toBe("60%");
    expect(figure("设施农业多少亩")).toBe("1.8万亩");
  });

  it("says there is no such figure rather than giving a wrong number", () => {
    expect(answer("秋粮亩产")).toBeNull();
    expect(answer("电影院有几家")).toBeNull();
    expect(answer("今年财政收入多少")).toBeNull();
    expect(answer("去年生猪出栏多少")).toBeNull();
    expect(answer("下营镇新建民宿多少户")).toBeNull();
  });

  it("suggests near topics when it has no answer", () => {
    const result = realAnswerer().ask("秋粮亩产");
    expect(result.text).toContain("报告里没有");
    expect(result.choices.map((c) => c.label).join()).toContain("夏粮单产");
  });

  it("gives the qualifier, period, source and related figures", () => {
    const reply = realAnswerer().ask("设施农业多少亩");
    expect(reply.answer).toMatchObject({ period: "2021年上半年", source: { date: "2021-07-13" } });
    expect(reply.text).toContain("（四）");
    expect(reply.text).toMatch(/相关：.*年度任务完成率 60%/);
  });

  it("offers the close alternatives as choices when two figures compete", () => {
    const reply = realAnswerer().ask("投资多少");
    expect(reply.answer).not.toBeNull();
    expect(reply.choices.length).toBeGreaterThan(0);
    expect(reply.text).toContain("也可能是");
  });

  it("reads a year as the figure's own, not as a comparison", () => {
    expect(figure("2020年示范村验收了几个")).toBe("14个");
    expect(answer("2020年夏粮单产多少")).toBeNull();
    expect(figure("夏粮面积比去年多了多少亩")).toBe("2.8万亩");
    expect(answer("2022年高标准农田计划建多少亩")).toBeNull();
  });

  it("does not answer a total with what was added", () => {
    expect(figure("快递网点新增多少")).toBe("100个");
    expect(answer("村级快递网点总共有多少个")).toBeNull();
  });

  it("takes 几个 as any count and drops what the question rules out", () => {
    expect(figure("新建了几个涵洞")).toBe("2座");
    expect(figure("低保涉及多少人，不是户数")).toBe("11731人");
  });

  it("tells what was done from what was planned", () => {
    expect(figure("高标准农田计划投资多少")).toBe("2145万元");
    expect(figure("高标准农田那几个项目实际已经花了多少钱")).toBe("288.9万元");
    expect(figure("农膜回收率要求达到多少")).toBe("80%");
  });

  it("keeps a word the report lacks whole instead of matching its parts", () => {
    expect(answer("网络培训班培训科级干部多少人")).toBeNull();
    expect(answer("牛存栏多少头")).toBeNull();
  });
});

describe("English and mixed questions", () => {
  const answerer = realAnswerer();
  it.each([
    ["How many homestays were built", "户"],
    ["what is the summer grain yield per mu", "公斤/亩"],
    ["生猪 stock 多少", "万头"],
  ])("reads %s", (question, unit) => {
    expect(answerer.ask(question).answer?.unit).toBe(unit);
  });
});

describe("competing figures", () => {
  it("asks which when two sides of a contrast both fit (存栏 or 出栏)", () => {
    const result = realAnswerer().ask("生猪多少头");
    expect(result.answer).toBeNull();
    expect(result.text).toContain("您问的是哪一个");
    expect(result.choices.map((c) => c.label.split(" ")[0])).toEqual(["生猪存栏", "生猪出栏"]);
    expect(realAnswerer().ask("生猪出栏多少头").answer?.name).toBe("生猪出栏");
  });
});

describe("a part asked of a total", () => {
  it("says the report gives only the total of the parts, and offers it", () => {
    const result = realAnswerer().ask("养殖业理赔多少");
    expect(result.answer).toBeNull();
    expect(result.text).toContain("只给出了与种植业的合计");
    expect(result.offered).toHaveLength(1);
  });
});
