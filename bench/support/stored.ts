// What the bot has stored, read from outside: the data folder's SQLite file, opened read-only
// (the bot may be running or killed; WAL lets a reader in beside it).
import { existsSync } from "node:fs";
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
  if (!existsSync(file)) return []; // nothing stored yet
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
