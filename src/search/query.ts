// A question -> the terms to look for, and hints on the unit and kind of the figure asked for.
import type { IndicatorKind } from "../extract/indicator.js";
import { baseUnit } from "../extract/numbers.js";
import { notPlacesOf, type Intents } from "./intents.js";
import { joinedVerbsApart, normaliseText } from "./normalise.js";
import type { Corpus } from "./corpus.js";
import { taggedSpans, words } from "../language/segmenter.js";
import { UNITS } from "../language/units.js";
import { TermReader, type QueryTerm } from "./terms.js";
import { TypoCorrector } from "./typos.js";
import { WordFinder } from "./word-finder.js";
import { ContrastSides } from "./sides.js";
import { Recent } from "../infra/recent.js";

export type { QueryTerm } from "./terms.js";

/** Money asked with its 多少 a few characters on ("钱发了多少", "投入资金多少"), no rate between. */
const MONEY_ASKED = /(钱|资金|经费|金额)(?:(?!率|比|进度|占|幅|数|量)[^，,。？?|、]){0,4}(多少|几)/;
/** Money asked right after its 多少 ("投进去多少资金"): there the word is what is counted. */
const MONEY_COUNTED = /(多少|几)(钱|资金|经费)(?![率比占])/;
/** An amount asked ("交易总额是多少"), not its change ("零售总额增长多少") nor a share (份额). */
const AMOUNT_ASKED =
  /(?<![份名])额(?:(?!率|比|进度|占|幅|数|量|增|降|减|涨|提|下)[^，,。？?|、]){0,4}(多少|几)/;
/** A currency other than 元 that a question names ("多少亿美元"). */
const FOREIGN_CURRENCY = /美元|欧元|港元/;
/** "过去五年", "过去的一年": a span of years back, not "before". */
const PAST_SPAN = /过去的?[一二两三四五六七八九十几\d]+年/g;
/**
 * An investment asked as an amount ("总投资是多少", "实际投资到位了多少"), not its change
 * ("投资增长多少"), a share, nor a count of what was invested in ("投资了几个项目").
 */
const INVESTMENT_ASKED =
  /投资(?:(?!率|比|进度|占|幅|数|量|增|降|减|涨|提|下|项目|企业|主体|者)[^，,。？?|、]){0,4}(?:多少|几)(?![个家项户人座所名条批处])/;
const moneyAsked = (normalised: string) =>
  MONEY_ASKED.test(normalised) || AMOUNT_ASKED.test(normalised);
/** Words that say only that money is asked. */
const MONEY_WORDS = new Set(["资金", "经费", "钱", "金额", "款"]);
/** A figure with 以上/以下 that a question names as a size class ("10亿元以上项目"). */
const SIZE_CLASS = /\d+(?:\.\d+)?[^\d，。？?、\s|]{0,4}?(?:及以上|以上|以下|以内)/g;
const SIZE_CLASS_AT = new RegExp(`^${SIZE_CLASS.source}`);
/** A word for the area a report speaks for ("地区生产总值", "全区"). */
const AREA_WORD = /^(地区|全区|全市|全县|本区|本市|本县)$/;

/** A question's terms read with one report's words, the first part of `QueryParser.parse`. */
export interface TermsReading {
  /** The question as asked, normalised, its particles dropped. */
  asked: string;
  normalised: string;
  canonical: string;
  terms: QueryTerm[];
  /** The units asked (`strictUnits`: every other unit is ruled out), as `ParsedQuery` has them. */
  hints: Omit<ReturnType<QueryParser["unitHints"]>, "rest">;
  kept: string;
  negated: string;
  known: number[];
}

/** A parsed question. */
export interface ParsedQuery {
  /** The question as typed, normalised (full-width, traditional characters), nothing cut. */
  asked: string;
  normalised: string;
  terms: QueryTerm[];
  /**
   * Units the answer should be in (from 几户, 多少亩, 完成率 …), without magnitude (元 for 万元);
   * empty when the question says nothing.
   */
  units: Set<string>;
  /** True when the question names its unit outright (几户, 百分之几): other units cannot answer. */
  strictUnits: boolean;
  /** True when it asks "几个"/"几家": any count answers, a measure (亩, 万元, %) does not fit. */
  countOnly: boolean;
  /** 个 answers only because the measure word asked counts things (多少座): it fits less. */
  anyCount: boolean;
  /** The count unit it named ("家"), preferred among counts. */
  preferred: Set<string>;
  kinds: Set<IndicatorKind>;
  /** True when it asks for a stock ("总共有"): an increment ("新增…") does not answer it. */
  asksTotal: boolean;
  /**
   * It names an order of magnitude ("多少亿", "几万元"): a figure written without one (44999元,
   * 7.2%) is another kind of figure.
   */
  asksMagnitude: boolean;
  /** It asks per person ("人均", "每人"): an aggregate in 亿 is not that. */
  asksPerPerson: boolean;
  /** It asks for a target outright ("目标", "任务", "指标"): what was done does not answer. */
  asksTarget: boolean;
  /** It asks what something was before ("开始时"): where a "由A增长到B" started. */
  asksEarlier: boolean;
  /** It asks how much something changed ("增长多少"): a level (120亿元) does not answer. */
  asksChange: boolean;
  /** The question words a change (增长, 多了, 比去年), whatever unit it asks. */
  changeWorded: boolean;
  /** Increment words the question itself uses ("新增"), which such figures may then answer. */
  increments: string[];
  /** Contrast sets the question takes a side in: the words it names, and the others. */
  contrasts: { named: string[]; others: string[] }[];
  /** Contrast sets it names nothing of ("保费" asks the whole, not 种植业 or 养殖业). */
  unnamed: string[][];
  /**
   * What a question asks of a part ("那些图斑里头，搞产业用的占了多少宗": the words after the
   * subset marker); "" when it asks of no part.
   */
  subset: string;
  /** Report words the question says it does not want ("不是新增的那部分": 新增). */
  negatedWords: string[];
  /** Units it says it does not want ("户数，不是人数": 人, 名, 位). */
  negatedUnits: Set<string>;
  /** Values the asker says they know ("乡镇一级是100%我知道了": 100): not what is asked. */
  knownValues: number[];
}

/**
 * "…里头，", "…当中", "其中", "那些…里，", "…里单说": what follows names a part of what came
 * before.
 */
const SUBSET =
  /(?:里头|里面|里边|当中|之中|其中|那些[^，,。？?]{1,12}?里|[里中](?=单说|单看|光说|光看|只说|只看))[，,、]?\s*(?:单说|单看|光说|光看|只说|只看)?(.+)$/u;

/** "几w", "多少w", "50w": w typed for 万. */
const TEN_THOUSAND = /(几|多少|\d)w(?![a-z])/g;
/** Where a question's clauses break. */
const CLAUSE_BREAK = /[，,。？?！!；;]+/;
const CLAUSE_BREAK_GLOBAL = new RegExp(CLAUSE_BREAK.source, "g");
/** A parenthesis within a question: "（不是城镇的）". */
const BRACKETED = /[（(]([^（）()]*)[）)]/g;
const TRAILING_PARTICLES = /[的了啊呀吧呢哈\s]+$/;
/**
 * Negation words that close a clause: "去年开工的不要", "技改的不算", "农村的除外", and what is
 * set aside ("签约额先不说", "总投资先不管", "签约额不用说了", "今年申报的不问", "签约额先放一边").
 */
const CLOSING_NEGATION =
  /.(不要|不算|除外|不含|不包括|先不说|不用说|不说|先不管|不用管|不管|先不提|不提|另说|先不问|不问|不用看|不看|先放一边|放一边|先放放|别算|不用算|先别管|别管|别给我|别给)$/u;

/** A clause giving a figure the asker knows: "签约额我们知道是8500万元", "…是100%我知道了". */
const KNOWN_FIGURE = /(?:我们?|咱们?)(?:都|已经)?知道.*\d|\d.*(?:我们?|咱们?)(?:都|已经)?知道了?$/u;
const KNOWN_WORDS = /(?:我们?|咱们?)(?:都|已经)?知道了?是?/gu;

/** Options of `QueryParser`. */
export interface QueryParserOptions {
  /** Place names (townships) that must stand in the figure's own clause, like anchor words. */
  places?: string[];
  /** The report's year, so 去年 also matches "2020年" in a 2021 report. */
  year?: number;
  /** The report's own place, cut out of questions like a filler ("海拉尔去年GDP"). */
  ownPlace?: string[];
}

// Particles that glue to verbs in jieba's cut ("发了", "验收过了").
const PARTICLES = /了|过(?=[了几多])|着(?=[了几多])/g;
const YEARS = /(比|较|跟|同|与|和)?(\d{4}年|去年|上一年|上年|前年|明年|来年|后年|今年|本年)/g;
const RELATIVE_YEARS: Record<string, number> = {
  今年: 0,
  本年: 0,
  去年: -1,
  上年: -1,
  上一年: -1,
  前年: -2,
  明年: 1,
  来年: 1,
  后年: 2,
};
// "几个", "几家" are said of anything countable (几个涵洞 = 2座, 多少家主体 = 1041个).
const GENERIC_COUNTS = new Set(["个", "家"]);
/** People counted: "有多少相对贫困人口", "多少失业人员重新就业" (nothing they own or earn after it). */
const PEOPLE_ASKED =
  /多少\p{Script=Han}{0,4}人口|多少(?:名|个)?\p{Script=Han}{0,3}(?:人员|群众|职工|员工)(?![\p{Script=Han}]{0,3}(?:工资|收入|补贴|资金|钱|待遇|比例|占比))/u;
/** Measure words of things that reports also count in 个. */
const THINGS_COUNTED = new Set(["座", "所", "处", "项", "条", "台", "套", "支"]);
const POINTING = /[那这](几|些)个?/g;
/** "技改投资增了多少" asks a growth; "新增多少" asks what was added. */
const GREW = /(?<![新净])增多少|降(?![到至为成])[了]?(多少|几)/;
/** "全年生猪出栏计划多少": the year's plan, asked around its topic (as 全年计划 is). */
const WHOLE_YEAR_PLAN = /全年.{1,8}计划|计划.{0,2}全年/;
const PLAN_PERIOD = /十[一二三四五]五(?:期间|时期|以来|期末|末)?/g;
const CODES = /[a-z]{1,4}\d+(?:\.\d+)?(?![\d.])|\d+[a-z]{1,2}(?![a-z])/g;
/** A code that names one thing: "pm10", "pm2.5", "5g" (not a unit typed: "㎡" read as "m2"). */
const NAMED_CODE = /^(?:[a-z]{2,}\d|\d)/;

/** The term is a code that names one thing (a figure without it is of another). */
export function namesOneThing(term: QueryTerm): boolean {
  return term.tag === "code" && NAMED_CODE.test(term.text);
}
const NUMERALS = /\d+(\.\d+)?[万亿]?[个名户家项座处条位所]?/g;
const MAGNITUDE_ASKED = /(多少|几)(万亿|亿|万)/;
const PER_PERSON = /人均|每人|每个人|一个人|按人口平均/;
// "民营企业等民营经济主体": the examples before 等 narrow nothing; what follows is asked.
const EXAMPLES =
  /(^|[|，,、\s])[\p{Script=Han}]{1,7}[^\s\d一二三四五六七八九十|]等(?=[\p{Script=Han}]{2})/gu;
/**
 * "04年", "99年": a year written with its last two digits (a count of years never starts with 0,
 * and is seldom in the nineties; "90年代" is a decade).
 */
const SHORT_YEAR = /(?<![\d.])(0\d|9\d)年(?![代来间内])/g;
/** "1-6月份": the months from January, asked as the part of the year they make. */
const MONTHS_FROM_JANUARY = /(?<![\d.])1\s*[-—－~～至到]\s*(3|6|9|12)\s*月份?/g;
const PART_OF_YEAR: Readonly<Record<string, string>> = {
  "3": "一季度",
  "6": "上半年",
  "9": "前三季度",
  "12": "全年",
};
/** "鱼虾这些水产品", "民宿农家乐这类": what is named before the marker only gives examples. */
const EXAMPLE_MARKER = /(?:这些|那些|这类|之类的?)(?=\p{Script=Han}{2})(?!年)/gu;
/** Words that may be examples: nouns and fixed phrases, joined by 、 和 及 (not times, places). */
const EXAMPLE_WORD = /^(?:n|nr|nz|l|j|vn)$/;
const EXAMPLE_JOIN = /^[、和及与加跟]$/;
/** Kinds too general to name anything ("乡镇、学校这些地方"): the examples say what is asked. */
const GENERAL_KIND = /^(?:地方|东西|方面|事情|事|情况|单位|地儿)/;
// "@机器人 …": a mention is not part of the question.
const MENTION = /@\S+\s?/g;
/** A ruled-out part naming another time or kind of figure ("不是去年实际浓度"). */
const OTHER_TIME_OR_KIND = /去年|今年|前年|上年|明年|当年|\d{4}年|实际|目标|计划|预期/;
/** A year written alone in an English question ("in 2013"), not a number of a unit. */
const LONE_YEAR = /(?<![\d.])((?:19|20)\d{2})(?![\d.%年])/g;
/** A word of Latin letters alone (not part of a code such as "pm2.5" or "5g"). */
const ENGLISH_WORD = /(?<![a-z0-9.&])[a-z]{2,}(?:'s)?(?![a-z0-9&])/g;
/** English that rules out what follows ("separately from 天祝", "excluding …"). */
const ENGLISH_NEGATION = /\b(?:separately from|excluding|not including|apart from|other than)\b/gi;
/** A whole number before a word ("27 乡镇" of "27 townships"), not a year. */
const COUNT_BEFORE_NOUN = /(?<![\d.])(\d+)\s+(\p{Script=Han})/gu;
/** "how many 持牌金融机构 …": the Chinese noun counted, then the rest up to the question mark. */
const HOW_MANY_THING = /how many\s+(\p{Script=Han}+)\s+([^?？]+)/iu;
/**
 * Who asks or what for, before a colon: "王区长问：", "区长讲话稿里要提一句：", "写材料要用：";
 * or before a comma, said of oneself: "我们局在写县域和全国指标对比，". The question starts after it.
 */
const FRAMING =
  /^[^：:？?。，,]{0,14}(问|讲话|汇报|材料|稿|提一句|想知道|想了解|想核实|要用)[^：:？?。，,]{0,6}[：:]|^(我们|咱们|我|作为|[^：:？?。，,\d]{1,4}(这边|里|局|办|社))[^：:？?。，,\d]{0,14}(写|准备|汇报|材料|专题|课题|调研|对比|比较|对照|对标|要讲|要做|想了解|想知道|想核)[^：:？?。，,\d]{0,8}[，,]/;
/**
 * Who is asking, said first: "我是区人大代表，". Not when it names a township or village ("我是
 * 东岭镇的联络员，"), which is the place asked of.
 */
const SELF_INTRODUCTION = /^(我是|本人是)[^：:？?。，,\d镇乡村]{1,14}[，,]/;

/** A clause that only checks something yes or no ("都下村了吧", "完成了吗"). */
const CHECK = /(吗|吧|嘛|没|没有)$/;
/** A clause that asks for a figure. */
const ASKS_FIGURE = /多少|几|啥|什么|哪|怎么|how|what/i;

/**
 * "今年新招的选调生几个？都下村了吧": a yes-or-no check after the clause that asks for the figure
 * says what the asker assumes, not what is counted; it is left out.
 */
function withoutCheck(question: string): string {
  const clauses = question.split(/(?<=[，,。？?！!；;])/);
  if (clauses.length < 2) return question;
  const bare = (c: string) => c.replace(/[，,。？?！!；;\s]+$/, "");
  const checks = clauses.map((c) => CHECK.test(bare(c)) && !ASKS_FIGURE.test(c));
  if (!checks.some(Boolean) || !clauses.some((c, i) => !checks[i] && ASKS_FIGURE.test(c))) {
    return question;
  }
  return clauses.filter((_, i) => !checks[i]).join("");
}

/** "2021年以来", "年初以来", "上半年以来": the year so far. */
const SINCE_YEAR = /((?:\d{4}|今|本|上半|下半)?年初?)以来/g;
/** "多大规模": how big something is. */
const HOW_BIG = /多大的?规模/g;
/** A sentence that narrows the question before it ("要单年的", "不是总额度", "农村的"). */
const NARROWS =
  /^([（(]|要|只要|不要|不是|别|只|单|光|就|按|包括|含|其中|除了|不含|不算|问的是|我问的|我要)|不要|不是|不光|不仅|别|不算|除外|不含|所有|全部|合计|的$/;

/**
 * The question without sentences after it that only say why it is asked ("今年专项债额度多少？
 * 我们县正在包装专项债项目。"): they neither ask a figure nor narrow the question, and their
 * words are not the figure's.
 */
function withoutAside(question: string): string {
  const sentences = question.split(/(?<=[。？?！!])/);
  const asking = sentences.findIndex((s) => ASKS_FIGURE.test(s));
  if (asking < 0 || asking === sentences.length - 1) return question;
  const aside = (s: string) => {
    const bare = s.replace(/[。？?！!\s]+$/, "").replace(/是不是/g, "");
    // (One that states a figure may set it aside: "乡镇那个100%我们都知道".)
    return bare.length > 4 && !ASKS_FIGURE.test(bare) && !NARROWS.test(bare) && !/\d/.test(bare);
  };
  return sentences.filter((s, i) => i <= asking || !aside(s)).join("");
}

/** What the synonym groups of one set of intents come to, built once for every parser. */
interface SynonymTables {
  /** Every form with its group, longest first. */
  synonymForms: { form: string; group: string[] }[];
  englishForms: { form: string; group: string[] }[];
  forms: WordFinder;
  groupsOf: Map<string, string[][]>;
  /** Where each form stands in `synonymForms`. */
  formAt: Map<string, number[]>;
  /** The synonym forms each report word holds. */
  wordForms: Map<string, Set<string>>;
  /** The last texts with their synonyms replaced (`canonical`). */
  canonical: Recent<string, string>;
  /** The synonym forms of the last texts looked at (`formsIn`). */
  formsIn: Recent<string, readonly { form: string; group: string[] }[]>;
  /** Words that are never slips, for every report's typo corrector. */
  protectedWords?: WordFinder;
  /** The last questions' report-independent first reading (`firstReading`). */
  firstReadings: Recent<string, FirstReading>;
  /** The clause that asks, of the last questions (`parse`). */
  askingClauses: Recent<string, string>;
  /** The last texts with the filler phrases cut out (`withoutFillers`). */
  withoutFillers: Recent<string, string>;
  /** The contrast sets the last questions take a side in (`contrastsOf`). */
  contrasts: Recent<string, Pick<ParsedQuery, "contrasts" | "unnamed">>;
}

/** What a question reads as before any report's words are consulted. */
interface FirstReading {
  kept: string;
  negated: string;
  known: number[];
  /** Normalised, clause breaks kept as "|", particles dropped. */
  marked: string;
}

const TABLES = new WeakMap<Intents, SynonymTables>();

function synonymTables(intents: Intents): SynonymTables {
  let tables = TABLES.get(intents);
  if (tables) return tables;
  // Questions lose their particles before synonyms are looked up ("财政花了" -> "财政花"), so
  // forms that hold one are looked up without it too.
  const synonymForms = intents.synonyms
    .map((group) => {
      const bare = group.map((f) => f.replace(PARTICLES, "")).filter((f) => f.length > 1);
      return [...new Set([...group, ...bare])];
    })
    .flatMap((group) => group.map((form) => ({ form, group })))
    .sort((a, b) => b.form.length - a.form.length);
  const groupsOf = new Map<string, string[][]>();
  const formAt = new Map<string, number[]>();
  synonymForms.forEach(({ form, group }, i) => {
    groupsOf.set(form, [...(groupsOf.get(form) ?? []), group]);
    formAt.set(form, [...(formAt.get(form) ?? []), i]);
  });
  tables = {
    synonymForms,
    englishForms: synonymForms.filter(({ form }) => /[a-z]/.test(form)),
    forms: new WordFinder(synonymForms.map(({ form }) => form)),
    groupsOf,
    formAt,
    wordForms: new Map(),
    canonical: new Recent(),
    formsIn: new Recent(),
    firstReadings: new Recent(),
    askingClauses: new Recent(),
    withoutFillers: new Recent(),
    contrasts: new Recent(),
  };
  TABLES.set(intents, tables);
  return tables;
}

/** Turns questions into terms using the intents data and the corpus' own text. */
export class QueryParser {
  private readonly questionWords: Set<string>;
  private readonly hints: WordFinder;
  private readonly sides: ContrastSides;
  /** The synonym tables, shared by the parsers of every report (they depend on intents only). */
  private readonly tables: SynonymTables;
  private readonly allSides: string[];
  private readonly hintEntries: [string, string][];
  private readonly kindEntries: [string, IndicatorKind][];
  /** Kind words that say a figure is what was done ("实际", "真正落地"), longest first. */
  private readonly actualWords: string[];
  private readonly englishQuestionWords: string[];
  private readonly english: ReturnType<QueryParser["englishPatterns"]>;
  /** English words that say the unit asked ("tons", "times"): kept where other English goes. */
  private readonly englishHints: Set<string>;
  /** Synonym groups' names that contain a plan word ("一般公共预算收入" holds 预算). */
  private readonly indicatorNames: string[];
  private readonly softWords: Set<string>;
  private readonly places: string[];
  private readonly askedUnit: RegExp;
  private readonly unitFamily = new Map<string, string[]>();
  private readonly typos: TypoCorrector;
  private readonly reader: TermReader;
  private readonly year: number | undefined;
  private readonly ownPlace: string[];

  constructor(
    private readonly intents: Intents,
    private readonly corpus: Corpus,
    options: QueryParserOptions = {},
  ) {
    this.tables = synonymTables(intents);
    this.questionWords = new Set(intents.questionWords);
    this.hints = new WordFinder(Object.keys(intents.hintWords));
    this.sides = new ContrastSides(intents.contrasts);
    this.allSides = [...new Set(intents.contrasts.flat())];
    this.hintEntries = Object.entries(intents.hintWords);
    this.kindEntries = Object.entries(intents.kindWords);
    this.actualWords = Object.entries(intents.kindWords)
      .filter(([word, kind]) => kind === "actual" && word.length > 1)
      .map(([word]) => word)
      .sort((a, b) => b.length - a.length);
    this.englishQuestionWords = intents.questionWords
      .filter((w) => /^[a-z' ]+$/.test(w))
      .sort((a, b) => b.length - a.length);
    this.english = this.englishPatterns();
    this.englishHints = new Set(Object.keys(intents.hintWords).filter((w) => /^[a-z]+$/.test(w)));
    const kindWords = Object.keys(intents.kindWords);
    const planWords = kindWords.filter((w) => intents.kindWords[w] === "plan");
    this.indicatorNames = intents.synonyms
      .map((group) => group[0]!)
      .filter((name) => planWords.some((w) => name !== w && name.includes(w)))
      .sort((a, b) => b.length - a.length);
    // Kind and change words ("同比", "扩大") say what kind of figure is asked, not its topic.
    // A qualifier the report never writes ("预计") cannot tell its figures apart either.
    this.softWords = new Set([
      ...intents.softWords,
      ...Object.keys(intents.kindWords),
      ...intents.changeWords,
      ...UNITS.qualifiers.filter((q) => q.length > 1 && !corpus.has(q)),
    ]);
    this.places = [...(options.places ?? []), ...intents.places, ...intents.anchorWords]
      .filter((w) => !(w in RELATIVE_YEARS))
      .sort((a, b) => b.length - a.length);
    for (const family of Object.values(intents.unitFamilies)) {
      for (const unit of family) this.unitFamily.set(unit, family);
    }
    const units = [...this.unitFamily.keys()].sort((a, b) => b.length - a.length);
    this.askedUnit = new RegExp(`(几个|多少个|几|多少)(${units.map(escape).join("|")})`, "g");
    // Words the intents know are never slips ("新盖的民宿" is not "新改…"). The same for every
    // report (the soft words a report lacks are qualifiers, all listed), so built once: one
    // finder lets the reports' correctors share their work.
    this.tables.protectedWords ??= new WordFinder([
      ...this.questionWords,
      ...this.softWords,
      ...Object.keys(intents.hintWords),
      ...intents.targetWords,
      ...intents.totalWords,
      ...intents.incrementWords,
      ...UNITS.qualifiers,
      ...intents.synonyms.flat(),
    ]);
    this.typos = new TypoCorrector(corpus, this.tables.protectedWords, [
      ...intents.changeWords,
      ...intents.incrementWords,
      ...intents.targetWords,
      ...intents.totalWords,
    ]);
    this.reader = new TermReader({
      corpus,
      questionWords: this.questionWords,
      softWords: this.softWords,
      unitWords: new Set(this.unitFamily.keys()),
      notPlaces: notPlacesOf(intents),
    });
    this.year = options.year;
    this.ownPlace = options.ownPlace ?? [];
  }

  /** The question read with the intents alone: the same for every report (and remembered). */
  private firstReading(question: string): FirstReading {
    // What the question rules out is split off while its punctuation still marks the clauses.
    const asked = withoutAside(
      withoutCheck(
        question.replace(MENTION, " ").trim().replace(SELF_INTRODUCTION, "").replace(FRAMING, ""),
      ),
    );
    const { kept, negated, known } = this.splitNegated(this.fromEnglish(asked));
    // Clause breaks stay as "|" where words are split: "积分制试点，区里选了" holds no 试点区.
    const marked = joinedVerbsApart(
      normaliseText(withoutExampleWords(kept).replace(CLAUSE_BREAK_GLOBAL, "|")),
    )
      .replace(MONTHS_FROM_JANUARY, (_m, last: string) => PART_OF_YEAR[last]!)
      .replace(SHORT_YEAR, (_m, yy: string) => `${yy.startsWith("9") ? 19 : 20}${yy}年`)
      .replace(PARTICLES, "")
      .replace(TEN_THOUSAND, "$1万")
      // "多大规模": how big, not 大规模 ("large-scale") asked of.
      .replace(HOW_BIG, "多少规模")
      // "今年以来": so far this year, as every figure of the year is ("会议以来" stays).
      .replace(SINCE_YEAR, "$1");
    return { kept, negated, known, marked };
  }

  /** Parses one question. */
  parse(question: string): ParsedQuery {
    return this.finish(this.readTerms(question));
  }

  /**
   * The first part of `parse`: the question's terms, read with the report's words. Enough to find
   * the figures that may answer it: most reports asked have none, and need no more.
   */
  readTerms(question: string): TermsReading {
    const { kept, negated, known, marked } = this.tables.firstReadings.get(question, () =>
      this.firstReading(question),
    );
    const plain = marked.replace(/\|/g, "");
    const cleaned = this.withoutFillers(marked).replace(EXAMPLES, "$1");
    // "那几个批次" points back at something; it does not ask how many.
    const pointed = cleaned.replace(POINTING, "那些");
    const normalised = this.typos.correct(pointed);
    const canonical = this.canonical(normalised);
    const { rest, ...hints } = this.unitHints(normalised, canonical);
    const terms = this.termsOf(this.withoutActualWords(rest), question);
    // "民生方面投入的资金总额": with money asked, the word for money need not stand in the
    // figure's words ("民生领域投入49.48亿元"): its unit says it.
    if (moneyAsked(normalised)) {
      for (const term of terms) if (MONEY_WORDS.has(term.text)) term.optional = true;
    }
    return { asked: plain, normalised, canonical, terms, hints, kept, negated, known };
  }

  /** The rest of `parse`: what kind of figure the question asks for, and what it rules out. */
  finish(reading: TermsReading): ParsedQuery {
    const { asked: plain, normalised, canonical, terms, kept, negated, known } = reading;
    const { unitNamed, ...hints } = { ...reading.hints, units: new Set(reading.hints.units) };
    const kinds = new Set<IndicatorKind>();
    // "一般公共预算收入" names an indicator; its 预算 asks for no plan.
    const unnamed = this.namesCut(canonical);
    const kindText = shareWordApart(unnamed);
    for (const [word, kind] of this.kindEntries) {
      if (kindText.includes(word)) kinds.add(kind);
    }
    // The clause that asks, as the report's words are compared (the same for every report: kept).
    const asking = this.tables.askingClauses.get(kept, () => normaliseText(askingClause(kept)));
    // "今年计划的4个项目，到目前为止已经完成了多少投资": a plan word naming the topic in another
    // clause asks no plan when the clause that asks says what was done.
    if (kinds.has("plan") && kinds.has("actual")) {
      const holds = (kind: IndicatorKind) =>
        this.kindEntries.some(([word, k]) => k === kind && asking.includes(word));
      if (holds("actual") && !holds("plan")) kinds.delete("plan");
    }
    // "专业化能力提升网络培训班", "粮食产能提升重点县": a change word inside a longer name (not
    // ending it, as in "gdp增长") asks no change.
    const inName = (t: QueryTerm) =>
      !t.soft && this.intents.changeWords.some((w) => t.text.slice(0, -w.length).includes(w));
    const named = terms.filter(inName).reduce((text, t) => text.split(t.text).join("|"), canonical);
    const changeWorded =
      this.intents.changeWords.some((w) => asksChangeWith(named, w)) || GREW.test(named);
    // "城镇化率提高了多少": a rate's change, asked after the rate and not in 百分之几, is in
    // percentage points too ("经济增长的贡献率", "比例不低于" ask no change).
    const rateOnly =
      hints.strictUnits &&
      [...hints.units].every((u) => u === "%" || u === "‰") &&
      !/百分之|百分比/.test(normalised) &&
      rateChangeAsked(canonical, this.intents.changeWords);
    if (rateOnly) hints.units.add("个百分点");
    // "比上年多了多少", "比2020年增长多少".
    const comparedWithYear = [...shareWordApart(normalised).matchAll(YEARS)].some(
      (m) => m[1] !== undefined,
    );
    // "粮食单产要提高多少": a measure's word rules out other units, but a change of it may be
    // given in percent (提高2%) unless the question names its unit ("提高多少公斤").
    const shareUnits = ["%", "个百分点"];
    if (
      hints.strictUnits &&
      !unitNamed &&
      (changeWorded || comparedWithYear) &&
      !shareUnits.some((u) => hints.units.has(u))
    ) {
      shareUnits.forEach((u) => hints.units.add(u));
    }
    return {
      asked: plain,
      normalised,
      terms,
      ...hints,
      kinds,
      asksTotal: this.intents.totalWords.some((w) => plain.includes(w)),
      // "过去五年末…达到多少" names a span of years, not what there was before.
      asksEarlier: this.intents.earlierWords.some((w) => plain.replace(PAST_SPAN, "").includes(w)),
      asksMagnitude: MAGNITUDE_ASKED.test(normalised),
      asksPerPerson: PER_PERSON.test(canonical),
      asksTarget:
        !kinds.has("actual") &&
        (this.intents.targetWords.some((w) => unnamed.includes(w)) ||
          WHOLE_YEAR_PLAN.test(unnamed)),
      // "比去年增加了多少", "增长多少": only a change answers.
      // (A measure's word asking another unit, 交易额 money, still asks a change with a change's
      // noun: "交易额的增幅"; "CPI涨幅控制在多少" asks the rate's own level.)
      asksChange:
        ((!hints.strictUnits || (CHANGE_NOUN.test(normalised) && !ratesOnly(hints.units))) &&
          changeWorded) ||
        rateOnly ||
        comparedWithYear,
      changeWorded: changeWorded || comparedWithYear,
      // "增加到多少户" asks the level reached, not what was added.
      // "新建高标准农田那4个项目，目前…花了多少投资": only the clause that asks says what is asked.
      increments: this.intents.incrementWords.filter((w) => asksChangeWith(asking, w)),
      // (The same for every report: the contrast sets are the intents'.)
      ...this.tables.contrasts.get(`${canonical}\n${normalised}`, () =>
        this.contrastsOf(canonical, normalised),
      ),
      subset: SUBSET.exec(normalised)?.[1] ?? "",
      knownValues: known,
      ...this.negatedOf(normaliseText(negated).replace(PARTICLES, ""), normalised),
    };
  }

  /** The contrast sets the question takes a side in, and those it names nothing of. */
  private contrastsOf(
    canonical: string,
    typed: string,
  ): Pick<ParsedQuery, "contrasts" | "unnamed"> {
    // "现在建成" names no 在建: a side does not count where it straddles jieba's words (现在|建成);
    // inside one word it does ("春小麦" names 小麦). Checked in the text as typed too, since the
    // report's words put in ("正在建设" for 正在建) may be cut otherwise.
    const whole = (side: string) => {
      if (!canonical.includes(side) || standsWhole(canonical, side)) return true;
      // As typed: the side or another form of its synonyms ("正在建" for 在建).
      const forms = [side, ...(this.tables.groupsOf.get(side) ?? []).flat()];
      return forms.some((form) => typed.includes(form) && standsWhole(typed, form));
    };
    const named = new Set(this.allSides.filter((w) => this.names(canonical, w) && whole(w)));
    const contrasts = [];
    const unnamed = [];
    for (const set of this.intents.contrasts) {
      const sides = set.filter((w) => named.has(w));
      if (sides.length) contrasts.push({ named: sides, others: set.filter((w) => !named.has(w)) });
      else unnamed.push(set);
    }
    return { contrasts, unnamed };
  }

  /**
   * Units the question asks for. An outright unit (几户, 多少吨) or a strict word (百分之几, 率)
   * rules out other units and overrides the softer hints (支出 -> 元); "几个" only asks for a count.
   * Returns the question without its 几X/多少X asks.
   */
  private unitHints(normalised: string, canonical: string) {
    const strict = new Set<string>();
    const preferred = new Set<string>();
    // Of the softer hints the last one counts: it names what is measured ("支出进度" -> %).
    let hinted = new Set<string>();
    let lastAt = -1;
    // A hint may be a synonym's other form ("鱼苗" for 水花): look in what was typed too.
    // "10亿元以上项目投资增长多少": a size class the question names is not the unit it asks.
    const named = (text: string) => text.replace(SIZE_CLASS, (m) => "|".repeat(m.length));
    const [canonicalAsked, normalisedAsked] = [named(canonical), named(normalised)];
    const found = this.hints.found(`${canonicalAsked}|${normalisedAsked}`);
    for (const [word, family] of this.hintEntries) {
      if (!found.has(word)) continue;
      const at = Math.max(canonicalAsked.lastIndexOf(word), normalisedAsked.lastIndexOf(word));
      const units = this.intents.unitFamilies[family]!;
      if (this.intents.strictHints.includes(word)) units.forEach((u) => strict.add(u));
      else if (at > lastAt) [hinted, lastAt] = [new Set(units), at];
      else if (at === lastAt) units.forEach((u) => hinted.add(u));
    }
    // "救急的钱发了多少": money asked apart from its 多少 is asked outright too.
    if (
      moneyAsked(normalised) ||
      MONEY_COUNTED.test(normalised) ||
      INVESTMENT_ASKED.test(normalised)
    ) {
      for (const u of this.intents.unitFamilies.money ?? []) strict.add(u);
    }
    // "有多少相对贫困人口实现脱贫": people counted, whatever words stand between.
    if (PEOPLE_ASKED.test(normalised)) {
      for (const u of this.intents.unitFamilies.persons ?? []) strict.add(u);
    }
    let unitNamed = false;
    let anyCount = false;
    const rest = normalised.replace(this.askedUnit, (ask, _q, unit: string, at: number) => {
      // "多少处级干部": 处 starts a word of the report here, it is not the unit asked for.
      // ("多少家企业": 家 then a word of its own; the report's "国家企业" makes no word of 家企.)
      const next = normalised[at + ask.length] ?? "";
      const joined = () =>
        (words(normalised.slice(at + ask.length - unit.length))[0] ?? "").length > 1;
      if (next && this.corpus.has(unit + next) && !this.unitFamily.has(unit + next) && joined()) {
        return ask;
      }
      if (GENERIC_COUNTS.has(unit)) preferred.add(unit);
      else {
        this.unitFamily.get(unit)!.forEach((u) => strict.add(u));
        // "多少座公园" of "新建公园117个": 个 counts things of any kind.
        if (THINGS_COUNTED.has(unit) && !strict.has("个")) {
          strict.add("个");
          anyCount = true;
        }
        unitNamed = true;
      }
      return "|";
    });
    // "一亩地能打多少公斤": a weight asked per mu is a yield, not a harvest.
    const perMu = this.intents.unitFamilies.yield ?? [];
    if (perMu.some((u) => strict.has(u))) {
      for (const u of this.intents.unitFamilies.weight ?? []) strict.delete(u);
    }
    // "多少亿美元": a currency named is the only money that answers (not 亿元).
    const currency = FOREIGN_CURRENCY.exec(normalised)?.[0];
    const money = this.intents.unitFamilies.money ?? [];
    if (currency && money.some((u) => strict.has(u))) {
      for (const u of money) if (baseUnit(u) !== currency) strict.delete(u);
      strict.add(currency);
    }
    const strictUnits = strict.size > 0;
    const countOnly = preferred.size > 0;
    // ("惠及了多少家企业": a count asked outright outweighs the softer hint of 资金.)
    const soft = countOnly ? [] : hinted;
    const units = new Set([...(strictUnits ? strict : soft)].map((u) => baseUnit(u)));
    return { rest, units, strictUnits, countOnly, preferred, unitNamed, anyCount };
  }

  private termsOf(text: string, typed: string): QueryTerm[] {
    const terms: QueryTerm[] = [];
    let rest = text;
    for (const m of rest.matchAll(YEARS)) {
      const [, compared, year] = m;
      const forms = this.yearForms(year!);
      // "2012年以来": a span since then, not that year's figure.
      const since = rest.startsWith("以来", m.index + m[0].length);
      // "比去年多了多少": the figure is a change against that year, written "比2020年…".
      const loose = Boolean(compared) || since;
      const anchor = loose ? false : year === `${this.year}年` ? "report-year" : "year";
      // "比上年多了多少": a change need not repeat what it is compared with.
      terms.push({ text: year!, forms, soft: loose, anchor });
      rest = rest.split(year!).join("|");
    }
    for (const [period] of rest.matchAll(PLAN_PERIOD)) {
      // "十二五期间": which plan period is checked against the figure's own (see `index.ts`);
      // as words it only helps when found.
      terms.push({ text: period, forms: [period], soft: true, anchor: false });
      rest = rest.replace(period, "|");
    }
    for (const [code] of rest.matchAll(CODES)) {
      // "pm10", "5g", "cod": a code is one thing, its digits are part of its name.
      terms.push({ text: code, forms: [code], soft: false, anchor: false, tag: "code" });
      rest = rest.replace(code, "|");
    }
    const numbered = rest;
    for (const { 0: numeral, index } of numbered.matchAll(NUMERALS)) {
      // "那4个项目", "28个示范村": the question's own numbers name its topic, softly; a size
      // class ("10亿元以上项目") is no topic of a figure that does not name it.
      const sizeClass = SIZE_CLASS_AT.test(numbered.slice(index));
      terms.push({
        text: numeral,
        forms: [numeral],
        soft: !sizeClass,
        anchor: false,
        number: true,
      });
      rest = rest.replace(numeral, "|");
    }
    for (const place of this.places) {
      if (!rest.includes(place)) continue;
      terms.push({ text: place, forms: [place], soft: false, anchor: "place" });
      rest = rest.split(place).join("|");
    }
    for (const { form, group } of this.formsIn(rest)) {
      if (!rest.includes(form) || this.insideLongerWord(rest, form, group)) continue;
      // (An everyday or English form makes its group soft, but not the report's own word typed
      // as it is: "上学" or "spent" says little, "教育" names the topic.)
      const soft =
        this.softWords.has(form) ||
        (!(form === group[0] && typed.includes(form)) && group.some((f) => this.softWords.has(f)));
      // The report's word apart ("城镇居民" in "城镇常住居民") counts too, a little less.
      const canonical = group[0]!;
      const cut = words(canonical);
      const whole =
        cut.length > 1 || canonical.length < 4 ? cut : [canonical.slice(0, 2), canonical.slice(2)];
      // (The area a word names is the report's own: "地区生产总值增长" is "本区生产总值…增长".)
      const named = whole.filter((p) => !AREA_WORD.test(p));
      const parts = named.length > 1 ? named : whole;
      terms.push({
        text: form,
        forms: group,
        soft,
        anchor: false as const,
        ...(parts.length > 1 ? { parts } : {}),
      });
      // One character is cut out only where it is a word of its own ("讲" of 讲党史, not 宣讲团).
      rest =
        form.length > 1
          ? rest.split(form).join("|")
          : words(rest)
              .map((w) => (w === form ? "|" : w))
              .join("");
    }
    for (const segment of rest.split("|").filter(Boolean)) terms.push(...this.reader.read(segment));
    // In question order: the last term is usually the head noun ("…放了多少贷款").
    return terms.sort((a, b) => text.indexOf(a.text) - text.indexOf(b.text));
  }

  /**
   * "总产" in "工业总产值": every time the question writes the form, it stands inside a longer
   * word (jieba's) that the report has and its group does not; it is then no word of its own.
   */
  private insideLongerWord(text: string, form: string, group: string[]): boolean {
    let at = 0;
    for (const word of words(text)) {
      const start = text.indexOf(word, at);
      at = start < 0 ? at : start + word.length;
      if (!word.includes(form)) {
        // The form across jieba's cut ("总|产"), or not here at all: a word of its own.
        const end = start + word.length;
        const found = text.indexOf(form, start);
        if (start >= 0 && found >= start && found < end) return false;
        continue;
      }
      if (word === form || group.includes(word)) return false;
      if (word.length === form.length + 1 && word.endsWith(form) && this.joinsWord(word, form)) {
        continue;
      }
      // A one-character form ("讲") is a word only on its own, never inside "宣讲团".
      if (form.length > 1 && !this.corpus.has(word)) return false;
      // "农民收入" is 农民 and 收入; "总产值" is no 总产 and 值.
      if (form.length > 1 && word.length - form.length > 1) return false;
    }
    return true;
  }

  /**
   * "学技术" in "科学技术": the form is a phrase (学|技术) whose first word the character before
   * it completes (科学), the rest a word (技术); "牛奶" in "鲜牛奶" or "建好" in "点建好" stays a
   * word of its own.
   */
  private joinsWord(word: string, form: string): boolean {
    const [first = "", ...rest] = words(form);
    return rest.join("").length >= 2 && words(word.slice(0, 1) + first).length === 1;
  }

  /** The question names a side of a contrast: "种植养殖" names 种植业 and 养殖业. */
  private names(text: string, side: string): boolean {
    return (
      this.sides.has(text, side) ||
      (side.length >= 3 && side.endsWith("业") && text.includes(side.slice(0, -1)))
    );
  }

  /** "实际", "真正落地" only say the figure is what was done; they name nothing to look for. */
  private withoutActualWords(text: string): string {
    let rest = text;
    for (const word of this.actualWords) if (rest.includes(word)) rest = rest.split(word).join("|");
    return rest;
  }

  /** Cuts filler phrases out before words are split ("水产一共产了" -> "水产|产"). */
  private withoutFillers(text: string): string {
    // (The report's own place first: "咱们国家" is one, though 咱们 alone is a filler.)
    const placeless = this.ownPlace.reduce((rest, place) => rest.split(place).join("|"), text);
    // The filler phrases are the same for every report: cut once per question.
    return this.tables.withoutFillers.get(placeless, () =>
      this.intents.fillerPhrases.reduce((rest, filler) => rest.split(filler).join("|"), placeless),
    );
  }

  /** The report's words and the units that what a question does not want names. */
  private negatedOf(negated: string, kept: string) {
    // "问目标，不是去年实际浓度": another year's or kind's figure of the measure asked is ruled
    // out, not the measure (浓度) itself.
    const otherTime = OTHER_TIME_OR_KIND.test(negated);
    const negatedWords = words(negated).filter(
      (w) =>
        w.length >= 2 &&
        this.corpus.has(w) &&
        !kept.includes(w) &&
        !this.questionWords.has(w) &&
        !this.softWords.has(w) &&
        !(otherTime && w in this.intents.hintWords),
    );
    const negatedUnits = new Set<string>();
    const found = this.hints.found(negated);
    for (const [word, family] of this.hintEntries) {
      if (!found.has(word) || kept.includes(word) || otherTime) continue;
      // "增长目标是多少（不是2025年实际增幅）": the kept part asks a change, so the ruled-out
      // 增幅 is another year's, not the percentage.
      const share = family === "percent" || family === "points";
      if (share && this.intents.changeWords.some((w) => kept.includes(w))) continue;
      for (const u of this.intents.unitFamilies[family]!) negatedUnits.add(baseUnit(u));
    }
    return { negatedWords, negatedUnits };
  }

  /**
   * Splits off what a question says it does not want, clause by clause: "多少人，不是户数" and
   * "多少户不是人数" (what follows the word), "去年开工的不要" (the clause before a closing word),
   * "除了签约额，实际投了多少" (what follows, to the clause's end).
   */
  private splitNegated(text: string): { kept: string; negated: string; known: number[] } {
    const kept: string[] = [];
    const negated: string[] = [];
    const known: number[] = [];
    // "农村居民（不是城镇的）人均可支配收入": a parenthesis that rules something out is a clause of
    // its own; the words after it go on with the words before it.
    const unbracketed = text.replace(BRACKETED, (whole, inner: string) => {
      const split = this.splitNegated(inner);
      known.push(...split.known);
      if (!split.negated) return whole;
      negated.push(split.negated);
      return split.kept ? `，${split.kept}，` : "";
    });
    for (const clause of unbracketed.split(CLAUSE_BREAK)) {
      const bare = clause.replace(TRAILING_PARTICLES, "");
      // "签约额我们知道是8500万元", "乡镇一级是100%我知道了": a figure the asker already has
      // is set aside, as "签约额先不说" is.
      if (KNOWN_FIGURE.test(bare)) {
        negated.push(bare.replace(KNOWN_WORDS, "").replace(/[\d.]+[^\d，,]*$/, ""));
        for (const [number] of bare.matchAll(/\d+(?:\.\d+)?/g)) known.push(parseFloat(number));
        continue;
      }
      const closing = CLOSING_NEGATION.exec(bare)?.[1];
      if (closing) {
        negated.push(bare.slice(0, -closing.length));
        continue;
      }
      const found = this.intents.negationWords
        .map((w) => ({ w, at: negationAt(clause, w) }))
        .filter(({ at }) => at >= 0)
        .sort((a, b) => a.at - b.at || b.w.length - a.w.length)[0];
      if (!found) {
        kept.push(clause);
        continue;
      }
      kept.push(clause.slice(0, found.at));
      negated.push(clause.slice(found.at + found.w.length));
    }
    return { kept: kept.filter(Boolean).join("，"), negated: negated.join("|"), known };
  }

  /** 去年 in a 2021 report is also written "2020年". */
  private yearForms(word: string): string[] {
    const offset = RELATIVE_YEARS[word];
    return offset === undefined || this.year === undefined
      ? [word]
      : [word, `${this.year + offset}年`];
  }

  /**
   * English words, whole words only, before spaces are dropped: a term of the synonyms becomes
   * the report's word ("homestays" -> 民宿), a question word goes ("how many").
   */
  private fromEnglish(question: string): string {
    if (!/[A-Za-z]{2}/.test(question)) return question;
    // "how many 持牌金融机构 2019年正式入驻罗湖": what is counted follows "how many"; a Chinese
    // question names it last, where the head of the question is looked for.
    // ("多少个": a count, not a rate of it. "how many 公里 of …" names a unit: it goes last too.)
    // Elsewhere "how many" before what it counts asks a count, as 多少个 does; "how much", or
    // "how many" closing the question ("天数 how many"), asks 多少.
    const text = question
      .replace(HOW_MANY_THING, (_m, thing: string, rest: string) =>
        this.unitFamily.has(thing) ? `${rest.trim()} ${thing}` : `${rest.trim()} 多少个${thing}`,
      )
      // ("how many tons", "how many new cadres": a word naming the unit, up to three words on,
      // asks in that unit.)
      .replace(/\bhow many\b/gi, (m, at: number, whole: string) =>
        (whole.slice(at + m.length).match(/[a-z]+/gi) ?? [])
          .slice(0, 3)
          .some((w) => this.englishHints.has(w.toLowerCase()))
          ? " 多少 "
          : m,
      )
      // "古浪 alone, separately from 天祝": what follows is ruled out, as after 不含.
      .replace(ENGLISH_NEGATION, " 不含 ")
      .replace(/\bhow many\b(?=\s*[A-Za-z\p{Script=Han}])/giu, " 多少个 ")
      // "how much money was spent on …": money asked outright, as 多少钱 asks it.
      .replace(/\bhow much (?:money|funding|funds)\b/gi, " 多少钱 ")
      .replace(/\bhow (?:many|much)\b/gi, " 多少 ");
    const { terms, questionWords, reportWord } = this.english;
    // "deficit-to-GDP": words joined by hyphens are words. "in 2013": a year written alone is one.
    const words = text.replace(/(?<=[A-Za-z])-+(?=[A-Za-z])/g, " ").replace(LONE_YEAR, "$1年");
    const rest = ` ${words.toLowerCase()} `
      .replace(terms, (_match, form: string) => ` ${reportWord.get(form)} `)
      .replace(questionWords, " ")
      // An English word the intents do not know names nothing a Chinese report writes; kept, it
      // would be glued to its neighbours once spaces go ("across 27" -> "across27"). Acronyms
      // written in capitals ("CPI") stay: a report may write them too.
      .replace(ENGLISH_WORD, (word) =>
        this.englishHints.has(word) || words.includes(word.toUpperCase()) ? word : " ",
      )
      // "27 townships" -> "27个乡镇", as a Chinese question states a count it knows.
      .replace(COUNT_BEFORE_NOUN, (m, n: string, next: string) =>
        [...this.unitFamily.keys()].some((u) => u[0] === next) ? m : `${n}个${next}`,
      );
    return rest.trim();
  }

  /**
   * The English terms and question words as two patterns (longest first, so "live streaming"
   * wins over "live"), and the report's word for each term.
   */
  private englishPatterns() {
    const reportWord = new Map<string, string>();
    for (const { form, group } of this.tables.englishForms) {
      if (!reportWord.has(form)) reportWord.set(form, group[0]!);
      // ("high-tech", "e-commerce": hyphens are read as spaces before terms are looked up.)
      const spaced = form.replace(/-/g, " ");
      if (!reportWord.has(spaced)) reportWord.set(spaced, group[0]!);
    }
    const alternation = (words: string[]) => words.map(escape).join("|") || "(?!)";
    const forms = [...reportWord.keys()].sort((a, b) => b.length - a.length);
    return {
      terms: new RegExp(`(?<![a-z])(${alternation(forms)})(?:s|es)?(?![a-z])`, "g"),
      questionWords: new RegExp(
        `(?<![a-z])(?:${alternation(this.englishQuestionWords)})(?![a-z])`,
        "g",
      ),
      reportWord,
    };
  }

  /** The text without the names of indicators that hold a kind word ("一般公共预算收入"). */
  private namesCut(text: string): string {
    return this.indicatorNames.reduce((rest, name) => rest.split(name).join("|"), text);
  }

  /** The question with every synonym written as the report writes it (for hints only). */
  private canonical(text: string): string {
    // A question is read once per report: its synonyms are replaced once.
    return this.tables.canonical.get(text, () => {
      let result = text;
      for (const { form, group } of this.formsIn(text)) {
        if (form !== group[0] && result.includes(form)) result = result.split(form).join(group[0]);
      }
      return result;
    });
  }

  /**
   * The synonym forms that `text` holds, or that the report's words replacing them hold, longest
   * first: only these can match, so the others are not tried one by one.
   */
  /** The synonym forms a report word holds ("农业产值" holds 产值), cached: the words are few. */
  private formsOfWord(word: string): Set<string> {
    let forms = this.tables.wordForms.get(word);
    if (!forms) this.tables.wordForms.set(word, (forms = this.tables.forms.found(word)));
    return forms;
  }

  private formsIn(text: string): readonly { form: string; group: string[] }[] {
    return this.tables.formsIn.get(text, () => this.findForms(text));
  }

  private findForms(text: string): { form: string; group: string[] }[] {
    const found = this.tables.forms.found(text);
    for (const form of found) {
      for (const group of this.tables.groupsOf.get(form) ?? []) {
        for (const f of this.formsOfWord(group[0]!)) found.add(f);
      }
    }
    const at = [...found].flatMap((form) => this.tables.formAt.get(form) ?? []);
    return at.sort((a, b) => a - b).map((i) => this.tables.synonymForms[i]!);
  }
}

/** Nouns that name a change itself (a level's 增长率, "人口自然增长率", is not one). */
const CHANGE_NOUN = /增幅|增速|涨幅|降幅|跌幅/;

/** Only shares asked: %, ‰, 个百分点. */
function ratesOnly(units: Set<string>): boolean {
  return [...units].every((u) => u === "%" || u === "‰" || u === "个百分点");
}

/** A number stated right after a change word ("低于25微克"), not a year ("增速2018年"). */
const STATED_AMOUNT = /^\d+(?:\.\d+)?(?![\d.]*年)/;

/** A change word after the last rate word (率, 比例 …), not a threshold ("不低于"). */
function rateChangeAsked(text: string, changeWords: string[]): boolean {
  const rate = Math.max(...["率", "比例", "比重", "占比"].map((w) => text.lastIndexOf(w)));
  if (rate < 0) return false;
  const after = text.slice(rate);
  return changeWords.some((w) => {
    const at = after.indexOf(w);
    return at > 0 && after[at - 1] !== "不" && asksChangeWith(after, w);
  });
}

/** `side` stands in `text` somewhere without straddling two of jieba's words. */
function standsWhole(text: string, side: string): boolean {
  const spans: [number, number][] = [];
  let at = 0;
  for (const word of words(text)) spans.push([at, (at += word.length)]);
  for (let i = text.indexOf(side); i >= 0; i = text.indexOf(side, i + 1)) {
    const straddles = spans.some(([start, end]) => i > start && i < end && i + side.length > end);
    if (!straddles) return true;
  }
  return false;
}

/** The clause of a question that holds its ask (多少, 几…), or the whole question. */
function askingClause(question: string): string {
  const clauses = question.split(/[，,；;。？?！!]/);
  return clauses.find((c) => /多少|几|啥|什么|哪些/.test(c)) ?? question;
}

/**
 * `word` stands in `text` as a change asked ("提高了多少"), not a level reached ("提高到多少") nor
 * a threshold the question states ("PM2.5日均值低于25微克的天数", "增长10%以上的企业").
 */
function asksChangeWith(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const after = text.slice(at + word.length);
    if (!/^[到至为]/.test(after) && !STATED_AMOUNT.test(after)) return true;
  }
  return false;
}

/** "占比去年是多少": 占比 is a share; its 比 starts no 比去年. */
function shareWordApart(text: string): string {
  return text.replace(/占比/g, "占|");
}

/** Where `word` negates in `clause`, or -1: not inside "是不是", "要不要", "算不算". */
function negationAt(clause: string, word: string): number {
  for (let at = clause.indexOf(word); at >= 0; at = clause.indexOf(word, at + 1)) {
    const asks = word.startsWith("不") && at > 0 && clause[at - 1] === word[1];
    if (!asks && startsWord(clause, at)) return at;
  }
  return -1;
}

/** `at` starts one of jieba's words of `clause`: "消除了" holds 除了, but not as a word. */
function startsWord(clause: string, at: number): boolean {
  let position = 0;
  for (const word of words(clause)) {
    if (position === at) return true;
    if (position > at) return false;
    position += word.length;
  }
  return false;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/**
 * The question without examples given before what it asks of ("上半年鱼虾这些水产品产量" ->
 * "上半年水产品产量"): the report names the kind, not each thing of it. Places and times before
 * the marker stay, as does a marker with no nouns before it ("这些项目").
 */
function withoutExampleWords(text: string): string {
  const markers = [...text.matchAll(EXAMPLE_MARKER)];
  if (markers.length === 0) return text;
  const spans = taggedSpans(text).map(({ word, tag, start }) => ({
    start,
    end: start + word.length,
    tag: EXAMPLE_JOIN.test(word) ? "join" : tag,
  }));
  let result = text;
  for (const marker of markers.reverse()) {
    // What follows must be a noun naming a kind ("鱼虾这些水产品", not "淘宝直播那些一共卖了").
    const after = spans.find((w) => w.start === marker.index + marker[0].length);
    const rest = text.slice(marker.index + marker[0].length);
    if (!after || !/^n/.test(after.tag) || GENERAL_KIND.test(rest)) continue;
    let k = spans.findIndex((w) => w.end === marker.index);
    let from = -1;
    for (; k >= 0; k--) {
      const { tag, start } = spans[k]!;
      if (EXAMPLE_WORD.test(tag)) from = start;
      else if (tag !== "join" || from < 0) break;
    }
    if (from >= 0) result = result.slice(0, from) + result.slice(marker.index + marker[0].length);
  }
  return result;
}
