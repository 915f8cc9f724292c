// The indicator index: scores every indicator against a parsed question and picks the answer.
import type { Indicator, IndicatorKind, IndicatorStore } from "../extract/indicator.js";
import { baseUnit, magnitudeOf } from "../extract/numbers.js";
import { taggedWords } from "../language/segmenter.js";
import { joinedVerbsApart } from "./normalise.js";
import { Corpus } from "./corpus.js";
import { ContrastSides } from "./sides.js";
import { notPlacesOf, type Intents } from "./intents.js";
import {
  QueryParser,
  namesOneThing,
  type ParsedQuery,
  type QueryTerm,
  type TermsReading,
} from "./query.js";

/** An indicator with how well it answers a question. */
export interface Scored {
  indicator: Indicator;
  /** Share of the question's (weighted) terms found around the figure, 0..1. */
  coverage: number;
  score: number;
}

/** The outcome of a search. */
export type SearchResult =
  | {
      query: ParsedQuery;
      /** Best first; empty when nothing answers the question well enough. */
      matches: Scored[];
      /** Near topics to suggest when there is no answer. */
      suggestions: Indicator[];
    }
  /** Nothing answers, and no near topics were wanted: the question was not read in full. */
  | { query: undefined; matches: []; suggestions: [] };

/** Options of `IndicatorIndex`. */
export interface IndicatorIndexOptions {
  /** Minimum weighted share of question terms an answer must contain (default: 0.7). */
  minCoverage?: number;
  /** Score gap within which a second figure counts as a close alternative (default: 0.08). */
  closeGap?: number;
  /** Place names (townships) a figure must name in its own clause to answer for them. */
  places?: string[];
  /** The report's own place ("海拉尔区", "海拉尔"): said in questions, it narrows nothing. */
  ownPlace?: string[];
}

interface Doc {
  indicator: Indicator;
  order: number;
  all: string;
  /** The kinds of `WITHIN` whose mark `all` holds (few texts hold any). */
  within: readonly Within[];
  strong: string[];
  /** The name when it was composed from an inherited topic (else ""), credited as a clause. */
  composedName: string;
  /** The units the figure answers in (see `unitsOf`). */
  units: string[];
  /** The figure's own words and subject in one string (contrast checks). */
  ownWords: string;
  /** All its context clauses in one string (contrast checks). */
  sentence: string;
  /** The figure's own clause, and the clause before it: where anchors must stand. */
  own: string;
  before: string;
  clause: string;
  /** The sentence's clauses with the credit they give, and whether they follow the figure's. */
  context: { text: string; credit: number; after: boolean }[];
  section: string;
  /** Written per one of something ("每户1人"): see `perOne`. */
  perOne: boolean;
  /** A number alone in quotes (稳外贸“24条”): see `quotedAlone`. */
  quoted: boolean;
}

const STRONG = 1;
/** Words of passing a round mark ("突破4000亿元", "迈上6万亿元台阶"). */
const PASSED = /(突破|迈上|迈过|跨上|跨过|跨越|连跨|跃上|站上|越过|迈入|跨入|超过)$/;
const MARK = /^[^，；]{0,3}(台阶|大关|关口)/;
/** A question about the mark itself ("出口额要突破多少"). */
const MARK_ASKED = /突破|迈上|跨越|跨过|站上|超过|台阶|大关/;
/** What a round mark loses to the figure itself that its sentence goes on to give. */
const ROUND_MARK = 0.3;
/**
 * What a number in quotes alone loses ("稳外贸“24条”", "“1+10”政策"): it names a policy; it
 * answers a question that asks in its unit ("出台了多少条").
 */
const QUOTED_NAME = 0.3;
/** Verbs of reaching: a subject of these alone goes on with the subject before it ("达到…"). */
const REACHED = /达到|达|为|实现|完成|至|到/g;
const CLAUSE = 0.85;
const SECTION = 0.4;
const INHERITED = 0.6;
const PARTS = 0.8;
const PART_ONLY = 0.08;
/** Scores closer than this are a tie. */
const TWIN_GAP = 0.005;
const MAX_CACHED_WORDS = 20_000;
const ACTUAL = /实际|已完成|已建成|已投入/;
const YEAR = /\d{4}年/;
const COMPARED_YEAR = /[比较跟同与和](\d{4}年|去年|上年|前年)/g;

const HEAD_BOOST = 1.25;
const NUMBER_BOOST = 2;
const TOTAL = /合计|共计|总计|总数/;
const FIVE_YEAR = /十[一二三四五]五/;
/** What a measure head is never counted in (unit families of intents/question.json). */
const NOT_MEASURED_IN: [RegExp, string[]][] = [
  [/(产量|总产)$/, ["area", "money", "percent", "years"]],
  // "游客有多少" counts people: never an amount of money, an area or a weight.
  [/(游客|游客人数|旅游人数|人口|人数|劳动力)$/, ["money", "area", "weight", "times", "events"]],
];
/** A rate of change with no subject of its own ("增幅8.9%", "同比增长5%"). */
const BARE_CHANGE =
  /^(?:同比|比上年|较上年|比去年)?(?:增幅|增速|增长|增加|提高|上升|下降|减少|降幅|降低)(?:了|为|达)?[\d.]+%$/;
/** An area's output, asked by its usual names. */
const OUTPUT = /(生产总值|gdp|经济总量)$/i;
/** What a measure head is only counted in: an amount of money, an area. */
const MEASURED_ONLY_IN: [RegExp, string[]][] = [
  [/(产值|收入|销售额|总额|营业额|经济总量|增加值|资金|经费)$/, ["money"]],
  [/面积$/, ["area"]],
];
/** What a bare rate of change measures is asked only in these families ("单产" in 公斤/亩). */
const CHANGE_MEASURED_ONLY_IN: [RegExp, string[]][] = [
  ...MEASURED_ONLY_IN,
  [/(单产|亩产)$/, ["yield"]],
];

/** The question asks of the whole area the report speaks for. */
const WHOLE_AREA = /全(省|市|县|区|州|盟|旗|自治区)/;
/** The level a place name ends in ("泸州市" -> 泸州). */
const ADMIN_SUFFIX = /(省|市|自治州|州|县|区|镇|乡|旗)$/;
/**
 * A figure given as a gap to another ("快于经济增速1个百分点", "高于全国0.5个百分点"), or what it
 * added to another's ("拉动全市经济增长0.9个百分点"): not the growth itself.
 */
const GAP = /快于|高于|低于|慢于|超出|领先|拉动/;
/** A share taken of a base ("是特区一体化新三年计划目标值的"): the base's last word. */
const RATIO_TO =
  /[是为](?:[^，。；]{0,24}?)(目标值|目标|计划|任务|平均水平|平均值)的?[\d.、%％]*\d/;
/** A question about a gap or a comparison. */
const GAP_ASKED =
  /快于|高于|低于|慢于|超出|领先|比|高出|高了|快了|低了|慢了|差距|差了|多了|少了|百分点|拉动|贡献/;
/** A question per month or per year. */
const PER_MONTH = /每月|每个月|一个月|月均|一月/;
const PER_YEAR = /每年|一年|年均/;
/** Units that count people. */
const PERSONS = /^(万)?(人|名|位|人次)$/;
/** Words of a figure per head ("人均", "每人", "户均", "补助标准", "元/人"). */
const PER_HEAD = /人均|每人|每个|平均|户均|每户|标准|\/人|\/户/;
/** Nouns that name people by how they end ("农民", "网格员", "选调生", "村干部", "困难群众"). */
const PERSON_NOUN =
  /(人|员|者|民|生|工|师|部|士|长|手|众|兵|童|老|属|友|孩|娃|姓|官|记|任|表|象|户|家庭|夫妻|人口|劳动力)$/;
/** Words of inspecting ("排查整改"): what they count was looked at, not built or added. */
const INSPECTED = /排查|检查|摸排|核查|巡查|抽查|督查|普查/;
/** A figure that gives a level reached or held, not an amount added. */
const STOCK = /达到|达|总数|总量|共有|现有|累计|增至|增加到|提高到|突破/;
/** "泸州市" -> 泸州; a two-character name stays whole ("泸州"). */
function stemOf(place: string): string {
  return place.length > 2 ? place.replace(ADMIN_SUFFIX, "") : place;
}

/** A city, prefecture or county named with its level ("大同市", "恩施州"). */
const CITY = /^\p{Script=Han}{2,3}(市|州|县)$/u;
const NOT_CITY = /(城市|超市|都市|集市|夜市|股市|楼市|车市|门市)$/;
/** Words of likelihood ("今年粮食总产量预计多少"): they never name what is counted. */
const MODAL = /^(预计|估计|预期|大概|大约|约)$/;

/** A question about how often: it names a unit of times, or asks 频次/次数. */
const FREQUENCY_ASKED = /[次期轮回趟遍届]|频次|频率|times|rounds/;

/** The first year of each five-year plan period. */
const PLAN_START: Record<string, number> = {
  十一五: 2006,
  十二五: 2011,
  十三五: 2016,
  十四五: 2021,
  十五五: 2026,
};
/** A figure compared with the year before is one year's. */
const ONE_YEAR = /同比|比上年|较上年|比去年|较去年/;
/** A question per mu: a yield ("单产", "亩产", "每亩", "平均一亩"). */
const PER_MU_ASKED = /单产|亩产|每亩|亩均|一亩|平均|yield/;
/** What stands right before a figure given per one of something ("实现每户1人以上就业"). */
const PER_ONE = /每一?(?:户|人|村|家|个|名|位|所|校|镇|乡|社区|企业|学生)$/;
/** A question asking per one ("每户", "户均", "平均", "一个村"). */
const PER_ONE_ASKED = /每|均|一户|一人|一个|一家|一村|per\b/;
/** A verb of achieving right before a measure ("实现增加值", "完成产值"). */
const ACHIEVED_BEFORE = /(实现|完成|达到|达)$/;
/** A question about a share of a whole ("占多大比重", "占比多少"). */
const SHARE_ASKED = /比重|占比|占[^，,。？?]{0,8}(比例|多少|几成|百分之)/;
/** A figure per area of land ("每平方公里土地GDP产出", "地均税收"). */
const PER_AREA = /每平方公里|地均|单位土地|每平方米土地/;
/** A question about the end of a plan or one year of it ("十二五末", "“十三五”收官之年"). */
const PLAN_END = /末|收官|最后|年底|\d{4}|[到至]\d/;
const SPAN_ASKED = /期间|时期|累计|以来|这五年|五年来|过去五年|近五年|五年间|这几年|这些年/;
const COMPARED_PLAN = /[较比与][“"]?十[一二三四五]五/g;
/** The question names what a change is against ("比2010年", "较去年"). */
const COMPARED_ASKED = /[比较跟同与和](\d{4}年|去年|上年|前年)/;
/** How close a figure of the other side of a contrast must score to compete with the best. */
const RIVAL_GAP = 0.3;
/** A development zone or new district named at the start of a subject ("兰州新区…"). */
const ZONE =
  /^[\p{Script=Han}]{1,6}?(新区|新城|开发区|高新区|经开区|产业园区|工业园区|园区|试验区|自贸区|经济区|片区|都市圈|都市区|城市群|湾区|经济圈|经济带)/u;
/**
 * A zone a sentence opens with, named as such ("自贸新城建设加快，…"; not "推进项目园区建设",
 * nor "全年新区地区生产总值…", where a new area's report names itself after a time).
 */
const ZONE_OPENING =
  /^(?!全年|今年|去年|上年|当年|年内)\p{Script=Han}{2,4}?(新区|新城|开发区|高新区|经开区|自贸区|试验区)/u;
/** How many figures below the coverage threshold are scored for near topics. */
const NEAR_POOL = 20;
const SYNONYM = 0.95;
const HEAD_OUTSIDE = 0.8;
/**
 * What coverage keeps, in a work report, when the head stands only in clauses after the figure's
 * ("地区生产总值增长5.5%，…，居民收入与经济增长基本同步"): such a report names a figure's subject
 * before it. (A progress report often names it after: "投入50万元，购置PCR检测仪…".)
 */
const HEAD_AFTER = 0.8;
/**
 * The weight of a question's modifier that the report never says ("帮工人讨回的欠薪": 工人): it
 * cannot tell figures apart, so it only lowers coverage, and by less than a word that could.
 */
const ABSENT = 0.5;
/** What a figure whose own words say it was added gains when the question asks what was added. */
const ADDED_FIT = 0.1;
/** A clause that opens with part of a year ("前三季度，…", "1—11月…"). */
const PART_YEAR_OPENING =
  /^(今年|去年|上年|\d{4}年)?(前三季度|上半年|[一二三]季度|1[-—－~至]\d{1,2}月)/;
/** A question naming part of a year, or months. */
const PART_YEAR_ASKED = /季度|半年|\d{1,2}月|月份/;
/** What a plain verb the question adds weighs in coverage where a figure lacks it. */
const VERB_ADDED = 0.5;
/** Families of units whose names may follow what they measure ("线路总长度", "农田面积"). */
const MEASURED_FAMILIES = new Set(["length", "area", "weight"]);

/** Searches the indicators of a store. */
export class IndicatorIndex {
  private readonly docs: Doc[];
  private readonly parser: QueryParser;
  private readonly increment: RegExp;
  private readonly holding = new Map<string, Doc[]>();
  /** Inverse document frequencies by a term's forms (cached like `holding`). */
  private readonly weights = new Map<string, number>();
  private readonly corpus: Corpus;
  /** Townships and the other places the district's reports name. */
  private readonly places: string[];
  /** The report's own place ("四川省", "四川"): a figure named after it is not of a part. */
  private readonly ownPlace: string[];
  /** Words jieba may tag as places that are not ("新建"). */
  private readonly notPlaces: Set<string>;
  private readonly askedPlaces = new WeakMap<ParsedQuery, string[]>();
  private readonly placeless = new Map<Doc, boolean>();
  private readonly listedPlaces = new Map<Indicator, string[]>();
  private readonly listedParts = new Map<Doc, boolean>();
  private readonly roundMarks = new Map<Doc, boolean>();
  private readonly measures = new Map<Doc, string>();
  private sentenceDocs?: Map<string, Doc[]>;
  private readonly wholeAreaReport: boolean;
  private readonly unitFamilies: Record<string, string[]>;
  private readonly sides: ContrastSides;
  /** Units that count how often something was done (次, 轮, 期). */
  private readonly frequency: Set<string>;
  /** Words that name what is measured ("长度", "面积"): see `measuredAfter`. */
  private readonly hintWords: string[];
  private readonly options: Required<Omit<IndicatorIndexOptions, "places" | "ownPlace">>;

  constructor(store: IndicatorStore, intents: Intents, options: IndicatorIndexOptions = {}) {
    const { places, ownPlace = ownPlaceOf(store), ...rest } = options;
    this.options = { minCoverage: 0.7, closeGap: 0.08, ...rest };
    this.docs = store.indicators.map(toDoc);
    // "增加到3382户" gives a level, not what was added.
    this.increment = new RegExp(`(${intents.incrementWords.join("|")})(?![到至])`);
    // Words are read against the whole report, also sentences without a figure: a topic it
    // mentions but does not quantify ("殡葬设施") is then a term no figure holds.
    const corpus = (this.corpus = new Corpus(
      lower([...this.docs.map((d) => d.all), ...store.mentions].join("\n")),
    ));
    const year = Number(store.source.date.slice(0, 4)) || undefined;
    this.parser = new QueryParser(intents, corpus, { places, year, ownPlace });
    this.ownPlace = ownPlace;
    this.wholeAreaReport = store.source.kind === "work-report";
    this.notPlaces = notPlacesOf(intents);
    this.places = [...(places ?? []), ...intents.places];
    this.unitFamilies = intents.unitFamilies;
    this.sides = new ContrastSides(intents.contrasts);
    this.frequency = new Set(intents.unitFamilies.times ?? []);
    // (Physical measures only: "总额", "比重" follow their topic's noun as its figure's name.)
    this.hintWords = Object.entries(intents.hintWords)
      .filter(([word, family]) => word.length > 1 && MEASURED_FAMILIES.has(family))
      .map(([word]) => word);
  }

  /**
   * Finds the figures that answer `question`, best first; when none does, the near topics too
   * (unless `nearTopics` is false: a caller that wants only an answer).
   */
  search(question: string, { nearTopics: near = true } = {}): SearchResult {
    // The question is read in full only when some figure may answer it or near topics are
    // wanted: most reports asked have none.
    const reading = this.parser.readTerms(question);
    const terms = reading.terms;
    const required = terms.filter((t) => !t.soft);
    if (required.length === 0) return this.nothingFor(reading, near);
    // The head noun of a Chinese question comes last and names what is counted.
    const head = terms.findLastIndex(
      (t) => !t.soft && !t.optional && !t.anchor && !MODAL.test(t.text),
    );
    // A number the question states ("那50场…") points at one sentence of the report.
    const boost = (t: QueryTerm, i: number) =>
      i === head ? HEAD_BOOST : t.number ? NUMBER_BOOST : 1;
    const weights = terms.map(
      (t, i) => this.weight(t) * boost(t, i) * this.absent(t, i, head, reading),
    );
    // Only figures that may reach the coverage threshold are scored in full; of the others, the
    // closest few are scored for near topics. Time then stays flat however many figures share
    // a common word.
    // What each term weighs in coverage where a figure lacks it (less for an added verb).
    const missed = terms.map((t, i) =>
      this.verbAdded(t, i, head, reading) ? weights[i]! * VERB_ADDED : weights[i]!,
    );
    const { likely, unlikely } = this.triage(terms, weights, missed);
    if (likely.length === 0 && !near) return this.nothingFor(reading, near);
    const query = this.parser.finish(reading);
    const score = (doc: Doc) => ({
      doc,
      ...this.scoreDoc(doc, terms, { weights, missed }, query, head),
    });
    const scored = likely.map(score).sort((a, b) => b.score - a.score);
    // (Only figures that were scored may be a whole whose part was asked.)
    const part = scored.length ? this.statedPart(query) : undefined;
    const matches = scored.filter(
      ({ doc, coverage }) =>
        coverage >= this.options.minCoverage &&
        this.fits(doc, query) &&
        !this.ofWholeWhenPartAsked(doc, part),
    );
    if (matches.length || !near) return { query, matches, suggestions: [] };
    // Near topics come from every figure, also those ruled out ("秋粮亩产" -> 夏粮单产).
    const closest = [...scored, ...unlikely.slice(0, NEAR_POOL).map(score)];
    return { query, matches, suggestions: nearTopics(closest.sort((a, b) => b.score - a.score)) };
  }

  /**
   * No figure may answer. A caller that wants near topics gets the question read in full (there
   * are none to offer here); one that wants only an answer, nothing more.
   */
  private nothingFor(reading: TermsReading, near: boolean): SearchResult {
    if (!near) return { query: undefined, matches: [], suggestions: [] };
    return { query: this.parser.finish(reading), matches: [], suggestions: [] };
  }

  /**
   * The figures holding at least one required term, split by an upper bound of their coverage
   * (a term counts when any form, or all its parts, stand anywhere in the figure's texts; an
   * anchor always counts): below the threshold they cannot answer. `unlikely` is closest first.
   */
  private triage(
    terms: QueryTerm[],
    weights: number[],
    missed: number[],
  ): { likely: Doc[]; unlikely: Doc[] } {
    const bound = new Map<Doc, number>();
    let needed = 0;
    let anchors = 0;
    terms.forEach((term, i) => {
      if (term.soft) return;
      // An upper bound: a figure without an added verb needs less ("scoreDoc").
      needed += missed[i]!;
      if (term.anchor || term.optional) {
        anchors += weights[i]!;
        return;
      }
      for (const doc of this.holders(term)) bound.set(doc, (bound.get(doc) ?? 0) + weights[i]!);
    });
    const likely: Doc[] = [];
    const unlikely: { doc: Doc; share: number }[] = [];
    for (const [doc, found] of bound) {
      const share = (found + anchors) / needed;
      if (share >= this.options.minCoverage) likely.push(doc);
      else unlikely.push({ doc, share });
    }
    unlikely.sort((a, b) => b.share - a.share);
    return { likely, unlikely: unlikely.map((u) => u.doc) };
  }

  /** Figures holding a term: one of its forms, or all of its parts. */
  private holders(term: QueryTerm): Set<Doc> {
    const found = new Set<Doc>();
    for (const form of term.forms) this.docsWith(form).forEach((d) => found.add(d));
    if (term.parts) {
      const [first, ...rest] = term.parts.map((p) => new Set(this.docsWith(p)));
      first?.forEach((d) => rest.every((r) => r.has(d)) && found.add(d));
    }
    return found;
  }

  /**
   * The part a question names by a number the report gives it ("乡村旅游那3个项目" for "…实施22个
   * 项目，其中，…乡村旅游项目3个"), with the question's words that name it; undefined if none.
   */
  private statedPart(query: ParsedQuery): { doc: Doc; words: string[] } | undefined {
    const words = query.terms.filter((t) => !t.soft && !t.anchor && !t.number);
    for (const term of query.terms) {
      const value = term.number ? parseFloat(term.text) : NaN;
      if (Number.isNaN(value)) continue;
      for (const doc of this.docs) {
        if (doc.indicator.value !== value || !this.isListedPart(doc)) continue;
        const naming = words.flatMap((t) => t.forms).filter((f) => doc.ownWords.includes(f));
        if (naming.length) return { doc, words: naming };
      }
    }
    // "22个产业帮扶项目里，乡村旅游那几个…": the part named after 里, with no number (its nouns:
    // a verb there, 新修, names no part).
    const subset = query.subset || (PROJECTS_OF.exec(query.asked)?.[1] ?? "");
    const subsetWords = words
      .filter((t) => !taggedWords(t.text).every((w) => /^v/.test(w.tag) && w.tag !== "vn"))
      .flatMap((t) => t.forms)
      .filter((f) => subset.includes(f));
    if (subsetWords.length === 0) return undefined;
    for (const doc of this.docs) {
      if (!this.isListedPart(doc)) continue;
      const naming = subsetWords.filter((f) => doc.ownWords.includes(f));
      if (naming.length) return { doc, words: naming };
    }
    return undefined;
  }

  /** "…22个项目，其中，…乡村旅游项目3个": a count given after 其中 under a larger one of its unit. */
  private isListedPart(doc: Doc): boolean {
    let listed = this.listedParts.get(doc);
    if (listed === undefined) this.listedParts.set(doc, (listed = this.listsAsPart(doc)));
    return listed;
  }

  private listsAsPart(doc: Doc): boolean {
    const { sentence, clause, unit, value } = doc.indicator;
    const at = sentence.indexOf(clause);
    const whereOf = sentence.lastIndexOf("其中", at);
    if (at < 0 || whereOf < 0) return false;
    return this.docs.some(
      (other) =>
        other.indicator.sentence === sentence &&
        other.indicator.unit === unit &&
        other.indicator.value > value &&
        sentence.indexOf(other.indicator.clause) < whereOf,
    );
  }

  /**
   * "比2020年增加2.8万亩，增幅8.9%": a rate of change with no subject of its own, right after a
   * figure in another unit, is that figure's measure changing. Returns that figure's base unit
   * (亩), or "" when the rate is not such.
   */
  private measureOf(doc: Doc): string {
    let measure = this.measures.get(doc);
    if (measure === undefined) this.measures.set(doc, (measure = this.findMeasure(doc)));
    return measure;
  }

  private findMeasure(doc: Doc): string {
    const { unit, clause, sentence } = doc.indicator;
    if (unit !== "%" || !BARE_CHANGE.test(clause)) return "";
    this.sentenceDocs ??= this.docsBySentence();
    const at = sentence.indexOf(clause);
    for (const other of this.sentenceDocs.get(sentence) ?? []) {
      const before = other.indicator.clause;
      const from = sentence.indexOf(before);
      if (
        other === doc ||
        from < 0 ||
        !/^[，,、\s]*$/.test(sentence.slice(from + before.length, at))
      ) {
        continue;
      }
      const base = baseUnit(other.indicator.unit);
      return isShare(base) ? "" : base;
    }
    return "";
  }

  /** A figure of the part's sentence that does not name the part answers for the whole. */
  private ofWholeWhenPartAsked(doc: Doc, part: { doc: Doc; words: string[] } | undefined): boolean {
    if (!part || doc === part.doc || doc.indicator.sentence !== part.doc.indicator.sentence) {
      return false;
    }
    return !part.words.some((w) => doc.own.includes(w) || doc.ownWords.includes(w));
  }

  /** The figure can answer the question at all: its unit, its kind of count, its side of a contrast. */
  private fits(doc: Doc, query: ParsedQuery): boolean {
    // "PM2.5日均值低于25微克的天数": a threshold the question states is not what it asks.
    if (statesThreshold(query.asked, doc.indicator.value)) return false;
    // "乡镇一级是100%我知道了": nor is a figure the asker says they know.
    if (query.knownValues.includes(doc.indicator.value)) return false;
    if (query.strictUnits && !doc.units.some((u) => query.units.has(u))) return false;
    if (query.asksTotal && this.isUnaskedIncrement(doc, query)) return false;
    if (this.measureElsewhere(doc, query)) return false;
    // "实际利用外资总共多少" is not answered by "利用外资…增长45%".
    if (query.asksTotal && doc.indicator.change && !query.changeWorded) return false;
    // "…合计多少": a part given after 其中 under a larger figure of its unit is not the total.
    if (query.asksTotal && this.isListedPart(doc)) return false;
    // "去年GDP总量达到多少" against "前三季度，前海GDP实现1543.4亿元": a work report speaks of
    // whole years; a figure it gives for part of one answers only a question naming that part.
    if (
      this.wholeAreaReport &&
      PART_YEAR_OPENING.test(doc.before + "，" + doc.own) &&
      !PART_YEAR_ASKED.test(query.asked)
    ) {
      return false;
    }
    // "新建了多少座公厕" against "515座新（改）建农村公厕使用情况排查整改": what was inspected is
    // not what was built.
    if (
      query.increments.length &&
      INSPECTED.test(doc.indicator.subject) &&
      !INSPECTED.test(query.asked) &&
      !query.asked.includes("改建") // "新（改）建公厕有多少座" names the figure's own words
    ) {
      return false;
    }
    // "新增高新技术企业多少家" against "高新技术企业达到1306家": a stock is not what was added.
    if (
      query.increments.length &&
      !this.increment.test(doc.indicator.phrase) &&
      STOCK.test(doc.indicator.phrase)
    ) {
      return false;
    }
    // "兰州新区经济总量": a figure of a zone inside the area answers only when the zone is asked.
    const zone = ZONE.exec(doc.indicator.subject)?.[0];
    if (zone && !query.asked.includes(zone.slice(0, 2))) return false;
    // "全市固定资产投资增长多少" against "自贸新城建设加快，…，全年完成固定资产投资370亿元": a
    // sentence that opens with a zone speaks of it, not of the whole area asked.
    const opening = WHOLE_AREA.test(query.asked)
      ? ZONE_OPENING.exec(doc.indicator.sentence)?.[0]
      : "";
    if (opening && !query.asked.includes(opening.slice(0, 2))) return false;
    // "泸州经济总量突破3000亿元" is one city's, not the province's: a figure named after a place
    // the question does not name answers for a part of the area.
    if (this.ofUnaskedPlace(doc, query)) return false;
    // "赣州的GDP增长了多少" against the province's growth: a figure whose sentence names no place
    // is the whole area's; it does not answer for a place the question names.
    // (A government work report speaks for its whole area; a district's progress report also
    // names its city and the places it helps without giving their figures apart.)
    const asked = this.wholeAreaReport ? this.placesAsked(query) : [];
    if (asked.length && this.namesNoPlace(doc)) return false;
    // "不是新增的那部分", "户数，不是人数": what the question rules out does not answer it.
    if (query.negatedWords.some((w) => lower(doc.indicator.phrase).includes(w))) return false;
    // "不算帮结对县的": nor does a figure under a heading that names it (a time is no topic).
    const heading = lower(doc.indicator.section.at(-1) ?? "");
    if (query.negatedWords.some((w) => !/\d|年/.test(w) && heading.includes(w))) return false;
    if (
      query.negatedUnits.has(baseUnit(doc.indicator.unit)) &&
      !query.units.has(baseUnit(doc.indicator.unit))
    )
      return false;
    // "某镇某村民宿正式运营11座": one place's figure answers only a question about a place.
    const placeAsked = query.terms.some((t) => t.anchor === "place");
    // "甲镇某村、乙镇某村…4个村": a count of a list of places is no one place's ("某镇某村" is one).
    const span = listSpan(doc.indicator.sentence, doc.indicator.clause);
    const listed = span.slice(0, span.lastIndexOf(doc.indicator.raw));
    const aList = listed.includes("、") && this.places.filter((p) => listed.includes(p)).length > 1;
    if (!placeAsked && !aList && this.places.some((p) => doc.indicator.subject.startsWith(p)))
      return false;
    // "总共有多少" asks what there is: a target is not a stock.
    if (query.asksTotal && doc.indicator.kind === "plan" && !query.kinds.has("plan")) return false;
    if (query.asksChange && !doc.indicator.change && doc.indicator.kind !== "change") return false;
    // "占多大比重" asks a share: a rate of change ("实现15%的高增长") does not answer it.
    const gapAsked =
      query.units.has("个百分点") || GAP_ASKED.test(query.asked.replace(/比重|比例|占比/g, ""));
    if (SHARE_ASKED.test(query.asked) && !query.asksChange && !gapAsked && doc.indicator.change) {
      return false;
    }
    // The start of "由A增长到B" answers only a question about then ("原来", its year).
    const yearAsked = query.terms.some((t) => t.anchor === "year");
    // A year asked picks the start only when the report writes that year at it ("由2010年的…").
    const { earlier, year: since } = doc.indicator;
    const startAsked = yearAsked && since !== undefined && doc.own.includes(`${since}年`);
    if (earlier && !startAsked && !query.asksEarlier) return false;
    // Asked what is done now ("目前", "实际") and nothing of plans: a target does not answer;
    // asked a target ("目标", "任务"): what was done does not answer.
    const { kind } = doc.indicator;
    if (query.kinds.has("actual") && !query.kinds.has("plan") && kind === "plan") return false;
    if (query.asksTarget && kind === "actual") return false;
    // A change the sentence sets no aim for ("…实现“开门红”，…增长40.1%") was achieved; a target
    // of a level ("总产量的目标") is no change ("增产1.75万吨").
    if (query.asksTarget && kind === "change") {
      if (!query.asksChange || !AIMED.test(doc.indicator.sentence)) return false;
    }
    // "十四五期间…": a figure of another five-year plan's period does not answer.
    const plan = FIVE_YEAR.exec(query.asked)?.[0];
    const { period, section } = doc.indicator;
    // "较“十三五”末增加…" names the period compared with, not the figure's own.
    const sentence = doc.indicator.sentence.replace(COMPARED_PLAN, "");
    if (plan && FIVE_YEAR.test(period + sentence) && !(period + sentence).includes(plan))
      return false;
    if (query.asksChange && this.spansYears(doc, query)) return false;
    if (plan && !(period + sentence + section.join("")).includes(plan) && doc.indicator.span) {
      return false;
    }
    // "十二五期间…累计多少" asks a total over the period: a year's figure ("2015年…", "…同比增长")
    // is not that.
    // A year outside the plan period asked (a 2016 target for "十二五期间") is not of it.
    const { year } = doc.indicator;
    const first = plan ? PLAN_START[plan] : undefined;
    if (first && year !== undefined && !doc.indicator.span && (year < first || year > first + 4)) {
      return false;
    }
    const oneYear = YEAR.test(doc.own) || ONE_YEAR.test(doc.sentence);
    if (plan && SPAN_ASKED.test(query.asked) && !doc.indicator.span && oneYear) {
      return false;
    }
    // "面积是多少" hints an area: a share (129%) answers only questions about rates or changes.
    const share = isShare(doc.indicator.unit);
    const rateAsked =
      query.units.has("%") ||
      query.units.has("个百分点") ||
      query.kinds.has("rate") ||
      query.asksChange;
    if (share && query.units.size > 0 && !rateAsked) return false;
    if (query.asksMagnitude && magnitudeOf(doc.indicator.unit) === 1) return false;
    // "公厕有多少" against "开展3轮…515座公厕…排查": how often something was done answers only a
    // question about how often (几次, 多少轮, 次数).
    if (this.frequency.has(doc.indicator.unit) && !FREQUENCY_ASKED.test(query.asked)) return false;
    if (query.asksPerPerson && /^(万亿|亿)/.test(doc.indicator.unit)) return false;
    // "平均每人补贴了多少钱" is not answered by "全额补贴资金1744.3万元": a sum for all.
    const money = this.unitFamilies.money?.includes(doc.indicator.unit) ?? false;
    if (query.asksPerPerson && money && !PER_HEAD.test(doc.indicator.sentence)) return false;
    // "地区生产总值是多少" asks the whole area's output, not 人均地区生产总值.
    const perHead = doc.ownWords.includes("人均") || doc.composedName.includes("人均");
    if (perHead && !query.asksPerPerson && asksOutput(query)) return false;
    // "比上年增长多少" is not answered by "比2015年增长17%": a change over five years.
    const base = /比(\d{4})年/.exec(doc.indicator.phrase)?.[1];
    const { year: of } = doc.indicator;
    if (base && of !== undefined && Number(base) < of - 1 && ONE_YEAR.test(query.asked)) {
      return false;
    }
    // "2900多户零就业家庭实现每户1人以上就业": a figure per household answers only a question
    // asked per one, not "多少人就业".
    if (doc.perOne && !PER_ONE_ASKED.test(query.asked)) return false;
    // "今年夏粮一共能打多少粮食" asks the harvest: a yield per mu answers only a question per mu.
    if (doc.indicator.unit.endsWith("/亩") && !PER_MU_ASKED.test(query.asked)) return false;
    // "外贸出口额" is not answered by "外贸进出口总额": exports (or imports) are a part of trade.
    const trade = query.asked.replace(/进出口/g, "");
    // ("import and export" names both: the whole.)
    const partOfTrade = /(?<!进)出口/.test(trade) !== /进口/.test(trade);
    if (partOfTrade && doc.ownWords.includes("进出口")) return false;
    // Nor is "外贸进出口总额" answered by "外贸出口总额83.2亿美元": exports are a part of it.
    const own = doc.ownWords.replace(/进出口/g, "");
    const ownPart = /(?<!进)出口/.test(own) !== /进口/.test(own);
    if (query.asked.includes("进出口") && !doc.ownWords.includes("进出口") && ownPart) return false;
    // "重点服务业增加值606.97亿元" counts a part of what "服务业增加值" asks: 重点 narrows it.
    const narrowed = /重点(\p{Script=Han}{2,})/u.exec(doc.indicator.subject)?.[1];
    const asksNarrowed = (t: QueryTerm) => t.forms.some((f) => narrowed?.startsWith(f));
    if (narrowed && !query.asked.includes("重点") && query.terms.some(asksNarrowed)) return false;
    if (this.asksListedMember(doc, query)) return false;
    // "每平方公里土地GDP产出18.68亿元" is output per area: it answers only a question about it.
    if (PER_AREA.test(doc.indicator.name) && !PER_AREA.test(query.asked)) return false;
    // "一年多少钱" is not answered by 元/月, "每个月多少钱" not by 元/年.
    // ("提高到每月1340元和820元": the last 每月 or 每年 before the number says it too.)
    const { clause, raw } = doc.indicator;
    const per =
      doc.indicator.unit.split("/")[1] ??
      /每(月|年)(?!.*每[月年])/.exec(clause.slice(0, clause.lastIndexOf(raw)))?.[1];
    if (per === "月" && PER_YEAR.test(query.asked) && !PER_MONTH.test(query.asked)) return false;
    if (per === "年" && PER_MONTH.test(query.asked) && !PER_YEAR.test(query.asked)) return false;
    // "快于经济增速1个百分点" is a gap to the growth, not the growth: it answers only a question
    // about a gap or a comparison.
    if (GAP.test(doc.indicator.phrase) && !GAP_ASKED.test(query.asked)) return false;
    // "优良率…分别是计划目标值的…114%" measures against a target: it answers only a question
    // naming that base ("完成目标的百分之几").
    const ratioBase = RATIO_TO.exec(doc.indicator.phrase)?.[1];
    if (ratioBase && isShare(doc.indicator.unit) && !query.asked.includes(ratioBase)) return false;
    // "积分超市建了几个" is not answered by "300余名村民": 几个 of a thing is no count of people.
    if (query.countOnly && PERSONS.test(doc.indicator.unit) && !this.asksPeople(query))
      return false;
    // "新成立的企业有几家" is not answered by "扶持资金2.26亿元": a count is no measured amount
    // (unless the count word carries a measure: "投了几个亿", "增长几个点").
    if (query.countOnly && MEASURES.test(doc.indicator.unit) && !COUNTED_MEASURE.test(query.asked))
      return false;
    return (
      !contradicts(doc, query, this.sides) &&
      !this.otherModifier(doc, query) &&
      !this.misMeasured(doc, query)
    );
  }

  /**
   * "…、农民人均纯收入等六项主要经济指标全部位列全市第一": a count right after 等 counts the things
   * listed before it, as what follows it (主要经济指标). A question that names neither that nor
   * the count's unit (几项) asks something else: one of the things listed, say.
   */
  private asksListedMember(doc: Doc, query: ParsedQuery): boolean {
    const { sentence, raw, unit } = doc.indicator;
    const mark = `等${raw}${unit}`;
    const at = sentence.indexOf(mark);
    if (at < 0 || query.asked.includes(unit)) return false;
    const countedAs = sentence.slice(at + mark.length).split(/[，。；;]/)[0] ?? "";
    return !query.terms.some(
      (t) => !t.soft && !t.anchor && t.forms.some((f) => countedAs.includes(f)),
    );
  }

  /**
   * Asked of the whole area ("全省经济总量"), the figure's subject starts with a place (jieba's
   * "ns": "泸州", "成都平原") that is neither the report's own nor named in the question.
   */
  private ofUnaskedPlace(doc: Doc, query: ParsedQuery): boolean {
    if (!WHOLE_AREA.test(query.asked)) return false;
    const first = taggedWords(doc.indicator.subject)[0];
    // (jieba reads some places as a person's name: "张家界" nr. A report names no person before a
    // figure's subject.)
    const place = first?.tag === "ns" || (first?.tag === "nr" && first.word.length === 3);
    if (!first || !place || first.word.length < 2) return false;
    const stem = stemOf(first.word);
    return !this.isOwnPlace(stem) && !query.asked.includes(stem);
  }

  /** "四川" of a report by 四川省人民政府: the report's own place, of any level. */
  private isOwnPlace(stem: string): boolean {
    return this.ownPlace.some((own) => own.startsWith(stem) || stem.startsWith(own));
  }

  /** Places the question names (jieba's "ns"), other than the report's own (cached). */
  private placesAsked(query: ParsedQuery): string[] {
    let places = this.askedPlaces.get(query);
    if (!places) {
      places = taggedWords(query.asked)
        .filter((w) => this.isPlace(w))
        .map((w) => stemOf(w.word))
        .filter((p) => !this.isOwnPlace(p));
      this.askedPlaces.set(query, places);
    }
    return places;
  }

  /**
   * A place word (jieba's "ns"), not one of jieba's slips ("二本线", "城镇" are no places): written
   * with its level, or so written somewhere in the report as one word ("赣州" for 赣州市; but
   * "城镇市场" holds no 城镇市).
   */
  private isPlace({ word, tag }: { word: string; tag: string }): boolean {
    // jieba tags some cities as plain nouns ("大同市/n"): a name of two or three characters
    // with the level of a city or county is a place ("城市", "超市" are too short to be one).
    if (tag !== "ns" && CITY.test(word) && !NOT_CITY.test(word)) return true;
    if (tag !== "ns" || word.length < 2 || this.notPlaces.has(word)) return false;
    const placeWord = (text: string) => {
      const cut = taggedWords(text);
      return cut.length === 1 && cut[0]!.tag === "ns";
    };
    return (
      (word.length >= 3 && ADMIN_SUFFIX.test(word)) ||
      ["省", "市", "州", "县", "区"].some(
        (level) => this.corpus.has(word + level) && placeWord(word + level),
      )
    );
  }

  /** The figure's sentence names no place but the report's own (cached). */
  private namesNoPlace(doc: Doc): boolean {
    let none = this.placeless.get(doc);
    if (none === undefined) {
      none = !taggedWords(doc.indicator.sentence).some(
        (w) => this.isPlace(w) && !this.isOwnPlace(stemOf(w.word)),
      );
      this.placeless.set(doc, none);
    }
    return none;
  }

  /** The question names people ("村干部", "技术人员…到位几个", "农民"). */
  private asksPeople(query: ParsedQuery): boolean {
    const named = query.terms.filter((t) => !t.anchor && !t.number);
    return named.length === 0 || query.asked.includes("人") || named.some(namesPeople);
  }

  /** "大枣产量" is never in 亩 or 元, "面积" never in 吨: the head's own measure rules them out. */
  private misMeasured(doc: Doc, query: ParsedQuery): boolean {
    const head = headTermOf(query);
    if (!head) return false;
    const unit = baseUnit(doc.indicator.unit);
    // "产量增长百分之几": a change or rate of the measure is in percent.
    const share = isShare(unit);
    // "夏粮面积增长百分之几" against "总产…增产1.75万吨，增幅13.26%": the rate of another measure.
    const measure = share ? this.measureOf(doc) : "";
    if (measure && this.measuredElse(measure, query)) return true;
    if (share && (query.asksChange || query.kinds.has("rate") || query.units.has(unit))) {
      return false;
    }
    const inFamily = (family: string) => this.inFamily(unit, family);
    // As typed: "低收入人口" is people, though its group holds 低收入.
    // "经济总量超过500亿的县有几个" counts places: the measure only qualifies them.
    // "违法建筑的面积有多大": the measure may follow the head, softly.
    const measured = (t: QueryTerm) => MEASURED_ONLY_IN.find(([word]) => word.test(t.text));
    const after = query.terms.slice(query.terms.indexOf(head) + 1).filter((t) => t.soft);
    const only =
      !query.countOnly && (measured(head) ?? after.map(measured).find((m) => m !== undefined));
    // "GDP做到多少了" asks the amount; its growth answers only when a change, rate or target is
    // asked ("GDP目标" is a growth rate).
    const levelAsked =
      !query.asksChange && !query.asksTarget && query.kinds.size === 0 && query.units.size === 0;
    if (levelAsked && OUTPUT.test(head.text) && !this.unitFamilies.money?.includes(unit)) {
      return true;
    }
    // "综合指数是多少" is not answered by "下降5.96%": a change answers only a change asked.
    if (levelAsked && !query.changeWorded && share && doc.indicator.change) return true;
    if (only) return !doc.units.some((u) => only[1].some((f) => this.unitFamilies[f]?.includes(u)));
    // ("户籍人口有多少": the measure word after the head says what is counted, softly.)
    const names = (word: RegExp) => [head, ...after].some((t) => t.forms.some((f) => word.test(f)));
    const rule = NOT_MEASURED_IN.find(([word]) => names(word));
    return rule ? rule[1].some(inFamily) : false;
  }

  /**
   * "高标准农田全年计划建设的规模是多少" against "计划新建…项目4个，建设规模1.43万亩": a measure the
   * question names (规模, 面积, 金额) that a figure of the sentence in another unit has in its own
   * words, and this one not, is that figure's.
   */
  private measureElsewhere(doc: Doc, query: ParsedQuery): boolean {
    const measures = query.terms
      .filter((t) => t.soft && t.forms.some((f) => MEASURE_WORD.test(f)))
      .flatMap((t) => t.forms);
    if (measures.length === 0 || measures.some((f) => doc.ownWords.includes(f))) return false;
    // Measured in the word's own family (面积 in 亩, 总额 in 元) the figure is that measure; a
    // change of it may be in percent.
    const unitOf = (family: string) => this.unitFamilies[family]?.includes(doc.indicator.unit);
    if (measures.some((f) => MEASURE_FAMILIES[f]?.some(unitOf))) return false;
    if (query.asksChange && isShare(doc.indicator.unit)) return false;
    this.sentenceDocs ??= this.docsBySentence();
    const unit = baseUnit(doc.indicator.unit);
    return (this.sentenceDocs.get(doc.indicator.sentence) ?? []).some(
      (other) =>
        baseUnit(other.indicator.unit) !== unit && measures.some((f) => other.ownWords.includes(f)),
    );
  }

  private docsBySentence(): Map<string, Doc[]> {
    const bySentence = new Map<string, Doc[]>();
    for (const d of this.docs) {
      const list = bySentence.get(d.indicator.sentence);
      if (list) list.push(d);
      else bySentence.set(d.indicator.sentence, [d]);
    }
    return bySentence;
  }

  /** `unit` (a base unit such as 亩, or as written) is one of the family's units. */
  private inFamily(unit: string, family: string): boolean {
    return this.unitFamilies[family]?.some((u) => baseUnit(u) === unit || u === unit) ?? false;
  }

  /** A measure the question names (产量, 面积, 单产) is not counted in `unit`. */
  private measuredElse(unit: string, query: ParsedQuery): boolean {
    const inFamily = (family: string) => this.inFamily(unit, family);
    const names = (word: RegExp) =>
      query.terms.some((t) => !t.anchor && t.forms.some((f) => word.test(f)));
    return (
      NOT_MEASURED_IN.some(([word, families]) => names(word) && families.some(inFamily)) ||
      CHANGE_MEASURED_ONLY_IN.some(([word, families]) => names(word) && !families.some(inFamily))
    );
  }

  /**
   * "大枣产量" against "果品产量达9.86万吨": the figure's own words put another noun where the
   * question names its own before a measure (产量, 产值, 面积 …). It measures something else
   * (the group, not the part).
   */
  private otherModifier(doc: Doc, query: ParsedQuery): boolean {
    const { terms } = query;
    const h = terms.findLastIndex((t) => !t.soft);
    const head = terms[h];
    const modifier = terms[h - 1];
    if (!head || !modifier || modifier.soft || modifier.anchor || modifier.number) return false;
    if (!head.forms.some((f) => MEASURED.test(f))) return false;
    if (!query.normalised.includes(modifier.text + head.text) || !isNoun(modifier.text))
      return false;
    const own = doc.ownWords;
    if (modifier.forms.some((f) => own.includes(f) || doc.composedName.includes(f))) return false;
    return head.forms.some((form) => {
      // "文化创意产业实现增加值182亿元": a verb of achieving stands between the noun and the head.
      const at = own.indexOf(form);
      const lead = own.slice(0, Math.max(0, at)).replace(ACHIEVED_BEFORE, "");
      if (at < 2 || lead.length < 2) return false;
      const before = taggedWords(lead.slice(-4)).at(-1);
      return (
        before !== undefined &&
        before.word.length >= 2 &&
        (NOUN.test(before.tag) || before.tag === "vn")
      );
    });
  }

  /**
   * "去年…增长多少" against "比2010年增加10525元": a change over several years is not the year's
   * change, unless the question names the year compared with.
   */
  private spansYears(doc: Doc, query: ParsedQuery): boolean {
    if (COMPARED_ASKED.test(query.asked)) return false;
    const since = Number(/[比较](\d{4})年/.exec(doc.own)?.[1]);
    const asked = query.terms.map((t) => (t.anchor ? /^(\d{4})年$/.exec(t.forms.at(-1)!) : null));
    const year = Number(asked.find(Boolean)?.[1]) || doc.indicator.year;
    return Boolean(since && year && since < year - 1);
  }

  /** A figure that counts what was added ("新增…") while the question asks for a total. */
  private isUnaskedIncrement(doc: Doc, query: ParsedQuery): boolean {
    if (query.increments.length) return false;
    const added = this.increment.exec(doc.indicator.phrase)?.[1];
    if (!added) return false;
    // "新选出来的村干部…一共有多少名": the total of what the question itself calls new.
    return !query.terms.some((t) => !t.soft && t.forms.some((f) => f.includes(added)));
  }

  /**
   * The places a figure covers besides those the question names, when the question names a
   * place: "乙县捐了多少" against "向甲县、乙县捐赠…" is asked a part of a joint figure.
   */
  otherPlaces(indicator: Indicator, query: ParsedQuery): string[] {
    // Read by their level too, as the segmenter cuts many a township's name apart: "丙河镇新建
    // 民宿多少户" against "开展丙河镇、丁岭镇…创建，…完成新建民宿31户".
    // ("甲镇、乙镇两个示范镇投入的资金里，其中甲镇投了多少": the part names the place asked.)
    const askedText = query.subset || query.asked;
    const listed = this.placesListedBefore(indicator);
    const namedOfList = listed.filter((p) => askedText.includes(stemOfListed(p)));
    if (namedOfList.length === 1) return listed.filter((p) => p !== namedOfList[0]);
    const asked = query.terms
      .filter((t) => t.anchor === "place" && (!query.subset || query.subset.includes(t.text)))
      .map((t) => t.text);
    if (!asked.length) return [];
    const clause = listSpan(indicator.sentence, indicator.clause);
    // Places of the same level only: "某某镇某某村" is one village of a township, not two places.
    const level = (place: string) => /(街道|自治县|县|区|市|镇|乡|村)$/.exec(place)?.[1] ?? "";
    const levels = new Set(asked.map(level));
    // "甲乙两县" names 甲县 and 乙县 too.
    const named = (p: string) => askedText.includes(p.slice(0, p.length - level(p).length) || p);
    return this.places.filter(
      (p) =>
        clause.includes(p) &&
        levels.has(level(p)) &&
        !named(p) &&
        !asked.some((a) => a.includes(p) || p.includes(a)),
    );
  }

  /**
   * The places of a 、-list written with their level ("甲县、乙县") in the figure's sentence up to
   * it; none when the sentence gives each its own figure (分别). Cached.
   */
  private placesListedBefore(indicator: Indicator): string[] {
    let listed = this.listedPlaces.get(indicator);
    if (!listed) {
      const { sentence, clause } = indicator;
      const upTo = sentence.slice(0, sentence.indexOf(clause) + clause.length);
      listed = sentence.includes("分别")
        ? []
        : [...upTo.matchAll(PLACE_LIST)].flatMap((m) => m[0].split("、"));
      // "…，东山县新建学校3所": a clause naming one of them outside the list is that one's.
      const own = clause.replace(PLACE_LIST, "");
      if (listed.some((p) => own.includes(stemOfListed(p)))) listed = [];
      this.listedPlaces.set(indicator, listed);
    }
    return listed;
  }

  /**
   * A figure that competes with the best one: it fits too, and the two name different sides of a
   * contrast the question names neither of ("生猪多少头": 存栏 or 出栏?). Then the bot asks.
   */
  rival(matches: Scored[], query: ParsedQuery): Indicator | undefined {
    const [best, ...rest] = matches;
    if (!best) return undefined;
    // "全年完成固定资产投资480亿元以上" (one zone's) and "全年固定资产投资约7000亿元": two figures
    // the question cannot tell apart at all; which comes first in the report decides nothing.
    const twin = rest.find(
      (m) =>
        best.score - m.score < TWIN_GAP &&
        m.coverage >= best.coverage &&
        m.indicator.name === best.indicator.name &&
        m.indicator.unit === best.indicator.unit &&
        m.indicator.value !== best.indicator.value &&
        !m.indicator.earlier &&
        !best.indicator.earlier &&
        !best.indicator.related.includes(m.indicator.id),
    );
    if (twin) return twin.indicator;
    const sideOf = (i: Indicator, set: string[]) => {
      const own = lower(`${i.subject}|${i.phrase}`);
      const sides = set.filter((w) => own.includes(w));
      return sides.length === 1 ? sides[0] : undefined;
    };
    for (const set of query.unnamed) {
      const side = sideOf(best.indicator, set);
      if (!side) continue;
      const other = rest.find(
        (m) =>
          best.score - m.score <= RIVAL_GAP &&
          m.coverage >= best.coverage &&
          !best.indicator.related.includes(m.indicator.id) &&
          sideOf(m.indicator, set) !== undefined &&
          sideOf(m.indicator, set) !== side,
      );
      if (other) return other.indicator;
    }
    return undefined;
  }

  /**
   * The other parts a total covers, when the question asks one part: "养殖业理赔多少" against
   * "…种植业…；养殖业…，共向承保农户理赔3785.6万元" (its own words name no part, its sentence
   * names both).
   */
  otherParts(indicator: Indicator, query: ParsedQuery): string[] {
    // Its own words; a rate's name too ("生猪出栏年度任务完成率" is the rate of 出栏), while an
    // amount's name may hold a neighbour's subject ("特困供养2598人发放补贴…" for all three groups).
    const named = indicator.kind === "rate" ? `${indicator.name}|` : "";
    const own = lower(`${named}${indicator.subject}|${indicator.phrase}`);
    const sentence = lower(indicator.sentence);
    for (const { named, others } of query.contrasts) {
      if (named.length !== 1) continue;
      // "低保、低收入、特困补贴8134.68万元" for "光低保…": its own words name several parts.
      const asked = named[0]!;
      const listed = (w: string) =>
        [`${asked}、${w}`, `${w}、${asked}`, `${asked}和${w}`, `${w}和${asked}`].some((l) =>
          own.includes(l),
        );
      const ownOthers = others.filter(listed);
      if (ownOthers.length) return ownOthers;
      if ([...named, ...others].some((w) => own.includes(w))) continue;
      const inSentence = others.filter((w) => sentence.includes(w));
      if (!inSentence.length || !sentence.includes(asked)) continue;
      if (this.listGoesOn(indicator, asked, others)) continue;
      return inSentence;
    }
    return [];
  }

  /**
   * "完成更新机井5眼，新建涵洞2座，田间道路3.9公里": a clause of a thing and its figure alone
   * goes on with the side named last before it, unless it sums up (共, 合计, 累计).
   */
  private listGoesOn(indicator: Indicator, asked: string, others: string[]): boolean {
    const clause = lower(indicator.clause);
    const sides = [asked, ...others];
    const endsWithFigure = clause.trimEnd().endsWith(lower(`${indicator.raw}${indicator.unit}`));
    if (!endsWithFigure || sides.some((w) => clause.includes(w)) || SUMS_UP.test(clause)) {
      return false;
    }
    const sentence = lower(indicator.sentence);
    const before = sentence.slice(0, Math.max(0, sentence.indexOf(clause)));
    return before.lastIndexOf(asked) > Math.max(...others.map((w) => before.lastIndexOf(w)));
  }

  /**
   * "选派61位专业技术人才…。目前已有31名到岗到位" asked "…专业技术人才，目前已经到岗的有多少名":
   * when the best figure's sentence lacks a word of the question's last clause (the one that
   * asks), a figure scored nearly as high that holds the whole question, that word in its own
   * name, answers instead. `skip` leaves out figures the question states.
   */
  holdingAskingClause(
    matches: Scored[],
    best: Scored,
    query: ParsedQuery,
    skip: (i: Indicator) => boolean,
  ): Scored | undefined {
    const clauses = query.normalised.split("|").filter(Boolean);
    if (clauses.length < 2) return undefined;
    const asking = clauses.at(-1)!;
    const sentence = lower(best.indicator.sentence);
    const lacking = query.terms.filter(
      (t) =>
        !t.soft &&
        !t.anchor &&
        t.forms.some((f) => asking.includes(f)) &&
        !t.forms.some((f) => sentence.includes(f)),
    );
    if (lacking.length === 0) return undefined;
    return matches.find(
      (m) =>
        m !== best &&
        !skip(m.indicator) &&
        best.score - m.score <= this.options.closeGap &&
        m.coverage >= 0.99 &&
        lacking.every((t) => t.forms.some((f) => lower(m.indicator.name).includes(f))),
    );
  }

  /** Matches whose score is within the close gap of the best one and whose figure differs. */
  closeAlternatives(matches: Scored[]): Scored[] {
    const best = matches[0];
    if (!best) return [];
    return matches
      .slice(1)
      .filter((m) => best.score - m.score <= this.options.closeGap)
      .filter((m) => !best.indicator.related.includes(m.indicator.id))
      .filter(
        (m) =>
          m.indicator.value !== best.indicator.value || m.indicator.unit !== best.indicator.unit,
      )
      .slice(0, 3);
  }

  /** Less weight for a modifier the whole report never says; the head noun keeps its weight. */
  private absent(term: QueryTerm, i: number, head: number, query: TermsReading): number {
    if (term.soft || term.anchor) return 1;
    // "多少对夫妻": what the unit asked for counts (夫妻 in 对), though the report never says it.
    if (i === head) return query.hints.strictUnits && !this.sayAnywhere(term) ? ABSENT : 1;
    // A place, a code or a level ("宁夏", "pm10", "科级") picks one of several alike.
    if (term.tag === "ns" || term.tag === "code" || /级$/.test(term.text)) return 1;
    return this.sayAnywhere(term) ? 1 : ABSENT;
  }

  /**
   * A verb besides the head that says how the thing asked came about (`describesHow`), one the
   * report says elsewhere (one it never says weighs half already, see `absent`).
   */
  private verbAdded(term: QueryTerm, i: number, head: number, query: TermsReading): boolean {
    return (
      i !== head &&
      !term.anchor &&
      !term.number &&
      describesHow(term.text, query.asked) &&
      this.sayAnywhere(term)
    );
  }

  /** The report says one of the term's forms somewhere. */
  private sayAnywhere(term: QueryTerm): boolean {
    return term.forms.some((f) => this.corpus.has(f));
  }

  /** Inverse document frequency of a term's forms. */
  private weight(term: QueryTerm): number {
    const key = term.forms.join("|");
    let weight = this.weights.get(key);
    if (weight === undefined) {
      const df = new Set(term.forms.flatMap((f) => this.docsWith(f))).size;
      weight = Math.log(1 + this.docs.length / Math.max(df, 1));
      if (this.weights.size < MAX_CACHED_WORDS) this.weights.set(key, weight);
    }
    return weight;
  }

  /** Figures whose texts hold `text` (cached: people ask about the same words). */
  private docsWith(text: string): Doc[] {
    let found = this.holding.get(text);
    if (!found) {
      found = this.docs.filter((d) => d.all.includes(text));
      if (this.holding.size < MAX_CACHED_WORDS) this.holding.set(text, found);
    }
    return found;
  }

  private scoreDoc(
    doc: Doc,
    terms: QueryTerm[],
    { weights, missed }: { weights: number[]; missed: number[] },
    query: ParsedQuery,
    head: number,
  ): Scored {
    let found = 0;
    let needed = 0;
    let total = 0;
    let anchored = true;
    let headOutside = false;
    let headElsewhere = false;
    let headAfter = false;
    terms.forEach((term, i) => {
      const w = weights[i]!;
      const credit =
        termCredit(doc, term, query.asked) ||
        this.listedPlaceCredit(doc, term) ||
        this.unitSays(doc, term);
      if (term.anchor && credit === 0) anchored = false;
      // "PM10", "5G": a code names one thing; a figure without it is of another.
      if (credit === 0 && namesOneThing(term)) anchored = false;
      // What the question counts (its last noun) only in a neighbouring clause: another figure's.
      if (
        i === head &&
        !term.anchor &&
        credit > 0 &&
        credit < CLAUSE &&
        !this.measuredApart(doc, terms, head, query)
      ) {
        headOutside = true;
        headElsewhere = this.wholeAreaReport && ownedElsewhere(doc, term);
        headAfter = this.wholeAreaReport && onlyAfter(doc, term);
      }
      if (!term.soft && !(term.optional && credit === 0)) {
        needed += credit === 0 ? missed[i]! : w;
        if (credit > 0) found += w;
      }
      total += w * credit;
    });
    // A township or a year the question names must be the figure's own: no partial credit.
    // A part asked of a whole ("图斑里头，搞产业用的") needs every word of the part in the
    // figure's own clause: the whole's figure does not answer for one of its parts.
    const partFits = subsetFits(doc, terms, query.subset) && !headElsewhere;
    const coverage =
      needed && anchored && partFits
        ? (found / needed) * (headOutside ? HEAD_OUTSIDE : 1) * (headAfter ? HEAD_AFTER : 1)
        : 0;
    const score =
      (needed ? total / needed : 0) +
      unitFit(doc, query) +
      kindFit(doc.indicator, query) -
      timeFit(doc.indicator, query) -
      partOnly(doc, query) +
      (query.increments.length && this.increment.test(doc.own) ? ADDED_FIT : 0) -
      (this.isRoundMark(doc) && !MARK_ASKED.test(query.asked) ? ROUND_MARK : 0) -
      (doc.quoted && !query.units.has(baseUnit(doc.indicator.unit)) ? QUOTED_NAME : 0) -
      doc.order * 1e-5;
    return { indicator: doc.indicator, coverage, score };
  }

  /**
   * A place asked that a 、-list names earlier in the figure's sentence: "开展甲镇、乙镇2个示范镇
   * 创建，已投入资金6570万元，完成新建民宿29户" is of both towns, though its own clause names
   * neither (as `otherPlaces` reads it when one of them is asked).
   */
  private listedPlaceCredit(doc: Doc, term: QueryTerm): number {
    if (term.anchor !== "place") return 0;
    const listed = this.placesListedBefore(doc.indicator);
    const holds = (p: string) => term.forms.some((f) => f.includes(stemOfListed(p)));
    if (!listed.some(holds)) return 0;
    return STRONG;
  }

  /**
   * A soft word naming a measure that the figure's unit says ("面积" of 1.8万亩, "金额" of 万元):
   * the figure says it as well as one that writes the word.
   */
  private unitSays(doc: Doc, term: QueryTerm): number {
    if (!term.soft) return 0;
    // (Not 总额: that also says the figure is a total, which only its words can.)
    for (const form of term.forms) {
      const families = form === "总额" ? undefined : MEASURE_FAMILIES[form];
      for (const family of families ?? []) {
        if (this.unitFamilies[family]?.includes(doc.indicator.unit)) return CLAUSE;
      }
    }
    return 0;
  }

  /**
   * "地铁线路总长度": a measure named after the last noun is what is counted, the noun only says
   * of what; the figure in that measure may stand a clause away from it ("已开通地铁线路增至8条，
   * 总里程45.2公里"). (Unless a figure of its sentence in that measure holds the noun in its own
   * clause.)
   */
  private measuredApart(doc: Doc, terms: QueryTerm[], head: number, query: ParsedQuery): boolean {
    if (!inMeasure(doc, query) || !this.measuredAfter(terms, head)) return false;
    this.sentenceDocs ??= this.docsBySentence();
    const others = this.sentenceDocs.get(doc.indicator.sentence) ?? [];
    const headTerm = terms[head]!;
    return !others.some(
      (o) => o !== doc && inMeasure(o, query) && termCredit(o, headTerm, query.asked) >= CLAUSE,
    );
  }

  /** A soft word naming a measure ("总长度", "面积") stands after the question's last noun. */
  private measuredAfter(terms: QueryTerm[], head: number): boolean {
    return terms
      .slice(head + 1)
      .some((t) => t.soft && this.hintWords.some((w) => t.text.includes(w)));
  }

  /**
   * "迈上6万亿元台阶，达到62661亿元", "突破4000亿元，达到4211亿元": a round mark passed, where
   * its sentence goes on to give the figure itself in the same unit (cached).
   */
  private isRoundMark(doc: Doc): boolean {
    let mark = this.roundMarks.get(doc);
    if (mark === undefined) {
      const { phrase, raw, unit, sentence } = doc.indicator;
      const at = phrase.indexOf(raw);
      const passed =
        at >= 0 && (PASSED.test(phrase.slice(0, at)) || MARK.test(phrase.slice(at + raw.length)));
      // "经济总量突破3万亿元" and, elsewhere in the report, "地区生产总值达到33757.93亿元": a
      // round number passed is a mark wherever the report gives a figure just above it.
      const digits = /^(\d+)[万亿]*$/.exec(raw)?.[1];
      // (Or a round number in words: "双双突破千家".)
      const round =
        (digits !== undefined && digits.replace(/0+$/, "").length <= 2) ||
        /^[一二两三四五六七八九]?[十百千万亿]+$/.test(raw);
      const amount = (i: Indicator) => i.value * magnitudeOf(i.unit);
      const level = amount(doc.indicator);
      mark =
        passed &&
        ((round &&
          this.docs.some(
            (other) =>
              baseUnit(other.indicator.unit) === baseUnit(unit) &&
              amount(other.indicator) > level &&
              amount(other.indicator) < 2 * level &&
              !PASSED.test(other.indicator.phrase),
          )) ||
          this.docs.some(
            (other) =>
              other !== doc &&
              other.indicator.sentence === sentence &&
              baseUnit(other.indicator.unit) === baseUnit(unit) &&
              !PASSED.test(other.indicator.phrase) &&
              // The figure goes on with the mark's subject ("…，达到62661亿元").
              (other.indicator.name === doc.indicator.name ||
                other.indicator.subject.replace(REACHED, "") === ""),
          ));
      this.roundMarks.set(doc, mark);
    }
    return mark;
  }
}

const NOUN = /^n[a-z]?$/;
/** Heads that measure the noun before them ("果品产量", "渔业产值"): that noun says what is counted. */
const MEASURED = /(产量|总产|单产|产值|面积|收入|总额|销售额|增加值|存栏|出栏|支出)$/;
/** Words that name a figure's measure and little else (规模 of 建设规模1.43万亩). */
const MEASURE_WORD = /^(规模|面积|金额|数量|里程|长度|总额|人数|户数)$/;
/** The unit families such a word names, where it names one. */
const MEASURE_FAMILIES: Record<string, string[]> = {
  面积: ["area"],
  金额: ["money"],
  总额: ["money"],
  里程: ["length"],
  长度: ["length"],
  人数: ["persons"],
  户数: ["households"],
};
const tags = new Map<string, string>();

/** The tag jieba gives a word it reads as one word, or "" (cached, bounded like the others). */
function tagOf(word: string): string {
  let tag = tags.get(word);
  if (tag === undefined) {
    const tagged = taggedWords(word);
    tag = tagged.length === 1 ? tagged[0]!.tag : "";
    if (tags.size < MAX_CACHED_WORDS) tags.set(word, tag);
  }
  return tag;
}

/** A word jieba tags as a noun. */
function isNoun(word: string): boolean {
  return NOUN.test(tagOf(word));
}

/**
 * A plain verb that only says how the thing asked came about, before 的 and what it describes
 * ("新登记的市场主体", "创造的增加值", "新设立的外资企业"): a report says the doing in its own
 * verb (新增, 实现, 新设) or not at all, so its absence from a figure's texts weighs half in
 * coverage. Not a verb that is asked ("拆除了多少宗", "投入占GDP比重"), nor one before a part
 * ("承保的那些面积里").
 */
function describesHow(word: string, asked: string): boolean {
  if (tagOf(word) !== "v") return false;
  for (let at = asked.indexOf(word + "的"); at >= 0; at = asked.indexOf(word + "的", at + 1)) {
    if (!/^[那这哪]/.test(asked.slice(at + word.length + 1))) return true;
  }
  return false;
}

/** The country's government, and how its report's readers name the whole it speaks for. */
const NATIONAL_GOVERNMENT = "国务院";
const NATIONAL_WORDS = ["咱们国家", "我们国家", "咱国家", "全国", "我国", "中国"];

const PLACE = /^([\p{Script=Han}]{2,7}?)(省|自治区|市|自治州|州|盟|县|自治县|新区|区|旗)/u;

/**
 * "海拉尔区人民政府" -> 海拉尔区, 海拉尔: the place a report speaks for, from its issuer or title;
 * the last of a chain ("某市某某区" -> 某某区).
 */
export function ownPlaceOf(store: IndicatorStore): string[] {
  const { issuer, title, file } = store.source;
  if (issuer === NATIONAL_GOVERNMENT) return NATIONAL_WORDS;
  const named = [issuer, title].map(lastPlaceIn).filter((p) => p !== undefined);
  // A text with neither (pasted from "各位代表：" on) is known by its file's name.
  const places = named.length ? named : [lastPlaceIn(file)].filter((p) => p !== undefined);
  const words = new Set(places.flatMap((p) => [p[1]! + p[2]!, p[1]!]));
  return [...words].sort((a, b) => b.length - a.length);
}

/** The last place of a chain that opens `text` ("某市某某区人民政府" -> 某某区), if any. */
function lastPlaceIn(text: string): RegExpExecArray | undefined {
  let rest = text.replace(/^(\d{4}年?|中共)+/, "");
  let place: RegExpExecArray | undefined;
  // ("区委区政府办公室": a party committee, 区委, is no place.)
  for (
    let m = PLACE.exec(rest);
    m && !/政府|工作|报告|^[省市县区州旗]委/.test(m[1]!);
    m = PLACE.exec(rest)
  ) {
    place = m;
    rest = rest.slice(m[0].length);
  }
  return place;
}

/** The best-scoring figures that share at least part of the question: near topics. */
function nearTopics(scored: Scored[]): Indicator[] {
  const seen = new Set<string>();
  return scored
    .filter((s) => s.coverage > 0)
    .map((s) => s.indicator)
    .filter((i) => !seen.has(i.name) && seen.add(i.name))
    .slice(0, 3);
}

/** A share or its change: percent and percentage points. */
function isShare(unit: string): boolean {
  return unit === "%" || unit === "个百分点";
}

/** The question names an area's output (地区生产总值, GDP, 经济总量) among its terms. */
function asksOutput(query: ParsedQuery): boolean {
  return query.terms.some((t) => t.forms.some((f) => OUTPUT.test(f)));
}

/**
 * The figure takes the other side of a contrast: its own words name another member ("更新机井"
 * for "新建机井"), or, naming none, its sentence names only others ("春季战役" for "秋季").
 */
function contradicts(doc: Doc, query: ParsedQuery, sides: ContrastSides): boolean {
  const { ownWords: phrase, sentence } = doc;
  const has = (text: string) => (w: string) => sides.has(text, w);
  // "种植养殖两块加起来": asked of several sides together, a figure of one side is a part.
  const part = ({ named }: { named: string[] }) =>
    named.length > 1 && named.filter(has(phrase)).length === 1;
  if (query.contrasts.some(part)) return true;
  // A side the question names is named in the figure by any form the question's term has
  // ("农民人均纯收入" names 农村居民, asked as 农民, against 城镇居民 of the same sentence).
  const formsOf = (side: string) =>
    query.terms.flatMap((t) => (t.forms.includes(side) ? t.forms : [])).filter((f) => f !== side);
  const names = (text: string) => (side: string) =>
    sides.has(text, side) || formsOf(side).some((f) => f.length > 1 && text.includes(f));
  return query.contrasts.some(({ named, others }) => {
    const scope = named.some(names(phrase)) || others.some(has(phrase)) ? phrase : sentence;
    return !named.some(names(scope)) && others.some(has(scope));
  });
}

/** The figure stands alone in quotes ("稳外贸“24条”"): the name of a policy, not a count. */
function quotedAlone(indicator: Indicator): boolean {
  const at = indicator.phrase.indexOf(indicator.raw);
  if (at < 1 || !/[“"「]$/.test(indicator.phrase.slice(0, at))) return false;
  return /^[^“”"「」，；]{0,3}[”"」]/.test(indicator.phrase.slice(at + indicator.raw.length));
}

/**
 * "新增高速公路1794公里，…铁路通车总里程达到8050公里": what the question counts stands only in
 * neighbouring clauses that have figures of their own, or that follow this figure's ("地区生产总值
 * 增长5.5%，…固定资产投资…增速均高于全国"), while this figure's clause names a subject of its
 * own: the counted thing is another figure's.
 */
function ownedElsewhere(doc: Doc, term: QueryTerm): boolean {
  // Only a thing counted ("高速公路", "社会消费品零售总额"), not a doing ("花了多少钱" -> 支出)
  // nor a bare measure ("产量"): the term ends in a noun ("固定资产投资": a verbal one).
  const cut = taggedWords(term.text);
  const last = cut.at(-1)?.tag ?? "";
  // A name of three words or more ("一般公共预算收入", jieba tagging 收入 a verb) is no doing.
  // ("研发投入", jieba 研发|投入: a noun's doing named as a thing, like 固定资产投资.)
  const named =
    cut.length === 2 &&
    /^(n|j)/.test(cut[0]!.tag) &&
    /^(投入|投资|支出|收入|产出)$/.test(cut[1]!.word);
  // ("进出口": one verbal noun of three characters names a thing too.)
  const noun =
    NOUN.test(last) ||
    (last === "vn" && (cut.length > 1 || term.text.length >= 3)) ||
    cut.length >= 3 ||
    named;
  if (!noun || (cut.length === 1 && MEASURED.test(term.text))) return false;
  // The words apart count too ("旅游业总收入" for 旅游总收入).
  const holds = (text: string) =>
    term.forms.some((f) => text.includes(f)) ||
    (term.parts !== undefined && term.parts.every((p) => text.includes(p)));
  const clauses = doc.context.filter(
    (c) => c.credit > 0 && holds(c.text) && !leadsListOf(doc, c.text, term),
  );
  if (clauses.length === 0) return false;
  // "地区生产总值…稳中有升；一般公共预算收入…完成10.4亿元；社会消费品零售总额…，同比增长6.9%":
  // an item after a ； names its own thing; what an item before it named is not this figure's.
  const { sentence, clause } = doc.indicator;
  const segmentStart = sentence.lastIndexOf("；", sentence.indexOf(clause));
  const inItemBefore = (text: string) => {
    const at = sentence.indexOf(text);
    return at >= 0 && at < segmentStart;
  };
  if (clauses.every((c) => inItemBefore(c.text))) return true;
  // "…生产总值完成27.6亿元，同比增长7.5%": a subject of change words only names nothing, nor
  // does a comparison ("较“十三五”末的9323.1亿元", "高于全国1.7个百分点").
  const own = doc.indicator.subject.replace(CHANGE_ONLY, "");
  // A name composed with a topic is not the clause's own ("全年地区生产总值" cut short is).
  const composed = doc.composedName !== "" && !doc.indicator.subject.includes(doc.indicator.name);
  // "…，惠及120万户居民": an effect of the thing before it is no subject of its own either.
  if (composed || own.length < 2 || /^[较比与]/.test(own) || GAP.test(own) || EFFECT.test(own)) {
    return false;
  }
  return clauses.every(
    (c) => c.after || /\d/.test(c.text) || inItemBefore(c.text) || TREND_ONLY.test(c.text),
  );
}

/**
 * "固定资产投资保持平稳", "…均为正增长": a clause that says how its subject went, with no figure,
 * is a statement of its own, as one with a figure is.
 */
const TREND_ONLY =
  /(保持平稳|基本平稳|总体平稳|平稳运行|基本持平|持平|稳中有升|稳中有降|稳步增长|平稳增长|正增长|负增长|有所下降|有所回落|有所回升)$/;

/**
 * "新发展农民合作社省级示范社300家、家庭农场4000家": the words a 、-list opens with (its verb)
 * are every item's, not the first one's alone.
 */
function leadsListOf(doc: Doc, clause: string, term: QueryTerm): boolean {
  const { sentence } = doc.indicator;
  const at = sentence.indexOf(clause);
  const mine = sentence.indexOf(doc.indicator.clause, at + 1);
  if (at < 0 || mine < 0 || !term.forms.some((f) => clause.startsWith(f))) return false;
  const between = sentence.slice(at + clause.length, mine);
  return between.startsWith("、") && !/[，,；;。]/.test(between);
}

const EFFECT = /^(惠及|带动|覆盖|受益|帮助|吸纳|辐射|拉动|撬动|服务)/;
const CHANGE_ONLY =
  /同比|比上年|较上年|比去年|较去年|年均|增长|增速|增幅|提高|下降|增加|减少|降低|上升|分别|达到|完成|实现/g;

/** True unless the question asks of a part and the figure's own words lack one of its words. */
function subsetFits(doc: Doc, terms: readonly QueryTerm[], subset: string): boolean {
  if (!subset) return true;
  const part = terms.filter(
    (t) =>
      !t.soft &&
      !t.anchor &&
      !t.optional &&
      !t.number &&
      t.forms.some((f) => subset.includes(f) || subset.includes(t.text)),
  );
  const own = `${doc.own}${doc.ownWords}`;
  return part.every((t) => t.forms.some((f) => own.includes(f)));
}

const SUMS_UP = /共|合计|累计|总计|总额|总量/;
/** "22个产业帮扶项目里乡村旅游那几个": some of a counted set (not 里程). */
const PROJECTS_OF = /\d+个\p{Script=Han}{2,12}?里(?!程)(.+)$/u;

/** A figure about one part ("种植业保险保费") when the question asks without naming parts. */
function partOnly(doc: Doc, query: ParsedQuery): number {
  const own = doc.ownWords;
  return query.unnamed.some((set) => set.some((w) => own.includes(w))) ? PART_ONLY : 0;
}

/**
 * Where anchors must stand. A township: the figure's own clause, never a name that inherited a
 * topic. A year: the own clause or the one right before it ("完善提升2020年53个示范村建设，
 * 14个村完成区级验收"), not as a comparison ("比2020年增加"); the report's own year also holds
 * where no other year is named.
 */
function anchored(doc: Doc, term: QueryTerm): boolean {
  if (term.anchor === "place") return term.forms.some((f) => doc.own.includes(f));
  // The extractor knows which year a figure is of (its sentence, its section, the report's);
  // a figure over several years ("年均", "五年累计") is of none of them, except the level the
  // span ends at ("从6333公里增加到7809公里"), which is of its last year.
  const asked = term.forms.map((f) => /^(\d{4})年$/.exec(f)?.[1]).find(Boolean);
  if (asked && doc.indicator.year !== undefined) return doc.indicator.year === Number(asked);
  if (asked && doc.indicator.span) return false;
  const near = [doc.own, doc.before].map((t) => t.replace(COMPARED_YEAR, ""));
  const named = near.some((text) => term.forms.some((f) => text.includes(f)));
  if (term.anchor === "report-year") return named || !near.some((t) => YEAR.test(t));
  return named;
}

/** The term's forms stand only in clauses after the figure's (none before it, nor its section). */
function onlyAfter(doc: Doc, term: QueryTerm): boolean {
  const holds = (text: string) => term.forms.some((f) => text.includes(f));
  // "完成12个公园的新建、改造工作": a clause joined by 、 goes on with the figure's own words.
  const { sentence, clause } = doc.indicator;
  const end = sentence.indexOf(clause) + clause.length;
  if (sentence[end] === "、" && holds(lower(sentence.slice(end + 1).split(/[，,；;。]/)[0]!))) {
    return false;
  }
  return (
    doc.context.some((c) => c.after && holds(c.text)) &&
    !doc.context.some((c) => !c.after && c.credit > 0 && holds(c.text)) &&
    !holds(doc.section)
  );
}

/** A threshold a question states: "低于25微克", "超过100亿元的项目". */
const THRESHOLD = /(?:低于|高于|小于|大于|超过|不足|不到|不低于|不高于|多于|少于)(\d+(?:\.\d+)?)/g;

/** The question states `value` as a threshold (a comparison word right before it). */
function statesThreshold(asked: string, value: number): boolean {
  for (const m of asked.matchAll(THRESHOLD)) if (parseFloat(m[1]!) === value) return true;
  return false;
}

/** The figure is written per one of something: "每户1人", "每村2名". */
function perOne({ clause, raw }: Indicator): boolean {
  const at = clause.indexOf(raw);
  return at > 0 && PER_ONE.test(clause.slice(Math.max(0, at - 4), at));
}

/** Whether a figure is in a unit the question asks for. */
function inMeasure(doc: Doc, query: ParsedQuery): boolean {
  return doc.units.some((u) => query.units.has(u));
}

/** Best credit of a term in a document: its strongest field holding one of the term's forms. */
function termCredit(doc: Doc, term: QueryTerm, asked: string): number {
  if (term.anchor) return anchored(doc, term) ? STRONG : 0;
  if (term.number)
    return term.forms.some((f) => holdsNumber(doc.all, f)) ? numberCredit(doc, term) : 0;
  let best = 0;
  let within = false;
  for (const form of term.forms) {
    if (!doc.all.includes(form)) continue;
    // "单位GDP能耗下降19.3%" is not of GDP, "进出口总额" not of exports: there the word only
    // measures by, or is part of another, unless the question says it that way too.
    // Read each text without those places (stripped only where the text has one).
    const kinds = doc.within.filter((w) => (w.form ?? form) === form && !w.asked.test(asked));
    const stripped = kinds.length ? stripWithin(doc.all, form, kinds) : doc.all;
    if (!stripped.includes(form)) {
      within = true;
      continue;
    }
    const strip =
      stripped !== doc.all ? (text: string) => stripWithin(text, form, kinds) : undefined;
    // The question's own wording beats a synonym ("一般公共预算收入" over "全部财政收入").
    best = Math.max(best, fieldCredit(doc, form, strip) * (form === term.text ? 1 : SYNONYM));
  }
  // The words apart may stand closer than the stretch itself ("河鲤亲鱼水花" for 河鲤水花).
  // (Not the words of one the figure holds only within another: "每万人常住人口".)
  return term.parts && best < STRONG && !within
    ? Math.max(best, PARTS * partsCredit(doc, term.parts))
    : best;
}

/**
 * What can stand before a word where it is not what it names, and how a question that means it
 * says so: a figure per unit of output ("单位GDP能耗", "万元地区生产总值能耗"), per people
 * ("每万人常住人口配备全科医生6.3名"), exports inside trade ("进出口").
 */
interface Within {
  /** What stands right before the word. */
  before: RegExp;
  /** A question saying this means it that way. */
  asked: RegExp;
  /** A text holding none of this has no such place (checked once a figure). */
  mark: RegExp;
  /** The one word it applies to, if not every word. */
  form?: string;
}

const WITHIN: readonly Within[] = [
  // ("超亿元项目", "过亿元企业": projects or firms above a size, not a measure per yuan.)
  {
    before: /(单位|(?<![\d.超过逾])[万亿]元|每平方公里|每平方千米|地均)(地区)?$/,
    asked: /单位|万元|亿元(?=gdp|地区|生产)|每平方|地均/,
    mark: /单位|(?<![\d.超过逾])[万亿]元(?![\d])|每平方公里|每平方千米|地均/,
  },
  { before: /每[十百千万]+人$/, asked: /每[十百千万]/, mark: /每[十百千万]+人/ },
  // Imports and exports asked together (in English too): trade, which 进出口 names.
  {
    before: /进$/,
    asked: /进出口|进口.*出口|出口.*进口|import/,
    mark: /进出口/,
    form: "出口",
  },
  // The whole a share is taken of ("占一般公共预算支出的86%"): not what a figure beside it
  // names, unless the question asks a share (占).
  // 占 opens that clause (not "乱占耕地", "占用"), and a shorter form of the whole may stand a
  // few characters on ("，占一般|公共预算支出的").
  {
    before: /(?:^|[^\u4e00-\u9fa5])占(?![用地])[^，,。；;、|占]{0,4}$/,
    asked: /占|比重|比例|份额|share/,
    mark: /占/,
  },
];

/** `text` with `form` blanked where one of `kinds` stands right before it. */
function stripWithin(text: string, form: string, kinds: readonly Within[]): string {
  let out = "";
  let from = 0;
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    const before = text.slice(Math.max(0, at - 6), at);
    if (!kinds.some((k) => k.before.test(before))) continue;
    out += `${text.slice(from, at)}|`;
    from = at + form.length;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** "50" stands in `text` as a number of its own, not inside "1500" or "2.50". */
function holdsNumber(text: string, form: string): boolean {
  const open = /\d$/.test(form);
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    const after = text[at + form.length] ?? "";
    if (!/[\d.]/.test(text[at - 1] ?? "") && !(open && /[\d.]/.test(after))) return true;
  }
  return false;
}

/** The best field holding a number the question states. */
function numberCredit(doc: Doc, term: QueryTerm): number {
  const has = (text: string) => term.forms.some((f) => holdsNumber(text, f));
  if (doc.strong.some(has)) return STRONG;
  if (has(doc.clause) || has(doc.composedName)) return CLAUSE;
  let best = 0;
  for (const c of doc.context) if (c.credit > best && has(c.text)) best = c.credit;
  return best || (has(doc.section) ? SECTION : 0);
}

/** The best field holding every one of `parts` ("清理各类垃圾" for 清理|垃圾). */
function partsCredit(doc: Doc, parts: string[]): number {
  if (!holdsAll(doc.all, parts)) return 0;
  if (doc.strong.some((text) => holdsAll(text, parts))) return STRONG;
  if (holdsAll(doc.clause, parts) || holdsAll(doc.composedName, parts)) return CLAUSE;
  let best = 0;
  for (const c of doc.context) if (c.credit > best && holdsAll(c.text, parts)) best = c.credit;
  return best;
}

function holdsAll(text: string, parts: string[]): boolean {
  for (const part of parts) if (!text.includes(part)) return false;
  return true;
}

function fieldCredit(doc: Doc, form: string, strip?: (text: string) => string): number {
  const holds = strip
    ? (text: string) => strip(text).includes(form)
    : (text: string) => text.includes(form);
  if (doc.strong.some(holds)) return STRONG;
  if (holds(doc.clause) || holds(doc.composedName)) return CLAUSE;
  let best = 0;
  for (const c of doc.context) if (c.credit > best && holds(c.text)) best = c.credit;
  if (best > 0) return best;
  return holds(doc.section) ? SECTION : 0;
}

// Units that measure rather than count: "几个" cannot be answered in them.
const MEASURES = /亩|公顷|㎡|平方米|元|吨|公斤|斤|%|公里|延米|小时|分钟|天|岁|倍|立方米|千瓦|微克/;
/** A measure asked with a count word: money in hundreds of millions, percent ("几个亿", "几个点"). */
const COUNTED_MEASURE = /(?:几|多少)个?(?:亿|点)/;

function unitFit({ indicator, units, own }: Doc, query: ParsedQuery): number {
  const unit = baseUnit(indicator.unit);
  if (query.units.size > 0) {
    if (!units.some((u) => query.units.has(u))) return -0.35;
    // "排查了多少座" of "515座…，整改完成124个点位": the measure word asked fits better than 个.
    return query.anyCount && unit === "个" ? 0 : 0.25;
  }
  // "增长多少" with no unit: a growth is said in percent more often than in amounts.
  if (query.asksChange && isShare(unit)) return 0.15;
  if (!query.countOnly) return 0;
  if (MEASURES.test(indicator.unit)) return -0.35;
  // "是几家" counts places or firms: 330张 (beds) is a count of something else.
  if (query.preferred.has("家") && unit !== "家" && unit !== "个") return -0.35;
  const head = headTermOf(query);
  // "多少个老住宅区" of "168个老住宅区45269户居民": where the figure's clause counts the thing
  // asked in the unit asked, a figure in another unit counts something of it.
  if (!query.preferred.has(unit) && head && countedApart(own, head, query.preferred)) return -0.35;
  // "多少个网格员": people are counted with 个 too, in 名, 人 or 位.
  const people = PERSONS.test(indicator.unit) && head !== undefined && namesPeople(head);
  return query.preferred.has(unit) || (query.preferred.has("个") && people) ? 0.1 : 0;
}

/** `text` counts one of the term's forms in one of `units` ("168个老住宅区"). */
function countedApart(text: string, term: QueryTerm, units: ReadonlySet<string>): boolean {
  for (const unit of units) {
    for (const form of term.forms) {
      const at = text.indexOf(unit + form);
      if (at > 0 && /\d/.test(text[at - 1]!)) return true;
    }
  }
  return false;
}

/** The question's head: its last word that is neither soft nor an anchor (what it counts). */
function headTermOf(query: ParsedQuery): QueryTerm | undefined {
  return query.terms.findLast((t) => !t.soft && !t.anchor);
}

/** The term names people by how it ends ("网格员", "农民"). */
function namesPeople(term: QueryTerm): boolean {
  return term.forms.some((f) => PERSON_NOUN.test(f));
}

/**
 * Where a figure stands in time: the start of a "由A增长到B" answers only when its year is
 * asked; a change answers a question that does not ask one only when nothing else does.
 */
function timeFit(indicator: Indicator, query: ParsedQuery): number {
  let penalty = 0;
  const yearAsked = query.terms.some((t) => t.anchor === "year");
  // "加起来多少", "一共多少": the figure the report gives as a total is the better answer.
  if (query.asksTotal && TOTAL.test(indicator.phrase)) penalty -= 0.2;
  if (indicator.earlier && !yearAsked && !query.asksEarlier) penalty += 0.3;
  if (!indicator.earlier && query.asksEarlier) penalty += 0.3;
  if (indicator.change && !query.asksChange) penalty += 0.1;
  // "这五年新增就业多少": a figure over the years ("五年累计…") before one year's; so too when
  // the question names a plan and no year or end of it ("十二五新建了几个公园").
  const planOnly = FIVE_YEAR.test(query.asked) && !yearAsked && !PLAN_END.test(query.asked);
  if ((SPAN_ASKED.test(query.asked) || planOnly) && !indicator.span) penalty += 0.2;
  return penalty;
}

/**
 * The units a figure answers in, without magnitude: its own, what its rate counts ("元/月" is
 * also an amount of 元), and a yield when its words say per mu ("亩产…1050公斤").
 */
function unitsOf(indicator: Indicator, before: string): string[] {
  const unit = baseUnit(indicator.unit);
  const units = [unit];
  const [numerator, denominator] = unit.split("/");
  // A price or a monthly amount is money; a yield (公斤/亩) is not a weight.
  if (denominator && denominator !== "亩") units.push(baseUnit(numerator!));
  // "平均每亩收获…80公斤" is a yield, not a harvest in weight; so is the next item of its list
  // ("每亩收获玉米约580公斤，大豆约80公斤").
  const perMu = PER_MU.test(indicator.phrase) || (PER_MU.test(before) && before.endsWith(unit));
  if (!denominator && /^(公斤|千克|斤|吨)$/.test(unit) && perMu) return [`${unit}/亩`];
  // "全区27个乡镇街党委书记": one office-holder a place, counted in persons too.
  if (unit === "个" && heldOnePerPlace(indicator)) units.push("人", "名", "位");
  return units;
}

/** Offices one person holds in each place counted ("书记", "村长", "站长"). */
const OFFICE = /(书记|主任|负责人|村长|镇长|乡长|站长|所长|校长|院长|园长|局长)$/;

/** "27个乡镇街党委书记…": the places counted stand for their office-holders. */
function heldOnePerPlace({ phrase, raw }: Indicator): boolean {
  const at = phrase.indexOf(raw);
  if (at < 0) return false;
  const after = phrase.slice(at + raw.length).replace(/^个/, "");
  let noun = "";
  for (const { word, tag } of taggedWords(after.slice(0, 16))) {
    if (/^[vpcu]/.test(tag) && !/^vn/.test(tag)) break;
    noun += word;
  }
  return OFFICE.test(noun);
}

const PER_MU = /亩产|单产|每亩|亩均/;

function kindFit(indicator: Indicator, query: ParsedQuery): number {
  if (query.kinds.size === 0) return indicator.kind === "actual" ? 0.03 : 0;
  // "真正落地的钱" is the one the report calls 实际 ("实际投资"), not the one signed.
  if (query.kinds.has("actual") && indicator.kind === "actual" && ACTUAL.test(indicator.phrase)) {
    return 0.17;
  }
  if (query.kinds.has(indicator.kind)) return 0.12;
  // Asked what was done, not what was planned (or the other way round).
  const opposite = indicator.kind === "plan" ? "actual" : indicator.kind === "actual" ? "plan" : "";
  return query.kinds.has(opposite as IndicatorKind) ? -0.3 : 0;
}

/** Words that make a change in a sentence an aim rather than a result. */
const AIMED = /目标|计划|预期|力争|确保|预计|争取|左右|要|将/;

/** Lower case without quotation marks: questions lose theirs in normalisation ("十三五末"). */
function lower(text: string): string {
  return text.toLowerCase().replace(/[“”"‘’'《》「」〈〉]/g, "");
}

/** A 、-list of two or more places written with their level: "甲山县、乙水县", "丙河镇、丁岭镇". */
const PLACE_LIST =
  /\p{Script=Han}{2}[省市县区镇乡旗村](?:、\p{Script=Han}{2,4}?[省市县区镇乡旗村])+/gu;
/** A listed place's name without its level, at most its last two characters ("乙水县" → "乙水"). */
const stemOfListed = (place: string) => place.slice(0, -1).slice(-2);

/**
 * The clause with the 、-list items before it ("向东山县、西山县捐赠…50万元" for the clause
 * "西山县捐赠…50万元"): places listed together are the figure's own.
 */
export function listSpan(sentence: string, clause: string): string {
  const at = sentence.indexOf(clause);
  if (at <= 0 || sentence[at - 1] !== "、") return clause;
  const start = Math.max(...[..."，,；;：:"].map((c) => sentence.lastIndexOf(c, at))) + 1;
  return sentence.slice(start, at + clause.length);
}

function toDoc(indicator: Indicator, order: number): Doc {
  // Lower case as questions are, with joined verbs apart as a question names them.
  const text = (t: string) => joinedVerbsApart(lower(t));
  const own = indicator.context.lastIndexOf(indicator.clause);
  // "全年安排民生支出57.38亿元，…，其中，教育支出15.26亿元": the parts after 其中 are theirs,
  // not words of the whole.
  const parts = indicator.context.findIndex((c, i) => i > own && /^其中/.test(c));
  const context = indicator.context.map((clauseText, i) => {
    if (parts > own && i >= parts) return { text: text(clauseText), credit: 0, after: true };
    const distance = Math.abs(i - own);
    // Earlier clauses name the topic more often than later ones; both fade with distance. The
    // sentence a "目前，…" sentence continues is its topic, near however long it is.
    const fading = (i < own ? 0.75 : 0.5) * 0.85 ** Math.max(0, distance - 1);
    const credit = i < indicator.inherited ? Math.max(fading, INHERITED) : fading;
    return { text: text(clauseText), credit: i === own ? 0 : credit, after: i > own };
  });
  const section = text(indicator.section.join(" "));
  const all = text([indicator.name, indicator.phrase, ...indicator.context, section].join("|"));
  // Questions are lower-cased by normalisation ("pcr"), so the texts they meet are too.
  return {
    indicator,
    order,
    all,
    // A name composed with an inherited topic ("生猪" + "出栏") is not the figure's own words.
    strong: [text(indicator.subject), text(indicator.phrase)],
    composedName: indicator.name === indicator.subject ? "" : text(indicator.name),
    units: unitsOf(indicator, indicator.context[own - 1] ?? ""),
    ownWords: text(`${indicator.subject}|${indicator.phrase}`),
    within: WITHIN.filter((w) => w.mark.test(all)),
    perOne: perOne(indicator),
    quoted: quotedAlone(indicator),
    sentence: text(indicator.context.join("，")),
    own: text(listSpan(indicator.sentence, indicator.clause)),
    before: text(indicator.context[own - 1] ?? ""),
    // A list's value: its clause names the other items too; its own words are its phrase.
    clause: text(indicator.listItem ? indicator.phrase : indicator.clause),
    context,
    section,
  };
}
