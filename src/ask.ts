// `npm run ask -- "问题"` prints the reply; `npm run --silent ask -- --json` answers stdin
// questions one a line with one JSON object a line (the batch contract in DESIGN.md).
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { buildIndicatorStore } from "./extract/index.js";
import { loadIndicatorStore } from "./extract/store-file.js";
import { Answerer } from "./search/answerer.js";
import { loadIntents } from "./search/intents.js";

async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf("--report");
  const report = at >= 0 ? argv[at + 1] : undefined;
  const args = at >= 0 ? argv.filter((_, i) => i !== at && i !== at + 1) : argv;
  const store = report
    ? buildIndicatorStore(readFileSync(report, "utf8"), report)
    : loadIndicatorStore();
  const answerer = new Answerer(store, loadIntents());
  if (args[0] === "--json") {
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      // One object per line, also for a blank one, so answers stay aligned with their lines.
      const question = line.trim();
      const answer = question ? answerer.ask(question).answer : null;
      process.stdout.write(`${JSON.stringify({ question, answer })}\n`);
    }
    return;
  }
  const question = args.join(" ").trim();
  if (!question) {
    console.error(
      '用法：npm run ask -- "夏粮单产多少"   或   npm run --silent ask -- --json < 问题.txt',
    );
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
