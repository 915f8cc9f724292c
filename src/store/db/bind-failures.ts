// Wrong invite codes, in the store database: the counts of the bind guard survive a restart.
// Rows older than a day are dropped as new ones come.
import { sql } from "kysely";
import type { BindFailures } from "../../core/access/bind-guard.js";
import { memoryDatabase, openDatabase, type Database } from "./database.js";

const KEEP_MS = 24 * 60 * 60 * 1000;
const ALERT_KEY = "bind-alerted-at";

/** Wrong invite codes in a store database. */
export function sqlBindFailures(db: Database): BindFailures {
  const { q } = db;
  return {
    add(identity, at) {
      const forget = new Date(at.getTime() - KEEP_MS).toISOString();
      db.transaction(() => {
        db.run(q.deleteFrom("bind_failures").where("at", "<", forget));
        db.run(q.insertInto("bind_failures").values({ identity, at: at.toISOString() }));
      });
    },
    of: (identity, since) =>
      db
        .all(
          q
            .selectFrom("bind_failures")
            .select("at")
            .where("identity", "=", identity)
            .where("at", ">", since.toISOString())
            .orderBy("at")
            .orderBy("id"),
        )
        .map((row) => new Date(row.at)),
    total(since) {
      const row = db.first(
        q
          .selectFrom("bind_failures")
          .select([
            sql<number>`count(*)`.as("attempts"),
            sql<number>`count(distinct identity)`.as("people"),
          ])
          .where("at", ">", since.toISOString()),
      );
      return { attempts: row?.attempts ?? 0, people: row?.people ?? 0 };
    },
    lastAlert() {
      const row = db.first(q.selectFrom("meta").select("value").where("key", "=", ALERT_KEY));
      const at = row ? Date.parse(row.value) : NaN;
      return Number.isNaN(at) ? undefined : new Date(at);
    },
    markAlerted(at) {
      const value = at.toISOString();
      db.run(
        q
          .insertInto("meta")
          .values({ key: ALERT_KEY, value })
          .onConflict((c) => c.column("key").doUpdateSet({ value })),
      );
    },
  };
}

/** The wrong invite codes of a data folder's database. */
export function openBindFailures(dataDir: string): BindFailures {
  return sqlBindFailures(openDatabase(dataDir));
}

/** Wrong invite codes in a private in-memory database (tests). */
export function memorySqlBindFailures(): BindFailures {
  return sqlBindFailures(memoryDatabase());
}
