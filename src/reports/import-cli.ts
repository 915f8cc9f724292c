// `npm run import -- FILE [--period 2026年上半年] [--title 标题]`: imports a report into DATA_DIR.
// Exits 0 once it is stored (or already there); a file that cannot be imported exits 1 with one
// line saying why, and leaves DATA_DIR as it was.
import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import { seedStore } from "../extract/store-file.js";
import { loadDistrict } from "../store/district.js";
import { openReportFiles } from "../store/report-files.js";
import { prepareReportFile } from "./import.js";

const USAGE = "用法：npm run import -- 报告文件 [--period 2026年上半年] [--title 标题]";

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { period: { type: "string" }, title: { type: "string" } },
    allowPositionals: true,
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const store = await prepareReportFile(file, { period: values.period, title: values.title });
  const config = loadConfig();
  const district = loadDistrict(config.seedDir);
  const library = openReportFiles(config.dataDir, () => seedStore(district));
  const { entry, added } = library.add(store);
  const { title, period } = entry.store.source;
  console.log(
    added
      ? `已导入《${title}》（${period}），${store.indicators.length} 个数字，编号 ${entry.id}。`
      : `《${title}》已经导入过（编号 ${entry.id}），未重复保存。`,
  );
  for (const warning of store.source.warnings ?? []) console.log(`提醒：${warning}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
