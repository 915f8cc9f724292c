// Rules for government work reports, on a made-up county report (its figures are invented).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildIndicatorStore } from "../../src/extract/index.js";
import { memoryLibrary } from "../../src/reports/library.js";
import { loadIntents } from "../../src/search/intents.js";
import { IndicatorIndex, ownPlaceOf } from "../../src/search/index.js";
import { ReportsAnswerer } from "../../src/search/reports-answerer.js";
import { TypoCorrector } from "../../src/search/typos.js";
import { answererOf, fixtureAnswerer } from "../helpers/reports.js";

/** A district's half-year progress report with one section. */
function progressReport(heading: string, body: string): string {
  return `某县乡村振兴上半年工作进展情况\n${heading}\n${body}\n某县农业农村局\n2025年7月10日\n`;
}

/** An answerer over one made-up report, read as a file of that name (its place and year). */
function reportAnswerer(report: string, file: string): ReportsAnswerer {
  return new ReportsAnswerer(memoryLibrary([buildIndicatorStore(report, file)]), loadIntents());
}

/** The value the bot states as the answer to a question on `report`, or null. */
function valueIn(report: string): (question: string) => number | null {
  const answerer = answererOf(report);
  return (question) => answerer.ask(question).answer?.value ?? null;
}

const REPORT = `政 府 工 作 报 告
——二〇二六年一月十八日在某县第十八届人民代表大会第五次会议上
某县人民政府县长 某某
各位代表：
一、2025年工作回顾
过去一年，全县地区生产总值迈上300亿元台阶，达到312.4亿元。一般公共预算收入突破20亿元，达到21.7亿元。税收收入增长8.1%，规上工业增加值、固定资产投资等主要指标增速均高于全市平均水平。民间投资增长7.2%，高于全市1.3个百分点；民间投资占比达到58%。
“十四五”时期是全县爬坡过坎、蓄势聚能的五年。这五年，专精特新企业从8户增加到31户，建设高标准农田41万亩，城镇新增就业3.6万人，地区生产总值突破300亿元、达312.4亿元。
扎实推进稳岗计划，每年城镇新增就业7000人以上、外出务工劳动力稳定在5万人左右。
其中地区生产总值年均增长5.4%左右，有利于缩小差距。
五年来，新建农村公路860公里。
这五年，我们全力推动高质量发展，县域实力迈上新台阶。
新增市场主体1.2万户，农村自来水普及率达到96%。
过去一年，新增市场主体3100户，年末城镇调查失业率从上半年5.6%降到5.2%，帮助1.1万人消除返贫致贫风险。城镇、农村居民人均可支配收入分别增长4.4%、6.3%，新（改）建农村公路150公里。
过去一年，建设高标准农田9万亩，城镇新增就业0.8万人。
二、2026年主要目标任务
实施耐心资本培育计划。地区生产总值增长6%左右，社会消费品零售总额增长5.5%左右，一般公共预算收入增长4%，粮食单产增长1.5%左右，居民消费价格指数上涨2%左右，城镇调查失业率控制在5.5%左右。
`;

describe("a county's work report", () => {
  const value = valueIn(REPORT);

  it("answers with the figure itself, not the round mark it passed", () => {
    expect(value("去年经济总量达到多少")).toBe(312.4);
    expect(value("一般公共预算收入有多少")).toBe(21.7);
    // A round number in words ("双双突破百家") is a mark too.
    const marked = valueIn(
      REPORT.replace(
        "过去一年，建设高标准农田9万亩",
        "全县规上工业企业、高新技术企业双双突破百家，规上工业企业达到130家，高新技术企业达到117家。\n过去一年，建设高标准农田9万亩",
      ),
    );
    expect(marked("高新技术企业现在几家了")).toBe(117);
  });

  it("reads a paragraph led by a five-year plan as that plan's years", () => {
    expect(value("十四五期间建设高标准农田多少亩")).toBe(41);
    expect(value("十四五五年城镇新增就业合计多少人")).toBe(3.6);
    expect(value("去年建设高标准农田多少亩")).toBe(9);
    // Given in 2026, "五年来" speaks of the plan that ended in 2025.
    expect(value("十四五期间新建农村公路多少公里")).toBe(860);
    // A lead standing alone speaks for the paragraph after it.
    expect(value("十四五期间新增市场主体多少户")).toBe(1.2);
    expect(value("去年新增市场主体多少户")).toBe(3100);
  });

  it("reads the level a span of years ends at as of its last year", () => {
    expect(value("到2025年专精特新企业有多少户")).toBe(31);
    expect(value("2024年专精特新企业有多少户")).toBeNull();
  });

  it("takes 每年 over several years as of no single year", () => {
    const yearly = buildIndicatorStore(REPORT, "某县.txt").indicators.find((i) => i.value === 7000);
    expect(yearly).toMatchObject({ span: true });
    expect(value("去年咱们县城镇新增就业了多少人啊")).toBe(0.8);
  });

  it("answers a question about the output's amount with an amount, not its growth", () => {
    expect(value("这五年下来地区生产总值做到多少了")).toBe(312.4);
    expect(value("这五年地区生产总值年均增长多少")).toBe(5.4);
    const growthOnly = answererOf(REPORT.replace(/[^\n]*312\.4亿元[^\n]*\n/g, ""));
    expect(growthOnly.ask("这五年下来地区生产总值做到多少了").answer).toBeNull();
  });

  it("does not lend a figure the subject of a later clause that has none", () => {
    expect(value("固定资产投资增长了多少")).toBeNull();
    expect(value("税收收入增长了多少")).toBe(8.1);
  });

  it("reads a parenthesis that rules something out as a clause of its own", () => {
    expect(value("去年农村居民（不是城镇的）人均可支配收入增长了多少")).toBe(6.3);
  });

  it("answers a gap asked in percentage points, and a share of the whole", () => {
    expect(value("去年民间投资增速比全市快了多少个百分点")).toBe(1.3);
    expect(value("去年民间投资占全部投资的比重是多少")).toBe(58);
  });

  it("keeps a growth target when the question rules out another year's growth", () => {
    expect(value("今年一般公共预算收入的预期增长目标是多少（不是去年实际增幅）")).toBe(4);
  });

  it("takes a price rise (涨幅, 上涨) as a change, and 控制在 as a target", () => {
    expect(value("今年CPI涨幅目标是多少")).toBe(2);
    expect(value("今年CPI预期涨多少")).toBe(2);
    expect(value("今年城镇调查失业率控制在多少")).toBe(5.5);
  });

  it("reads 新（改）建 as both sides a question may name, and 增加到 as the level reached", () => {
    expect(value("去年新建和改造的农村公路有多少公里")).toBe(150);
    expect(value("这五年专精特新企业增加到多少户")).toBe(31);
  });

  it("keeps a figure that sets aside what the question does (不含…)", () => {
    const without = valueIn(
      REPORT.replace("达到312.4亿元。", "达到312.4亿元（不含高新区，下同）。"),
    );
    expect(without("去年地区生产总值（不含高新区）一共多少？")).toBe(312.4);
  });

  it("answers a rate with the rate, not with its share of a target (是…目标值的114%)", () => {
    const measured = valueIn(
      REPORT.replace(
        "这五年，我们全力推动高质量发展，县域实力迈上新台阶。",
        "这五年，我们全力推动高质量发展，燃气管网覆盖率和空气质量优良率分别是三年计划目标值的108.2%、112%。",
      ),
    );
    expect(measured("空气质量优良率实际达到多少%？")).toBeNull();
    expect(measured("空气质量优良率是三年计划目标值的百分之多少")).toBe(112);
  });

  it("takes 由五年前X提升至Y as starting at X", () => {
    const since = valueIn(
      REPORT.replace(
        "这五年，我们全力推动高质量发展，县域实力迈上新台阶。",
        "这五年，我们全力推动高质量发展，空气质量优良率由五年前78.3%提升至90.6%。",
      ),
    );
    expect(since("空气质量优良率五年后提升到了多少？")).toBe(90.6);
  });

  it("takes 从上半年X降到Y as starting at X, and 消除了 as no 除了", () => {
    expect(value("去年年底城镇调查失业率降到多少")).toBe(5.2);
    expect(value("去年一共帮多少人消除了返贫致贫风险")).toBe(1.1);
  });

  it("keeps a qualifier the report never writes from being read as a slip or a topic", () => {
    // 预计 sounds like the 育计 of 培育计划, and the report never says 预计.
    expect(value("今年社会消费品零售总额预计增长多少")).toBe(5.5);
  });

  it("answers a change of a measure in percent unless its unit is asked", () => {
    expect(value("今年粮食单产要提高多少呢")).toBe(1.5);
    expect(value("今年粮食单产要提高多少公斤")).toBeNull();
  });
});

const PROVINCE = `政 府 工 作 报 告
——二〇二六年一月二十日在某省第十四届人民代表大会第四次会议上
某省人民政府省长 某某
各位代表：
一、2025年工作回顾
过去一年，全年地区生产总值2150亿元、增长5.5%，固定资产投资增长7.2%，一般公共预算收入增长10.5%。人均地区生产总值7.6万元。预计大湾区经济总量突破3000亿元。游客花费370亿元。改造老旧小区120个，惠及1.2万户居民。
五年来，年接待游客由1.5亿人次增加到3.2亿人次。
`;

describe("the whole a share is taken of", () => {
  const value = valueIn(
    REPORT.replace(
      "过去一年，建设高标准农田9万亩",
      "民生投入大幅增加。九大类民生支出36.4亿元，增长12%，占一般公共预算支出的80%，其中教育、医疗卫生分别支出6.8、2.9亿元。\n过去一年，建设高标准农田9万亩",
    ),
  );

  it("names no figure beside the share, unless a share is asked", () => {
    expect(value("去年一般公共预算支出总额是多少？")).toBeNull();
    expect(value("民生支出占一般公共预算支出的比重是多少")).toBe(80);
    expect(value("去年教育支出多少")).toBe(6.8);
  });
});

describe("targets opened by 主要目标为", () => {
  const value = valueIn(
    REPORT.replace(
      "二、2026年主要目标任务\n",
      "二、2026年主要工作\n今年经济社会发展的主要目标为：固定资产投资完成90亿元，一般公共预算收入增长4%。\n",
    ),
  );

  it("are plans, also where 完成 says what is to be done", () => {
    expect(value("今年固定资产投资目标是多少？")).toBe(90);
    expect(value("今年固定资产投资目标是多少？要计划数，不要2025年完成数")).toBe(90);
  });
});

describe("the area's output", () => {
  const value = valueIn(
    REPORT.replace(
      "过去一年，建设高标准农田9万亩",
      "初步预计，2025年本县生产总值突破330亿元，同比增长6.2%。\n过去一年，建设高标准农田9万亩",
    ),
  );

  it("grows where the report names the area its own way (本县生产总值…增长)", () => {
    expect(value("去年GDP growth是多少？")).toBe(6.2);
    expect(value("2025年地区生产总值增长多少")).toBe(6.2);
  });
});

describe("a new area's report", () => {
  const value = valueIn(
    REPORT.replace("全县", "新区").replace(
      "过去一年，建设高标准农田9万亩",
      "全年新区地区生产总值预计稳步增长；固定资产投资完成88.5亿元，增长12%。\n过去一年，建设高标准农田9万亩",
    ),
  );

  it("names itself after a time (全年新区…) and is still the whole area asked", () => {
    expect(value("2025年全区固定资产投资实际完成额是多少？")).toBe(88.5);
  });
});

describe("a province's work report", () => {
  const value = valueIn(PROVINCE);

  it("answers the area's output with the area's own total", () => {
    // Not 人均地区生产总值, not a region within the area (湾区).
    expect(value("2025年地区生产总值总量是多少亿元")).toBe(2150);
    expect(value("人均地区生产总值是多少")).toBe(7.6);
  });

  it("does not lend a name of several words to the figure before it", () => {
    expect(value("2025年一般公共预算收入总额是多少亿元")).toBeNull();
    expect(value("老旧小区改造惠及了多少户居民")).toBe(1.2);
  });

  it("counts visitors in people, never in money", () => {
    // 3.2亿人次 is the level the five years ended at, in 2025 (not 游客花费370亿元).
    expect(value("去年来的游客有多少")).toBe(3.2);
    expect(value("去年游客多少")).toBe(3.2);
  });
});

describe("what was inspected", () => {
  const value = valueIn(
    progressReport(
      "一、人居环境",
      "组织开展3轮全县86座新（改）建农村公厕使用情况排查整改，共排查并整改完成24个点位。",
    ),
  );

  it("is not what was built, unless the question names the figure's own words", () => {
    expect(value("今年新建了多少座农村公厕")).toBeNull();
    expect(value("新（改）建农村公厕有多少座")).toBe(86);
  });
});

describe("an amount of money asked", () => {
  const value = valueIn(
    progressReport(
      "一、产业发展",
      "蔬菜批发市场建成分拣车间1个，稳定服务客户40多家。农产品加工企业销售收入完成58.2亿元，同比增幅16.6%。",
    ),
  );

  it("is never answered by a count, and its change may be in percent", () => {
    expect(value("蔬菜批发市场上半年交易额是多少")).toBeNull();
    expect(value("农产品加工企业卖的钱比上年多了多少")).toBe(16.6);
  });

  it("is asked by 投资…多少 too", () => {
    const invested = valueIn(
      progressReport(
        "二、乡村建设",
        "启动2025年15个农村人居环境示范村建设，已全部完成初步设计，其中9个村进入第二轮规划设计阶段。招商引资签约项目5个，到位资金2300万元。",
      ),
    );
    expect(invested("今年启动的15个农村人居环境示范村，总投资是多少？")).toBeNull();
    expect(invested("启动了几个示范村")).toBe(15);
    expect(invested("招商引资到位了多少")).toBe(2300);
  });
});

describe("a count asked with its classifier", () => {
  const value = valueIn(
    progressReport(
      "一、民生保障",
      "共对低保2100户4300人、低收入300户650人，特困供养900人发放补贴3012.5万元，对120户230人次开展临时救助，发放资金35.6万元。今年新增12家老年人日间照料中心，预计全年新增养老床位260张。",
    ),
  );

  it("is answered in that classifier, and a grant (救助金) only in money", () => {
    expect(value("今年计划新增的老年人日间照料中心是几家")).toBe(12);
    expect(value("给困难群众临时救急，上半年发出去的救助金是多少")).toBe(35.6);
  });

  it("is never answered by an amount of money, and 新成立 is 新设立", () => {
    const count = valueIn(
      progressReport(
        "一、产业发展",
        "成立3个工作专班，帮助解决企业困难；安排企业复工复产扶持资金1.5亿元。新设立企业120家，增长12%。",
      ),
    );
    expect(count("复工复产扶持了几家企业")).toBeNull();
    expect(count("新成立的企业有几家")).toBe(120);
    expect(count("扶持资金投了几个亿")).toBe(1.5);
  });
});

describe("a measure word the question names", () => {
  const value = valueIn(
    progressReport(
      "一、产业发展",
      "（一）粮食生产。目前，全县12万亩夏粮全部收割完成，落实设施农业0.9万亩，年度任务完成率45%。\n（二）耕地保护。严格落实耕地保护制度，着力推动“田长制”落实，完成3个批次土地征转手续的组卷上报工作，涉及用地总面积21.5公顷，办理设施农业项目备案30宗，备案总面积约15.2公顷。",
    ),
  );

  it("is said by a figure's unit as well as by its words (面积 of 0.9万亩)", () => {
    expect(value("设施农业上半年落实下去的面积是多少？")).toBe(0.9);
    expect(value("设施农业项目备案总面积多少")).toBe(15.2);
  });
});

describe("levels and lengths", () => {
  const value = valueIn(
    progressReport(
      "一、农村改革",
      "扩大农村产权交易服务范围，全县12个乡镇已全部有项目进场交易，覆盖率100%，全县300个行政村中60个村已有项目进场交易，村级覆盖率20%。完成纳入日常养护的农村公路路面修补5600平方米。",
    ),
  );

  it("reads 按行政村算 as the village level, and 多长 as a length", () => {
    expect(value("产权交易按行政村算的覆盖率是多少")).toBe(20);
    expect(value("纳入日常养护的公路总共多长")).toBeNull();
  });
});

describe("size classes, subtitles, totals and changes", () => {
  const report = `政 府 工 作 报 告
——二〇二五年一月十六日在某市第十六届人民代表大会第六次会议上
一、2024年工作回顾
过去一年，全市固定资产投资增长12%，5亿元以上项目投资增长27%，高新技术产业投资增长19.5%。
82%以上的村集体经营性收入超过10万元。
风光发电并网装机规模520.3万千瓦，其中分布式光伏并网装机规模210.7万千瓦。
空气质量综合指数4.21、下降3.8%。
蔬菜进京产值占首都市场份额17.6%，产业集群营收超3200亿元。
二、2025年主要任务
——聚力新发展、决胜“十四五”
今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，规上工业增加值增长6.5%左右，居民消费价格涨幅控制在2%左右。
培育新型农业经营主体，新发展农民合作社示范社200家、家庭农场3500家。
抓好300个市重大项目，力争全年交通、水利、能源领域投资额分别达900亿元、150亿元、600亿元。
`;
  const value = valueIn(report);
  const indicators = buildIndicatorStore(report, "某市.txt").indicators;

  it("reads a figure with 以上 before what it counts as a size class, not a figure", () => {
    expect(indicators.some((i) => i.value === 5 && i.unit === "亿元")).toBe(false);
    expect(indicators.find((i) => i.value === 27)?.name).toContain("5亿元以上");
    // A share with 以上 is a figure of its own.
    expect(indicators.some((i) => i.value === 82 && i.unit === "%")).toBe(true);
    expect(value("5亿元以上大项目的投资去年增长多少")).toBe(27);
    expect(value("5000万元以上项目投资增长多少")).toBeNull();
  });

  it("keeps a plan under its heading's year when a dashed motto names a five-year plan", () => {
    const plan = indicators.find((i) => i.value === 6.5);
    expect(plan).toMatchObject({ kind: "plan" });
    expect(plan?.span).toBeFalsy();
    expect(value("2025年规上工业增加值预期增长目标定的多少")).toBe(6.5);
  });

  it("does not answer a total asked with a part given after 其中", () => {
    expect(value("风光发电并网装机规模多少万千瓦")).toBe(520.3);
    expect(value("风光发电并网装机规模多少万千瓦？问的是风电光伏合计")).not.toBe(210.7);
  });

  it("does not answer a level asked with a change", () => {
    expect(value("空气质量综合指数是多少")).toBeNull();
    expect(value("空气质量综合指数下降了多少")).toBe(3.8);
  });

  it("reads a rate of change held at a level as a change", () => {
    expect(value("今年CPI涨幅控制在多少")).toBe(2);
  });

  it("gives each item of a list its share of the words after the last", () => {
    // "力争全年交通、水利、能源领域投资额": 力争全年 is none of the first item's words.
    expect(value("今年交通领域投资计划达到多少")).toBe(900);
  });

  it("gives the verb a 、-list opens with to every item", () => {
    expect(value("今年家庭农场打算新发展多少家")).toBe(3500);
  });

  it("reads 份额 as a share and 营业收入 as 营收", () => {
    expect(value("蔬菜进京产值占首都市场份额多少")).toBe(17.6);
    expect(value("产业集群营业收入一共多少")).toBe(3200);
  });
});

describe("the measure of a figure", () => {
  const report = progressReport(
    "一、粮食生产",
    "目前，全区30.5万亩小麦全部收割完成，比2020年增加1.5万亩，增幅5.2%，小麦单产预计可达410公斤/亩，总产预计达到12.1万吨，比去年增产0.9万吨，增幅7.4%。全年计划新建设施农业项目6个，建设规模2.2万亩，总投资1800万元。",
  );
  const value = valueIn(report);

  it("reads a bare rate of change as the change of the figure it follows", () => {
    expect(value("小麦产量比上年涨了百分之几")).toBe(7.4);
    expect(value("小麦面积比去年涨了百分之几")).toBe(5.2);
    expect(value("小麦亩产比去年提高了百分之几")).toBeNull();
  });

  it("gives a measure the question names to the figure that has it in its own words", () => {
    expect(value("设施农业全年计划建设的规模是多少")).toBe(2.2);
  });
});

describe("what a question rules out", () => {
  const report = progressReport(
    "（一）稳定就业",
    "先后组织各类专场招聘会40场，提供就业岗位9000个。\n（二）助力推进结对地区乡村振兴\n协办各类专场招聘会12场，提供就业岗位1200余个。",
  );
  const value = valueIn(report);

  it("rules out a figure under a heading that names what it rules out", () => {
    expect(value("区里自己办的招聘会提供了多少个岗位，不算帮结对县的")).toBe(9000);
  });
});

describe("annual means and totals", () => {
  const report = `政 府 工 作 报 告
——二〇二六年一月二十二日在某市第十七届人民代表大会第五次会议上
一、2025年工作回顾
过去一年，PM2.5年均浓度31.5微克/立方米、同比下降4%，优良天数比例达到79%、增加11天。利用外资、投资分别增长38%、12%。
五年来，实际使用外资218亿美元，优良天数276天、比2020年增加29天。
`;
  const value = valueIn(report);

  it("reads 年均浓度 as one year's mean, and 浓度 as asking a concentration", () => {
    expect(value("去年PM2.5年均浓度是多少")).toBe(31.5);
  });

  it("does not answer a total with a change", () => {
    expect(value("十四五五年实际利用外资总共多少")).toBe(218);
  });
});

describe("a plan's last year, round marks and rates per mille", () => {
  const report = `各位代表：
现在，我代表某某市人民政府向大会作政府工作报告，请予审议。
一、“十三五”时期工作回顾
五年来，经济总量跃上新台阶，生产总值达到1353.3亿元，一般公共预算收入达到80.7亿元，比“十二五”末增长了1.5倍。我市成为全省首个生产总值超过1000亿元的城市。
二、2021年重点工作
全市经济社会发展主要预期目标是：生产总值增长7%以上，人口自然增长率控制在6.5‰以内，城镇登记失业率控制在4%以内。
`;
  const value = valueIn(report);

  it("reads the government speaking from the report's opening", () => {
    expect(buildIndicatorStore(report, "某某市.txt").source.issuer).toBe("某某市人民政府");
  });

  it("reads a level reached over a plan's years as of its last year", () => {
    expect(value("十三五末地区生产总值有多大")).toBe(1353.3);
    expect(value("2020年一般公共预算收入是多少")).toBe(80.7);
  });

  it("prefers the figure itself to a round number passed elsewhere", () => {
    expect(value("2020年全市经济总量是多少亿元")).toBe(1353.3);
  });

  it("reads a rate per mille as a rate", () => {
    expect(value("今年人口自然增长率要控制在多少以内")).toBe(6.5);
  });
});

describe("everyday words for a progress report's terms", () => {
  const value = valueIn(
    progressReport(
      "一、乡村治理",
      "上半年共梳理排查疑似违法线索120起。发展稻鱼综合种养800亩。全区纳入乱占耕地建房图斑5200宗，其中：住宅类2100宗；产业类500宗。",
    ),
  );

  it("reads what people type for the report's words", () => {
    expect(value("上半年查出来多少条疑似违法用地的线索")).toBe(120);
    expect(value("稻田里养鱼这种模式搞了多少亩")).toBe(800);
    expect(value("乱占耕地建房图斑里，盖自家住房的有多少宗")).toBe(2100);
  });
});

describe("paragraphs a five-year lead introduces", () => {
  const report = `政 府 工 作 报 告
——二〇二六年一月十九日在某省第十四届人民代表大会第四次会议上
一、“十四五”时期和2025年工作回顾
过去的五年极不寻常。我们稳中求进、难中求成，经济社会发展取得新成就。
民生福祉不断增进。城镇新增就业420万人，新增农村劳动力转移就业160万人。2025年城镇居民人均可支配收入完成41000元，比2020年增加9000元；农村居民人均可支配收入完成21000元。
刚刚过去的2025年很不平凡。城镇新增就业85万人。
`;
  const value = valueIn(report);

  it("reads them as of those years, up to one that opens with another time", () => {
    expect(value("去年咱省城镇新增就业多少人啊")).toBe(85);
    expect(value("2025年农村居民人均可支配收入多少")).toBe(21000);
  });
});

describe("a question's head and its verbs", () => {
  const value = valueIn(
    progressReport("一、金融服务", "上半年共通过平台申请发布20笔交易，其中18笔交易已完成。"),
  );

  it("takes the thing counted as the head, not the year", () => {
    // The district's report counts farm households with a credit file, and no household toilets.
    expect(fixtureAnswerer().ask("农户家里的厕所今年改了多少户？").answer).toBeNull();
  });

  it("reads 挂出去 as 发布", () => {
    expect(value("平台上半年挂出去几笔交易")).toBe(20);
  });
});

describe("a figure per head", () => {
  const value = valueIn(
    progressReport(
      "一、社会保障",
      "为500名被征地农民办理了参保手续，全额补贴资金900.5万元。城乡居民医保财政年补助标准提高到680元。",
    ),
  );

  it("is not answered by a sum for all, and a standard is per head", () => {
    expect(value("被征地农民办参保，平均每人补贴了多少钱")).toBeNull();
    expect(value("被征地农民参保补贴资金一共多少")).toBe(900.5);
    expect(value("城乡居民医保财政每年给每人补多少钱")).toBe(680);
  });
});

describe("a count of a list of places", () => {
  const report = progressReport(
    "一、农村改革",
    "稳慎推进农村宅基地制度改革试点，全区确定不少于80个村首批先行试点，甲镇东村、乙镇南村、丙镇北村3个村“小启动”工作已经展开。",
  );
  const answerer = new ReportsAnswerer(
    memoryLibrary([buildIndicatorStore(report, "某县.txt")]),
    loadIntents(),
    ["甲镇", "乙镇", "丙镇"],
  );

  it("is no one place's figure", () => {
    expect(answerer.ask("宅基地改革“小启动”的村有几个").answer?.value).toBe(3);
  });
});

describe("a sentence of several figures, each with its own subject", () => {
  const report = `各位代表：
现在，我代表某某省人民政府向大会作报告，请予审议。
一、2010年工作回顾
过去一年，高新技术产业增加值达到820亿元、是2005年的3.1倍，旅游业总收入突破615亿元、是2005年的2.2倍。
`;
  const value = valueIn(report);

  it("takes 是2005年的3.1倍 as a comparison, not the figure's year", () => {
    const tourism = buildIndicatorStore(report, "某某省.txt").indicators.find(
      (i) => i.value === 615,
    );
    expect(tourism?.year).toBe(2010);
  });

  it("does not lend a later figure's subject, written apart, to the one before", () => {
    expect(value("2010年旅游总收入多少")).not.toBe(820);
  });
});

describe("money asked apart from its 多少", () => {
  it("is not answered by a count of what it was spent on", () => {
    const answer = fixtureAnswerer().ask(
      "下营镇和官庄镇创建市级全域旅游示范镇，目前累计投入资金多少？",
    ).answer;
    expect(answer === null || answer.unit.endsWith("元")).toBe(true);
  });

  it("is not answered by a count", () => {
    // The district's report counts the households helped and the money paid in one sentence.
    const answer = fixtureAnswerer().ask("给困难户临时救急的钱发了多少").answer;
    expect(answer === null || answer.unit.endsWith("元")).toBe(true);
  });
});

describe("分别 after figures of one clause each", () => {
  const report = `各位代表：
现在，我代表某某省人民政府向大会作政府工作报告，请予审议。
一、2025年工作回顾
全部财政收入达到823.1亿元，其中地方一般预算收入420.2亿元，分别增长15.1%和17.3%。
`;

  it("gives each change the subject of its figure, in order", () => {
    const names = buildIndicatorStore(report, "某某省.txt").indicators.map((i) => [
      i.value,
      i.name,
    ]);
    expect(names).toContainEqual([15.1, "全部财政收入增长"]);
    expect(names).toContainEqual([17.3, "地方一般预算收入增长"]);
    expect(valueIn(report)("去年地方一般预算收入比上年增长了多少")).toBe(17.3);
  });
});

describe("items of a sentence apart by ；", () => {
  const report = `政 府 工 作 报 告
——2018年3月7日在某区第九届人民代表大会第二次会议上
一、2017年工作回顾
各位代表，2017年，地区生产总值在从严控制政府投资项目的情况下稳中有升；一般公共预算收入剔除虚增空转因素后完成8.6亿元；社会消费品零售总额完成121.5亿元，同比增长5.9%。牧业年度牲畜存栏12万头只。
二、2018年主要任务
社会消费品零售总额增长8%，达到131亿元。
`;
  const value = valueIn(report);

  it("name their own things: what an item before named is not the next one's", () => {
    expect(value("2017年地区生产总值是多少亿元")).toBeNull();
    expect(value("2017年一般公共预算收入比上年增长了百分之几")).toBeNull();
    expect(value("2017年一般公共预算收入完成多少")).toBe(8.6);
  });

  it("reads a question opening with a two-digit year as that year", () => {
    expect(value("17年社零弄到多少了")).toBe(121.5);
  });

  it("counts livestock in 头只", () => {
    const stock = buildIndicatorStore(report, "某区.txt").indicators.find((i) => i.value === 12);
    expect(stock?.unit).toBe("万头只");
  });
});

describe("what a question says it does not ask", () => {
  const report = `政 府 工 作 报 告
——2019年3月4日在某区第十五届人民代表大会第三次会议上
一、2018年工作回顾
全年地区生产总值完成152.3亿元，按可比价计算，同比增长5.0%。城乡常住居民人均可支配收入分别完成39100元、18104元，同比分别增长6.8%、8.4%。
`;

  it("gives a change of change words only the topic before it", () => {
    expect(valueIn(report)("2018年地区生产总值增长多少")).toBe(5);
  });

  it("reads 不问 as ruling out", () => {
    const value = valueIn(report);
    expect(value("2018年农村常住居民人均可支配收入同比增长了多少（问增速，不问金额）")).not.toBe(
      18104,
    );
  });
});

describe("a figure after a list of places", () => {
  const report = progressReport(
    "（一）东西部协作。",
    "动员社会力量为甲山县、乙水县捐款捐物，截至目前，共捐赠款物52.6万元。开展丙河镇、丁岭镇2个示范镇创建，完成新建民宿31户。其中，甲山县、乙水县分别接收物资12吨、15吨。",
  );
  const value = valueIn(report);

  it("is the places' together, not one of theirs: the total is offered as such", () => {
    expect(value("一共捐赠了多少款物")).toBe(52.6);
    expect(value("新建民宿多少户")).toBe(31);
    const answerer = answererOf(report);
    const one = answerer.ask("单给甲山县捐赠的款物有多少");
    expect(one.answer).toBeNull();
    expect(one.text).toContain("只给出了与乙水县的合计");
    expect(one.offered).toEqual([expect.objectContaining({ value: 52.6 })]);
    expect(answerer.ask("丙河镇新建了多少户民宿").text).toContain("与丁岭镇的合计");
  });

  it("is each one's where the sentence gives them apart (分别)", () => {
    expect(value("乙水县接收物资多少吨")).toBe(15);
  });

  it("is of every place of the list, asked together, though its own clause names none", () => {
    const text = progressReport(
      "（一）乡村旅游。",
      "开展丙河镇、丁岭镇2个示范镇创建，已投入资金600万元，完成新建民宿31户。",
    );
    const answerer = new ReportsAnswerer(
      memoryLibrary([buildIndicatorStore(text, "某县.txt")]),
      loadIntents(),
      ["丙河镇", "丁岭镇"],
    );
    const ask = (q: string) => answerer.ask(q).answer?.value ?? null;
    expect(ask("丙河镇和丁岭镇创建示范镇，到现在投进去多少资金？")).toBe(600);
    expect(ask("丙河镇和丁岭镇创建示范镇投入资金多少")).toBe(600);
    expect(ask("丙河镇、丁岭镇创建示范镇，新建民宿已经完成多少户？")).toBe(31);
    expect(answerer.ask("丙河镇投进去多少资金").text).toContain("与丁岭镇的合计");
  });
});

describe("money asked right after 多少", () => {
  it("is what is counted: a count of the same sentence does not answer it", () => {
    const ask = valueIn(
      progressReport("（一）乡村旅游。", "开展示范镇创建2个，已投入资金600万元，建成民宿31户。"),
    );
    expect(ask("示范镇创建一共投进去多少资金")).toBe(600);
    expect(ask("示范镇创建花了多少钱")).toBe(600);
    const other = valueIn(
      progressReport("（一）乡村旅游。", "统筹各类资金支持示范镇创建2个。示范镇建成民宿31户。"),
    );
    expect(other("统筹各类资金支持示范镇创建，统筹了多少资金")).toBeNull();
  });
});

describe("an amount asked with 额", () => {
  const report = progressReport(
    "（十八）深入推进农村改革。",
    "扩大农村产权流转交易服务范围和交易品种，全区26个乡镇已全部有集体资产项目进场挂牌交易，覆盖率100%，农村产权流转交易成交111笔，总交易规模3295.7万元。社会消费品零售总额12.3亿元，增长9.5%。",
  );
  const value = valueIn(report);

  it("is money, not a count", () => {
    expect(value("产权交易平台上成交项目的交易总额是多少")).not.toBe(26);
    expect(value("社会消费品零售总额增长多少")).toBe(9.5);
  });
});

describe("a report pasted from 各位代表 on, with no title", () => {
  const text = `各位代表：
现在，我代表区人民政府向大会作政府工作报告，请予审议。
一、2018年工作回顾
过去的一年，本区生产总值突破61亿元，同比(下同)增长7.1%；一般公共预算收入2.9亿元；万元GDP能耗、水耗分别下降4.3%、6.6%。新登记商事主体2954户。
二、2019年工作安排
本区生产总值增长6.5%。
`;
  const answererNamed = (file: string) =>
    new ReportsAnswerer(memoryLibrary([buildIndicatorStore(text, file)]), loadIntents(), []);

  it("speaks for the place its file is named after", () => {
    const value = (q: string) =>
      answererNamed("东湖区-2019-政府工作报告.txt").ask(q).answer?.value ?? null;
    expect(value("东湖2018年新登记商事主体多少户")).toBe(2954);
    expect(value("西湖区2018年新登记商事主体多少户")).toBeNull();
  });

  it("reads a change after 同比(下同) as the topic's", () => {
    const value = (q: string) => answererNamed("r.txt").ask(q).answer?.value ?? null;
    expect(value("2018年全区经济总量比上年增长了多少")).toBe(7.1);
  });
});

describe("a review of the year and of the five years", () => {
  const report = `政 府 工 作 报 告
——2016年1月10日在某区第六届人民代表大会第二次会议上
一、2015年工作回顾及“十二五”发展成绩
过去的一年，我们深入推进“美丽家园”行动，完成12个公园的新建、改造工作。中小企业发明专利申请量增长近1.5倍，占全区比重由25%上升到44.2%，推动全区发明专利申请量增长11.8%。食品抽检合格率、药品评价性抽样合格率分别达96.8%、100%。
过去的一年，区政府扎实推进各项工作，实现了“十二五”圆满收官。“十二五”期间，我们推动全区经济社会发展迈上新台阶。五年来，全区地区生产总值比“十二五”目标高出31.8亿元，年均增速达9.8%；规模以上工业增加值比“十二五”目标高出46.8亿元，年均增长12.2%。
——一体化建设扎实推进。新建公园36个，建成绿道153公里。
——民生事业全面进步。新增病床位1294张。
二、2016年工作安排
新建公园10个。
`;
  const value = valueIn(report);

  it("reads the ——items after a turn to the five years as of those years", () => {
    expect(value("十二五新建了几个公园")).toBe(36);
    expect(value("2015年完成几个公园的新建改造")).toBe(12);
  });

  it("gives 年均增速 and 占全区比重 the topic before them", () => {
    expect(value("十二五期间地区生产总值年均增长多少")).toBe(9.8);
    expect(value("中小企业发明专利申请量占全区的比重是多少")).toBe(44.2);
  });

  it("reads 抽样检测 as 抽检", () => {
    expect(value("2015年食品抽样检测的合格比例是多少")).toBe(96.8);
  });
});

describe("money asked in words", () => {
  const report = `政 府 工 作 报 告
——2020年1月8日在某区第七届人民代表大会第五次会议上
一、2019年工作回顾
出台支持总部企业发展实施办法等系列惠企政策，全年减税降费1.3亿元，投入产业发展资金、企业技改资金等872万元，受惠企业215家。始终坚持在发展中保障和改善民生，民生领域投入4.48亿元，增长38.4%。
`;

  it("needs no word for money in the figure's words: its unit says it", () => {
    expect(valueIn(report)("2019年在民生方面投入的资金总额是多少")).toBe(4.48);
  });
});

describe("an urban district's review", () => {
  const report = `政 府 工 作 报 告
——2015年1月12日在某区第六届人民代表大会第一次会议上
一、2014年工作回顾
全年实现GDP346.09亿元，增长9%，经济总量保持全市第一；三产增加值达150.15亿元，增长9.9%，比二产增速高出1.6个百分点。每平方公里土地GDP产出18.68亿元，比上年增加1.36亿元。人均GDP达30.87万元，比上年增加2.11万元。
产业结构实现“三个优化”，第三产业占GDP比重超过96%，作为重要支柱产业的金融业增长8%；特色优势产业商务服务业发展态势良好，实现15%的高增长。
`;
  const value = valueIn(report);

  it("reads a value written right after GDP", () => {
    expect(value("2014年经济总量达到了多少亿元")).toBe(346.09);
  });

  it("answers the area's output with no figure per square kilometre", () => {
    const perArea = valueIn(report.replace("全年实现GDP346.09亿元，增长9%，", ""));
    expect(perArea("2014年经济总量达到了多少亿元")).toBeNull();
  });

  it("does not answer for one sector with another's figure (一产, 二产, 三产)", () => {
    expect(value("2014年第二产业增加值是多少亿元")).toBeNull();
    expect(value("2014年第三产业增加值是多少")).toBe(150.15);
  });

  it("reads 15%的高增长 as a change, which answers no share", () => {
    expect(value("2014年商务服务业增长多少")).toBe(15);
    expect(value("商务服务业占多大比重")).toBeNull();
  });
});

describe("a progress report's change against last year", () => {
  const report = progressReport(
    "（四）提升粮食安全保障能力。",
    "全县夏粮总产预计达到14.95万吨，比去年增产1.75万吨。",
  );
  const value = valueIn(report);

  it("is this year's, not the year it is compared with", () => {
    expect(value("2024年全县夏粮总产量是多少万吨")).toBeNull();
    expect(value("夏粮比去年增产多少")).toBe(1.75);
  });
});

describe("a report closing a five-year term", () => {
  const report = `政 府 工 作 报 告
——2021年1月10日在某区第二届人民代表大会第一次会议上
一、过去五年工作回顾
五年来，质量效益持续提升，税收收入由33.7亿元增至43.9亿元。人均GDP28.85万元，每平方公里产出GDP17.33亿元，产值超10亿元企业49家。重点服务业增加值60.97亿元，增长18.4%。
348个家庭医生团队签约48.9万常住居民。
二、未来五年奋斗目标
未来五年主要目标是：一般公共预算收入累计达80亿元左右。
`;
  const value = valueIn(report);

  it("reads 过去五年 as a span done, not as what there was before", () => {
    expect(value("过去五年末税收收入规模达到多少")).toBe(43.9);
    expect(value("过去五年一般公共预算收入累计完成了多少")).toBeNull();
  });

  it("counts people written with 万 and the people counted", () => {
    expect(value("家庭医生签了多少居民")).toBe(48.9);
  });

  it("reads 按人口平均计算 as 人均, and 重点 as narrowing what is counted", () => {
    expect(value("按人口平均计算的GDP是多少")).toBe(28.85);
    expect(value("第三产业增加值实际完成了多少")).toBeNull();
  });
});

describe("a level asked with the verb that reaches it", () => {
  const report = `政 府 工 作 报 告
——2021年1月10日在某区第二届人民代表大会第一次会议上
一、过去五年工作回顾
五年来，产业结构更加优化，城镇化率提升至61.6%；先进制造业增加值占规模以上工业增加值比重提高到76%，工业企业内销比重提高到43%。
`;

  it("reads 提高到 as asking a level, not as the topic (提升至 says the same)", () => {
    expect(valueIn(report)("城镇化率提高到多少")).toBe(61.6);
  });
});

describe("a district's year in figures", () => {
  const report = `政 府 工 作 报 告
——2015年1月10日在某区第五届人民代表大会第五次会议上
一、2014年工作回顾
初步预计，全年实现地区生产总值235.8亿元，增长10%；外贸进出口总额42.7亿美元，增长3.5%；社会消费品零售总额53.3亿元，增长12.1%。
全年淘汰低端企业618家，五年累计淘汰6712家，超额完成五年计划。
现代服务业快速发展，金融业增加值增长14%，各类金融要素不断集聚；文化创意产业实现增加值18.2亿元，增长19%。
`;
  const value = valueIn(report);

  it("gives 五年累计淘汰 the topic before it", () => {
    expect(value("五年累计淘汰低端企业多少家")).toBe(6712);
    expect(value("2014年淘汰低端企业多少家")).toBe(618);
  });

  it("does not answer one sector's value added with another's (…实现增加值)", () => {
    expect(value("2014年金融业增加值是多少亿元")).toBeNull();
    expect(value("文化创意产业增加值多少")).toBe(18.2);
  });

  it("does not answer exports with trade, nor 美元 with 元", () => {
    expect(value("2014年外贸出口额是多少亿美元")).toBeNull();
    expect(value("外贸进出口总额多少")).toBe(42.7);
  });
});

describe("a harvest and its yield", () => {
  const report = progressReport(
    "（四）提升粮食安全保障能力。",
    "全县34.2万亩夏粮全部收割完成，夏粮单产预计可达437公斤/亩，总产预计达到14.95万吨。",
  );
  const value = valueIn(report);

  it("answers a question about the harvest with no yield per mu", () => {
    expect(value("夏粮单产多少")).toBe(437);
    // The fixture district's report has both; the harvest asked in other words is no yield.
    const harvest = fixtureAnswerer().ask("今年夏季粮食预计一共能打多少粮食").answer;
    expect(harvest?.unit ?? "").not.toMatch(/\/亩$/);
  });
});

describe("an age class", () => {
  it("is no figure, though a 、 cuts the clause before the figure that follows", () => {
    const report = progressReport(
      "（六）提升农村公共服务水平。",
      "家庭医生签约服务老年人达到8.3万人，为60岁以上失能、半失能人员提供入户医疗健康服务1万人次。",
    );
    const units = buildIndicatorStore(report, "r.txt").indicators.map((i) => i.unit);
    expect(units).not.toContain("岁");
    expect(units).toContain("万人次");
  });
});

describe("new ones and the total they bring", () => {
  const report = `政 府 工 作 报 告
——2017年1月10日在某区第六届人民代表大会第三次会议上
一、2016年工作回顾
新经济成为增长主动力，新增国家级高新技术企业58家，总数达222家，超过全省1/10。
城区环境持续改善，新建、改造公园7个，总数增至122个。
`;
  const value = valueIn(report);

  it("answers a question about all there are with the total", () => {
    expect(value("国家级高新技术企业累计已有多少家")).toBe(222);
    expect(value("公园现在一共几个")).toBe(122);
    expect(value("2016年新增国家级高新技术企业多少家")).toBe(58);
  });
});

describe("a five-year review's figures", () => {
  const report = `政 府 工 作 报 告
——2021年1月10日在某市第七届人民代表大会第二次会议上
一、“十三五”时期发展成就
坚决打赢污染防治攻坚战，新建污水管网640公里，新增污水日处理能力28万吨、累计达76万吨，垃圾焚烧日处理能力达1.5万吨。
发展质量效益领先，居民人均可支配收入达5.2万元；单位GDP能耗、单位GDP二氧化碳排放分别为全国平均水平的1/3、1/5，五年分别下降17.1%、21.4%。
`;
  const value = valueIn(report);

  it("reads a total reached right after new ones as the stock at the span's end", () => {
    expect(value("到2020年污水日处理能力累计达到多少")).toBe(76);
    expect(buildIndicatorStore(report, "r.txt").indicators.map((i) => i.name)).toContain(
      "污水日处理能力累计",
    );
  });

  it("names a list's figures by a list before it whose values are no figures", () => {
    const names = buildIndicatorStore(report, "r.txt").indicators.map((i) => i.name);
    expect(names).toContain("单位GDP能耗下降");
    expect(names).toContain("单位GDP二氧化碳排放下降");
  });

  it("does not take a figure per unit of GDP for GDP", () => {
    expect(value("2020年地区生产总值比上年增长了多少")).toBeNull();
    expect(value("单位GDP能耗五年下降了多少")).toBe(17.1);
  });
});

describe("lists and units of a work report", () => {
  const report = `政 府 工 作 报 告
——2019年1月10日在某区第七届人民代表大会第五次会议上
一、2018年工作回顾
初步核算地区生产总值达225.3亿元；万元GDP建设用地、水耗、电耗分别下降6.1%、3.2%和4.4%。
最低工资标准、最低生活保障标准分别提升至2200元/月、1100元/月。
建成投产3座水质净化厂，新增污水处理能力40.5万吨/日。
新增对口帮扶地区小康村6个。
全年空气质量优良天数比例达93.2%。
全年新建公园23个、城市绿道40公里。
开工筹建人才房1500套，在建地铁里程88公里。发展不平衡的问题还有待解决。
二、2019年主要任务
建设集审批、查违、整备一体化的指挥平台，年内完成查违160万平方米。
`;
  const value = valueIn(report);

  it("gives later short items of a list measured per unit of GDP that unit too", () => {
    expect(value("2018年万元GDP水耗下降了多少")).toBe(3.2);
  });

  it("reads a list of values in a unit per month", () => {
    expect(value("低保标准提到多少钱一个月")).toBe(1100);
    expect(value("最低工资标准多少")).toBe(2200);
  });

  it("keeps a unit per day", () => {
    const units = buildIndicatorStore(report, "r.txt").indicators.map((i) => i.unit);
    expect(units).toContain("万吨/日");
  });

  it("asks persons with 多少贫困人口 and days with 多少天", () => {
    expect(value("对口帮扶地区有多少贫困人口脱贫")).toBeNull();
    expect(value("空气质量优良的天数有多少天")).toBeNull();
  });

  it("counts things asked with their own measure word in 个 too", () => {
    expect(value("去年新建了多少座公园")).toBe(23);
  });

  it("drops 还有 from a question", () => {
    expect(value("地铁在建的还有多少公里")).toBe(88);
  });

  it("does not repair a word the report has into a slip", () => {
    // jieba reads 查|违要; "为要" sounds like 违要 and stands in the report, 查为 does not.
    const corpus = "作为要务，年内完成查违160万平方米。";
    const typos = new TypoCorrector(corpus);
    expect(typos.correct("今年查违要搞多少平方米")).toBe("今年查违要搞多少平方米");
    expect(new TypoCorrector("夏粮单产437公斤/亩").correct("夏梁单产多少")).toBe("夏粮单产多少");
  });
});

describe("a start and the level reached in the next clause", () => {
  const report = `政 府 工 作 报 告
——2019年1月10日在某区第二届人民代表大会第四次会议上
一、2018年工作回顾
低保困难群体从2017年底的320户980人，降至140户410人，人数下降近58%。
`;
  const value = valueIn(report);

  it("reads both figures after 从 as the start, and those after 降至 as the level", () => {
    expect(value("2018年低保困难群体降到了多少人")).toBe(410);
    expect(value("2017年底低保困难群体有多少人")).toBe(980);
  });
});

describe("a question's clauses", () => {
  it("takes 新建 in a clause that only names the projects as no ask for new ones", () => {
    const report = progressReport(
      "（一）推进高标准农田建设。",
      "今年计划新建高标准农田建设项目4个，总投资2100万元。目前，4个项目均已全部开工建设，新建涵洞2座，累计已完成投资300万元。",
    );
    const value = valueIn(report);
    expect(value("新建高标准农田那4个项目，目前实际已经花了多少投资？")).not.toBe(2);
    expect(value("新建高标准农田那4个项目，目前实际已经花了多少投资？")).not.toBe(2100);
  });
});

describe("a list that goes on with one side of a contrast", () => {
  it("gives a thing and its figure after 新建… as new, not as a total of 新建 and 更新", () => {
    const report = progressReport(
      "（一）推进高标准农田建设。",
      "今年计划新建高标准农田建设项目4个，建设规模1.2万亩。目前，4个项目均已全部开工建设，完成更新机井6眼，新建涵洞3座，田间道路4.2公里，累计已完成投资300万元。",
    );
    expect(valueIn(report)("高标准农田项目新修田间道路多少公里")).toBe(4.2);
  });
});

describe("exports inside trade", () => {
  it("does not find exports in 进出口 of a neighbouring clause", () => {
    const report = `政 府 工 作 报 告
——2015年1月25日在某省第十二届人民代表大会第三次会议上
一、2014年工作回顾
全省生产总值增长7.6%。
二、2015年工作安排
经济社会发展主要预期目标是：生产总值增长7.5%左右，固定资产投资增长15.5%，进出口总额增长3%，社会消费品零售总额增长12%。
`;
    const value = valueIn(report);
    expect(value("2015年全省出口增长的目标定的是多少")).toBeNull();
    expect(value("2015年进出口总额增长目标是多少")).toBe(3);
  });
});

describe("two lists of a raise, and changes after a list", () => {
  const report = `政 府 工 作 报 告
——2015年1月25日在某省第十二届人民代表大会第三次会议上
一、2014年工作回顾
城镇、农村常住居民人均可支配收入分别达30100元、11800元，增长8.1%、10.2%。
二、2015年工作安排
城镇、农村低保补助补差水平分别从每月320元、140元提高到360元、165元；孤儿集中供养水平从每月1100元提高到1200元。
`;
  const value = valueIn(report);

  it("gives each change after a list without 分别 the list's subject", () => {
    expect(value("2014年农村常住居民人均可支配收入增长多少")).toBe(10.2);
    expect(value("2014年城镇常住居民人均可支配收入增长多少")).toBe(8.1);
  });

  it("reads 分别从A、B提高到C、D as two starts and two levels, in order", () => {
    expect(value("2015年农村低保补差水平每月提高到多少元")).toBe(165);
    expect(value("城镇低保补助补差水平提高到多少")).toBe(360);
    expect(value("孤儿集中供养水平提高到多少")).toBe(1200);
  });
});

describe("a slip jieba reads as a word of its own", () => {
  it("repairs the character after a report word to the one the report writes there", () => {
    const typos = new TypoCorrector("全年累计化解群众诉求近3万宗，化解率98%。城镇登记失业率3%。");
    expect(typos.correct("去年化解群众诉求的化解律是多少")).toBe("去年化解群众诉求的化解率是多少");
    expect(typos.correct("城镇登记失业律是多少")).toBe("城镇登记失业率是多少");
    // A character that starts a word of the report stays (城镇, not 成镇).
    expect(
      new TypoCorrector("项目建设成效明显。城镇居民收入增长。").correct("建设城镇有几个"),
    ).toBe("建设城镇有几个");
  });
});

describe("a figure per people", () => {
  it("is not of the people it is counted per, unless asked that way", () => {
    const report = `政 府 工 作 报 告
——2022年1月10日在某区第八届人民代表大会第二次会议上
一、2021年工作回顾
健康事业持续引领。每万人常住人口配备全科医生5.8名，每万人高价值发明专利拥有量达21件。
`;
    const value = valueIn(report);
    expect(value("2021年常住人口有多少")).toBeNull();
    expect(value("每万人常住人口有几名全科医生")).toBe(5.8);
    expect(value("每万人口拥有的高价值发明专利是多少件")).toBe(21);
  });
});

describe("two figures the question cannot tell apart", () => {
  it("asks which rather than stating the one the report gives first", () => {
    const report = `政 府 工 作 报 告
——2019年1月15日在某市第六届人民代表大会第七次会议上
一、2018年工作回顾
全年固定资产投资6191亿元。
二、2019年主要工作
（一）推进新区建设。开工建设会议中心、桂湾公园等公建配套设施，全年完成固定资产投资480亿元以上。
（四）做强实体经济。扩大高质量有效投资，加大基础设施、重点区域、公建配套等投资力度，全年固定资产投资约7000亿元、增长13%左右。
`;
    const result = answererOf(report).ask("2019年全年固定资产投资是多少？");
    expect(result.answer).toBeNull();
    expect(result.offered?.map((o) => o.value).sort((a, b) => a - b)).toEqual([480, 7000]);
  });
});

describe("an average over two years", () => {
  it("takes the topic before it, like 年均", () => {
    const report = `政 府 工 作 报 告
——2022年1月20日在某市第七届人民代表大会第三次会议上
一、2021年工作回顾
全市地区生产总值3.1万亿元、增长6.5%，两年平均增长4.8%。
`;
    const value = valueIn(report);
    expect(value("2020、2021两年地区生产总值的平均增速是多少？")).toBe(4.8);
    expect(value("2021年地区生产总值增长多少")).toBe(6.5);
  });
});

describe("lists of a province's review", () => {
  const report = `政 府 工 作 报 告
——2016年1月25日在某省第十二届人民代表大会第四次会议上
一、“十二五”时期工作回顾
各项社会事业全面进步，人民生活显著改善，城镇和农村常住居民人均可支配收入分别达33000元和13100元、年均实际增长7.1%和8.8%，城乡居民收入比缩小。
开展大气污染联防联治，2015年PM2.5、PM10平均浓度分别比上年下降16.2%和14.1%。
全面完成扶贫开发任务，帮扶230万相对贫困人口实现脱贫，完成农村危房改造51.2万户。
二、2016年工作安排
孤儿集中供养和分散供养水平分别提高到每月1300元和800元，农村五保供养标准提高到每年6200元以上。
`;
  const value = valueIn(report);

  it("gives a list of average changes after a 分别 list its subjects", () => {
    expect(value("十二五期间农村常住居民人均可支配收入年均实际增长多少")).toBe(8.8);
  });

  it("takes a pair right before 分别 as the whole list, not the clauses before it", () => {
    expect(value("十二五末城镇常住居民人均可支配收入多少元")).toBe(33000);
  });

  it("shares the words after a list of codes (PM2.5、PM10平均浓度)", () => {
    expect(value("2015年PM2.5平均浓度比上年下降了多少")).toBe(16.2);
  });

  it("reads 每月 before a number as its period", () => {
    expect(value("2016年农村五保供养标准提到每年多少钱")).toBe(6200);
    expect(value("2016年省里给农村五保对象的供养标准提到每年不低于多少钱")).not.toBe(800);
  });

  it("counts people for 多少…人口 with words between", () => {
    expect(value("2015年当年全省有多少相对贫困人口实现脱贫")).not.toBe(51.2);
  });
});

describe("some of a counted set", () => {
  it("does not answer for the part a question names after 里 with the whole's figure", () => {
    const report = progressReport(
      "（二）推进产业帮扶。",
      "总投资4亿多元，实施20个产业帮扶项目，其中，特色农业产业项目14个、农产品加工仓储项目3个、乡村旅游项目3个，预计年收入3.8亿元，利润1.1亿元。",
    );
    const value = valueIn(report);
    expect(value("20个产业帮扶项目里，乡村旅游那几个预计年收入多少？")).toBeNull();
    expect(value("产业帮扶项目预计年收入多少")).toBe(3.8);
  });
});

describe("a report pasted from 各位代表 on", () => {
  const report = `各位代表：
现在，我代表区人民政府向大会作工作报告，请予审议。
一、过去五年工作回顾
地区生产总值由2016年的500亿元跃升至2020年的780亿元。亿元地区生产总值生产安全事故死亡率由4.2%下降到1.0%、下降76%。最低生活保障标准由800元增加至1200元。
二、今后五年的目标任务
到2025年，PCT国际专利申请量达到1000件。
`;

  it("is of the year its file's name gives, not one guessed from the years it mentions", () => {
    const store = buildIndicatorStore(report, "东湖区-2021-政府工作报告.txt");
    expect(store.source.year).toBe(2021);
    expect(buildIndicatorStore(report, "r.txt").source.year).not.toBe(2021);
  });

  it("does not take a rate per 亿元 of GDP for GDP", () => {
    const answerer = reportAnswerer(report, "东湖区-2021-政府工作报告.txt");
    expect(answerer.ask("2020年地区生产总值比上年增长了多少？").answer?.value ?? null).toBeNull();
    expect(answerer.ask("亿元地区生产总值生产安全事故死亡率下降了多少").answer?.value).toBe(76);
  });
});

describe("a paragraph led by the five years ahead", () => {
  const report = `各位代表：
现在，我代表区人民政府向大会作报告，请予审议。
“十三五”时期主要成绩及2020年工作回顾
过去一年，筹集公共住房5145套。
“十四五”时期和2021年形势任务
未来五年，政府要努力实现以下目标：地区生产总值达到1750亿元，筹集公共住房4万套，初步实现民生“七优”目标。
2021年工作安排
今年经济社会发展的预期目标是：地区生产总值增长8%。加大各类公共住房建设筹集力度，力争全年建设筹集公共住房不少于6500套。
`;
  const answerer = reportAnswerer(report, "东湖区-2021-政府工作报告.txt");
  const value = (q: string) => answerer.ask(q).answer?.value ?? null;

  it("gives plans of those years, not of the report's year, though its heading names that year", () => {
    expect(value("今年公共住房要筹集多少套？")).toBe(6500);
    expect(value("十四五期间要筹集多少套公共住房")).toBe(4);
    expect(value("到2025年地区生产总值目标是多少")).toBe(1750);
  });
});

describe("levels right after a 分别 list", () => {
  it("take the list's subjects in order, joined by 和 as by 、", () => {
    const value = valueIn(
      progressReport(
        "（一）人才工作。",
        "全区高层次人才、博士人才分别增长30%和39%，累计达759名和1125名。",
      ),
    );
    expect(value("全区博士人才累计有多少名")).toBe(1125);
    expect(value("高层次人才累计多少名")).toBe(759);
  });
});

describe("a slip of a character with two readings", () => {
  const typos = new TypoCorrector("全口径税收收入增长31.1%，固定资产投资增长12.8%。建房盖住房。");

  it("is repaired to the report's word read in context (增长 is zeng zhang)", () => {
    expect(typos.correct("税收收入曾长了多少")).toBe("税收收入增长了多少");
    expect(typos.correct("固定资产投资增张多少")).toBe("固定资产投资增长多少");
  });

  it("is not read by a rare reading of the typed character", () => {
    expect(new TypoCorrector("荷花池3个").correct("盖住房的有几宗")).toBe("盖住房的有几宗");
  });
});

describe("who asks, before a colon", () => {
  it("is not part of the question", () => {
    const value = valueIn(
      progressReport(
        "（一）东西部协作。",
        "动员社会力量为结对两县捐款捐物，共捐赠款物52.6万元。区长热线受理诉求1200件，领导讲话稿印发30份。",
      ),
    );
    expect(value("王区长问：款物多少")).toBe(52.6);
    expect(value("区长讲话稿里要提一句：捐赠款物多少")).toBe(52.6);
    expect(value("书记汇报材料要用：款物多少")).toBe(52.6);
  });
});

describe("a whole and its parts after 其中", () => {
  const report = `各位代表：
一、2024年工作回顾
九大类民生支出276.1亿元，增长19.6%，其中教育、卫生、公共安全和住房保障分别投入44.1、21.6、24.6和11.8亿元。
二、2025年工作安排
全年安排民生支出57.38亿元，增长16.0%，其中，教育支出15.26亿元，增长34.2%；卫生健康支出6.48亿元，增长20.9%。
`;
  const answerer = reportAnswerer(report, "东湖区-2025-政府工作报告.txt");
  const value = (q: string) => answerer.ask(q).answer?.value ?? null;

  it("reads a list whose unit is written once, its last two items joined by 和", () => {
    expect(value("2024年九大类民生支出当中，花在教育上的是多少？")).toBe(44.1);
    expect(value("2024年住房保障这块是多少亿元")).toBe(11.8);
  });

  it("does not give the whole for a part its sentence names after 其中", () => {
    expect(value("2025年教育支出安排了多少金额？")).toBe(15.26);
    expect(value("2025年民生支出安排了多少")).toBe(57.38);
  });
});

describe("gaps right after a 分别 list", () => {
  it("take its subjects, the unit written once", () => {
    const value = valueIn(
      progressReport(
        "（一）工业。",
        "装备制造业、高新技术产业增加值占规上工业的比重分别达到45.4%、47.8%，高于全省22.7和28.8个百分点。",
      ),
    );
    expect(value("高新技术产业增加值占规上工业的比重比全省高出多少个百分点？")).toBe(28.8);
    expect(value("装备制造业比重高于全省多少个百分点")).toBe(22.7);
  });
});

describe("a measure named after the question's last noun", () => {
  const report = `各位代表：
一、2021年工作回顾
已开通地铁线路增至8条，总里程45.2公里，实现10个街道全覆盖。治理违建1203.3万平方米，清查整治违法用地7396亩，整治面积全市第一。
`;
  const answerer = reportAnswerer(report, "东湖区-2022-政府工作报告.txt");
  const value = (q: string) => answerer.ask(q).answer?.value ?? null;

  it("is what is counted, though the figure stands a clause away from the noun", () => {
    expect(value("已开通的地铁线路总长度现在是多少？")).toBe(45.2);
    expect(value("地铁线路开通了几条")).toBe(8);
  });

  it("still prefers a figure in that measure whose own clause holds the noun", () => {
    expect(value("治理违建的面积有多大？")).toBe(1203.3);
  });
});

describe("a change over five years", () => {
  const report = `各位代表：
一、“十三五”时期和2020年工作回顾
2020年，人均GDP实现28.6万元，比2015年增长17%；地均GDP61亿元/平方公里，比2015年增长40%。
`;
  const answerer = reportAnswerer(report, "东湖区-2021-政府工作报告.txt");
  const value = (q: string) => answerer.ask(q).answer?.value ?? null;

  it("answers neither a year's change nor, per head, the whole area's output", () => {
    expect(value("2020年地区生产总值比上年增长了多少？")).toBeNull();
    expect(value("2020年人均GDP比2015年增长了多少")).toBe(17);
  });
});

describe("a new area's report known by its file's name", () => {
  it("is asked about by the area's name without 新区", () => {
    const report = `各位代表！一年来，我们坚持埋头干、创新干，取得了来之不易的成绩。
今年主要预期目标是：地区生产总值增长4%左右，规模以上工业增加值增长2%左右。
`;
    const answerer = reportAnswerer(report, "东湖新区-2022-政府工作报告.txt");
    expect(answerer.ask("今年东湖GDP增长的预期目标是多少？").answer?.value).toBe(4);
  });
});

describe("增幅 asked", () => {
  it("asks a rate of change, though a measure is named after it", () => {
    const value = valueIn(
      progressReport(
        "（一）粮食生产。",
        "全区10万亩夏粮全部收割完成，比上年增加1万亩，增幅11%，总产预计达到4万吨，比去年增产0.5万吨，增幅14.3%。",
      ),
    );
    expect(value("夏粮增幅我要的是总产的，不是面积那个增幅")).toBe(14.3);
  });
});

describe("a long numbered heading", () => {
  it("still opens a part: its year's plans are not the five years' before it", () => {
    const report = `各位代表：
一、“十三五”和2020年工作回顾
五年来，新增公办学位2.1万个。
二、“十四五”目标任务
到2025年，全区经济总量达到6000亿元。
三、永葆“闯”的精神、“创”的劲头、“干”的作风，全力做好2021年各项工作，在全面建设社会主义现代化国家新征程中开好局起好步
今年经济社会发展的主要目标是：地区生产总值增长6%以上。
（一）办好民生实事。引进优秀教师700名，新增公办义务教育学位3.5万个。
`;
    const answerer = reportAnswerer(report, "东湖区-2021-政府工作报告.txt");
    expect(answerer.ask("今年要引进多少优秀老师？").answer?.value).toBe(700);
    expect(answerer.ask("今年计划新增公办义务教育学位多少个？").answer?.value).toBe(3.5);
  });
});

describe("a figure per square kilometre of GDP's sentence", () => {
  it("is not of GDP, nor are the per-unit figures after it", () => {
    const report = `各位代表：
一、2019年工作回顾
每平方公里GDP产出30.35亿元，万元GDP建设用地、水耗、电耗分别下降6.1%、7.8%、1.9%。
`;
    const answerer = reportAnswerer(report, "东湖区-2020-政府工作报告.txt");
    expect(answerer.ask("2019年地区生产总值比上年增长了多少？").answer).toBeNull();
    expect(answerer.ask("万元GDP水耗下降了多少").answer?.value).toBe(7.8);
  });
});

describe("how many, then a Chinese noun", () => {
  it("counts that noun, though other words follow it", () => {
    const value = valueIn(
      progressReport("（一）基层治理。", "全区划分网格1266个，配备网格员1472名，配备到位率100%。"),
    );
    expect(value("how many 网格员 配备到位了")).toBe(1472);
  });
});

describe("what a total has now reached", () => {
  it("is not answered by the new ones of the year", () => {
    const report = `各位代表：
一、2019年工作回顾
建成首家社区嵌入式养老服务综合体翠平日照中心，新增51张养老床位，普惠性床位达到952张，全市排名第一。
`;
    const answerer = reportAnswerer(report, "东湖区-2020-政府工作报告.txt");
    // (The report says 普惠性床位 without 养老: the bot may also say it has no such figure.)
    expect(answerer.ask("普惠性养老床位目前达到多少张？").answer?.value).not.toBe(51);
    expect(answerer.ask("普惠性床位目前达到多少张？").answer?.value).toBe(952);
  });
});

describe("a five years' paragraph", () => {
  const report = `各位代表：
一、“十三五”和2020年工作回顾
五年来，我们坚持创新驱动发展，新增国家高新技术企业957家，总量5842家，是“十二五”末的4倍。2020年全区专利授权数总量达53167件。获得国家级荣誉12项。
2020年，地区生产总值增长3.1%，税收收入增长2.5%，社会消费品零售总额增长1.2%，进出口总额增长4.4%，新增就业2.1万人。
`;
  const answerer = reportAnswerer(report, "东湖区-2021-政府工作报告.txt");
  const value = (q: string) => answerer.ask(q).answer?.value ?? null;

  it("gives the total the new ones came to as of the plan's last year", () => {
    expect(value("截至2020年，国家高新技术企业总量是多少家？")).toBe(5842);
  });

  it("is asked about with everyday verbs that say little (获得)", () => {
    expect(value("2020年全区获得授权的专利一共多少件？")).toBe(53167);
  });
});

describe("a level reached from a time named in words", () => {
  const report = `各位代表：
一、2016年工作回顾
建成污水管网70公里，污水集中处理率由新区成立之初的不足10%提升到86.6%。组织户籍人员培训300场。全社会研发投入占GDP比重超过5%，高新技术产业实现总产值1039亿元，增长16.3%。
`;
  const answerer = reportAnswerer(report, "东湖新区-2017-政府工作报告.txt");
  const value = (q: string) => answerer.ask(q).answer?.value ?? null;

  it("gives the level, not the start (由新区成立之初的不足10%)", () => {
    expect(value("到去年为止，污水集中处理率提升到了多少？")).toBe(86.6);
  });

  it("does not count people in sessions", () => {
    expect(value("东湖新区户籍人口有多少？")).toBeNull();
  });

  it("does not give the next clause's figure for 研发投入, its clause's own", () => {
    expect(value("2016年全社会研发投入总额是多少亿元？")).toBeNull();
  });
});

describe("the whole area asked", () => {
  const report = `各位代表：
一、2016年工作回顾
初步核算，2016年本市生产总值19492.6亿元；固定资产投资4078.2亿元，增速达23.6%。
自贸新城建设加快，瓶颈问题取得突破，全年完成固定资产投资370亿元，增长37.7%。
旅游带动游客人数增长10.6%，其中接待入境游客突破240万人次、增长19.1%，张家界入境游客增长32.5%。
`;
  const answerer = reportAnswerer(report, "东湖市-2017-政府工作报告.txt");
  const value = (q: string) => answerer.ask(q).answer?.value ?? null;

  it("is not answered by a zone a sentence opens with", () => {
    expect(value("去年全市固定资产投资增长了多少（问增速，不是总额）？")).toBe(23.6);
  });

  it("is not answered by a place jieba reads as a name (张家界)", () => {
    expect(value("去年全市入境游客增长了百分之几，不要人数")).toBe(19.1);
  });
});

describe("amount and deal value asked in English", () => {
  it("ask money, not a count of the same sentence", () => {
    const value = valueIn(
      progressReport(
        "（一）农村改革。",
        "农村产权流转交易备案申请审核133笔，交易总额3295.74万元。直播带货58场次，订单金额79.3万元。",
      ),
    );
    expect(value("农村产权流转交易上半年的total deal value是多少？")).toBe(3295.74);
    expect(value("直播带货的订单 amount 是多少？")).toBe(79.3);
  });
});

describe("a count asked with its measure word", () => {
  it("is asked outright, though the report writes that character before the noun elsewhere", () => {
    const report = `各位代表：
一、2021年工作回顾
帮助企业解决融资、业务拓展等问题，全年发放产业扶持资金41.6亿元，惠及企业3456家。新认定国家企业技术中心5家。
`;
    const answerer = reportAnswerer(report, "东湖区-2022-政府工作报告.txt");
    expect(answerer.ask("2021年发放的产业扶持资金一共惠及了多少家企业？").answer?.value).toBe(3456);
  });
});

describe("what a growth added to the city's", () => {
  it("is not the growth asked", () => {
    const report = `各位代表：
一、2021年工作回顾
地区生产总值2828亿元，增长10.2%，增速不仅创下十年来的新高，而且还高于全市3.5个百分点，拉动全市经济增长0.9个百分点。
`;
    const answerer = reportAnswerer(report, "东湖区-2022-政府工作报告.txt");
    expect(answerer.ask("去年地区生产总值增长了多少？只要增速，不要总量").answer?.value).toBe(10.2);
    expect(answerer.ask("拉动全市经济增长多少个百分点").answer?.value).toBe(0.9);
  });
});

describe("a span of years ahead", () => {
  it("is no figure, and what is still to be done there is a plan", () => {
    const report = `各位代表：
一、2022年工作回顾
新增公办高中学位7800座、公办义务教育学位2.92万座、公办学前教育学位5820座，创历史新高。
在看到成绩的同时，我们也清醒认识到，民生供给任务仍然艰巨，未来3年还要新增公办义务教育学位13.51万座。
`;
    const answerer = reportAnswerer(report, "东湖区-2023-政府工作报告.txt");
    expect(answerer.ask("2022年新增了多少公办义务教育学位？").answer?.value).toBe(2.92);
    expect(answerer.ask("未来几年还要新增多少公办义务教育学位").answer?.value).not.toBe(3);
  });
});

describe("another year's figure ruled out", () => {
  it("rules out that year's, not the measure asked", () => {
    const report = `各位代表：
一、2022年工作回顾
PM2.5年均浓度降至20.7微克/立方米。
二、2023年工作安排
加强工地扬尘治理，PM2.5平均浓度控制在19微克/立方米以下，空气质量优良率90%以上。
`;
    const answerer = reportAnswerer(report, "东湖区-2023-政府工作报告.txt");
    const asked = "PM2.5今年要控制在多少以下？要目标，不是去年实际浓度";
    expect(answerer.ask(asked).answer?.value).toBe(19);
  });
});

describe("多出来 asked", () => {
  it("asks what was added, not the level", () => {
    const report = `各位代表：
一、2022年工作回顾
全年GDP同比增长3.5%，比全市高0.2个百分点；总量达到4702亿元，一年增加了280亿元。全年新增公办学位2.7万个。
`;
    const answerer = reportAnswerer(report, "东湖区-2023-政府工作报告.txt");
    // (经济总量 also reads as a total asked, which no increment answers: no figure, not 4702.)
    expect(answerer.ask("和前一年比，经济总量一年里多出来多少？").answer?.value).not.toBe(4702);
    expect(answerer.ask("去年学位多出来多少个").answer?.value).toBe(2.7);
  });
});

describe("items and as many values, no 分别", () => {
  it("pairs them in order", () => {
    const value = valueIn(
      progressReport(
        "（一）劳动人事。",
        "深化“调裁诉援”一体化，实现调解成功率、仲裁结案率达75%、95%以上。",
      ),
    );
    expect(value("仲裁结案率的目标是多少？不问调解成功率")).toBe(95);
    expect(value("调解成功率要达到多少")).toBe(75);
  });
});

describe("a clause that says how its subject went, with no figure", () => {
  it("lends its subject to no figure after it", () => {
    const report = `各位代表：
一、2019年工作回顾
初步预计，全年地区生产总值增长8.5%，固定资产投资保持平稳，外贸进出口总额增长35%，全口径税收收入增长3.8%。
二、2020年工作安排
今年主要预期目标是：外贸进出口总额、一般公共预算收入均为正增长，全社会研发投入占比提高到3.9%。
`;
    const answerer = reportAnswerer(report, "东湖区-2020-政府工作报告.txt");
    expect(answerer.ask("去年固定资产投资增长了百分之几？").answer).toBeNull();
    expect(answerer.ask("今年一般公共预算收入计划增长百分之几？").answer).toBeNull();
    expect(answerer.ask("去年外贸进出口总额增长多少").answer?.value).toBe(35);
  });
});

describe("a plan word naming the topic", () => {
  it("asks no plan when the clause that asks says what was done", () => {
    const value = valueIn(
      progressReport(
        "（一）高标准农田。",
        "全年计划新建高标准农田建设项目4个，建设规模1.43万亩，总投资2145万元。目前，4个项目均已全部开工建设，完成更新机井5眼，新建涵洞2座，田间道路3.9公里，累计已完成投资288.9万元。",
      ),
    );
    expect(value("今年计划的4个高标准农田项目，到目前为止已经完成了多少投资？")).toBe(288.9);
    expect(value("高标准农田项目计划总投资多少")).toBe(2145);
  });
});

describe("a verb that says how the thing asked came about", () => {
  // The verbs stand elsewhere in the report too, for other figures.
  const report = `各位代表：
一、2025年工作回顾
过去一年，全区地区生产总值增长6.1%，高于全市0.4个百分点。新增商事主体2.8万户。先进制造业增加值达到1124亿元。新设外商投资企业673家。
完成不动产登记4.2万宗。
创造就业岗位3.1万个。
设立产业基金12只。
二、2026年工作安排
今年主要预期目标是：地区生产总值增长6%左右。
`;
  const answerer = reportAnswerer(report, "东湖区-2026-政府工作报告.txt");
  const value = (q: string) => answerer.ask(q).answer?.value ?? null;

  it("weighs half where the figure says it in its own verb", () => {
    expect(value("去年新登记的商事主体有多少户")).toBe(2.8);
    expect(value("去年先进制造业创造的增加值是多少？")).toBe(1124);
    expect(value("去年新设立的外资企业有多少家？")).toBe(673);
  });

  it("counts in full where it is asked, or before a part", () => {
    expect(value("去年商事主体登记了多少户")).toBeNull();
    expect(value("去年设立的那些外资企业里，制造业企业有多少家？")).toBeNull();
  });
});

describe("the way a question asks for a percent", () => {
  it("is no word of the subject, also in a report that says 百分点", () => {
    const report = `各位代表：
一、2025年工作回顾
过去一年，全区地区生产总值增长6.1%，高于全市0.4个百分点。金融业增加值增长15.4%。金融业税收增长8.2%。规上工业增加值增长5.2%。
`;
    const answerer = reportAnswerer(report, "东湖区-2026-政府工作报告.txt");
    expect(answerer.ask("去年金融业增加值增长了百分之多少？").answer?.value).toBe(15.4);
    expect(answerer.ask("截至去年底，金融业增加值增长了多少？").answer?.value).toBe(15.4);
  });
});

describe("a whole year's figure and one of part of the year", () => {
  const report = `各位代表：
一、2025年工作回顾
（一）经济实力稳步提升
全区GDP同比增长6.5%、比全市高1.2个百分点，增速连续两年在全市排名第一；总量跃升到1820.5亿元，一年净增加150亿元。前三季度，东港园区GDP实现612.3亿元，增长9.1%。
二、2026年工作安排
今年主要预期目标是：地区生产总值增长6%左右。
`;
  const answerer = reportAnswerer(report, "东湖区-2026-政府工作报告.txt");
  const value = (q: string) => answerer.ask(q).answer?.value ?? null;

  it("answers the year with the total its subject goes on to", () => {
    expect(value("2025年地区生产总值总量达到了多少？")).toBe(1820.5);
  });

  it("does not answer the year with a figure of part of it", () => {
    expect(value("2025年东港园区GDP是多少？")).toBeNull();
  });
});

describe("a total of what the question itself calls new", () => {
  it("is answered by the figure of those added", () => {
    const value = valueIn(
      progressReport(
        "（一）基层组织建设。",
        "全面完成120个村“两委”换届，新选出村“两委”干部560名，年龄、学历实现“一降一升”。",
      ),
    );
    expect(value("这次新选出来的村两委干部，一共有多少名？")).toBe(560);
    expect(value("这次换届，新当选的村两委干部总共多少名？")).toBe(560);
    expect(value("村两委干部现在一共有多少名？")).toBeNull();
  });
});

describe("a verb with its direction in one word", () => {
  it("is read as the verb (投下去 -> 投)", () => {
    const value = valueIn(
      progressReport(
        "（二）产业合作。",
        "组织5家企业赴结对县考察对接，达成产业合作意向2个，签约额6200万元，实际投资410万元。下一步，把结对帮扶长期坚持下去。",
      ),
    );
    expect(value("产业合作这块，实际已经投下去多少钱？不是签约额")).toBe(410);
  });
});

describe("places counted for their office-holders", () => {
  it("answers how many persons with the count of places whose holders are meant", () => {
    const value = valueIn(
      progressReport(
        "（三）宣传引导。",
        "录制乡村振兴特别节目，将全县18个乡镇党委书记请到演播室与群众面对面交流。全县建成文化广场42个。",
      ),
    );
    expect(value("特别节目请了多少位乡镇党委书记到演播室？")).toBe(18);
    expect(value("文化广场有多少人？")).toBeNull();
  });
});

describe("what was added, asked beside the level", () => {
  it("is the figure whose own words say it was added", () => {
    const report = `各位代表：
一、2025年工作回顾
资本市场持续壮大，上市企业42家、占全市9.1%，一年新增5家、占全市12.6%，在审和辅导备案18家。
二、2026年工作安排
今年主要预期目标是：地区生产总值增长6%左右。
`;
    const answerer = reportAnswerer(report, "东湖区-2026-政府工作报告.txt");
    expect(answerer.ask("去年上市企业新增了几家").answer?.value).toBe(5);
    expect(answerer.ask("上市企业现在一共有多少家").answer?.value).toBe(42);
  });
});

describe("a subject named only after a work report's figure", () => {
  it("is not that figure's", () => {
    const report = `各位代表：
一、2025年工作回顾
过去一年，全区地区生产总值增长6.1%。
二、2026年工作安排
今年经济社会发展主要预期目标是：地区生产总值增长5.5%，规上工业增加值增长6.0%，固定资产投资增长10.0%以上，居民收入与经济增长基本同步。
`;
    const answerer = reportAnswerer(report, "东湖区-2026-政府工作报告.txt");
    expect(answerer.ask("今年居民收入增长的目标是多少？").answer).toBeNull();
    expect(answerer.ask("今年地区生产总值增长目标是多少？").answer?.value).toBe(5.5);
  });
});

describe("a verbal noun of three characters (进出口) in another clause of a list", () => {
  it("names that clause's figure, not the next one's", () => {
    const report = `各位代表：
一、2025年工作回顾
全力推动经济回升向好，全年地区生产总值1808.2亿元、增长6.2%，社会消费品零售总额增长9.4%，进出口总额增长21.8%，固定资产投资突破300亿元，一般公共预算收入完成99.5亿元。
`;
    const answerer = reportAnswerer(report, "东湖区-2026-政府工作报告.txt");
    expect(answerer.ask("去年全区进出口总额是多少亿元？").answer).toBeNull();
    expect(answerer.ask("去年进出口总额增长了多少？").answer?.value).toBe(21.8);
  });
});

describe("外国 before what is counted", () => {
  it("names a part, not a region that sets the scene", () => {
    const report = `各位代表：
一、2025年工作回顾
文旅消费持续火热，全年接待游客3.2亿人次、增长9.1%。
二、2026年工作安排
优化支付服务，便利外国人入境消费。
`;
    const answerer = reportAnswerer(report, "东湖区-2026-政府工作报告.txt");
    expect(answerer.ask("去年来东湖的外国游客有多少人次？").answer).toBeNull();
    expect(answerer.ask("去年来东湖的游客有多少人次？").answer?.value).toBe(3.2);
  });
});

describe("short names of kindergartens and high-tech firms", () => {
  it("finds the report's short or full name (公办园, 国高企)", () => {
    const report = `各位代表：
一、2025年工作回顾
教育优质均衡发展，全区公办园增至41所，增加学位超6000座，普惠性幼儿园增至96所。企业活力持续增强，国家高新技术企业超过2100家，规上企业增至3086家。着力培育50家以上专精特新“小巨人”企业。
`;
    const answerer = reportAnswerer(report, "东湖区-2026-政府工作报告.txt");
    expect(answerer.ask("公办幼儿园现在几所了").answer?.value).toBe(41);
    expect(answerer.ask("东湖国高企业有多少家来着").answer?.value).toBe(2100);
  });
});

describe("what a question states and names exactly", () => {
  const report = `各位代表：
一、2025年工作回顾
生态环境持续改善，PM2.5浓度年均值为23微克/立方米，下降11.5%；PM2.5日均值小于25微克/立方米的天数为157天，空气质量达到一级标准的天数为209天，分别增加13天和23天。完成2024年140个农户家庭农场项目验收和2025年133个农户家庭农场申报工作。文博会交易额持续增长，新区分会场交易额达17.1亿元，同比增长30%。外贸出口总额83.2亿美元，增长8%。授权专利14594件，增长28.5%。新增病床2613张、总数达到6782张。到“十四五”期末，各项目标全面完成。
二、2026年工作安排
推进66个粮食产能提升重点县建设，粮食产能提升重点县粮食产量增长5%。学生营养改善计划补助从每人每学年600元提高到800元。
`;
  const answerer = reportAnswerer(report, "东湖区-2026-政府工作报告.txt");
  const value = (q: string) => answerer.ask(q).answer?.value ?? null;

  it("reads a number after 低于 as a threshold, neither a change asked nor the answer", () => {
    expect(value("去年PM2.5日均值低于25微克的天数有多少？")).toBe(157);
  });

  it("answers a code (PM10) only with figures that name it", () => {
    // The unseen report gives PM2.5's annual mean for the year reviewed, not PM10's.
    const file = fileURLToPath(
      new URL("../fixtures/reports-unseen/大鹏新区-2017-政府工作报告.txt", import.meta.url),
    );
    const other = reportAnswerer(readFileSync(file, "utf8"), file);
    expect(other.ask("去年PM10年均浓度是多少？").answer).toBeNull();
    expect(other.ask("去年PM2.5年均浓度是多少？").answer?.unit).toBe("微克/立方米");
  });

  it("asks a change with a change's noun even where a measure word asks another unit", () => {
    expect(value("去年文博会分会场交易额的增幅是多少？")).toBe(30);
    expect(value("去年文博会分会场交易额是多少？")).toBe(17.1);
  });

  it("does not answer imports and exports with exports alone", () => {
    expect(value("去年外贸进出口总额是多少亿美元？")).toBeNull();
    expect(value("去年外贸出口总额是多少亿美元？")).toBe(83.2);
  });

  it("reads 也就是 as a filler between two names of one figure", () => {
    const gdp = reportAnswerer(
      "各位代表：\n一、2025年工作回顾\n2025年，全区经济继续保持较快增长，完成地区生产总值（GDP）670.6亿元，同比增长9.4%。\n二、2026年工作安排\n发展就是第一要务。\n",
      "东湖区-2026-政府工作报告.txt",
    );
    expect(gdp.ask("2025年全区经济总量，也就是地区生产总值，达到了多少？").answer?.value).toBe(
      670.6,
    );
  });

  it("reads a count's word (件数, 家数) as naming the measure, softly", () => {
    expect(value("去年授权专利是多少件？要件数，不要增长率")).toBe(14594);
  });

  it("reads 期末 of a five-year plan as a time, not a word of the figure", () => {
    expect(value("“十四五”期末病床总数是多少？不是新增的那部分")).toBe(6782);
  });

  it("reads 今后五年 and 总体 as setting the scene, not words of the figure", () => {
    const plan = reportAnswerer(
      "各位代表：\n一、2025年工作回顾\n全区地区生产总值完成2641亿元。今后五年，全区要坚持总体部署不动摇。\n二、2026年工作安排\n力争通过五年的不懈努力，到2030年，地区生产总值达到4100亿元以上。\n",
      "东湖区-2026-政府工作报告.txt",
    );
    expect(
      plan.ask("按今后五年的总体目标，到2030年全区经济总量要达到多少以上？").answer?.value,
    ).toBe(4100);
  });

  it("asks no change with a change word inside a longer name", () => {
    expect(value("今年推进多少个粮食产能提升重点县？")).toBe(66);
  });

  it("reads 从每人每学年600元提高到800元 as a start and the level reached", () => {
    expect(value("今年营养改善计划补助提到每人每学年多少？")).toBe(800);
  });

  it("reads 不问 closing a clause as ruling out what it closes", () => {
    expect(value("家庭农场这块，2025年申报的不问，2024年那批验收了多少个？")).toBe(140);
  });
});

describe("the country's work report", () => {
  const report = `各位代表：
现在，我代表国务院，向大会报告政府工作，请予审议。
一、2021年工作回顾
过去一年经济保持恢复发展。国内生产总值达到114万亿元，增长8.1%。全国财政收入突破20万亿元。我国城镇新增就业1269万人。
二、2022年经济社会发展总体要求和政策取向
今年发展主要预期目标是：国内生产总值增长5.5%左右。
`;
  const answerer = reportAnswerer(report, "国务院-2022-政府工作报告.txt");

  it("reads 全国 and 我国 as the whole the report speaks for", () => {
    expect(answerer.ask("2021年全国经济总量到了多少？").answer?.value).toBe(114);
    expect(answerer.ask("去年我国城镇新增就业多少人？").answer?.value).toBe(1269);
  });
});

describe("English words the bot does not know", () => {
  const report = `各位代表：
一、2025年工作回顾
全区27个乡镇街统一划定全科网格1266个。新开通国际航线15条，机场口岸外国人过境免签政策延长至144小时。
`;
  const answerer = reportAnswerer(report, "东湖区-2026-政府工作报告.txt");

  it("are passed over, not glued to the number after them", () => {
    // "across 27" once became one word "across27", and "27 townships" was not the 27 stated.
    expect(
      answerer.ask("How many 全科网格 have been drawn across the district's 27 townships?").answer
        ?.value,
    ).toBe(1266);
  });

  it("leave how many asking a count, not hours", () => {
    // ("routes" is not known: no answer, but not the hours of the clause after.)
    const result = answerer.ask("How many new routes（国际航线）did the airport add in 2025?");
    expect(result.answer?.unit).not.toBe("小时");
  });
});

describe("people counted with 个", () => {
  it("are answered in 名 when the thing counted is a person", () => {
    // The fixture's "统一划定全科网格…个，配备网格员…名": 个 asked, but of people.
    const answer = fixtureAnswerer().ask("how many 网格员 are there in the 27个乡镇街?").answer;
    expect(answer?.name).toContain("网格员");
    expect(answer?.unit).toBe("名");
  });
});

describe("投入多少", () => {
  it("asks what was put in (投入), not only an investment (投资)", () => {
    const value = valueIn(
      progressReport("（一）民生实事。", "今年各级财政将投入1727亿元，其中省财政投入684亿元。"),
    );
    expect(value("省财政投入多少？")).toBe(684);
  });
});

describe("a sentence after the question that says why it is asked", () => {
  const answerer = reportAnswerer(
    "各位代表：\n一、2025年工作回顾\n全区粮食产量42.5万吨。\n二、2026年工作安排\n今年拟安排地方政府专项债券39亿元，比上年增加8亿元。一般工商业电价平均降低10%。\n",
    "东湖区-2026-政府工作报告.txt",
  );
  const value = (q: string) => answerer.ask(q).answer?.value ?? null;

  it("is passed over", () => {
    expect(value("去年全区粮食总共收了多少？我们村粮食生产要对照一下。")).toBe(42.5);
    expect(value("今年给地方政府的专项债券总盘子是多少？县里专项债项目要提前储备。")).toBe(39);
    expect(value("一般工商业电价今年平均降多少啊？县里企业天天问")).toBe(10);
  });

  it("still narrows the question when it says what is wanted", () => {
    expect(value("专项债券多少？要比上年增加的那部分。")).toBe(8);
    expect(value("专项债券安排了多少？只要比上年多的。")).toBe(8);
  });
});

describe("多大规模", () => {
  it("asks how big, not of something 大规模", () => {
    const value = valueIn(
      progressReport(
        "（一）经济发展。",
        "全区规模以上工业总产值达到9027亿元，增长5.2%。推动大规模设备更新，完成投资12亿元。",
      ),
    );
    expect(value("规模以上工业总产值有多大规模？")).toBe(9027);
  });
});

describe("language data of the country's reports", () => {
  const answerer = reportAnswerer(
    "各位代表：\n一、2025年工作回顾\n国内生产总值增长5.2%，城镇新增就业1256万人。我国有2.9亿在校学生。\n二、2026年工作安排\n今年赤字率拟按3%安排，拟安排地方政府专项债券3.9万亿元。银行新增授信额度500亿元。\n",
    "东湖区-2026-政府工作报告.txt",
  );
  const value = (q: string) => answerer.ask(q).answer?.value ?? null;

  it("reads 额度 as naming the measure, softly", () => {
    expect(value("今年给地方政府安排的专项债券额度是多少？")).toBe(3.9);
  });

  it("reads deficit ratio, grow and 上岗就业", () => {
    expect(value("今年的 deficit ratio 定的多少？")).toBe(3);
    expect(value("How fast did GDP grow in 2025?")).toBe(5.2);
    expect(value("去年城镇新增了多少人上岗就业？")).toBe(1256);
  });
});

describe("多少贷款", () => {
  it("asks money, not the households the loans went to", () => {
    const value = valueIn(
      progressReport("（一）金融服务。", "推动农村创业创新贷款担保工作，发放贷款386户16090万元。"),
    );
    expect(value("创业创新贷款担保那块放了多少贷款？")).toBe(16090);
  });
});

describe("a clause before the question saying what the asker is doing", () => {
  it("is passed over", () => {
    const answerer = reportAnswerer(
      "各位代表：\n一、2016年工作回顾\n国内生产总值达到74.4万亿元，增长6.7%。全社会研发经费支出与国内生产总值之比达到2.08%。\n",
      "东湖区-2017-政府工作报告.txt",
    );
    expect(
      answerer.ask("我们局在写县域和全国指标对比，2016年经济总量（GDP）到了多少？").answer?.value,
    ).toBe(74.4);
  });
});

describe("由上年下降A转为增长B", () => {
  it("reads A as where the figure started and B as the growth", () => {
    const value = valueIn(
      progressReport("（一）工业。", "全区工业企业利润由上年下降2.3%转为增长8.5%。"),
    );
    expect(value("工业企业利润增长多少？")).toBe(8.5);
  });
});

describe("the country's report asked of 咱们国家", () => {
  it("reads 咱们国家 as the whole the report speaks for", () => {
    const answerer = reportAnswerer(
      "各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2013年工作回顾\n国家财政收入增长10.1%。城镇新增就业1310万人，全国城镇登记失业率4.1%。\n",
      "国务院-2014-政府工作报告.txt",
    );
    expect(answerer.ask("咱们国家去年城镇新增就业搞了多少人啊？").answer?.value).toBe(1310);
  });
});

describe("a lead-in naming an office before the question", () => {
  it("is passed over", () => {
    const answerer = reportAnswerer(
      "各位代表：\n一、2013年工作回顾\n农村贫困人口减少1650万人。扶贫开发成效明显，新建扶贫车间12个。\n",
      "东湖区-2014-政府工作报告.txt",
    );
    expect(
      answerer.ask("乡里开会要讲扶贫成效，2013年农村有多少贫困人口脱了贫？").answer?.value,
    ).toBe(1650);
  });
});

describe("a list of counts after one verb (新建成3个A、2个B和50个C)", () => {
  it("names every item with the verb, so the item asked is found by it", () => {
    const value = valueIn(
      progressReport(
        "（一）公园建设。",
        "大力推进森林公园、郊野公园、社区公园建设，年底前新建成3个森林公园、2个郊野公园和50个社区公园。",
      ),
    );
    expect(value("年底前社区公园要新建多少个？")).toBe(50);
    expect(value("郊野公园新建成几个？")).toBe(2);
  });
});

describe("a figure given per one of something (每户1人)", () => {
  const report = progressReport(
    "（一）就业。",
    "帮助2.9万失业人员实现就业和再就业，2900多户“零就业家庭”实现每户1人以上就业。",
  );

  it("does not answer a count of people", () => {
    expect(valueIn(report)("零就业家庭实现就业的有多少人？")).toBeNull();
  });

  it("answers a question asked per one", () => {
    expect(valueIn(report)("零就业家庭每户至少几人就业？")).toBe(1);
  });
});

describe("people counted right after 多少 (多少失业人员)", () => {
  it("are not answered by a count of households", () => {
    const value = valueIn(
      progressReport(
        "（一）就业。",
        "帮助2.9万失业人员实现就业和再就业，2900多户“零就业家庭”实现每户1人以上就业。",
      ),
    );
    expect(value("有多少失业人员重新找到了工作（就业和再就业）？")).toBeNull();
  });
});

describe("a level its five-year review ends at (过去五年…达到)", () => {
  it("is the level of the year before the report", () => {
    const answerer = reportAnswerer(
      "各位代表：\n一、过去五年工作回顾\n五年来，高新技术产品产值达到8508亿元，比2019年增长160.5%。\n二、2025年工作安排\n新建学校3所。\n",
      "某市-2025-政府工作报告.txt",
    );
    expect(answerer.ask("2024年高新技术产品产值是多少？").answer?.value).toBe(8508);
  });
});

describe("English units and verbs after how many / how much", () => {
  const value = valueIn(
    progressReport(
      "（一）农业生产。",
      "夏粮总产预计达到14.95万吨。共对低保6158户11731人开展帮扶。发放创业贷款386户16090万元。",
    ),
  );

  it("reads how many tons and how many households as the unit asked", () => {
    expect(value("How many tons of summer grain output expected?")).toBe(14.95);
    expect(value("低保 how many households covered?")).toBe(6158);
  });

  it("reads lent as money", () => {
    expect(value("创业贷款 how much was lent out?")).toBe(16090);
  });
});

describe("everyday words 新加 and 预估", () => {
  it("reads 新加 as 新增 and 预估 as 预计 (on the fixture district's report)", () => {
    const answerer = fixtureAnswerer();
    const value = (q: string) => answerer.ask(q).answer?.value ?? null;
    expect(value("老年人日间照料中心今年要新加几家啊？")).toBe(23);
    expect(value("夏粮亩产预估多少？")).toBe(437);
  });
});

describe("a slip in a word questions ask with (下将 for 下降)", () => {
  it("is read as the word the report writes that sounds the same, tones aside", () => {
    const value = valueIn(
      progressReport("（一）作风建设。", "坚决纠治“四风”，“三公”经费下降12%，立案查处案件70件。"),
    );
    expect(value("三公经费下将了多少？")).toBe(12);
  });
});

describe("目前已经 before what was done", () => {
  it("is passed over whole, leaving what was done to name the part asked", () => {
    const value = valueIn(
      progressReport(
        "（一）人才帮扶。",
        "召开援派专业技术人才部署会议，选派61位专业技术人才赴东山县、西岭县开展支医、支教、支技工作。目前已有31名到岗到位，持续助力结对地区提升教育、医疗等社会事业发展水平。",
      ),
    );
    expect(value("选派去东山、西岭支医支教的专业技术人才里，目前已经到岗的有多少名？")).toBe(31);
  });
});

describe("English terms with hyphens and trade words", () => {
  const answerer = reportAnswerer(
    "各位代表：\n一、2018年工作回顾\n进出口总额3498亿元，实际利用外资12.5亿美元，电子商务交易额4300亿元，国家高新技术企业达到2303家。\n",
    "某区-2019-政府工作报告.txt",
  );
  const value = (q: string) => answerer.ask(q).answer?.value ?? null;

  it("reads a hyphenated form (e-commerce, high-tech) as the report's word", () => {
    expect(value("What was the e-commerce transaction volume in 2018?")).toBe(4300);
    expect(value("How many high-tech enterprises were there in 2018?")).toBe(2303);
  });

  it("reads import and export as trade and foreign capital as 利用外资", () => {
    expect(value("What was the total import and export value in 2018?")).toBe(3498);
    expect(value("How much foreign capital was actually utilized in 2018?")).toBe(12.5);
  });
});

describe("hospital beds asked in English", () => {
  it("are 病床, not the beds of care homes", () => {
    const value = valueIn(
      progressReport(
        "（一）卫生与养老。",
        "新增公办养老床位1500张，老年人日间照料中心10家以上。加快医院建设，新增病床2400张。",
      ),
    );
    expect(value("计划新增多少hospital beds？")).toBe(2400);
  });
});

describe("a second measure word in brackets after the unit", () => {
  const answerer = reportAnswerer(
    "各位代表：\n一、2024年工作回顾\n供应分配保障性住房3.6万套（间），建设筹集保障性住房1.9万套（间），年末生猪存栏12.5万头。\n",
    "某区-2025-政府工作报告.txt",
  );

  it("is part of the unit the answer gives, as the report writes it", () => {
    const result = answerer.ask("去年保障性住房供应分配了多少套？");
    expect(result.answer?.value).toBe(3.6);
    expect(result.answer?.unit).toBe("万套（间）");
    expect(result.text).toContain("3.6万套（间）");
    // A unit without one is given as before.
    expect(answerer.ask("去年末生猪存栏多少头").answer?.unit).toBe("万头");
  });
});

describe("a number standing alone in quotes", () => {
  const answerer = reportAnswerer(
    "各位代表：\n一、2024年工作回顾\n外贸进出口总额达2.7万亿元、增长6.1%，总量居全省首位。\n（一）推动外贸。出台五外联动“25条”、稳外贸“18条”、服务贸易“9条”。\n",
    "某市-2025-政府工作报告.txt",
  );
  const value = (q: string) => answerer.ask(q).answer?.value ?? null;

  it("names a policy: it does not answer for the amount", () => {
    expect(value("去年外贸进出口加起来总共有多大的量？")).toBe(2.7);
  });

  it("still answers how many measures the policy has", () => {
    expect(value("稳外贸出台了多少条？")).toBe(18);
  });
});

describe("a bound naming a class of projects", () => {
  it("is no figure: 超100亿元项目4个 counts projects", () => {
    const answerer = reportAnswerer(
      "各位代表：\n一、2024年工作回顾\n聚焦重点产业精准招商，新增投资额超亿元项目150个、增长35%，意向投资额930亿元、增长21%，其中投资额超100亿元项目4个、增长100%。\n",
      "某区-2025-政府工作报告.txt",
    );
    expect(answerer.ask("去年新增超亿元项目的意向投资额一共多少？").answer?.value).toBe(930);
  });
});

describe("how a question opens", () => {
  const value = valueIn(
    progressReport(
      "（一）质量安全。",
      "上半年累计完成农产品质量安全快速检测5120批次。推进黑臭水体治理，上半年总共治理64处。提供就业岗位800余个，帮助两县农村劳动力、脱贫人口来津就业41人。",
    ),
  );

  it("reads 今年以来 as the year so far", () => {
    expect(value("今年以来农产品质量安全快速检测一共做了多少批次？")).toBe(5120);
  });

  it("passes over who is asking and why", () => {
    expect(
      value("我是县人大代表，视察前想核实一下：农产品质量安全快速检测一共做了多少批次？"),
    ).toBe(5120);
    expect(value("作为人大代表想了解一下，上半年黑臭水体治理了多少处？")).toBe(64);
  });

  it("counts people when asked how many workers", () => {
    expect(value("Through labour cooperation, how many workers came here for jobs?")).toBe(41);
    expect(value("How many laborers were helped to come here for jobs?")).toBe(41);
  });
});

describe("installed capacity asked in English", () => {
  it("is 装机, not the count of projects", () => {
    const answerer = reportAnswerer(
      "各位代表：\n一、2023年工作回顾\n新增屋顶分布式光伏项目120个、装机规模57兆瓦。\n",
      "某区-2024-政府工作报告.txt",
    );
    expect(
      answerer.ask("How much rooftop solar PV capacity was newly installed in 2023?").answer?.value,
    ).toBe(57);
  });
});

describe("projects above a size", () => {
  it("are counted: 超亿元项目 is no measure per yuan", () => {
    const answerer = reportAnswerer(
      "各位代表：\n一、2017年工作回顾\n全年引进超亿元项目140宗，甲乙等重点项目顺利签约，丙丁等5宗总部项目落户。\n",
      "某区-2018-政府工作报告.txt",
    );
    expect(answerer.ask("咱区去年招来了多少个超亿元的项目呀？").answer?.value).toBe(140);
  });
});

/** A district's work report pasted from "各位代表：" on, read as the file of that name. */
function pasted(body: string, year = 2014): ReportsAnswerer {
  return reportAnswerer(`各位代表：\n${body}\n`, `某某区-${year}-政府工作报告.txt`);
}

describe("a work report's own place", () => {
  it("is not read from an appendix's closing list of offices", () => {
    const report = `各位代表：\n一、2013年工作回顾\n初步预计，我区实现本地生产总值2685亿元，外贸出口额695亿美元。\n附件\n落实情况\n区委区政府办公室\n卫人局、民政局、各街道办\n`;
    const store = buildIndicatorStore(report, "某某区-2014-政府工作报告.txt");
    expect(store.source.issuer).toBe("");
    expect(store.source.title).toBe("2014年政府工作报告");
    const answerer = reportAnswerer(report, "某某区-2014-政府工作报告.txt");
    expect(answerer.ask("某某2013年外贸出口一共做了多少美元？").answer?.value).toBe(695);
    expect(answerer.ask("某某区2013年本地生产总值是多少？").answer?.value).toBe(2685);
  });

  it("is no party committee named at a progress report's end", () => {
    const report = `上半年工作进展情况\n一、主要进展\n新建民宿35户。\n区委区政府办公室\n`;
    const store = buildIndicatorStore(report, "某某区-2021-进展情况.txt");
    expect(ownPlaceOf(store)).toEqual(["某某区", "某某"]);
  });
});

describe("what this year has achieved so far, said among the plans", () => {
  const answerer = pasted(
    `一、2021年工作回顾\n固定资产投资增长8.2%。\n二、2022年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长7%左右。\n今年一季度，我们克服疫情影响，实现“开门红”，地区生产总值增长9.6%、固定资产投资增长40.1%。`,
    2022,
  );

  it("is no target of a level", () => {
    const grain = reportAnswerer(
      progressReport("一、粮食生产", "预计夏粮总产14.95万吨，比去年增产1.75万吨。"),
      "某县-2025-进展.txt",
    );
    expect(grain.ask("今年全县粮食全年总产量的目标是多少？").answer).toBeNull();
  });

  it("is a change achieved, not a target", () => {
    expect(answerer.ask("今年全年固定资产投资的增速目标是多少？").answer).toBeNull();
    expect(answerer.ask("今年地区生产总值的增长目标是多少？").answer?.value).toBe(7);
  });
});

describe("the whole year asked of a year's figure", () => {
  it("needs no 全年 in the report", () => {
    const answerer = pasted(
      "一、2013年工作回顾\n全年集中开工103个建设项目。实现本区生产总值537.68亿元，增长8.8%。",
    );
    expect(answerer.ask("想确认一下某某区2013年全年的地区生产总值是多少？").answer?.value).toBe(
      537.68,
    );
  });
});

describe("one item of a budget list", () => {
  const answerer = pasted(
    "二、2014年工作思路\n今年的预算清单已经公开，其中，教育支出28.4亿元，占23%；医疗卫生支出11.9亿元，占10%。",
  );

  it("is not answered by another item's spending", () => {
    expect(answerer.ask("2014年预算清单里科学技术支出安排了多少钱？").answer).toBeNull();
    expect(answerer.ask("2014年预算清单里教育支出安排了多少钱？").answer?.value).toBe(28.4);
  });
});

describe("a count asked in the measure word the report counts it in", () => {
  it("is not answered by the households of the places counted", () => {
    const answerer = pasted(
      "二、2014年工作思路\n拟用3年时间分批分期实施辖区168个老住宅区45269户居民管道燃气改造。",
    );
    expect(answerer.ask("准备改管道燃气的老住宅区总共有多少个？").answer?.value).toBe(168);
    expect(answerer.ask("管道燃气改造涉及多少户居民？").answer?.value).toBe(45269);
  });
});

describe("a 分别 list whose item numbers its phases", () => {
  it("keeps 三、四期 in one item", () => {
    const answerer = pasted(
      "一、2013年工作回顾\n完成优质饮用水二期入户改造和老旧住宅区燃气入户三、四期工程，分别累计达10261户、9006户。",
    );
    expect(answerer.ask("优质饮用水入户改造累计做了多少户？").answer?.value).toBe(10261);
    expect(answerer.ask("燃气入户工程累计多少户？").answer?.value).toBe(9006);
  });
});

describe("a part in brackets", () => {
  it("leaves the verb after the bracket to the whole", () => {
    const answerer = pasted(
      "一、2013年工作回顾\n第五期保障性住房1002套（含港澳流动渔民新居352套）完成竣工。",
    );
    expect(answerer.ask("第五期保障性住房总共有多少套房子完工？").answer?.value).not.toBe(352);
    expect(answerer.ask("港澳流动渔民新居有几套？").answer?.value).toBe(352);
  });
});

describe("a figure with no words of its own", () => {
  it("is named by the clause with no figure right before it", () => {
    const store = buildIndicatorStore(
      "各位代表：\n一、2016年工作回顾\n全年集中开工103个建设项目，固定资产投资首次突破百亿元大关，达122.57亿元，增长23.1%。\n",
      "某某区-2017-政府工作报告.txt",
    );
    const figure = store.indicators.find((i) => i.value === 122.57);
    expect(figure?.name).toContain("固定资产投资");
  });
});

describe("an everyday phrase inside a longer word", () => {
  it("is not read there: 学技术 in 科学技术", () => {
    const answerer = pasted("二、2014年工作思路\n安排职业技能培训支出3000万元，培训1.2万人次。");
    expect(answerer.ask("预算里科学技术支出安排了多少？").answer).toBeNull();
    expect(answerer.ask("学技术的培训支出安排了多少？").answer?.value).toBe(3000);
  });
});

describe("batches asked in English", () => {
  it("ask the count in 批次", () => {
    const answerer = pasted(
      "一、2013年工作回顾\n建成农产品质量安全监管示范点3个，累计完成农产品质量安全快速检测17202批次。",
    );
    expect(
      answerer.ask("How many batches of quick tests on farm product quality and safety were done?")
        .answer?.value,
    ).toBe(17202);
  });
});

describe("a start with a verb before it", () => {
  it("is the start: 从去年安排的6.5亿元扩大到8.5亿元", () => {
    const report =
      "各位代表：\n二、2010年工作安排\n区政府投资计划从去年安排的6.5亿元扩大到8.5亿元。\n";
    const store = buildIndicatorStore(report, "某某区-2010-政府工作报告.txt");
    const start = store.indicators.find((i) => i.value === 6.5);
    expect([start?.earlier, start?.year]).toEqual([true, 2009]);
    const answerer = reportAnswerer(report, "某某区-2010-政府工作报告.txt");
    expect(answerer.ask("今年区政府自己的投资计划扩大到了多少亿元？").answer?.value).toBe(8.5);
  });
});

describe("words that say how, not what", () => {
  it("help where found and cost nothing where not (直接, 前后, 绝对量)", () => {
    const answerer = reportAnswerer(
      progressReport(
        "一、秸秆利用",
        "全区共投入秸秆粉碎还田机740台，完成小麦秸秆粉碎还田31.68万亩，秸秆打捆2.3万亩。前后两批项目直接带动就业300人。",
      ),
      "某县-2025-进展.txt",
    );
    expect(answerer.ask("小麦秸秆粉碎直接还田的面积有多大？").answer?.value).toBe(31.68);
    expect(answerer.ask("秸秆打捆前后搞了多少亩？").answer?.value).toBe(2.3);
  });
});

describe("an estimate of a year that is over", () => {
  const body = "一、2013年工作回顾\n预计全年实际利用外资15.1亿美元，增长44.1%。";

  it("is that year's result in a work report", () => {
    const store = buildIndicatorStore(`各位代表：\n${body}\n`, "某某区-2014-政府工作报告.txt");
    const level = store.indicators.find((i) => i.value === 15.1);
    expect([level?.kind, level?.year]).toEqual(["actual", 2013]);
    expect(pasted(body).ask("2013年实际使用外资金额是多少？").answer?.value).toBe(15.1);
  });

  it("is a forecast in a half-year report", () => {
    const report = progressReport("一、招商引资", "预计全年实际利用外资15.1亿美元，增长44.1%。");
    const level = buildIndicatorStore(report, "某县-2025-进展.txt").indicators.find(
      (i) => i.value === 15.1,
    );
    expect(level?.kind).toBe("plan");
  });
});

describe("money asked in 亿美元", () => {
  it("is the unit asked, not a word the figure must hold", () => {
    const store = buildIndicatorStore(
      "各位代表：\n一、2013年工作回顾\n进出口总额完成88亿美元，其中出口58亿美元。\n",
      "某某区-2014-政府工作报告.txt",
    );
    const { query } = new IndicatorIndex(store, loadIntents()).search("进口额是多少亿美元？");
    expect(query?.terms.map((t) => t.text)).not.toContain("亿美元");
    expect([...(query?.units ?? [])]).toEqual(["美元"]);
  });
});

describe("the unit asked in everyday and English words", () => {
  const answerer = reportAnswerer(
    progressReport(
      "一、粮食生产",
      "全区夏粮全部收割34.2万亩，预计夏粮总产14.95万吨。全区农业农村资金已支出68226万元，支出进度53%。",
    ),
    "某县-2025-进展.txt",
  );

  it("能收多少 asks a harvest's weight, not its area", () => {
    expect(answerer.ask("咱们今年夏粮总共能收多少啊？").answer?.value).toBe(14.95);
  });

  it("what percentage asks a percentage", () => {
    expect(
      answerer.ask("What percentage of the agriculture and rural funding has been spent so far?")
        .answer?.value,
    ).toBe(53);
  });
});

describe("cadres asked in English", () => {
  it("are 干部, and leadership posts 领导岗位", () => {
    const answerer = reportAnswerer(
      progressReport(
        "一、基层组织建设",
        "截至目前，全区27个乡镇街全部完成换届。今年以来，共有33名区直部门干部交流调整到乡镇领导岗位任职。",
      ),
      "某县-2025-进展.txt",
    );
    expect(
      answerer.ask(
        "How many cadres from county departments were moved into township leadership posts this year?",
      ).answer?.value,
    ).toBe(33);
  });
});

describe("a side of a contrast asked in another of its forms", () => {
  it("is named by the figure that writes that form (农民 for 农村居民)", () => {
    const answerer = pasted(
      "一、2013年工作回顾\n预计全区城镇居民人均可支配收入达到7150元，增长7%；农民人均纯收入达到2850元，增长6%。",
    );
    expect(answerer.ask("2013年农民人均纯收入有多少？").answer?.value).toBe(2850);
    expect(answerer.ask("2013年农村居民人均纯收入有多少？").answer?.value).toBe(2850);
    expect(answerer.ask("2013年城镇居民人均可支配收入有多少？").answer?.value).toBe(7150);
  });
});

describe("a count right after 等", () => {
  const answerer = pasted(
    "一、2013年工作回顾\n地区生产总值、城镇居民人均可支配收入、农民人均纯收入等6项主要经济指标全部位列全市第一。泰康等38家优质企业落户。",
  );

  it("does not answer for one of the things it lists", () => {
    // (With 收入 misspelt, nothing says the answer is money.)
    expect(answerer.ask("2013年农民人均纯收人是多少？").answer).toBeNull();
  });

  it("answers for what it counts them as", () => {
    expect(answerer.ask("How many 优质企业 settled in 2013?").answer?.value).toBe(38);
  });
});

describe("figures over several years", () => {
  it("are read apart from the basis they are reckoned on and from their year", () => {
    const store = buildIndicatorStore(
      "各位代表：\n一、过去五年回顾\n2002年全县生产总值达到607亿元，五年平均增长9.5%；全部财政收入54亿元，按可比口径年均增长10%。\n",
      "某某县-2003-政府工作报告.txt",
    );
    const average = store.indicators.find((i) => i.value === 9.5);
    const revenue = store.indicators.find((i) => i.value === 10);
    expect(average?.span).toBeTruthy();
    expect(revenue?.name).toBe("全部财政收入年均增长");
  });
});

describe("questions a fresh set of 2026-12-04 asked", () => {
  const value = valueIn(
    progressReport(
      "（一）推进乡村治理和产业合作",
      [
        "持续推动乡镇网格化管理。截至目前，全县12个乡镇，统一划定全科网格800个，配备网格员900名。",
        "推进黑臭水体治理全覆盖，今年上半年总共治理45处，完工率100%。",
        "强化产业合作，组织12家企业赴结对县考察对接，达成产业合作意向3个，签约额6000万元。",
        "完成水产品产量0.5万吨，实现渔业产值0.8亿元。",
        "全县种植业保险保费共计800万元；养殖业保险保费共计1200万元，全县1-6月份保险保费合计2000万元。",
      ].join(""),
    ),
  );

  it("reads a verb after a noun as what the noun did, not as a slip (网格划 is no 网格化)", () => {
    expect(value("全县网格划了多少个")).toBe(800);
  });

  it("hears money asked in English and in a word for an amount (签约额)", () => {
    expect(value("How much money was spent on 黑臭水体治理 in the first half?")).toBeNull();
    expect(value("What was the signed contract value from the industrial cooperation?")).toBe(6000);
  });

  it("reads things named before 这些 as examples of the kind asked", () => {
    expect(value("上半年鱼虾这些水产品产量有多少？")).toBe(0.5);
  });

  it("reads 1-6月 as the half year, not as numbers the question states", () => {
    expect(value("种植业保险1-6月的保费共计多少")).toBe(800);
  });
});

describe("an older provincial work report (round 92)", () => {
  const report = [
    "各位代表：",
    "一、2004年工作回顾",
    "粮食生产出现重要转机，建成国家级粮食生产基地300万亩，总产量达1500万吨。",
    "依法扩大社会保险覆盖面，养老、失业、医疗和工伤保险参保人数分别增加12万人、9万人、41万人、57万人。",
    "就业持续扩大，2002年以来城镇新增就业88万人。",
  ].join("\n");
  const store = buildIndicatorStore(`${report}\n`, "某某省-2005-政府工作报告.txt");
  const named = (value: number) => store.indicators.find((i) => i.value === value);

  it("splits the last pair of a 分别 list, not taking the clause before as an item", () => {
    expect(named(12)?.name).toMatch(/^养老/);
    expect(named(9)?.name).toMatch(/^失业/);
    expect(named(41)?.name).toMatch(/^医疗/);
    expect(named(57)?.name).toMatch(/^工伤/);
  });

  it("reads a figure since a year before the one reviewed as a sum over years", () => {
    expect(named(88)?.span).toBe(true);
    expect(pasted(report, 2005).ask("2004年城镇新增就业多少人").answer).toBeNull();
  });

  it("reads 04年 as 2004 and 粮食打了多少 as the harvest's weight", () => {
    expect(pasted(report, 2005).ask("04年粮食打了多少？").answer?.value).toBe(1500);
  });
});

describe("a public account's followers asked in English", () => {
  it("finds 粉丝 and 公众号", () => {
    const value = valueIn(
      progressReport(
        "（一）加强品牌推广",
        "加强农品品牌推广，目前，农品公众号粉丝总数达到12000人，开展直播活动30场次，观看人次5000人次。",
      ),
    );
    expect(value("How many followers does the 农品 official account have now?")).toBe(12000);
  });
});

describe("the clause that asks", () => {
  const value = valueIn(
    progressReport(
      "（一）深化教育帮扶",
      "召开援派专业技术人才部署会议，选派48位专业技术人才赴结对县开展支医、支教、支技工作。目前已有27名到岗到位，持续助力结对地区提升教育、医疗水平。新选出村两委干部3800名。",
    ),
  );

  it("names what is counted: a figure whose sentence lacks its word does not answer", () => {
    // On the fixture district's report, the places helped give the figure of those sent more
    // credit than the one of those arrived, which names none: the asking clause decides.
    const answerer = fixtureAnswerer();
    const arrived = answerer.ask("选派去古浪、天祝的专业技术人才，目前已经到岗的有多少名？").answer;
    expect(arrived?.name).toMatch(/到岗/);
    const sent = answerer.ask("选派去古浪、天祝的专业技术人才有多少位？").answer;
    expect(sent?.name).not.toMatch(/到岗/);
    expect(sent?.value).toBeGreaterThan(arrived?.value ?? Infinity);
    expect(value("选派去结对县的专业技术人才有多少位？")).toBe(48);
  });

  it("hears an average age asked in English as an age", () => {
    expect(value("What's the average age of the newly elected 村两委 cadres?")).toBeNull();
  });
});

describe("questions of round 93 and final-dh", () => {
  it("asks in the unit an English word names a few words after how many", () => {
    const value = valueIn(
      progressReport(
        "（一）村级组织换届",
        "全面完成720个村两委换届，新选出村两委干部3100名，年龄、学历实现一降一升。",
      ),
    );
    expect(value("How many new 村“两委” cadres were elected in this 换届?")).toBe(3100);
  });

  it("rules out what follows separately from, as after 不含", () => {
    const value = valueIn(
      progressReport("（一）助力结对地区", "动员社会各界向东林县、西山县捐赠款物共计55.2万元。"),
    );
    expect(
      value("How much did 东林县 alone receive in donations, separately from 西山县?"),
    ).toBeNull();
  });

  it("reads 99年 as 1999", () => {
    const answerer = pasted(
      "一、过去两年工作回顾\n1998年社会消费品零售总额增长8%，1999年社会消费品零售总额增长9.5%。",
      2000,
    );
    expect(answerer.ask("99年社会消费品零售总额涨了多少").answer?.value).toBe(9.5);
    expect(answerer.ask("98年社会消费品零售总额涨了多少").answer?.value).toBe(8);
  });
});
