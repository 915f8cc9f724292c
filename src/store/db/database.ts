// The transactional store: one SQLite file per data folder (`DATA_DIR/bot.sqlite`), WAL mode,
// numbered migrations. Queries are written with kysely's query builder, which compiles the same
// builders for PostgreSQL; here they are compiled to SQLite and run synchronously by
// better-sqlite3 (kysely's documented "query building only" set-up with a DummyDriver), so a
// transaction is a plain synchronous function and nothing can interleave with it.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import Sqlite from "better-sqlite3";
import type { Compilable, Kysely } from "kysely";
import { sqliteBuilder } from "./builder.js";
import { StoreError } from "../errors.js";
import { MIGRATIONS } from "./migrations.js";
import type { Tables } from "./schema.js";

/** The database file inside a data folder. */
export const DATABASE_FILE = "bot.sqlite";

/**
 * A query compiled once by kysely and prepared once by better-sqlite3, for the hot paths (the
 * inbox's insert and commit): each run binds the named parameters and nothing is rebuilt.
 */
export interface Prepared<P, R> {
  /** Rows of a select. */
  all(params: P): R[];
  /** The first row of a select (or of an insert … returning), if any. */
  first(params: P): R | undefined;
  /** Runs an insert, update or delete; returns the number of rows changed. */
  run(params: P): number;
}

/** Stands for the named parameter in a query given to `prepare` (typed as the value it takes). */
export type Param<P> = <K extends keyof P & string>(name: K) => P[K];

/** An open store database. */
export interface Database {
  /** Builds queries (compile only: run them with `all`, `first` and `run`). */
  readonly q: Kysely<Tables>;
  /** Rows of a select. */
  all<R>(query: Compilable<R>): R[];
  /** The first row of a select, if any. */
  first<R>(query: Compilable<R>): R | undefined;
  /** Runs an insert, update or delete; returns the number of rows changed. */
  run(query: Compilable<unknown>): number;
  /**
   * Compiles `build`'s query once (values given through `param` become bound parameters) and
   * prepares it once; the returned statement runs it with the values of each call.
   */
  prepare<P extends object, R = unknown>(build: (param: Param<P>) => Compilable<R>): Prepared<P, R>;
  /** Copies the write-ahead log into the database file (call when idle, e.g. each minute). */
  checkpoint(): void;
  /** Whether a transaction is open on this connection. */
  inTransaction(): boolean;
  /** Runs SQL text as is (tests that arrange a failure; everything else uses the builder). */
  exec(sqlText: string): void;
  /**
   * Runs `work` in one transaction (nested calls join the outer one). A `durable` one is synced
   * to disk before this returns (survives a power cut); the others survive a killed process and
   * reach the disk with the next durable commit or checkpoint.
   */
  transaction<T>(work: () => T, options?: { durable?: boolean }): T;
  /** Where the file is, or ":memory:". */
  readonly file: string;
  close(): void;
}

const builder = sqliteBuilder<Tables>();

const open = new Map<string, Database>();

/**
 * The database of `dataDir`, created and migrated on first use. One instance per folder and
 * process (a second open returns the same one), like the JSON documents.
 */
export function openDatabase(dataDir: string): Database {
  const file = resolve(join(dataDir, DATABASE_FILE));
  const existing = open.get(file);
  if (existing) return existing;
  mkdirSync(resolve(dataDir), { recursive: true });
  let sqlite: Sqlite.Database;
  try {
    sqlite = new Sqlite(file);
  } catch (error) {
    throw new StoreError(`Cannot open ${file}: ${(error as Error).message}`, file, {
      cause: error,
    });
  }
  const db = wrap(sqlite, file, () => open.delete(file));
  open.set(file, db);
  return db;
}

/** A private in-memory database, migrated (tests and the `--dry-run` commands). */
export function memoryDatabase(): Database {
  return wrap(new Sqlite(":memory:"), ":memory:", () => undefined);
}

/** Closes every database opened with `openDatabase` (tests that "restart" a process). */
export function closeAllDatabases(): void {
  for (const db of [...open.values()]) db.close();
}

function wrap(sqlite: Sqlite.Database, file: string, forget: () => void): Database {
  // WAL lets reads go on during a write. Commits are synced only when asked (`durable`): what is
  // acknowledged to a platform or receipted to a person; a sync also carries every commit before
  // it, since the log is one file written in order.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = NORMAL");
  // The log is copied into the file every 1,000 pages (SQLite's default: a small, quick copy);
  // a large log made one copy stall the event loop for seconds under load (bench:load p99).
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  migrate(sqlite, file);
  const statements = new Map<string, Sqlite.Statement>();
  const syncFull = sqlite.prepare("PRAGMA synchronous = FULL");
  const syncNormal = sqlite.prepare("PRAGMA synchronous = NORMAL");
  const prepare = (query: Compilable<unknown>) => {
    const compiled = query.compile();
    let statement = statements.get(compiled.sql);
    if (!statement) {
      statement = sqlite.prepare(compiled.sql);
      statements.set(compiled.sql, statement);
    }
    return { statement, parameters: compiled.parameters as unknown[] };
  };
  // One transaction function for every call (better-sqlite3 builds a wrapper per `transaction`).
  const runTransaction = sqlite.transaction(<T>(work: () => T): T => work());
  return {
    q: builder,
    file,
    prepare<P extends object, R>(build: (param: Param<P>) => Compilable<R>): Prepared<P, R> {
      // Each named parameter is a unique marker while compiling; its positions are then bound
      // from the call's values, every other parameter keeps the constant it was compiled with.
      const markers = new Map<string, string>();
      const param = ((name: string) => {
        const marker = `\u0000param\u0000${name}\u0000`;
        markers.set(marker, name);
        return marker;
      }) as Param<P>;
      const compiled = build(param).compile();
      const slots = compiled.parameters.map((value) =>
        typeof value === "string" && markers.has(value) ? markers.get(value)! : undefined,
      );
      const constants = compiled.parameters.map((value, i) =>
        slots[i] === undefined ? value : undefined,
      );
      for (const name of markers.values()) {
        if (!slots.includes(name)) throw new Error(`parameter ${name} is not bound in the query`);
      }
      const statement = sqlite.prepare(compiled.sql);
      const bind = (params: P) => {
        const values = constants.slice();
        for (let i = 0; i < slots.length; i++) {
          const name = slots[i];
          if (name !== undefined) values[i] = (params as Record<string, unknown>)[name];
        }
        return values;
      };
      return {
        all: (params) => statement.all(...bind(params)) as R[],
        first: (params) => statement.get(...bind(params)) as R | undefined,
        run: (params) => statement.run(...bind(params)).changes,
      };
    },
    all<R>(query: Compilable<R>) {
      const { statement, parameters } = prepare(query);
      return statement.all(...parameters) as R[];
    },
    first<R>(query: Compilable<R>) {
      const { statement, parameters } = prepare(query);
      return statement.get(...parameters) as R | undefined;
    },
    run(query) {
      const { statement, parameters } = prepare(query);
      return statement.run(...parameters).changes;
    },
    inTransaction: () => sqlite.inTransaction,
    checkpoint() {
      sqlite.pragma("wal_checkpoint(PASSIVE)");
    },
    exec(sqlText) {
      sqlite.exec(sqlText);
    },
    transaction<T>(work: () => T, options: { durable?: boolean } = {}): T {
      if (sqlite.inTransaction) return work();
      if (!options.durable) return runTransaction.immediate(work) as T;
      syncFull.run();
      try {
        return runTransaction.immediate(work) as T;
      } finally {
        syncNormal.run();
      }
    },
    close() {
      forget();
      if (sqlite.open) sqlite.close();
    },
  };
}

/** Applies the migrations newer than the file's `user_version`, each in its own transaction. */
function migrate(sqlite: Sqlite.Database, file: string): void {
  const current = sqlite.pragma("user_version", { simple: true }) as number;
  const newest = MIGRATIONS.length;
  if (current > newest) {
    throw new StoreError(
      `${file} was written by a newer version of the bot (schema ${current}, this one knows ${newest}). Start the newer version or restore a backup; the file was left untouched.`,
      file,
    );
  }
  for (let version = current + 1; version <= newest; version++) {
    const steps = MIGRATIONS[version - 1] ?? [];
    sqlite.transaction(() => {
      for (const step of steps) sqlite.exec(step.compile().sql);
      sqlite.pragma(`user_version = ${version}`);
    })();
  }
}
