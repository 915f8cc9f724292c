// Reading and writing data/indicators.json, validated both ways.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadDistrict, type District } from "../store/district.js";
import { readRequiredJsonFile } from "../store/json-doc.js";
import { buildIndicatorStore, textHash } from "./index.js";
import { IndicatorStoreSchema, type IndicatorStore } from "./indicator.js";

/** The report the store is built from: the shipped district's seed report. */
export const REPORT_FILE = loadDistrict().reportFile;
/** The committed indicator store. */
export const INDICATORS_FILE = fileURLToPath(
  new URL("../../data/indicators.json", import.meta.url),
);

/** Serialises a store the way it is committed (stable, readable diffs). */
export function serialiseStore(store: IndicatorStore): string {
  return `${JSON.stringify(IndicatorStoreSchema.parse(store), null, 2)}\n`;
}

/** Writes a validated store file. */
export function writeIndicatorStore(store: IndicatorStore, file = INDICATORS_FILE): void {
  writeFileSync(file, serialiseStore(store));
}

/** Loads and validates the store; a missing or broken file throws a StoreError naming it. */
export function loadIndicatorStore(file = INDICATORS_FILE): IndicatorStore {
  return readRequiredJsonFile(file, IndicatorStoreSchema, "run `npm run build-store` to build it.");
}

/**
 * The seed report of `district`: the committed store when it was built from that very text,
 * else built now (another district's seed folder, or a seed edited since the last build).
 */
export function seedStore(district: District): IndicatorStore {
  const text = readFileSync(district.reportFile, "utf8");
  const sha = textHash(text);
  try {
    const committed = loadIndicatorStore();
    if (committed.source.sha256 === sha) return committed;
  } catch {
    // no committed store: build it below
  }
  return buildIndicatorStore(text, district.reportFile);
}
