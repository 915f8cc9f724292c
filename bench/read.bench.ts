// `npx tsx bench/read.bench.ts`: time to read a ~30,000-character report as .docx and as .pdf
// (src/reports/read.ts). The documents are made in process (test/fixtures/documents/make.ts). The
// first read of a format includes loading its parser (pdf.js is the big one); later reads are
// timed warm. Prints figures; asserts nothing (timing tests flake on busy machines).
import { performance } from "node:perf_hooks";
import { prepareReportBytes } from "../src/reports/import.js";
import { readDocumentBytes } from "../src/reports/read.js";
import { makeDocx, makeWrappedPdf } from "../test/fixtures/documents/make.js";
import { reportParagraphs } from "./made-report.js";

const TARGET_CHARS = 30_000;
const WARM_ROUNDS = 5;

/** Read, extract and validate (what `npm run import` does before it writes). */
async function timeImport(bytes: Uint8Array, name: string): Promise<void> {
  const t0 = performance.now();
  const store = await prepareReportBytes(bytes, name);
  console.log(
    `import ${name.padEnd(12)} ${String(store.indicators.length).padStart(5)} figures` +
      `  ${(performance.now() - t0).toFixed(0).padStart(5)} ms (target: under 3000 ms)`,
  );
}

async function time(bytes: Uint8Array, name: string): Promise<string> {
  const t0 = performance.now();
  const first = await readDocumentBytes(bytes, name);
  const cold = performance.now() - t0;
  const warm: number[] = [];
  for (let round = 0; round < WARM_ROUNDS; round++) {
    const t = performance.now();
    await readDocumentBytes(bytes, name);
    warm.push(performance.now() - t);
  }
  warm.sort((x, y) => x - y);
  const median = warm[Math.floor(warm.length / 2)] ?? 0;
  console.log(
    `${name.padEnd(12)} ${String(first.text.length).padStart(6)} chars read` +
      `  first ${cold.toFixed(0).padStart(5)} ms  warm median ${median.toFixed(0).padStart(5)} ms` +
      `  (${(bytes.length / 1024).toFixed(0)} KiB, ${first.text.split("\n").length} lines)`,
  );
  return first.text;
}

const paragraphs = reportParagraphs(TARGET_CHARS);
const chars = paragraphs.join("").length;
const t0 = performance.now();
const docx = await makeDocx(paragraphs);
const pdf = await makeWrappedPdf(paragraphs);
console.log(
  `${chars} characters in ${paragraphs.length} paragraphs; documents made in ` +
    `${(performance.now() - t0).toFixed(0)} ms`,
);
const fromDocx = await time(docx, "report.docx");
const fromPdf = await time(pdf, "report.pdf");
// The PDF's lines are wrapped and numbered pages: mended, it should give back the same paragraphs.
console.log(`PDF text equals the .docx text: ${fromPdf === fromDocx ? "yes" : "NO"}`);
await timeImport(docx, "import.docx");
await timeImport(pdf, "import.pdf");
