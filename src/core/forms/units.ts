// Units of measure: families and conversion factors from intents/units.json, checked with zod.
import { z } from "zod";
import unitsJson from "../../../intents/units.json" with { type: "json" };

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

/** Units ready for lookup. */
export interface UnitTable {
  units: ReadonlyMap<string, UnitInfo>;
  aliases: ReadonlyMap<string, string>;
  qualifiers: readonly string[];
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
  const { families, counts, aliases, qualifiers } = parsed.data;
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
  return { units, aliases: new Map(Object.entries(aliases)), qualifiers };
}

/** The bot's unit table, from intents/units.json (validated once, at import). */
export const UNITS: UnitTable = buildUnitTable(unitsJson);

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
