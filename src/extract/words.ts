// Word lists the extractor uses to clean subjects and read qualifiers. They describe how report
// prose is written (function words), not figures, so they live with the extractor. Matched
// against whole jieba words, so "经" never eats the start of "经济".

/** Words stripped from the start of a subject ("目前，全区完成…" -> "…"). */
export const LEADING_FILLERS = new Set([
  "截至",
  "全面实施",
  "全面推行",
  "截至目前",
  "目前",
  "今年",
  "上半年",
  "今年以来",
  "以来",
  "其中",
  "此外",
  "同时",
  "全区",
  "全县",
  "全市",
  "全省",
  "全州",
  "全旗",
  "我区",
  "我县",
  "我市",
  "我省",
  "全域",
  "累计",
  "共计",
  "合计",
  "总计",
  "已经",
  "已",
  "已有",
  "先后",
  "完成",
  "实现",
  "落实",
  "开展",
  "组织",
  "进一步",
  "积极",
  "持续",
  "深入",
  "对",
  "为",
  "向",
  "共",
  "有",
  "经",
  "并",
  "还",
  "均",
  "分别",
  "达成",
  "提供",
  "发放",
  "办理",
  "选派",
  "组成",
  "推出",
  "确定",
  "实施",
  "建立",
  "投入",
  "继续",
  "可",
  "约",
  "近",
  "预计",
  "计划",
  "全年",
  "的",
  "了",
  "区",
  "和",
  "及",
]);

/** Words stripped from the end of a subject ("夏粮单产预计可达" -> "夏粮单产"). */
export const TRAILING_FILLERS = new Set([
  "预计",
  "可达",
  "达到",
  "达",
  "为",
  "共计",
  "合计",
  "总计",
  "共",
  "约",
  "近",
  "超过",
  "不少于",
  "的",
  "了",
  "已",
  "有",
  "是",
  "累计",
  "可",
]);

/** Metric words a following weak subject replaces ("生猪存栏…；出栏…" -> "生猪出栏"). */
export const METRIC_WORDS = new Set([
  "存栏",
  "出栏",
  "收割",
  "全部",
  "完成",
  "单产",
  "总产",
  "种植",
  "建设",
  "工作",
  "总数",
  "面积",
  "产量",
]);

/** Qualifiers that scope a whole clause, wherever they stand before the figure. */
export const SCOPE_QUALIFIERS = ["预计", "计划", "累计", "共计", "合计", "总计"];
/** Qualifiers that must stand right before the figure ("约29.7公顷", "近39万吨"). */
export const ADJACENT_QUALIFIERS = ["不少于", "超过", "约", "近"];

/** Words that make a clause and what follows in its segment a plan or target. */
export const PLAN_WORDS =
  /全年计划|计划|预算(?!收入|支出)|拟|目标|任务(?!完成)|力争|预计全年|预期|指标|考核|确保|规划|还要|还需|仍需/;
/** Words that mark a change against an earlier period. */
export const CHANGE_WORDS =
  /(增幅|涨幅|降幅|增速|改善|上涨|下跌|增产|增收|增加|减少|下降|增长|提高|提升|降低|上升|减排|缩小|扩大|回落|下滑)$/;
/** Words that start a sentence continuing the previous one's topic. */
export const CONTINUATION = /^(目前|截至目前|其中|此外|上述|同时|该|这些|以上)/;
/** Subjects too generic to stand alone: they inherit the topic before them. */
export const WEAK_SUBJECT =
  /^(是.*|(同比|比上年|较上年|比去年|较去年)(增长|下降|提高|减少|上升|回落)|年均(增长|增速|增幅|提高|下降)|[两三五]年平均(增长|增速)|(五年|全年|当年|年内)?累计[\u4e00-\u9fa5]{1,2}|占[^，。]{0,6}(比重|比例)|占比|年度任务完成率|任务完成率|完成率|增幅|增产|增加|金额|总计|合计|(总数|总量)(达到|达|增至|增加到|为|跃升到|跃升至|提升到|提升至|提高到|升至|攀升至|突破)?|出栏|存栏|利润|比.*|覆盖率|完工率|村级覆盖率|授信户数|授信额度|成交|正在建设|正在选址|总投资|建设规模|实际投资|签约额|项目|补贴|资金|工程量|回收率|验收结果为回收率)$/;
