// Questions in people's own words: the general rules behind them, each pinned by a question.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildIndicatorStore } from "../../src/extract/index.js";
import { memoryLibrary } from "../../src/reports/library.js";
import { loadIntents } from "../../src/search/intents.js";
import { ReportsAnswerer } from "../../src/search/reports-answerer.js";
import { fixtureAnswerer } from "../helpers/reports.js";

const answer = (q: string) => fixtureAnswerer().ask(q).answer;

function otherReport(name: string): ReportsAnswerer {
  const file = fileURLToPath(new URL(`../fixtures/reports/${name}.txt`, import.meta.url));
  const store = buildIndicatorStore(readFileSync(file, "utf8"), file);
  return new ReportsAnswerer(memoryLibrary([store]), loadIntents());
}

describe("questions in people's own words", () => {
  it("should take a number the question states as a whole number pointing at its sentence", () => {
    const found = answer("咱们区自己办的那50场招聘会一共拿出多少个岗位");
    expect(found?.source.sentence).toContain("招聘会50场");
  });

  it("should not answer a part asked of a whole with the whole's figure", () => {
    // "那些…里，Y" asks of a part: every word of Y must be the figure's own, so the whole's
    // figure (all 图斑) does not answer, and the part's does.
    expect(answer("乱占耕地建房的那些图斑里，产业方面的有几宗")?.name).toContain("产业");
    expect(answer("乱占耕地建房的那些图斑里头，老百姓自家住房的有多少宗")).toBeNull();
    expect(answer("乱占耕地建房图斑有多少宗")?.name).not.toContain("产业");
  });

  it("should not answer how many with how often", () => {
    expect(answer("公厕有多少")?.unit).toBe("座");
  });

  it("should let a region set the scene without the figure repeating it", () => {
    expect(answer("给甘肃结对的两个县捐钱捐物，到现在一共多少")?.name).toContain("捐赠");
  });

  it("should rule out what a question sets aside after naming it (先不说, 先不管)", () => {
    expect(answer("跟结对县谈的产业合作，签约额先不说，真正投下去的钱有多少？")?.name).toContain(
      "实际投资",
    );
    expect(
      answer("高标准农田项目，总投资先不管，目前累计已经完成的投资是多少？")?.name,
    ).not.toContain("总投资");
  });

  it("should read 那部分 and 那一批 as pointing words, not words of the subject", () => {
    expect(answer("农业保险只要养殖业那部分的保费，不要合计数")?.name).toBe("养殖业保险保费");
    expect(answer("买PCR检测仪那一批防疫设备，花了多少钱？")?.name).toContain("购置");
  });

  it("should rule out what a clause sets aside with 先放一边 or 别算", () => {
    expect(answer("跟结对县的产业合作，签约额先放一边，真正投下去的资金是多少？")?.name).toContain(
      "实际投资",
    );
    expect(answer("消防取水设施建成的有几处？在建的和选址的别算")?.value).toBe(23);
  });

  it("should measure 资金 and 床位数 only in their own units", () => {
    // "投入了多少改革资金" is money: a count of villages does not answer it.
    expect(answer("宅基地改革首批试点村，投入了多少改革资金？")).toBeNull();
    // "床位数" counts beds (张): a count of centres (家) does not answer it.
    expect(answer("养老床位那个，是已经新增的还是全年预计？报全年新增的床位数")?.unit ?? "张").toBe(
      "张",
    );
  });

  it("should read 覆盖 as reaching the households counted", () => {
    expect(answer("低保对象一共覆盖多少户？")?.value).toBe(6158);
  });

  it("should offer the towns' joint figure when the question names both, then picks one", () => {
    // The report gives what the two model towns got together, not each one's.
    expect(answer("下营镇、官庄镇两个示范镇投入的资金里，其中官庄镇投了多少？")).toBeNull();
  });

  it("should read 别给我 as ruling out what follows, and 别给 closing a clause as ruling it out", () => {
    expect(answer("生猪出栏的年度任务完成率是多少？别给我存栏的那个")?.value).toBe(53);
    expect(answer("那22个产业帮扶项目里，农产品加工仓储的几个？总数别给")?.value).toBe(3);
  });

  it("should read 里单说 and 里只看 as asking a part", () => {
    // The report gives livestock insured in all (养殖业承保90.41万头), not pigs alone.
    expect(answer("养殖业保险里单说生猪承保了多少头？")).toBeNull();
    expect(answer("农业保险里只看养殖业，承保了多少头？")?.value).toBe(90.41);
  });

  it("should set aside a figure the asker says they know", () => {
    expect(answer("产权流转交易覆盖率，乡镇一级是100%我知道了，村一级的是多少？")?.value).toBe(
      22.13,
    );
    expect(answer("农村产权交易覆盖率是多少？乡镇那个100%我们都知道")?.value).toBe(22.13);
    expect(
      answer("津企陇上行那回，签约额我们知道是8500万元，实际已经投下去的钱有多少？")?.name,
    ).toContain("实际投资");
  });

  it("should not join words across a question's clause break", () => {
    // "积分制试点，区里选了…" holds no word "试点区".
    expect(answer("乡村治理积分制试点，区里选了多少个村作为试点示范村？")?.value).toBe(25);
  });

  it("should leave out a yes-or-no check after the clause that asks for the figure", () => {
    expect(answer("今年新招的选调生几个？都下村了吧")?.name).toContain("选调生");
  });

  it("should repair the sounds pinyin typists mix up", () => {
    expect(answer("帮农名工追回的欠薪和待遇有多少钱")?.name).toContain("追讨");
  });

  it("should read English questions", () => {
    expect(answer("how many homestays are under construction")?.name).toBe("在建民宿");
    expect(answer("How many pigs were sold")?.name).toBe("生猪出栏");
    expect(answer("农业保险 total premium 一共多少")?.name).toMatch(/保费$/);
    expect(answer("农村产权流转交易，village-level 覆盖率是多少？")?.name).toContain("村级");
  });

  it("should answer both parts asked together with their total, not one part", () => {
    const found = answer("种植养殖两块的农业保险保费加起来多少");
    expect(found?.name).not.toMatch(/^(种植业|养殖业)/);
  });

  it("should not take one group's subsidy for the total of several groups", () => {
    expect(answer("光低保这一块，补贴一共发了多少钱？")).toBeNull();
  });
});

describe("kinds of figures in other reports", () => {
  const gansu = otherReport("甘肃省-2026-政府工作报告");

  it("should answer income only in money", () => {
    expect(gansu.ask("农村人收入多少").answer).toBeNull();
  });

  it("should read 经济增长 as the growth of the regional product", () => {
    expect(gansu.ask("去年经济增长多少").answer?.name).toContain("地区生产总值");
  });

  it("should not answer a five-year period with a year outside it", () => {
    const hailar = otherReport("海拉尔区-2016-政府工作报告");
    expect(hailar.ask("十二五期间旅游收入累计多少").answer).toBeNull();
  });
});
