// Finds the figures of a clause: a number (Arabic or Chinese) with a measure word.

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
}

/**
 * Measure words, longest first so "公斤/亩" wins over "公斤" and "场次" over "场".
 * "年" is a unit only for short durations ("为期3年"); calendar years are skipped below.
 * A unit may take a magnitude (万, 亿, 万亿, 千) and a "/" per-unit (元/头, 万元/人).
 */
const BASE_UNITS = [
  "个百分点",
  "百分点",
  "个批次",
  "个季度",
  "个月",
  "吨标准煤",
  "千瓦时",
  "平方公里",
  "平方千米",
  "平方米",
  "立方米",
  "人次",
  "户次",
  "批次",
  "场次",
  "架次",
  "车次",
  "班次",
  "台次",
  "标箱",
  "千瓦",
  "兆瓦",
  "延米",
  "千米",
  "公顷",
  "公里",
  "公斤",
  "千克",
  "美元",
  "欧元",
  "港元",
  "小时",
  "分钟",
  "亩",
  "吨",
  "元",
  "头",
  "只",
  "羽",
  "尾",
  "匹",
  "斤",
  "克",
  "人",
  "户",
  "个",
  "宗",
  "起",
  "件",
  "名",
  "家",
  "场",
  "座",
  "处",
  "条",
  "台",
  "眼",
  "次",
  "期",
  "笔",
  "对",
  "张",
  "组",
  "单",
  "位",
  "所",
  "轮",
  "项",
  "批",
  "间",
  "栋",
  "幢",
  "套",
  "册",
  "本",
  "部",
  "辆",
  "艘",
  "架",
  "倍",
  "米",
  "度",
  "床",
  "天",
  "周",
  "届",
  "层",
  "片",
  "块",
  "株",
  "棵",
  "盏",
  "口",
  "孔",
  "道",
  "支",
  "队",
  "份",
  "种",
  "村",
  "年",
  "㎡",
  "%",
  "％",
  "‰",
];
/** Units that can follow "/" in a rate ("元/头", "公斤/亩", "万元/人"). */
const PER_UNITS = [
  "平方米",
  "千瓦时",
  "公斤",
  "亩",
  "头",
  "人",
  "月",
  "年",
  "吨",
  "户",
  "只",
  "斤",
  "天",
  "度",
];
/** Latin-letter units, standing alone (not part of a word such as "5G"). */
const LATIN_UNITS = ["kWh", "MW", "GW", "kW", "PB", "EB", "P"];
const CLASSIFIERS_FOR_CHINESE = [
  "个",
  "家",
  "名",
  "项",
  "条",
  "座",
  "处",
  "所",
  "户",
  "位",
  "批",
  "轮",
  "支",
  "套",
  "台",
  "辆",
];

const alternation = (units: string[]) => units.map((u) => u.replace("/", "\\/")).join("|");
const UNIT = `(?:${alternation(BASE_UNITS)})(?:\\/(?:${alternation(PER_UNITS)}))?|(?:${alternation(LATIN_UNITS)})(?![A-Za-z0-9])`;
const ARABIC = new RegExp(
  `(\\d+(?:\\.\\d+)?)\\s?(余|多)?(万亿|亿|万|千)?(余|多)?(${UNIT})(?:（[^）]{1,3}）)?(以上|左右|(?:余|多)(?![\\p{Script=Han}]))?`,
  "gu",
);
/** A bare number closing a clause of a 、-list whose next item carries the unit ("3、5个"). */
const BARE_LIST_ITEM = /(?:^|[^\d.])(\d+(?:\.\d+)?)(万亿|亿|万)?$/;
const CHINESE = new RegExp(
  `([一二两三四五六七八九十百千]+)(${CLASSIFIERS_FOR_CHINESE.join("|")})`,
  "gu",
);

/** Chinese digits ("〇" as dates write zero). */
export const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Value of a small Chinese numeral (below 10 000): 两 → 2, 十二 → 12, 三百零五 → 305. */
export function chineseNumeral(text: string): number | undefined {
  let total = 0;
  let digit: number | undefined;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch];
    else if (ch in POWERS) {
      total += (digit ?? 1) * POWERS[ch]!;
      digit = undefined;
    } else return undefined;
  }
  return total + (digit ?? 0);
}

/** Finds every figure in a clause, in order. */
export function findNumbers(clause: string): FoundNumber[] {
  const found: FoundNumber[] = [];
  for (const m of clause.matchAll(ARABIC)) {
    const [whole, num, beforeMagnitude = "", magnitude = "", before = "", base, after] = m;
    const start = m.index;
    if (!isCountable(clause, start, whole, num!, base!)) continue;
    const approximate = beforeMagnitude || before;
    const qualifiers = [approximate, after].filter((q): q is string => Boolean(q));
    found.push({
      start,
      end: start + whole.length,
      value: Number(num),
      unit: normaliseUnit(magnitude + base!),
      raw: num! + beforeMagnitude + magnitude + before,
      qualifiers,
    });
  }
  for (const m of clause.matchAll(CHINESE)) {
    const start = m.index;
    const value = chineseNumeral(m[1]!);
    if (value === undefined || !isChineseFigure(clause, start, m[1]!)) continue;
    found.push({ start, end: start + m[0].length, value, unit: m[2]!, raw: m[1]!, qualifiers: [] });
  }
  return found.sort((a, b) => a.start - b.start);
}

// "4个批次" is counted in 批次; "％" is "%"; "个百分点" is the usual spelling of 百分点.
const UNIT_ALIASES: Record<string, string> = { "％": "%", 个批次: "批次", 百分点: "个百分点" };

/**
 * A bare number ending a clause whose next clause opens with a figure: the first item of a list
 * that writes its unit once ("增长3、5个百分点"). Returns it with the next figure's unit.
 */
export function bareListItem(clause: string, next: string): FoundNumber | undefined {
  const m = BARE_LIST_ITEM.exec(clause);
  if (!m) return undefined;
  const following = findNumbers(next)[0];
  if (!following || following.start !== 0) return undefined;
  const [, num, magnitude = ""] = m;
  const start = clause.length - num!.length - magnitude.length;
  if (/[-－~～至第]$/.test(clause.slice(0, start))) return undefined;
  const unit = magnitude
    ? magnitude + following.unit.replace(/^(万亿|亿|万|千)/, "")
    : following.unit;
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

/** The unit without its magnitude ("万亿元" -> "元", "万头" -> "头"). */
export function baseUnit(unit: string): string {
  return unit.length > 1 ? unit.replace(/^(万亿|亿|万|千)(?=.)/, "") : unit;
}

const MAGNITUDES: [string, number][] = [
  ["万亿", 1e12],
  ["亿", 1e8],
  ["万", 1e4],
];

/** How many base units one unit holds by its Chinese magnitude ("亿元" -> 1e8, "万头" -> 1e4, "元" -> 1). */
export function magnitudeOf(unit: string): number {
  if (unit.length < 2) return 1;
  return MAGNITUDES.find(([prefix]) => unit.startsWith(prefix))?.[1] ?? 1;
}

function normaliseUnit(unit: string): string {
  return UNIT_ALIASES[unit] ?? unit;
}

/** Rejects ordinals, calendar years, ranges and numbers glued to other digits. */
function isCountable(clause: string, start: number, whole: string, num: string, base: string) {
  const before = clause[start - 1] ?? "";
  if (/[\d.\-－~～第—]/.test(before)) return false;
  const after = clause[start + whole.length] ?? "";
  if (base === "年") return Number(num) <= 50 && !/[月度底初]/.test(after);
  if (/^[次期]$/.test(base) && after === "月") return false;
  if (/^[周届]$/.test(base) && /[年岁]/.test(after)) return false; // "建党100周年", "35周岁"
  return true;
}

/** Chinese numerals count only as a plain count: not ordinals, slogans in quotes, or "一次". */
function isChineseFigure(clause: string, start: number, numeral: string): boolean {
  const before = clause[start - 1] ?? "";
  if (/[第前每这那]/.test(before)) return false;
  if (insideQuotes(clause, start)) return false;
  return numeral !== "一" || clause.slice(start, start + 2) === "一个";
}

function insideQuotes(text: string, index: number): boolean {
  const opens = (text.slice(0, index).match(/“/g) ?? []).length;
  const closes = (text.slice(0, index).match(/”/g) ?? []).length;
  return opens > closes;
}
