// Reads a figure as liaisons type it: 35, ３５, 1,234, 1.2万, 两千三百, 两万五, 百分之六十, 35户.
// Rules (the brief asked us to pick them; tests pin each one):
// - A multiplier word folds into the value ("1.2万" → 12000) unless it starts a known unit
//   ("1.2万亩" → 1.2 with unit 万亩); unit conversion then handles 万亩 → 亩.
// - Approximate figures (约35, 35户左右, 1500余个) are refused, not stripped: a report must not
//   store a guess as a fact, and the reply tells the user to drop the word.
// - Colloquial shorthand follows speech: 两万五 = 25000, 三百五 = 350, 1万5 = 15000.
// - Percentages keep percent points: 60% and 百分之六十 → 60 with unit "%".
import {
  type UnitTable,
  UNITS,
  canonicalUnit,
  convertToUnit,
  roundNoise,
  unitSpellings,
} from "./units.js";
import { parseNumber } from "./numeral.js";

/** A number with the unit it was written in (canonical name), if any. */
export interface Quantity {
  value: number;
  unit?: string;
}

/** Outcome of reading user input: a value, or a short Chinese reason to show the user. */
export type QuantityResult = ({ ok: true } & Quantity) | { ok: false; error: string };

/** Options for `parseQuantity`. */
export interface ParseQuantityOptions {
  /** Extra unit names to recognise besides intents/units.json, e.g. a field's own unit (default: none). */
  units?: readonly string[];
  /** Unit data (default: UNITS from intents/units.json). */
  table?: UnitTable;
}

/** Longest input accepted, in characters; anything longer is not a single figure. */
export const MAX_INPUT_LENGTH = 40;
/** Largest magnitude accepted: beyond it a figure is a typo, and integers stop being exact. */
export const MAX_MAGNITUDE = 1e15;

const EXAMPLE = "请只输入数字，例如 35";
const NOT_A_NUMBER = `没看懂这个数字，${EXAMPLE}`;

/** Reads one figure with an optional unit. Never throws; the error is a reply for the user. */
export function parseQuantity(text: string, options: ParseQuantityOptions = {}): QuantityResult {
  const table = options.table ?? UNITS;
  const clean = normalize(text);
  if (typeof clean !== "string") return clean;
  const qualifier = table.qualifiers.find((q) => clean.includes(q));
  if (qualifier) return fail(`请填写确切数字，不要带“${qualifier}”，例如 35`);
  if (clean.startsWith("百分之")) return finish(parseNumber(clean.slice(3)), "%");
  const known = spellings(options, table);
  for (const spelling of known) {
    if (!clean.endsWith(spelling) || clean.length === spelling.length) continue;
    const head = clean.slice(0, -spelling.length);
    // 一亿零三百万元 is 一亿零三百万 + 元, not 一亿零三百 × 万元: a scaled unit's multiplier must not
    // follow a 万 or 亿 already in the number. (千克 is not scaled: 克 is no unit of ours.)
    const scaled = /^[千万亿]/.test(spelling) && known.includes(spelling.slice(1));
    if (scaled && /[万萬亿億]/.test(head)) continue;
    const value = parseNumber(head);
    if (value !== undefined) return finish(value, canonicalUnit(spelling, table) ?? spelling);
  }
  const value = parseNumber(clean);
  return value === undefined ? fail(explain(clean)) : finish(value);
}

/** Trims, folds full-width forms (NFKC) and checks size; returns the cleaned text or an error. */
function normalize(text: string): string | { ok: false; error: string } {
  if (text.length > MAX_INPUT_LENGTH * 4) return fail(`输入太长了，${EXAMPLE}`);
  const folded = text
    .normalize("NFKC")
    .replace(/[\u2212\uFE63]/g, "-")
    .replace(/[。.！!]+$/u, "");
  if (/\d\s+\d/.test(folded)) return fail("一次只填一个数字，例如 35");
  const clean = folded.replace(/\s+/g, "");
  if (clean === "") return fail("请输入一个数字，例如 35");
  if (clean.length > MAX_INPUT_LENGTH) return fail(`输入太长了，${EXAMPLE}`);
  return clean;
}

function spellings(options: ParseQuantityOptions, table: UnitTable): string[] {
  const known = unitSpellings(table);
  if (!options.units?.length) return known;
  return [...new Set([...options.units, ...known])].sort((a, b) => b.length - a.length);
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

function finish(value: number | undefined, unit?: string): QuantityResult {
  if (value === undefined || !Number.isFinite(value)) return fail(NOT_A_NUMBER);
  if (Math.abs(value) > MAX_MAGNITUDE) return fail("数字太大了，请核对后重新输入");
  const clean = roundNoise(value) || 0; // `|| 0` turns -0 into 0
  return unit === undefined ? { ok: true, value: clean } : { ok: true, value: clean, unit };
}

/** Says why `clean` did not parse: an unknown unit after a number, two numbers, or no number. */
function explain(clean: string): string {
  const head = /^[-+负]?(?:[\d.,]+|[零〇一二两三四五六七八九十百千万亿]+)/u.exec(clean)?.[0] ?? "";
  const rest = clean.slice(head.length);
  if (head === "" || rest === "" || parseNumber(head) === undefined) return NOT_A_NUMBER;
  if (/\d/.test(rest)) {
    // 35户12人 or 35,12 is two figures; 1e5 or 0x10 is simply not a number we read
    return /[\p{Script=Han},、;/]/u.test(rest) ? "一次只填一个数字，例如 35" : NOT_A_NUMBER;
  }
  return `没看懂单位“${rest}”，${EXAMPLE}`;
}

/** A form field's expectations. */
export interface FieldSpec {
  /** Unit the figure is stored in; a bare number is taken in this unit. */
  unit: string;
  /** True when only whole numbers make sense (户数, 个数). */
  integer: boolean;
  /** Smallest allowed value (default: no lower bound). */
  min?: number;
  /** Largest allowed value (default: no upper bound). */
  max?: number;
}

/** A field value in the field's unit, or a short Chinese reason to show the user. */
export type FieldValueResult = { ok: true; value: number } | { ok: false; error: string };

/** Reads user input for a field: parses, converts to the field's unit, checks integer and bounds. */
export function parseFieldValue(text: string, field: FieldSpec): FieldValueResult {
  const quantity = parseQuantity(text, { units: [field.unit] });
  if (!quantity.ok) return quantity;
  const converted = convertToUnit(quantity.value, quantity.unit ?? field.unit, field.unit);
  if (!converted.ok) return converted;
  return checkField(converted.value, field);
}

function checkField(value: number, field: FieldSpec): FieldValueResult {
  if (!Number.isFinite(value)) return fail(NOT_A_NUMBER);
  if (field.integer && !Number.isInteger(value)) {
    return fail(`该项须为整数，您填的是 ${value}${field.unit}`);
  }
  const { min, max, unit } = field;
  if (min !== undefined && value < min) return fail(`不能小于${min}${unit}`);
  if (max !== undefined && value > max) return fail(`不能大于${max}${unit}`);
  return { ok: true, value };
}
