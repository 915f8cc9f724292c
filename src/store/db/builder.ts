// kysely set up to build and compile SQLite queries without running them (its "DummyDriver"
// recipe); better-sqlite3 runs the compiled SQL. A PostgreSQL store swaps the compiler.
import {
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";

/** A query builder for SQLite that only compiles. */
export function sqliteBuilder<T>(): Kysely<T> {
  return new Kysely<T>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}
