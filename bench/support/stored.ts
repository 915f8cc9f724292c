// What the bot has stored, read from outside. THE ONE PLACE TO ADAPT when storage moves:
// today submissions live in `${dataDir}/submissions/YYYY-MM.json` (one lowdb file per period,
// see src/store/submissions.ts); after the SQLite change, read the same facts from the SQLite
// file in DATA_DIR instead (read-only) and return the same shape.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One figure of one stored submission. */
export interface StoredFigure {
  /** Receipt number, e.g. "R202612-0001". */
  receipt: string;
  /** Who submitted it, e.g. "wecom:u7". */
  identity: string;
  township: string;
  /** Field key, e.g. "new-homestays". */
  field: string;
  value: number;
}

interface PeriodFile {
  submissions: {
    receipt: string;
    township: string;
    by: { identity: string };
    entries: { field: string; value: number }[];
  }[];
}

/** Every figure of every stored submission under `dataDir` (history included), storage order. */
export function storedSubmissions(dataDir: string): StoredFigure[] {
  const folder = join(dataDir, "submissions");
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => /^\d{4}-\d{2}\.json$/.test(n));
  } catch {
    return []; // nothing stored yet
  }
  return names.sort().flatMap((name) => {
    const file = JSON.parse(readFileSync(join(folder, name), "utf8")) as PeriodFile;
    return file.submissions.flatMap((s) =>
      s.entries.map((e) => ({
        receipt: s.receipt,
        identity: s.by.identity,
        township: s.township,
        field: e.field,
        value: e.value,
      })),
    );
  });
}
