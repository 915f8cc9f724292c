// `npm run --silent extract -- FILE`: one JSON line per figure of a report file
// ({"name", "value", "unit", "kind", "qualifiers", "period", "section", "sentence"}).
import { prepareReportFile } from "../reports/import.js";

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error("用法：npm run --silent extract -- 报告文件");
    process.exitCode = 2;
    return;
  }
  const store = await prepareReportFile(file);
  for (const i of store.indicators) {
    const { name, value, unit, kind, qualifiers, period, sentence } = i;
    const line = {
      name,
      value,
      unit,
      kind,
      qualifiers,
      period,
      section: i.section.join(" › "),
      sentence,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

// A reader that stops early (`| head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
