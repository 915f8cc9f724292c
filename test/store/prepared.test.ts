import { describe, expect, it } from "vitest";
import { memoryDatabase } from "../../src/store/db/database.js";

describe("prepared queries", () => {
  it("binds named parameters, repeated ones included, and keeps compiled constants", () => {
    const db = memoryDatabase();
    const { q } = db;
    const upsert = db.prepare<{ key: string; data: string; updated_at: string }>((p) =>
      q
        .insertInto("conversations")
        .values({ key: p("key"), data: p("data"), updated_at: p("updated_at") })
        .onConflict((c) =>
          c.column("key").doUpdateSet({ data: p("data"), updated_at: p("updated_at") }),
        ),
    );
    const read = db.prepare<{ key: string }, { data: string; updated_at: string }>((p) =>
      q.selectFrom("conversations").select(["data", "updated_at"]).where("key", "=", p("key")),
    );
    expect(upsert.run({ key: "a", data: "one", updated_at: "t1" })).toBe(1);
    upsert.run({ key: "a", data: "two", updated_at: "t2" });
    upsert.run({ key: "b", data: "three", updated_at: "t3" });
    expect(read.first({ key: "a" })).toEqual({ data: "two", updated_at: "t2" });
    expect(read.all({ key: "b" })).toEqual([{ data: "three", updated_at: "t3" }]);
    expect(read.first({ key: "c" })).toBeUndefined();
    db.close();
  });

  it("refuses a parameter the query does not use", () => {
    const db = memoryDatabase();
    expect(() =>
      db.prepare<{ key: string }>((p) => {
        p("key");
        return db.q.selectFrom("conversations").select("data");
      }),
    ).toThrow(/not bound/);
    db.close();
  });
});
