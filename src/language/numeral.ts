// Numerals without units, the one parser of the bot: the forms read what liaisons type with it and
// the extractor the Chinese numerals of reports. Arabic (35, 1,234, 0.5, full-width ３５ once
// NFKC-folded), Chinese (两千三百, 二百零五, 二〇二六, 一点五), mixed (3千, 1.2万, 1万5) and the
// financial forms (壹仟贰佰). Our own parser rather than nzh: nzh.decodeS reads 两千三百 as 300 and
// "abc" as 0, while a form must refuse what it cannot read.

// prettier-ignore
const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 俩: 2, 三: 3, 仨: 3, 四: 4,
  五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 壹: 1, 贰: 2, 貳: 2, 兩: 2,
  叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9,
};
// prettier-ignore
const SMALL_UNITS: Record<string, number> = {
  十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000,
};
const BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
/** Arabic numerals, with optional thousands separators in groups of three. */
const ARABIC = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/;
const TOKEN = /\d[\d,]*(?:\.\d+)?|\.\d+|./gu;

/** Characters of a Chinese numeral (digits, 十百千, 万亿, financial forms), for finding one in text. */
export const CHINESE_NUMERAL_CHARS = `${Object.keys(DIGITS).join("")}${Object.keys(SMALL_UNITS).join("")}${Object.keys(BIG_UNITS).join("")}`;

/** Reads a Chinese numeral alone (三百零五, 十二, 二〇二六); undefined for anything else (35, 三a). */
export function parseChineseNumeral(text: string): number | undefined {
  if (text === "" || [...text].some((c) => !CHINESE_NUMERAL_CHARS.includes(c))) return undefined;
  return parseNumber(text);
}

/** Reads a signed number without unit: Arabic, Chinese, mixed (3千, 1.2万) or 一点五. */
export function parseNumber(text: string): number | undefined {
  const signed = /^[-+负]/u.exec(text)?.[0];
  const sign = signed === "-" || signed === "负" ? -1 : 1;
  const body = signed ? text.slice(1) : text;
  if (body === "") return undefined;
  if (ARABIC.test(body)) return sign * Number(body.replace(/,/g, ""));
  const value = body.includes("点") ? parseChineseDecimal(body) : parseNumeral(tokenize(body));
  return value === undefined ? undefined : sign * value;
}

/** 一点五 → 1.5, 十二点五万 → 125000: integer part, 点, digit by digit, then an optional multiplier. */
function parseChineseDecimal(body: string): number | undefined {
  const [left = "", right = "", ...more] = body.split("点");
  const match = /^([\d零〇一二两三四五六七八九]+)([十百千]?万?亿?)$/u.exec(right);
  if (more.length > 0 || !match || left === "") return undefined;
  const [, digits = "", multiplier = ""] = match;
  if (multiplier !== "" && /[万亿]/.test(left)) return undefined;
  const whole = parseNumeral(tokenize(left));
  const fraction = [...digits].map((c) => DIGITS[c] ?? c).join("");
  const scale = [...multiplier].reduce((m, c) => m * (SMALL_UNITS[c] ?? BIG_UNITS[c] ?? 1), 1);
  return whole === undefined ? undefined : Number(`${whole}.${fraction}`) * scale;
}

type Token =
  | { kind: "num"; value: number; single: boolean; decimal: boolean; chinese: boolean }
  | { kind: "small" | "big"; value: number };

function tokenize(body: string): Token[] | undefined {
  const tokens: Token[] = [];
  for (const [text] of body.matchAll(TOKEN)) {
    const token = toToken(text);
    if (!token) return undefined;
    tokens.push(token);
  }
  return tokens;
}

function toToken(text: string): Token | undefined {
  if (/^[\d.]/.test(text)) {
    if (!ARABIC.test(text)) return undefined; // e.g. "1,23" is not a thousands grouping
    const value = Number(text.replace(/,/g, ""));
    return {
      kind: "num",
      value,
      single: text.length === 1,
      decimal: text.includes("."),
      chinese: false,
    };
  }
  const digit = DIGITS[text];
  if (digit !== undefined) {
    return { kind: "num", value: digit, single: true, decimal: false, chinese: true };
  }
  const small = SMALL_UNITS[text];
  if (small !== undefined) return { kind: "small", value: small };
  const big = BIG_UNITS[text];
  return big === undefined ? undefined : { kind: "big", value: big };
}

/** A numeral from tokens: digit-by-digit (二〇二六) or positional (两千零五, 3万5千, 1.2万). */
function parseNumeral(tokens: Token[] | undefined): number | undefined {
  const first = tokens?.[0];
  if (!tokens || !first) return undefined;
  if (tokens.length === 1) return first.kind === "big" ? undefined : first.value; // 35, 五, 十
  if (tokens.every((t) => t.kind === "num" && t.chinese)) {
    return Number(tokens.map((t) => t.value).join("")); // read digit by digit: 一二三 → 123
  }
  return parsePositional(tokens);
}

type NumToken = Extract<Token, { kind: "num" }>;

/** Where a positional numeral stands while its tokens are read left to right. */
interface Positional {
  /** Everything already scaled by 万 or 亿. */
  total: number;
  /** 千百十 collected since the last 万 or 亿. */
  section: number;
  /** A number not yet followed by its unit. */
  pending?: NumToken;
  /** The last 千/百/十 in this section (they must fall: 千 > 百 > 十). */
  lastSmall?: number;
  /** The last unit of any kind, for the shorthand 两万五 = 25000. */
  place?: number;
  afterZero: boolean;
  seenWan: boolean;
  seenYi: boolean;
}

/**
 * Positional numerals. 万 moves the section into `total`; 亿 scales everything before it (so
 * 一万三千亿 = 1.3e12). Each 万 or 亿 appears once per level. A bare 百/千 means one only at the
 * very start (百分之百); a bare 十 also after 零 or at a section's start (十五, 一亿零十八万).
 */
function parsePositional(tokens: Token[]): number | undefined {
  const state: Positional = {
    total: 0,
    section: 0,
    afterZero: false,
    seenWan: false,
    seenYi: false,
  };
  for (const [i, token] of tokens.entries()) {
    const ok =
      token.kind === "num"
        ? addNumber(state, token, i)
        : token.kind === "small"
          ? addSmall(state, token.value, i)
          : addBig(state, token.value);
    if (!ok) return undefined;
  }
  const tail = trailing(state.pending, state.place, state.afterZero);
  return tail === undefined ? undefined : state.total + state.section + tail;
}

function addNumber(state: Positional, token: NumToken, index: number): boolean {
  if (state.pending || (token.decimal && index > 0)) return false; // 3五, 1万2.5
  // 零 marks a skipped place (一百零五); any other number waits for its unit
  if (token.chinese && token.value === 0) state.afterZero = true;
  else state.pending = token;
  return true;
}

function addSmall(state: Positional, unit: number, index: number): boolean {
  const count = state.pending?.value ?? (impliedOne(state, unit, index) ? 1 : undefined);
  if (count === undefined || unit >= (state.lastSmall ?? Infinity)) return false;
  state.section += count * unit;
  Object.assign(state, { pending: undefined, lastSmall: unit, place: unit, afterZero: false });
  return true;
}

function impliedOne(state: Positional, unit: number, index: number): boolean {
  if (index === 0) return true;
  return unit === 10 && (state.afterZero || state.lastSmall === undefined);
}

function addBig(state: Positional, unit: number): boolean {
  const yi = unit === 1e8;
  const tail = trailing(state.pending, state.lastSmall, state.afterZero); // 三千五万 = 3500万
  if (tail === undefined || (yi ? state.seenYi : state.seenWan)) return false;
  const chunk = state.section + tail + (yi ? state.total : 0);
  if (chunk === 0) return false;
  state.total = yi ? chunk * unit : state.total + chunk * unit;
  if (yi) state.seenYi = true;
  state.seenWan = !yi;
  Object.assign(state, {
    section: 0,
    pending: undefined,
    lastSmall: undefined,
    place: unit,
    afterZero: false,
  });
  return true;
}

/**
 * The number after the last unit. With no unit before it, it stands as is (35万). A single digit
 * right after a unit is shorthand for the next place down (两万五 → 5000, 三百五 → 50); after 零
 * or with several digits it is taken literally but must fit below the unit (一百零五, 1万2500).
 */
function trailing(pending: NumToken | undefined, place: number | undefined, afterZero: boolean) {
  if (!pending) return 0;
  if (place === undefined) return pending.value;
  if (pending.decimal) return undefined;
  if (pending.single && !afterZero) return (pending.value * place) / 10;
  return pending.value < place / (afterZero ? 10 : 1) ? pending.value : undefined;
}
