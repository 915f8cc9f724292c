// `npm run build-store`: builds data/indicators.json from the report in seeds/.
import { readFileSync } from "node:fs";
import { buildIndicatorStore } from "./index.js";
import { INDICATORS_FILE, REPORT_FILE, writeIndicatorStore } from "./store-file.js";

const store = buildIndicatorStore(readFileSync(REPORT_FILE, "utf8"), REPORT_FILE);
writeIndicatorStore(store);
console.log(
  `${store.indicators.length} indicators from ${store.source.file} -> ${INDICATORS_FILE}`,
);
