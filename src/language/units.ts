// Units of measure, one table for the whole bot (intents/units.json, checked with zod): the
// families and conversion factors the forms convert with, and the measure words and magnitudes
// the extractor finds figures with.
import { z } from "zod";
import unitsJson from "../../intents/units.json" with { type: "json" };

const Name = z.string().trim().min(1);

/** Shape of intents/units.json. */
export const UnitsFileSchema = z.object({
  /** Convertible families: unit name → how many base units it holds. */
  families: z.array(z.object({ name: Name, units: z.record(Name, z.number().positive()) })),
  /** Count words that each form a family of their own (户 is not 个). */
  counts: z.array(Name),
  /** Other spellings → canonical unit name (名 → 人, 千克 → 公斤). */
  aliases: z.record(Name, Name),
  /** Words that make a figure approximate (约, 左右, 多); such input is refused. */
  qualifiers: z.array(Name),
  /** Orders of magnitude written before a measure word (万, 亿): how many units each holds. */
  magnitudes: z.record(Name, z.number().positive()).default({}),
  /** Measure words as reports write them after a number (亩, 公斤/亩's 公斤, 个百分点 …). */
  measureWords: z.array(Name).default([]),
  /** Measure words that may follow a slash in a rate (元/头, 公斤/亩). */
  perUnits: z.array(Name).default([]),
  /** Latin-letter units, standing alone (10MW, not the G of 5G). */
  latinUnits: z.array(Name).default([]),
  /** Measure words a Chinese numeral counts with in reports (两个, 三家). */
  classifiers: z.array(Name).default([]),
  /** Spellings of one measure word folded into one (％ → %, 百分点 → 个百分点). */
  spellings: z.record(Name, Name).default({}),
});

/** The raw contents of a units file. */
export type UnitsFile = z.infer<typeof UnitsFileSchema>;

/** The units file is malformed or inconsistent. The message says what to fix. */
export class UnitDataError extends Error {
  override name = "UnitDataError";
}

/** One canonical unit: its family and its size in the family's base unit. */
export interface UnitInfo {
  family: string;
  factor: number;
}

/** How reports write figures: the extractor's part of the table. */
export interface WrittenUnits {
  /** Longest first, so "万亿" wins over "万". */
  magnitudes: readonly (readonly [string, number])[];
  /** Longest first, so "公斤/亩" wins over "公斤" and "场次" over "场". */
  measureWords: readonly string[];
  perUnits: readonly string[];
  latinUnits: readonly string[];
  classifiers: readonly string[];
  spellings: ReadonlyMap<string, string>;
}

/** Units ready for lookup. */
export interface UnitTable {
  units: ReadonlyMap<string, UnitInfo>;
  aliases: ReadonlyMap<string, string>;
  qualifiers: readonly string[];
  written: WrittenUnits;
}

/** Validates raw units data and indexes it; throws UnitDataError on duplicates or dangling aliases. */
export function buildUnitTable(data: unknown): UnitTable {
  const parsed = UnitsFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "(root)";
    throw new UnitDataError(`intents/units.json is invalid at ${where}: ${issue?.message}`, {
      cause: parsed.error,
    });
  }
  const { families, counts, aliases, qualifiers, ...writing } = parsed.data;
  const units = new Map<string, UnitInfo>();
  const add = (name: string, info: UnitInfo) => {
    if (units.has(name)) throw new UnitDataError(`intents/units.json lists unit “${name}” twice`);
    units.set(name, info);
  };
  for (const family of families) {
    for (const [name, factor] of Object.entries(family.units))
      add(name, { family: family.name, factor });
  }
  for (const name of counts) add(name, { family: name, factor: 1 });
  for (const [alias, target] of Object.entries(aliases)) {
    if (units.has(alias))
      throw new UnitDataError(`Alias “${alias}” is also a unit in intents/units.json`);
    if (!units.has(target)) {
      throw new UnitDataError(
        `Alias “${alias}” points to unknown unit “${target}” in intents/units.json`,
      );
    }
  }
  const written = writtenUnits(writing);
  // Every unit a form takes is one a report may write: the two halves of the table agree.
  if (written.measureWords.length) {
    for (const name of units.keys()) {
      if (!written.measureWords.includes(baseOf(name, written))) {
        throw new UnitDataError(`Unit “${name}” is not among measureWords in intents/units.json`);
      }
    }
  }
  return { units, aliases: new Map(Object.entries(aliases)), qualifiers, written };
}

function writtenUnits(data: Omit<UnitsFile, "families" | "counts" | "aliases" | "qualifiers">) {
  const longestFirst = (list: string[]) => [...list].sort((a, b) => b.length - a.length);
  return {
    magnitudes: Object.entries(data.magnitudes).sort(([a], [b]) => b.length - a.length),
    measureWords: longestFirst(data.measureWords),
    perUnits: longestFirst(data.perUnits),
    latinUnits: longestFirst(data.latinUnits),
    classifiers: data.classifiers,
    spellings: new Map(Object.entries(data.spellings)),
  };
}

/** `unit` without a magnitude in front, unless the whole is a measure word of its own (千瓦时). */
function baseOf(unit: string, written: WrittenUnits): string {
  if (unit.length < 2 || written.measureWords.includes(unit)) return unit;
  const magnitude = written.magnitudes.find(([m]) => unit.length > m.length && unit.startsWith(m));
  return magnitude ? unit.slice(magnitude[0].length) : unit;
}

/** The bot's unit table, from intents/units.json (validated once, at import). */
export const UNITS: UnitTable = buildUnitTable(unitsJson);

/** The unit without its magnitude ("万亿元" -> "元", "万头" -> "头", "千瓦时" stays). */
export function baseUnit(unit: string, table: UnitTable = UNITS): string {
  return baseOf(unit, table.written);
}

/** How many base units one unit holds by its Chinese magnitude ("亿元" -> 1e8, "元" -> 1, "千瓦时" -> 1). */
export function magnitudeOf(unit: string, table: UnitTable = UNITS): number {
  const base = baseUnit(unit, table);
  if (base === unit) return 1;
  return table.written.magnitudes.find(([m]) => m === unit.slice(0, -base.length))?.[1] ?? 1;
}

/** The canonical name of a unit or alias, or undefined when the table does not know it. */
export function canonicalUnit(name: string, table: UnitTable = UNITS): string | undefined {
  const target = table.aliases.get(name) ?? name;
  return table.units.has(target) ? target : undefined;
}

/** Every spelling the table recognises (units and aliases), longest first for suffix matching. */
export function unitSpellings(table: UnitTable = UNITS): string[] {
  return [...table.units.keys(), ...table.aliases.keys()].sort((a, b) => b.length - a.length);
}

/** Result of a unit conversion. */
export type ConversionResult = { ok: true; value: number } | { ok: false; error: string };

/**
 * Converts `value` from one unit to another of the same family (万亩 → 亩, 公顷 → 亩, 斤 → 公斤).
 * Identical names always convert, even when the table does not know them (a field's own unit).
 */
export function convertToUnit(
  value: number,
  fromUnit: string,
  toUnit: string,
  table: UnitTable = UNITS,
): ConversionResult {
  const from = canonicalUnit(fromUnit, table) ?? fromUnit;
  const to = canonicalUnit(toUnit, table) ?? toUnit;
  if (from === to) return { ok: true, value };
  const a = table.units.get(from);
  const b = table.units.get(to);
  if (!a || !b || a.family !== b.family) {
    return { ok: false, error: `单位不符：该项以“${toUnit}”计，不能填“${fromUnit}”` };
  }
  return { ok: true, value: roundNoise((value * a.factor) / b.factor) };
}

/**
 * Removes binary floating-point noise (1.1 × 10000 = 11000.000000000002) by keeping 12 significant
 * digits, a relative error below 1e-11. Integers pass untouched so large counts keep every digit.
 */
export function roundNoise(x: number): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  return Number(x.toPrecision(12));
}
