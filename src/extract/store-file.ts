// Reading and writing data/indicators.json, validated both ways.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readRequiredJsonFile } from "../store/json-doc.js";
import { IndicatorStoreSchema, type IndicatorStore } from "./indicator.js";

/** The report the store is built from. */
export const REPORT_FILE = fileURLToPath(
  new URL("../../seeds/jizhou-rural-revitalization-2021-h1.txt", import.meta.url),
);
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
