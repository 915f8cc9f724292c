// Reports made for the tests: a district report and roster kept in test/fixtures/district (a
// copy of the first seed), so replacing the shipped seed breaks no test but the seed's own.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { IndicatorStore } from "../../src/extract/indicator.js";
import { buildIndicatorStore } from "../../src/extract/index.js";
import { memoryLibrary } from "../../src/reports/library.js";
import { loadIntents, withDistrict } from "../../src/search/intents.js";
import { loadDistrict } from "../../src/store/district.js";
import { ReportsAnswerer } from "../../src/search/reports-answerer.js";
import { loadRoster, type Township } from "../../src/store/roster.js";

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** The fixture district's folder (report.txt, townships.json, district.json). */
export const FIXTURE_DISTRICT = fixture("district");
export const FIXTURE_REPORT = fixture("district/report.txt");
export const FIXTURE_ROSTER_FILE = fixture("district/townships.json");

let store: IndicatorStore | undefined;
let answerer: ReportsAnswerer | undefined;

/** The fixture report's store, built once per test file. */
export function fixtureStore(): IndicatorStore {
  store ??= buildIndicatorStore(readFileSync(FIXTURE_REPORT, "utf8"), FIXTURE_REPORT);
  return store;
}

/** The fixture district's townships. */
export function fixtureRoster(): Township[] {
  return loadRoster(FIXTURE_ROSTER_FILE);
}

/** An answerer over the fixture report alone, with the fixture's townships as places. */
export function fixtureAnswerer(): ReportsAnswerer {
  answerer ??= new ReportsAnswerer(
    memoryLibrary([fixtureStore()]),
    withDistrict(loadIntents(), loadDistrict(FIXTURE_DISTRICT)),
    fixtureRoster().map((t) => t.name),
  );
  return answerer;
}

/** An answerer over report texts given by the test. */
export function answererOf(...texts: string[]): ReportsAnswerer {
  const stores = texts.map((text, i) => buildIndicatorStore(text, `test-report-${i}.txt`));
  return new ReportsAnswerer(memoryLibrary(stores), loadIntents(), []);
}
