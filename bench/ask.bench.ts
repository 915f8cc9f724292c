// `npm run bench`: time per answer inside the process (start-up excluded), with the seed report
// alone and with ten reports loaded (about 3,500 figures). Prints figures; asserts nothing
// (timing tests flake on busy machines).
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { buildIndicatorStore } from "../src/extract/index.js";
import type { IndicatorStore } from "../src/extract/indicator.js";
import { seedStore } from "../src/extract/store-file.js";
import { memoryLibrary } from "../src/reports/library.js";
import { loadIntents, withDistrict } from "../src/search/intents.js";
import { ReportsAnswerer } from "../src/search/reports-answerer.js";
import { loadDistrict } from "../src/store/district.js";
import { reportParagraphs } from "./made-report.js";

const ROUNDS = 10;
const FIXTURES = "test/fixtures";
const REPORTS = `${FIXTURES}/reports`;

/** Every question of every set in test/fixtures (the seed's and the other reports'). */
const questions = [
  ...readdirSync(FIXTURES).map((f) => `${FIXTURES}/${f}`),
  ...readdirSync(REPORTS).map((f) => `${REPORTS}/${f}`),
]
  .filter((f) => f.endsWith(".jsonl"))
  .flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { q: string }).q),
  );

const district = loadDistrict();
const intents = withDistrict(loadIntents(), district);

function measure(label: string, stores: IndicatorStore[]): void {
  const startUp = performance.now();
  const answerer = new ReportsAnswerer(memoryLibrary(stores), intents);
  for (const q of questions) answerer.ask(q); // warm-up: indexes, JIT, jieba and pinyin caches
  const warmed = performance.now() - startUp;
  const times: number[] = [];
  // CPU time too: on a busy machine wall time also counts the waits for a core.
  const cpu = process.cpuUsage();
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of questions) {
      const t0 = performance.now();
      answerer.ask(q);
      times.push(performance.now() - t0);
    }
  }
  const { user, system } = process.cpuUsage(cpu);
  const cpuMean = (user + system) / 1000 / times.length;
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  const mean = times.reduce((s, t) => s + t, 0) / times.length;
  const figures = stores.reduce((n, s) => n + s.indicators.length, 0);
  console.log(
    `${label}: ${stores.length} reports, ${figures} figures; indexes and warm-up ${warmed.toFixed(0)} ms; ` +
      `${questions.length} questions x ${ROUNDS} rounds`,
  );
  console.log(
    `  per answer: mean ${mean.toFixed(3)} ms, p50 ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, ` +
      `p99 ${at(0.99).toFixed(3)} ms, max ${at(1).toFixed(3)} ms (target: mean under 1 ms); ` +
      `CPU mean ${cpuMean.toFixed(3)} ms`,
  );
}

const seed = seedStore(district);
const others = readdirSync(REPORTS)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => buildIndicatorStore(readFileSync(`${REPORTS}/${f}`, "utf8"), f));
// Ten reports: the seed, the seven of other places, a later "edition" of the seed (its text with
// another date line), and a long made-up county report (about 30,000 characters).
const edition = buildIndicatorStore(
  readFileSync(district.reportFile, "utf8").replace(
    /\d{4}年\d{1,2}月\d{1,2}日\s*$/,
    "2021年12月20日",
  ),
  "edition.txt",
);
const long = buildIndicatorStore(reportParagraphs(30_000).join("\n"), "made-up.txt");

measure("seed report", [seed]);
measure("ten reports", [seed, ...others, edition, long]);
console.log(`heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
