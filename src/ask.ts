// `npm run ask -- "问题"` prints the reply; `npm run --silent ask -- --json` answers stdin
// questions one a line with one JSON object a line (the batch contract in DESIGN.md).
// `--report FILE` answers from that report file alone; otherwise from the reports in DATA_DIR
// (the shipped seed report while none is imported), the latest by default.
import { createInterface } from "node:readline";
import { loadConfig } from "./config.js";
import { buildIndicatorStore } from "./extract/index.js";
import { seedStore } from "./extract/store-file.js";
import { loadDistrict, type District } from "./store/district.js";
import { memoryLibrary, type ReportLibrary } from "./reports/library.js";
import { readDocument } from "./reports/read.js";
import { loadIntents, withDistrict } from "./search/intents.js";
import { ReportsAnswerer } from "./search/reports-answerer.js";
import { openReportFiles } from "./store/report-files.js";
import { loadRoster } from "./store/roster.js";

const USAGE =
  '用法：npm run ask -- "夏粮单产多少"   或   npm run --silent ask -- --json [--report 报告文件] < 问题.txt';

async function libraryFor(report: string | undefined, district: District): Promise<ReportLibrary> {
  if (report) {
    const { text } = await readDocument(report);
    return memoryLibrary([buildIndicatorStore(text, report)]);
  }
  return openReportFiles(loadConfig().dataDir, () => seedStore(district));
}

async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf("--report");
  const report = at >= 0 ? argv[at + 1] : undefined;
  if (at >= 0 && !report) throw new Error(USAGE);
  const args = at >= 0 ? argv.filter((_, i) => i !== at && i !== at + 1) : argv;
  const district = loadDistrict(loadConfig().seedDir);
  const places = loadRoster(district.rosterFile).map((t) => t.name);
  const intents = withDistrict(loadIntents(), district);
  const answerer = new ReportsAnswerer(await libraryFor(report, district), intents, places);
  if (args[0] === "--json") {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      // One object per line, also for a blank one, so answers stay aligned with their lines.
      const question = line.trim();
      const result = question ? answerer.ask(question) : undefined;
      const choices = result?.offered.slice(0, 3) ?? [];
      process.stdout.write(
        `${JSON.stringify({ question, answer: result?.answer ?? null, choices })}\n`,
      );
    }
    return;
  }
  const question = args.join(" ").trim();
  if (!question) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const { text, choices } = answerer.ask(question);
  console.log(text);
  choices.forEach((c, i) => console.log(`  ${i + 1}. ${c.label}`));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
