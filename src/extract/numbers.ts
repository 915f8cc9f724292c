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
 */
const BASE_UNITS = [
  "公斤/亩",
  "个批次",
  "人次",
  "批次",
  "场次",
  "延米",
  "公顷",
  "公里",
  "平方米",
  "公斤",
  "亩",
  "吨",
  "元",
  "头",
  "尾",
  "斤",
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
  "年",
  "㎡",
  "%",
  "％",
];
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
];

const UNIT_ALT = BASE_UNITS.map((u) => u.replace("/", "\\/")).join("|");
const ARABIC = new RegExp(
  `(\\d+(?:\\.\\d+)?)(万|亿)?(余|多)?(${UNIT_ALT})(以上|左右|(?:余|多)(?![\\p{Script=Han}]))?`,
  "gu",
);
const CHINESE = new RegExp(
  `([一二两三四五六七八九十百千]+)(${CLASSIFIERS_FOR_CHINESE.join("|")})`,
  "gu",
);

const DIGITS: Record<string, number> = {
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
    const [whole, num, magnitude = "", before = "", base, after] = m;
    const start = m.index;
    if (!isCountable(clause, start, whole, num!, base!)) continue;
    const qualifiers = [before, after].filter((q): q is string => Boolean(q));
    found.push({
      start,
      end: start + whole.length,
      value: Number(num),
      unit: normaliseUnit(magnitude + base!),
      raw: num! + magnitude + before,
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

// "4个批次" is counted in 批次; "％" is "%".
const UNIT_ALIASES: Record<string, string> = { "％": "%", 个批次: "批次" };

function normaliseUnit(unit: string): string {
  return UNIT_ALIASES[unit] ?? unit;
}

/** Rejects ordinals, calendar years, ranges and numbers glued to other digits. */
function isCountable(clause: string, start: number, whole: string, num: string, base: string) {
  const before = clause[start - 1] ?? "";
  if (/[\d.\-－第]/.test(before)) return false;
  const after = clause[start + whole.length] ?? "";
  if (base === "年") return Number(num) <= 50 && !/[月度底初]/.test(after);
  if (/^[次期]$/.test(base) && after === "月") return false;
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
