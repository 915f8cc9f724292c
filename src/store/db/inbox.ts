// The durable inbox and outbox in the store database.
import type { InboxStore, StoredInbound, StoredOutgoing } from "../../inbox/types.js";
import { memoryDatabase, openDatabase, type Database } from "./database.js";

/** The inbox and outbox of a store database. */
export function sqlInbox(db: Database): InboxStore {
  const { q } = db;
  const inbox: InboxStore = {
    // Durable: the platform is told "received" once this returns.
    takeAll: (items, now) =>
      db.transaction(() => items.map((item) => inbox.take(item, now)), { durable: true }),
    take(item, now) {
      if (!db.inTransaction()) return inbox.takeAll([item], now)[0];
      const row = db.first(
        q
          .insertInto("inbox")
          .values({
            door: item.door,
            key: item.key,
            chat: item.chat,
            payload: JSON.stringify(item.payload),
            received_at: now.toISOString(),
            state: "new",
            attempts: 0,
            done_at: null,
            error: null,
          })
          .onConflict((c) => c.columns(["door", "key"]).doNothing())
          .returning("id"),
      );
      return row?.id;
    },
    unfinished: () =>
      db
        .all(q.selectFrom("inbox").selectAll().where("state", "=", "new").orderBy("id"))
        .map((row): StoredInbound => ({
          id: row.id,
          door: row.door,
          key: row.key,
          chat: row.chat,
          payload: JSON.parse(row.payload) as unknown,
          attempts: row.attempts,
        })),
    finish(id, outgoing, effects, now) {
      return db.transaction(() => {
        effects();
        const recorded = outgoing.map((send): StoredOutgoing => {
          const body = JSON.stringify(send.body);
          const row = db.first(
            q
              .insertInto("outbox")
              .values({
                inbox_id: id,
                door: send.door,
                target: send.target,
                body,
                state: "pending",
                attempts: 0,
                created_at: now.toISOString(),
                sent_at: null,
                error: null,
              })
              .returning("id"),
          );
          return { ...send, id: row?.id ?? 0, state: "pending", attempts: 0 };
        });
        db.run(
          q
            .updateTable("inbox")
            .set((eb) => ({
              state: "done",
              done_at: now.toISOString(),
              attempts: eb("attempts", "+", 1),
            }))
            .where("id", "=", id),
        );
        return recorded;
      });
    },
    unsent: () =>
      db
        .all(
          q
            .selectFrom("outbox")
            .selectAll()
            .where("state", "in", ["pending", "sending"])
            .orderBy("id"),
        )
        .map((row): StoredOutgoing => ({
          id: row.id,
          door: row.door,
          target: row.target,
          body: JSON.parse(row.body) as unknown,
          state: row.state === "sending" ? "sending" : "pending",
          attempts: row.attempts,
        })),
    sending(id) {
      db.run(
        q
          .updateTable("outbox")
          .set((eb) => ({ state: "sending", attempts: eb("attempts", "+", 1) }))
          .where("id", "=", id),
      );
    },
    sent(id, now) {
      db.run(
        q
          .updateTable("outbox")
          .set({ state: "sent", sent_at: now.toISOString() })
          .where("id", "=", id),
      );
    },
    unsure(id, error) {
      db.run(
        q
          .updateTable("outbox")
          .set({ state: "unsure", error: error.slice(0, 500) })
          .where("id", "=", id),
      );
    },
    failed(id, error) {
      db.run(
        q
          .updateTable("outbox")
          .set({ state: "failed", error: error.slice(0, 500) })
          .where("id", "=", id),
      );
    },
    prune(before) {
      const cutoff = before.toISOString();
      return db.transaction(
        () =>
          db.run(
            q.deleteFrom("inbox").where("state", "!=", "new").where("received_at", "<", cutoff),
          ) +
          db.run(
            q
              .deleteFrom("outbox")
              .where("state", "not in", ["pending", "sending"])
              .where("created_at", "<", cutoff),
          ),
      );
    },
    counts() {
      const count = (table: "inbox" | "outbox") =>
        Object.fromEntries(
          db
            .all(
              q
                .selectFrom(table)
                .select(["state", (eb) => eb.fn.countAll<number>().as("n")])
                .groupBy("state"),
            )
            .map((r) => [r.state, r.n]),
        );
      return { inbox: count("inbox"), outbox: count("outbox") };
    },
  };
  return inbox;
}

/** The inbox of a data folder's database. */
export function openInbox(dataDir: string): InboxStore {
  return sqlInbox(openDatabase(dataDir));
}

/** An in-memory inbox for tests. */
export function memoryInbox(): InboxStore {
  return sqlInbox(memoryDatabase());
}
