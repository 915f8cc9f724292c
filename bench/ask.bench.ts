// `npm run bench`: time per answer inside the process (start-up excluded), over the public and
// paraphrase question sets. Prints figures; asserts nothing (timing tests flake on busy machines).
import { readdirSync, readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { loadIndicatorStore } from "../src/extract/store-file.js";
import { Answerer } from "../src/search/answerer.js";
import { loadIntents } from "../src/search/intents.js";

const ROUNDS = 20;
// The public set and every question set in test/fixtures/.
const files = [
  "../shared/eval/questions.dev.jsonl",
  ...readdirSync("test/fixtures")
    .filter((f) => f.startsWith("questions.") && f.endsWith(".jsonl"))
    .map((f) => `test/fixtures/${f}`),
];

const questions = files.flatMap((file) => {
  try {
    return readFileSync(file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { q: string }).q);
  } catch {
    return [];
  }
});

const startUp = performance.now();
const answerer = new Answerer(loadIndicatorStore(), loadIntents());
const built = performance.now() - startUp;
for (const q of questions) answerer.ask(q); // warm-up: JIT, jieba and pinyin caches

const times: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const q of questions) {
    const t0 = performance.now();
    answerer.ask(q);
    times.push(performance.now() - t0);
  }
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
const mean = times.reduce((s, t) => s + t, 0) / times.length;
console.log(
  `index built in ${built.toFixed(0)} ms; ${questions.length} questions x ${ROUNDS} rounds`,
);
console.log(
  `per answer: mean ${mean.toFixed(3)} ms, p50 ${at(0.5).toFixed(3)} ms, p95 ${at(0.95).toFixed(3)} ms, ` +
    `p99 ${at(0.99).toFixed(3)} ms, max ${at(1).toFixed(3)} ms (target: under 2 ms)`,
);
console.log(`heap used ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
