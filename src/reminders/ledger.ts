// The reminder ledger: one entry per (task, period, reminder, recipient) that was handed to a
// channel. It is the only memory of what went out; the schedule says what should.
//
// At-most-once (!): an entry is written as "attempt" and committed *before* the message is handed to
// the transport, then set to "sent" or "failed". A process that dies in between leaves "attempt"
// behind; the next process treats it as sent and never repeats it (see `uncertain`). Retries after
// a rejected send happen inside the outbox of the same process, where a rejection means the
// channel refused the message, so retrying does not duplicate it.
import { join } from "node:path";
import { z } from "zod";
import { addMonths, periodOf, type Period } from "../core/period.js";
import type { Selectable } from "kysely";
import { memoryDatabase, openDatabase, type Database } from "../store/db/database.js";
import type { ReminderLedgerTable } from "../store/db/schema.js";

/** Periods older than this many months are pruned from the ledger. */
export const LEDGER_KEEP_MONTHS = 3;

/** What one ledger entry is about. */
export interface LedgerKey {
  task: string;
  period: Period;
  /** The reminder's key ("t-3d"), or MANUAL_REMINDER for an admin's /remind. */
  reminder: string;
  /** "direct:<township>:<identity>" or "office:<target key>". */
  recipient: string;
}

const EntrySchema = z.object({
  task: z.string(),
  period: z.string(),
  reminder: z.string(),
  recipient: z.string(),
  state: z.enum(["attempt", "sent", "failed"]),
  /** When the send was attempted (ISO). */
  at: z.iso.datetime(),
  late: z.boolean(),
  doneAt: z.iso.datetime().optional(),
  error: z.string().optional(),
});
/** One recorded send. */
export type LedgerEntry = z.infer<typeof EntrySchema>;

/** The ledger file written by earlier versions (read once, when a data folder is migrated). */
export const LedgerSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), EntrySchema),
});

/** The persisted record of reminders sent. */
export interface ReminderLedger {
  get(key: LedgerKey): LedgerEntry | undefined;
  /** Records the attempt (replacing an older entry of the key); resolves once it is on disk. */
  markAttempt(key: LedgerKey, at: Date, late: boolean): Promise<void>;
  /** Records the outcome of an attempt. */
  markDone(key: LedgerKey, at: Date, outcome: "sent" | "failed", error?: string): Promise<void>;
  /** Reminder keys of a task's period that have entries. */
  remindersOf(task: string, period: Period): Set<string>;
  /** Entries still "attempt": at start-up, sends a previous process may or may not have made. */
  uncertain(): LedgerEntry[];
  entries(): LedgerEntry[];
}

/** One string per key; the recipient goes last as the only part that may contain "|". */
export function ledgerKeyText(key: LedgerKey): string {
  return `${key.task}|${key.period}|${key.reminder}|${key.recipient}`;
}

/** The ledger file earlier versions kept inside a data folder (now only migrated from). */
export function ledgerFile(dataDir: string): string {
  return join(dataDir, "reminders", "ledger.json");
}

/** A ledger in a store database (the same database as the outbox and the submissions). */
export function sqlLedger(db: Database): ReminderLedger {
  const { q } = db;
  const toEntry = (row: Selectable<ReminderLedgerTable>): LedgerEntry =>
    EntrySchema.parse({
      task: row.task,
      period: row.period,
      reminder: row.reminder,
      recipient: row.recipient,
      state: row.state,
      at: row.at,
      late: row.late === 1,
      ...(row.done_at === null ? {} : { doneAt: row.done_at }),
      ...(row.error === null ? {} : { error: row.error }),
    });
  const select = () => q.selectFrom("reminder_ledger").selectAll();
  return {
    get: (key) => {
      const row = db.first(select().where("key", "=", ledgerKeyText(key)));
      return row ? toEntry(row) : undefined;
    },
    markAttempt: async (key, at, late) => {
      db.transaction(
        () => {
          // Keeps the table bounded: periods more than LEDGER_KEEP_MONTHS back are dropped.
          const oldest = addMonths(periodOf(at), -LEDGER_KEEP_MONTHS);
          db.run(q.deleteFrom("reminder_ledger").where("period", "<", oldest));
          const row = {
            state: "attempt",
            at: at.toISOString(),
            late: late ? 1 : 0,
            done_at: null,
            error: null,
          };
          db.run(
            q
              .insertInto("reminder_ledger")
              .values({ key: ledgerKeyText(key), ...key, ...row })
              .onConflict((c) => c.column("key").doUpdateSet(row)),
          );
        },
        { durable: true },
      ); // before the send: a restart never repeats it
    },
    markDone: async (key, at, outcome, error) => {
      db.run(
        q
          .updateTable("reminder_ledger")
          .set({
            state: outcome,
            done_at: at.toISOString(),
            ...(error === undefined ? {} : { error: error.slice(0, 500) }),
          })
          .where("key", "=", ledgerKeyText(key)),
      );
    },
    remindersOf: (task, period) =>
      new Set(
        db
          .all(
            q
              .selectFrom("reminder_ledger")
              .select("reminder")
              .where("task", "=", task)
              .where("period", "=", period),
          )
          .map((r) => r.reminder),
      ),
    uncertain: () => db.all(select().where("state", "=", "attempt").orderBy("at")).map(toEntry),
    entries: () => db.all(select().orderBy("at")).map(toEntry),
  };
}

/** The ledger of a data folder (its store database). */
export function openLedger(dataDir: string): ReminderLedger {
  return sqlLedger(openDatabase(dataDir));
}

/** An in-memory ledger for tests. */
export function memoryLedger(): ReminderLedger {
  return sqlLedger(memoryDatabase());
}
