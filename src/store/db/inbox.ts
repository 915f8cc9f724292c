// The durable inbox and outbox in the store database.
import type { InboundItem, InboxStore, StoredInbound, StoredOutgoing } from "../../inbox/types.js";
import type { Selectable } from "kysely";
import { memoryDatabase, openDatabase, type Database } from "./database.js";
import type { InboxTable } from "./schema.js";

/** The inbox and outbox of a store database. */
export function sqlInbox(db: Database): InboxStore {
  const { q } = db;
  // The statements of every message (insert before the ack; commit, send marks after handling):
  // compiled and prepared once.
  const insertInbound = db.prepare<
    { door: string; key: string; chat: string; payload: string; received_at: string },
    { id: number }
  >((p) =>
    q
      .insertInto("inbox")
      .values({
        door: p("door"),
        key: p("key"),
        chat: p("chat"),
        payload: p("payload"),
        received_at: p("received_at"),
        state: "new",
        attempts: 0,
        done_at: null,
        error: null,
      })
      .onConflict((c) => c.columns(["door", "key"]).doNothing())
      .returning("id"),
  );
  const insertOutgoing = db.prepare<
    { inbox_id: number; door: string; target: string; body: string; created_at: string },
    { id: number }
  >((p) =>
    q
      .insertInto("outbox")
      .values({
        inbox_id: p("inbox_id"),
        door: p("door"),
        target: p("target"),
        body: p("body"),
        state: "pending",
        attempts: 0,
        created_at: p("created_at"),
        sent_at: null,
        error: null,
      })
      .returning("id"),
  );
  const markDone = db.prepare<{ id: number; done_at: string }>((p) =>
    q
      .updateTable("inbox")
      .set((eb) => ({ state: "done", done_at: p("done_at"), attempts: eb("attempts", "+", 1) }))
      .where("id", "=", p("id")),
  );
  const markSending = db.prepare<{ id: number }>((p) =>
    q
      .updateTable("outbox")
      .set((eb) => ({ state: "sending", attempts: eb("attempts", "+", 1) }))
      .where("id", "=", p("id")),
  );
  const markSent = db.prepare<{ id: number; sent_at: string }>((p) =>
    q
      .updateTable("outbox")
      .set({ state: "sent", sent_at: p("sent_at") })
      .where("id", "=", p("id")),
  );
  const markEnded = db.prepare<{ id: number; state: "unsure" | "failed"; error: string }>((p) =>
    q
      .updateTable("outbox")
      .set({ state: p("state"), error: p("error") })
      .where("id", "=", p("id")),
  );
  // Pulled a window at a time by the delivery loop while it handles a burst.
  const selectUnfinished = db.prepare<{ after: number; limit: number }, Selectable<InboxTable>>(
    (p) =>
      q
        .selectFrom("inbox")
        .selectAll()
        .where("state", "=", "new")
        .where("id", ">", p("after"))
        .orderBy("id")
        .limit(p("limit")),
  );
  /** Inserts one message in the open transaction; undefined when (door, key) was stored before. */
  const insert = (item: InboundItem, receivedAt: string) =>
    insertInbound.first({
      door: item.door,
      key: item.key,
      chat: item.chat,
      payload: JSON.stringify(item.payload),
      received_at: receivedAt,
    })?.id;

  const inbox: InboxStore = {
    // Durable: the platform is told "received" once this returns.
    takeAll(items, now) {
      const receivedAt = now.toISOString();
      return db.transaction(
        () => {
          const ids: (number | undefined)[] = new Array<number | undefined>(items.length);
          for (let i = 0; i < items.length; i++) ids[i] = insert(items[i]!, receivedAt);
          return ids;
        },
        { durable: true },
      );
    },
    take(item, now) {
      if (!db.inTransaction()) return inbox.takeAll([item], now)[0];
      return insert(item, now.toISOString());
    },
    unfinished: (after = 0, limit = Number.MAX_SAFE_INTEGER) =>
      selectUnfinished.all({ after, limit }).map((row): StoredInbound => ({
        id: row.id,
        door: row.door,
        key: row.key,
        chat: row.chat,
        payload: JSON.parse(row.payload) as unknown,
        attempts: row.attempts,
      })),
    finish(id, outgoing, effects, now) {
      const at = now.toISOString();
      return db.transaction(() => {
        effects();
        const recorded = outgoing.map((send): StoredOutgoing => {
          const row = insertOutgoing.first({
            inbox_id: id,
            door: send.door,
            target: send.target,
            body: JSON.stringify(send.body),
            created_at: at,
          });
          return { ...send, id: row?.id ?? 0, state: "pending", attempts: 0 };
        });
        markDone.run({ id, done_at: at });
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
      markSending.run({ id });
    },
    sent(id, now) {
      markSent.run({ id, sent_at: now.toISOString() });
    },
    unsure(id, error) {
      markEnded.run({ id, state: "unsure", error: error.slice(0, 500) });
    },
    failed(id, error) {
      markEnded.run({ id, state: "failed", error: error.slice(0, 500) });
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
