// Extraction on reports of other places and kinds: every figure found, units as written, kinds,
// years, lists and the layouts of county, city and province work reports.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildIndicatorStore } from "../../src/extract/index.js";
import type { IndicatorStore } from "../../src/extract/indicator.js";
import { countFigures } from "./figure-count.js";

const dir = fileURLToPath(new URL("../fixtures/reports/", import.meta.url));
const REPORTS = readdirSync(dir).filter((n) => n.endsWith(".txt"));

/** Share of the counted figures found in the store with the same value and unit (a multiset). */
function coverage(
  text: string,
  store: IndicatorStore,
): { found: number; total: number; missed: string[] } {
  const have = new Map<string, number>();
  for (const i of store.indicators) {
    const key = `${i.value}|${i.unit}`;
    have.set(key, (have.get(key) ?? 0) + 1);
  }
  const missed: string[] = [];
  const figures = countFigures(text);
  for (const f of figures) {
    const key = `${f.value}|${f.unit}`;
    const left = have.get(key) ?? 0;
    if (left > 0) have.set(key, left - 1);
    else missed.push(`${key} «${f.context}»`);
  }
  return { found: figures.length - missed.length, total: figures.length, missed };
}

describe("extraction on reports of other places", () => {
  it.each(REPORTS)("finds at least 97%% of the figures of %s", (name) => {
    const text = readFileSync(dir + name, "utf8");
    const { found, total, missed } = coverage(text, buildIndicatorStore(text, name));
    expect(total).toBeGreaterThan(10);
    expect(found / total, missed.join("\n")).toBeGreaterThanOrEqual(0.97);
  });
});

const figures = (text: string) =>
  buildIndicatorStore(`某县情况\n${text}\n`, "t.txt").indicators.map((i) => ({
    name: i.name,
    value: i.value,
    unit: i.unit,
    kind: i.kind,
  }));

describe("units, lists and kinds", () => {
  it("keeps 个百分点, 倍, 只, compound and magnitude units as written", () => {
    const found = figures(
      "城镇化率提高1.2个百分点，外贸增长1.5倍，出栏肉羊3.2万只，生猪收购价18.5元/头，发电量12.6亿千瓦时，装机容量达到80兆瓦。",
    ).map((f) => `${f.value}${f.unit}`);
    expect(found).toEqual([
      "1.2个百分点",
      "1.5倍",
      "3.2万只",
      "18.5元/头",
      "12.6亿千瓦时",
      "80兆瓦",
    ]);
  });

  it("gives the first item of a 、-list the unit written once", () => {
    const found = figures("城乡居民人均可支配收入分别增长5.5、7.2个百分点。").map(
      (f) => `${f.value}${f.unit}`,
    );
    expect(found).toEqual(["5.5个百分点", "7.2个百分点"]);
  });

  it("names each item of a 分别 list, short items sharing the last one's words", () => {
    const store = buildIndicatorStore(
      "某省情况\n新线通车运营，全年交通、水利投资分别达到80亿元、40亿元。\n",
      "t.txt",
    );
    expect(store.indicators.map((i) => `${i.value}${i.unit}:${i.subject}`)).toEqual([
      "80亿元:交通投资",
      "40亿元:水利投资",
    ]);
  });

  it("gives short list items the words they share with the last one", () => {
    const store = buildIndicatorStore(
      "某省情况\n城镇和农村居民人均可支配收入分别超过5万元、2.5万元，分别增长4.1%、6.2%。城镇、农村居民人均可支配收入分别增长4%、6%左右。\n",
      "t.txt",
    );
    expect(store.indicators.map((i) => `${i.value}${i.unit}:${i.subject}`)).toEqual([
      "5万元:城镇居民人均可支配收入",
      "2.5万元:农村居民人均可支配收入",
      "4.1%:城镇居民人均可支配收入",
      "6.2%:农村居民人均可支配收入",
      "4%:城镇居民人均可支配收入",
      "6%:农村居民人均可支配收入",
    ]);
  });

  it("shares the last item's words with a four-character item that ends unlike it", () => {
    const store = buildIndicatorStore(
      "某省情况\n二氧化硫、氮氧化物排放量分别下降5.6%和4%，刑事案件、治安案件分别下降55.8%、44.5%。\n",
      "t.txt",
    );
    expect(store.indicators.map((i) => `${i.value}${i.unit}:${i.subject}`)).toEqual([
      "5.6%:二氧化硫排放量",
      "4%:氮氧化物排放量",
      "55.8%:刑事案件",
      "44.5%:治安案件",
    ]);
  });

  it("gives what is done to the last item (排放) to every item, however long", () => {
    const store = buildIndicatorStore(
      "某省情况\n化学需氧量、氨氮、二氧化硫和氮氧化物排放累计分别下降45.8%、37.0%、43.5%和23.8%。\n",
      "t.txt",
    );
    expect(store.indicators.map((i) => `${i.value}${i.unit}:${i.subject}`)).toEqual([
      "45.8%:化学需氧量排放",
      "37%:氨氮排放",
      "43.5%:二氧化硫排放",
      "23.8%:氮氧化物排放",
    ]);
  });

  it("reads 进、出口 and 存、贷款 as two words, the one character standing for the first", () => {
    const trade = figures("进、出口总额分别增长5%和6%。").map((f) => `${f.value}:${f.name}`);
    expect(trade).toEqual(["5:进口总额增长", "6:出口总额增长"]);
    const balances = figures("金融机构存、贷款余额达到1.84万亿元和1.48万亿元。");
    expect(balances.map((f) => `${f.value}:${f.name}`)).toEqual([
      "1.84:金融机构存款余额",
      "1.48:贷款余额",
    ]);
  });

  it("names the items of a list of counts with the verb before the first (新建成3个A、2个B)", () => {
    const found = figures("年底前新建成3个森林公园、2个郊野公园、4个市政公园和50个社区公园。");
    expect(found.map((f) => `${f.value}${f.unit}:${f.name}`)).toEqual([
      "3个:年底前新建成森林公园",
      "2个:年底前新建成郊野公园",
      "4个:年底前新建成市政公园",
      "50个:年底前新建成社区公园",
    ]);
  });

  it("splits 城乡 before 分别 into 城镇 and 农村, whatever the clause before says", () => {
    const store = buildIndicatorStore(
      "某省情况\n推进养老保险、社会救助制度建设，城乡低保标准分别提高13.1%和17.7%。\n",
      "t.txt",
    );
    expect(store.indicators.map((i) => `${i.value}${i.unit}:${i.subject}`)).toEqual([
      "13.1%:城镇低保标准",
      "17.7%:农村低保标准",
    ]);
  });

  it("reads a number right after Latin letters as part of a name (PM2.5, CO2)", () => {
    const found = figures("PM2.5年均浓度36.2微克/立方米，接待邮轮91艘次，吞吐量2400万标准箱。");
    expect(found.map((f) => `${f.value}${f.unit}:${f.name}`)).toEqual([
      "36.2微克/立方米:PM2.5年均浓度",
      "91艘次:接待邮轮",
      "2400万标准箱:吞吐量",
    ]);
  });

  it("reads a full-width slash in a unit as a slash, and 年均值 as one year's mean", () => {
    const found = buildIndicatorStore(
      "某县情况\n一、2025年工作回顾\nPM2.5年均值为23微克／立方米，PM2.5日均值小于25微克／立方米的天数为157天。\n",
      "某县-2026.txt",
    ).indicators;
    expect(found.map((f) => `${f.value}${f.unit}`)).toEqual([
      "23微克/立方米",
      "25微克/立方米",
      "157天",
    ]);
    expect(found[0]).toMatchObject({ year: 2025 });
    expect(found[0]!.span).toBeUndefined();
  });

  it("reads a comma between digit groups of three as a thousands separator", () => {
    expect(
      figures("交付实物房源3,000套，服务企业1,250,000家,新建公园12个。").map(
        (f) => `${f.value}${f.unit}`,
      ),
    ).toEqual(["3000套", "1250000家", "12个"]);
  });

  it("skips the second number of a ratio (每十个…就有一个)", () => {
    expect(
      figures("义工总人数突破31万人，每十个常住人口就有一个义工。").map(
        (f) => `${f.value}${f.unit}`,
      ),
    ).toEqual(["31万人"]);
  });

  it("reads every start of a 分别从A、B提高到C、D list as a start", () => {
    const store = buildIndicatorStore(
      "某县情况\n城乡低保人均补差水平，分别从每月554元、251元提高到609元、276元。\n",
      "t.txt",
    );
    expect(store.indicators.map((i) => `${i.value}:${i.earlier ?? false}`)).toEqual([
      "554:true",
      "251:true",
      "609:false",
      "276:false",
    ]);
  });

  it("reads a subscript written with an underscore (PM_2.5) as the plain name", () => {
    expect(figures("PM_2.5平均浓度25微克/立方米。")[0]).toMatchObject({ name: "PM2.5平均浓度" });
  });

  it("tells a level (增加值, 增长到) from a change (增长)", () => {
    const found = figures("规模以上工业增加值完成120亿元，增长8.5%，企业由120户增长到150户。");
    expect(found.map((f) => `${f.value}${f.unit}:${f.kind}`)).toEqual([
      "120亿元:actual",
      "8.5%:change",
      "120户:actual",
      "150户:actual",
    ]);
  });

  it("marks where a 由A增长到B started", () => {
    const store = buildIndicatorStore("某县情况\n企业由120户增长到150户。\n", "t.txt");
    expect(store.indicators.map((i) => i.earlier ?? false)).toEqual([true, false]);
  });

  it("skips ages, anniversaries, ranges and footnote markers", () => {
    expect(
      figures("35周岁以下青年、建党100周年、5-8个项目^[1]、新建学校3所[2]。").map(
        (f) => `${f.value}${f.unit}`,
      ),
    ).toEqual(["3所"]);
  });
});

const WORK_REPORT = `政 府 工 作 报 告
——二〇二六年一月二十日在某县第十八届人民代表大会第五次会议上
某县人民政府县长 某某
各位代表：
现在，我代表县人民政府向大会报告工作，请予审议。
一、2025年工作回顾
过去一年，全县地区生产总值完成120.5亿元，增长6.1%。2024年新建高标准农田3万亩。
二、2026年主要目标任务
全县地区生产总值增长6%左右，新建高标准农田5万亩。
名词解释
1.高标准农田：指……建成500亩以上的连片农田。
`;

describe("a work report's layout", () => {
  const store = buildIndicatorStore(WORK_REPORT, "某县.txt");
  const byValue = (value: number) => store.indicators.find((i) => i.value === value)!;

  it("reads the spaced title, the date in Chinese numerals and the issuer", () => {
    expect(store.source).toMatchObject({
      title: "2026年某县政府工作报告",
      date: "2026-01-20",
      year: 2026,
      issuer: "某县人民政府",
      kind: "work-report",
      period: "2025年",
    });
  });

  it("dates review figures to the year before, plans to the report's year", () => {
    expect(byValue(120.5)).toMatchObject({ year: 2025, kind: "actual", period: "2025年" });
    expect(byValue(3)).toMatchObject({ year: 2024 });
    expect(byValue(6)).toMatchObject({ year: 2026, kind: "plan" });
    expect(byValue(5)).toMatchObject({ year: 2026, kind: "plan" });
  });

  it("dates plans under a heading of a five-year plan's first year to the report's year", () => {
    const text = WORK_REPORT.replace(
      "二、2026年主要目标任务\n全县地区生产总值增长6%左右，新建高标准农田5万亩。",
      "二、全力推动“十五五”开好局、起好步\n主要预期目标是：全县地区生产总值增长6%左右，新建高标准农田5万亩。",
    );
    const plans = buildIndicatorStore(text, "某县.txt").indicators.filter((i) => i.kind === "plan");
    expect(plans.map((i) => [i.value, i.year, i.span ?? false])).toEqual([
      [6, 2026, false],
      [5, 2026, false],
    ]);
  });

  it("keeps a part's kind under its items' headings, whatever their words", () => {
    const text = WORK_REPORT.replace(
      "一、2025年工作回顾\n",
      "一、2025年工作回顾\n（一）圆满完成重大活动保障任务\n",
    ).replace("二、2026年主要目标任务\n", "二、2026年主要目标任务\n（一）加快释放改革开放成效\n");
    const store = buildIndicatorStore(text, "某县.txt");
    const of = (value: number) => store.indicators.find((i) => i.value === value)!;
    expect([of(120.5).kind, of(120.5).year]).toEqual(["actual", 2025]);
    expect([of(5).kind, of(5).year]).toEqual(["plan", 2026]);
  });

  it("keeps the glossary's numbers out of the figures", () => {
    expect(store.indicators.some((i) => i.value === 500)).toBe(false);
  });

  it("reads a text that opens at its review part as the next year's work report", () => {
    // Pasted from its first part: no title, a year reviewed, the next one planned.
    const body = WORK_REPORT.slice(WORK_REPORT.indexOf("一、2025年工作回顾")).replace(
      "一、2025年工作回顾",
      "2025年工作回顾",
    );
    const untitled = buildIndicatorStore(body, "t.txt");
    expect(untitled.source).toMatchObject({ kind: "work-report", year: 2026, period: "2025年" });
    expect(untitled.source.title).toBe("2026年工作报告");
    const of = (value: number) => untitled.indicators.find((i) => i.value === value)!;
    expect([of(120.5).kind, of(120.5).year]).toEqual(["actual", 2025]);
    expect([of(5).kind, of(5).year]).toEqual(["plan", 2026]);
    // A progress report's title that names its review stays a title.
    const progress = buildIndicatorStore("2025年上半年工作进展情况\n新建农田3万亩。\n", "t.txt");
    expect(progress.source).toMatchObject({ kind: "progress", year: 2025 });
  });

  it("dates plans after “2016年…主要预期目标是” to that year, under a heading naming the plan period", () => {
    const text = WORK_REPORT.replace(
      "二、2026年主要目标任务\n全县地区生产总值增长6%左右，新建高标准农田5万亩。",
      "“十五五”发展思路和2026年主要工作任务\n“十五五”期间，地区生产总值要突破300亿元。2026年全县经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n一、坚持以城市治理为核心，为“十五五”发展奠定坚实基础\n建成污水支管网65公里。",
    );
    const found = buildIndicatorStore(text, "某县.txt").indicators;
    const of = (value: number) => found.find((i) => i.value === value)!;
    expect([of(65).kind, of(65).year, of(65).span ?? false]).toEqual(["plan", 2026, false]);
    expect([of(6).year, of(6).span ?? false]).toEqual([2026, false]);
    expect(of(300).span).toBe(true);
  });

  it("dates every part of a sentence opening with a target year (到2030年，…；…) to it", () => {
    const text = WORK_REPORT.replace(
      "全县地区生产总值增长6%左右，新建高标准农田5万亩。",
      "力争通过五年努力，到2030年，全县地区生产总值达到400亿元；PM2.5年均浓度小于33微克/立方米。",
    );
    const found = buildIndicatorStore(text, "某县.txt").indicators;
    expect(found.filter((i) => i.kind === "plan").map((i) => [i.value, i.year])).toEqual([
      [400, 2030],
      [33, 2030],
    ]);
  });

  it("reads a part headed 未来五年工作 as the plans of the years ahead", () => {
    const text = WORK_REPORT.replace("二、2026年主要目标任务", "未来五年工作");
    const found = buildIndicatorStore(text, "某县.txt").indicators;
    const of = (value: number) => found.find((i) => i.value === value)!;
    expect([of(5).kind, of(5).span]).toEqual(["plan", true]);
  });

  it("names a level given after its year alone (2024年达到…) by the topic before it", () => {
    const text = WORK_REPORT.replace(
      "2024年新建高标准农田3万亩。",
      "2024年新建高标准农田3万亩。全县生产总值年均增长6.1%，2025年达到312.4亿元。",
    );
    const level = buildIndicatorStore(text, "某县.txt").indicators.find((i) => i.value === 312.4)!;
    expect([level.name, level.year]).toEqual(["生产总值", 2025]);
  });

  it("dates the targets of a sentence opening with 到2030年 to that year in a five-year part", () => {
    const text = WORK_REPORT.replace("二、2026年主要目标任务", "未来五年工作").replace(
      "全县地区生产总值增长6%左右，新建高标准农田5万亩。",
      "到2030年，全县生产总值超过500亿元，居民人均可支配收入达到4.9万元。",
    );
    const found = buildIndicatorStore(text, "某县.txt").indicators;
    const income = found.find((i) => i.value === 4.9)!;
    expect([income.kind, income.year, income.span ?? false]).toEqual(["plan", 2030, false]);
  });

  it("dates a figure since the area was set up (新区成立以来) to no single year", () => {
    const text = WORK_REPORT.replace(
      "2024年新建高标准农田3万亩。",
      "2024年新建高标准农田3万亩。新区成立以来淘汰低端企业129家，规模以上工业增加值增长10.7%。",
    );
    const since = buildIndicatorStore(text, "某县.txt").indicators.find((i) => i.value === 10.7)!;
    expect(since.year).toBeUndefined();
    expect(since.span).toBe(true);
    // "建区以来规模最大的招商大会" is a superlative: the figures are the year's.
    const most = buildIndicatorStore(
      WORK_REPORT.replace("2024年新建", "举办建区以来规模最大的招商大会，签约项目41个。2024年新建"),
      "某县.txt",
    ).indicators.find((i) => i.value === 41)!;
    expect(most.year).toBe(2025);
  });
});
