// What the bot has stored, read from outside: the data folder's SQLite file, opened read-only
// (the bot may be running or killed; WAL lets a reader in beside it). A data folder written by
// the version before the SQLite store (one JSON file per period under `submissions/`, see
// src/store/submissions.ts at 845696b) is read too, so the same harness measures both versions.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Sqlite from "better-sqlite3";

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

/** Every figure of every stored submission under `dataDir` (history included), storage order. */
export function storedSubmissions(dataDir: string): StoredFigure[] {
  const file = join(dataDir, "bot.sqlite");
  if (!existsSync(file)) return fromPeriodFiles(dataDir);
  const db = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    const hasTable = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'submissions'")
      .get();
    if (!hasTable) return [];
    return db
      .prepare(
        `SELECT s.receipt, s.by_identity AS identity, s.township, e.field, e.value
           FROM submission_entries e JOIN submissions s ON s.receipt = e.receipt
          ORDER BY s.period, s.seq, e.pos`,
      )
      .all() as StoredFigure[];
  } finally {
    db.close();
  }
}

interface PeriodFile {
  submissions: {
    receipt: string;
    township: string;
    by: { identity: string };
    entries: { field: string; value: number }[];
  }[];
}

/** The earlier version's store: `${dataDir}/submissions/YYYY-MM.json`, written atomically. */
function fromPeriodFiles(dataDir: string): StoredFigure[] {
  const folder = join(dataDir, "submissions");
  if (!existsSync(folder)) return []; // nothing stored yet
  const names = readdirSync(folder).filter((n) => /^\d{4}-\d{2}\.json$/.test(n));
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
