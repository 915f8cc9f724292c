// `npx tsx bench/read.bench.ts`: time to read a ~30,000-character report as .docx and as .pdf
// (src/reports/read.ts). The documents are made in process (test/fixtures/documents/make.ts). The
// first read of a format includes loading its parser (pdf.js is the big one); later reads are
// timed warm. Prints figures; asserts nothing (timing tests flake on busy machines).
import { performance } from "node:perf_hooks";
import { readDocumentBytes } from "../src/reports/read.js";
import { makeDocx, makeWrappedPdf } from "../test/fixtures/documents/make.js";

const TARGET_CHARS = 30_000;
const WARM_ROUNDS = 5;

const TOWNS = ["青山镇", "石桥乡", "白沙镇", "龙泉乡", "清水镇", "桃园乡", "双河镇", "马坪乡"];
const HEADINGS = ["总体情况", "产业发展", "农民增收", "人居环境", "基层治理", "下一步工作"];

/** A made-up county report: headings and paragraphs of sentences full of figures. */
function reportParagraphs(target: number): string[] {
  const paragraphs: string[] = ["关于全县2023年乡村振兴重点工作推进情况的报告"];
  let length = paragraphs[0]!.length;
  for (let n = 0; length < target; n++) {
    if (n % 6 === 0) {
      const heading = `${"一二三四五六七八九十"[(n / 6) % 10]}、${HEADINGS[(n / 6) % HEADINGS.length]}`;
      paragraphs.push(heading);
      length += heading.length;
    }
    const sentences: string[] = [];
    for (let s = 0; s < 6; s++) {
      const town = TOWNS[(n + s) % TOWNS.length];
      const a = ((n * 37 + s * 11) % 900) / 10 + 1;
      const b = ((n * 13 + s * 7) % 200) + 20;
      sentences.push(
        `${town}全年完成高标准农田建设${a.toFixed(1)}万亩，带动${b}户脱贫户稳定增收，` +
          `农村居民人均可支配收入同比增长${(a / 10).toFixed(1)}%`,
      );
    }
    const paragraph = sentences.join("；") + "。";
    paragraphs.push(paragraph);
    length += paragraph.length;
  }
  return paragraphs;
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
