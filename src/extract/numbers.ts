// Finds the figures of a clause: a number (Arabic or Chinese) with a measure word.
import { parseChineseNumeral } from "../language/numeral.js";
import { UNITS, baseUnit } from "../language/units.js";

export { baseUnit, magnitudeOf } from "../language/units.js";

/** A figure found in a clause. */
export interface FoundNumber {
  /** Offset of the figure (qualifier words before it excluded) in the clause. */
  start: number;
  end: number;
  value: number;
  unit: string;
  /** The number as written, with 余/多 when they stand before the unit. */
  raw: string;
  /** Qualifiers written right at the figure (余, 多, 以上, 左右). */
  qualifiers: string[];
  /** A second measure word bracketed after the unit ("万套（间）": "（间）"). */
  unitNote?: string;
}

// The measure words, magnitudes and spellings are the bot's one unit table (intents/units.json
// through src/language/units.ts), which the forms share.
const { written } = UNITS;
const MAGNITUDE = written.magnitudes.map(([m]) => m).join("|");
const alternation = (units: string[]) => units.map((u) => u.replace("/", "\\/")).join("|");
const UNIT = `(?:${alternation([...written.measureWords])})(?:\\/(?:${alternation([...written.perUnits])}))?|(?:${alternation([...written.latinUnits])})(?![A-Za-z0-9])`;
const ARABIC = new RegExp(
  `(\\d+(?:\\.\\d+)?)\\s?(余|多)?(${MAGNITUDE})?(余|多)?(${UNIT})(?:（([^）]{1,3})）)?(以上|左右|(?:余|多)(?![\\p{Script=Han}]))?`,
  "gu",
);
/** One measure word, as a bracket after a unit may hold one ("套（间）", "头（只）"). */
const MEASURE_WORD = new Set([
  ...written.classifiers,
  ...written.measureWords.filter((w) => w.length === 1),
]);
/** People counted with 万 or 亿 and no measure word: "签约48.9万常住居民" (not "3万名群众"). */
const PEOPLE_COUNTED =
  /(\d+(?:\.\d+)?)(万|亿)(?=(?:常住|户籍|城乡|农村|城镇)?(?:居民|群众|人口|农民|职工|市民|村民|学生|患者|老人|儿童))/gu;
/** A bare number closing a clause of a 、-list whose next item carries the unit ("3、5个"). */
const BARE_LIST_ITEM = /(?:^|[^\d.])(\d+(?:\.\d+)?)(万亿|亿|万)?$/;
const CHINESE = new RegExp(
  `([一二两三四五六七八九十百千]+)(${written.classifiers.join("|")})`,
  "gu",
);

/** "每十个常住人口就有一个义工", "每10人中就有1人": the second number of a ratio is no figure. */
const RATIO_BEFORE = /每[^，；。]{1,12}就有?$/;

/** "超100亿元项目4个", "营收过亿元企业": a bound, when what it bounds is counted after it. */
const OVER = /(超|超过|逾|过)$/;
const CLASS_OVER = /^的?(项目|企业|工程|集群|园区|平台|品牌|楼宇|商圈)[^，；。]*\d/;

/** What stands before "N年" when the years are a span spoken of: "未来3年", "近5年". */
const SPAN_OF_YEARS = /(未来|今后|近|过去|最近)$/;

/** Value of a Chinese numeral: 两 → 2, 十二 → 12, 三百零五 → 305, 二〇二六 → 2026. */
export function chineseNumeral(text: string): number | undefined {
  return parseChineseNumeral(text);
}

/** Finds every figure in a clause, in order. */
export function findNumbers(clause: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  for (const m of clause.matchAll(ARABIC)) {
    const [whole, num, beforeMagnitude = "", magnitude = "", before = "", base, bracketed, after] =
      m;
    const start = m.index;
    if (!isCountable(clause, start, whole, num!, base!)) continue;
    // "未来3年还要新增…", "近5年": a span of time the clause speaks of, no figure of its own.
    if (base === "年" && SPAN_OF_YEARS.test(clause.slice(0, start))) continue;
    if (RATIO_BEFORE.test(clause.slice(0, start))) continue;
    const unit = normaliseUnit(magnitude + base!);
    if (!SHARES.has(unit) && isSizeClass(after, clause.slice(start + whole.length), base!))
      continue;
    // "投资额超100亿元项目4个": a bound that names a class of projects, counted after it.
    if (OVER.test(clause.slice(0, start)) && CLASS_OVER.test(clause.slice(start + whole.length)))
      continue;
    const approximate = beforeMagnitude || before;
    const qualifiers = [approximate, after].filter((q): q is string => Boolean(q));
    found.push({
      start,
      end: start + whole.length,
      value: Number(num),
      unit,
      raw: num! + beforeMagnitude + magnitude + before,
      qualifiers,
      // ("套（间）", "头（只）": another measure word for the same count is part of the unit.)
      ...(bracketed && MEASURE_WORD.has(bracketed) ? { unitNote: `（${bracketed}）` } : {}),
    });
  }
  // "签约48.9万常住居民": a number of people written with the people it counts, no measure word.
  for (const m of clause.matchAll(PEOPLE_COUNTED)) {
    const start = m.index;
    if (!isCountable(clause, start, m[0], m[1]!, "人")) continue;
    const raw = m[1]! + m[2]!;
    found.push({
      start,
      end: start + raw.length,
      value: Number(m[1]),
      unit: `${m[2]}人`,
      raw,
      qualifiers: [],
    });
  }
  for (const m of clause.matchAll(CHINESE)) {
    const start = m.index;
    const value = chineseNumeral(m[1]!);
    if (value === undefined || !isChineseFigure(clause, start, m[1]!, m[0].length)) continue;
    found.push({ start, end: start + m[0].length, value, unit: m[2]!, raw: m[1]!, qualifiers: [] });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * A bare number ending a clause whose next clause opens with a figure: the first item of a list
 * that writes its unit once ("增长3、5个百分点"). Returns it with the next figure's unit.
 */
export function bareListItem(
  clause: string,
  following: FoundNumber | undefined,
): FoundNumber | undefined {
  const m = BARE_LIST_ITEM.exec(clause);
  if (!m) return undefined;
  if (!following || following.start !== 0) return undefined;
  const [, num, magnitude = ""] = m;
  const start = clause.length - num!.length - magnitude.length;
  if (/[-－~～至第]$/.test(clause.slice(0, start))) return undefined;
  const unit = magnitude ? magnitude + baseUnit(following.unit) : following.unit;
  if (unit === "年" && Number(num) > 50) return undefined;
  return {
    start,
    end: clause.length,
    value: Number(num),
    unit,
    raw: num! + magnitude,
    qualifiers: [],
  };
}

// "4个批次" is counted in 批次; "％" is "%"; "个百分点" is the usual spelling of 百分点.
function normaliseUnit(unit: string): string {
  return written.spellings.get(unit) ?? unit;
}

/**
 * "24.6和11.8亿元": a bare number joined by 和 or 及 to a figure right after it, which writes the
 * unit (and magnitude) for both.
 */
export function joinedBareItems(clause: string, found: FoundNumber[]): FoundNumber[] {
  const items: FoundNumber[] = [];
  for (const m of clause.matchAll(JOINED_BARE)) {
    const end = m.index + m[1]!.length;
    const next = found.find((f) => f.start === end + 1);
    if (!next || found.some((f) => f.start <= m.index && f.end > m.index)) continue;
    const unit = next.unit;
    if (unit === "年" || unit === "月" || unit === "日") continue;
    items.push({ start: m.index, end, value: Number(m[1]), unit, raw: m[1]!, qualifiers: [] });
  }
  return items;
}
const JOINED_BARE = /(?<![\d.第])(\d+(?:\.\d+)?)(?=[和及]\d)/g;

/** Rejects ordinals, calendar years, ranges and numbers glued to other digits. */
function isCountable(clause: string, start: number, whole: string, num: string, base: string) {
  const before = clause[start - 1] ?? "";
  if (/[\d.\-－~～第—]/.test(before)) return false;
  // "PM2.5年均浓度", "CO2": part of a name; but "实现GDP3464.09亿元" is GDP's value.
  const valueOfAggregate = /(?:GDP|GNP|GEP)$/i.test(clause.slice(0, start)) && /元|%/.test(whole);
  if (/[A-Za-z]/.test(before) && !valueOfAggregate) return false;
  const after = clause[start + whole.length] ?? "";
  if (base === "年") return Number(num) <= 50 && !/[月度底初]/.test(after);
  if (/^[次期]$/.test(base) && after === "月") return false;
  if (/^[周届]$/.test(base) && /[年岁]/.test(after)) return false; // "建党100周年", "35周岁"
  return true;
}

const SHARES = new Set(["%", "成"]);

/**
 * "10亿元以上项目投资增长35%", "65岁以上老年人…达到70%": a figure with 以上 that a noun follows,
 * in a clause that goes on to give its own figure, names a size class of what is counted.
 * "投资2000亿元以上，", "增长6%以上的目标" and "95%以上的村…超过10万元" (a share) are figures.
 */
function isSizeClass(after: string | undefined, rest: string, base: string): boolean {
  if (after !== "以上") {
    const bound = /^(?:及以上|以下)/.exec(rest);
    if (!bound) return false;
    rest = rest.slice(bound[0].length);
  }
  // "为60岁以上失能…人员提供…": an age with 以上 before a noun is always a class of people.
  const figureFollows = base === "岁" || /\d/.test(rest);
  return /^\p{Script=Han}/u.test(rest) && !/^的?目标/.test(rest) && figureFollows;
}

/** Chinese numerals count only as a plain count: not ordinals, slogans in quotes, or "一次". */
function isChineseFigure(clause: string, start: number, numeral: string, length: number): boolean {
  const before = clause[start - 1] ?? "";
  if (/[第前每这那]/.test(before)) return false;
  if (RATIO_BEFORE.test(clause.slice(0, start))) return false;
  // "三位一体", "两个一百年": a numeral right after the measure word makes a set phrase.
  if (/^[一二两三四五六七八九]/.test(clause.slice(start + length))) return false;
  if (insideQuotes(clause, start)) return false;
  return numeral !== "一" || clause.slice(start, start + 2) === "一个";
}

function insideQuotes(text: string, index: number): boolean {
  const opens = (text.slice(0, index).match(/“/g) ?? []).length;
  const closes = (text.slice(0, index).match(/”/g) ?? []).length;
  return opens > closes;
}
