// The reminder ledger: one entry per (task, period, reminder, recipient) that was handed to a
// channel. It is the only memory of what went out; the schedule says what should.
//
// At-most-once (!): an entry is written as "attempt" and on disk *before* the message is handed to
// the transport, then set to "sent" or "failed". A process that dies in between leaves "attempt"
// behind; the next process treats it as sent and never repeats it (see `uncertain`). Retries after
// a rejected send happen inside the outbox of the same process, where a rejection means the
// channel refused the message, so retrying does not duplicate it.
import { join } from "node:path";
import { z } from "zod";
import { addMonths, periodOf, type Period } from "../core/period.js";
import { memoryDoc, openJsonDoc, type JsonDoc } from "../store/json-doc.js";
import { queueOf } from "../store/serial.js";

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

const LedgerSchema = z.object({
  version: z.literal(1),
  entries: z.record(z.string(), EntrySchema),
});
type LedgerData = z.infer<typeof LedgerSchema>;

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

/** The ledger file inside a data folder. */
export function ledgerFile(dataDir: string): string {
  return join(dataDir, "reminders", "ledger.json");
}

/** A ledger over a JSON document. */
export function createLedger(doc: JsonDoc<LedgerData>): ReminderLedger {
  const queue = queueOf(doc);
  const change = (fn: (data: LedgerData) => void) => queue(() => doc.update(fn));
  return {
    get: (key) => doc.data.entries[ledgerKeyText(key)],
    markAttempt: (key, at, late) =>
      change((data) => {
        prune(data, at);
        data.entries[ledgerKeyText(key)] = { ...key, state: "attempt", at: at.toISOString(), late };
      }),
    markDone: (key, at, outcome, error) =>
      change((data) => {
        const entry = data.entries[ledgerKeyText(key)];
        if (!entry) return;
        entry.state = outcome;
        entry.doneAt = at.toISOString();
        if (error !== undefined) entry.error = error.slice(0, 500);
      }),
    remindersOf: (task, period) =>
      new Set(
        Object.values(doc.data.entries)
          .filter((e) => e.task === task && e.period === period)
          .map((e) => e.reminder),
      ),
    uncertain: () => Object.values(doc.data.entries).filter((e) => e.state === "attempt"),
    entries: () => Object.values(doc.data.entries),
  };
}

const emptyLedger = (): LedgerData => ({ version: 1, entries: {} });

/** The ledger persisted in `file` (usually `ledgerFile(dataDir)`). */
export function openLedger(file: string): ReminderLedger {
  return createLedger(openJsonDoc(file, LedgerSchema, emptyLedger));
}

/** An in-memory ledger for tests. */
export function memoryLedger(): ReminderLedger {
  return createLedger(memoryDoc(emptyLedger()));
}

/** Keeps the file bounded: drops periods more than LEDGER_KEEP_MONTHS before `now`'s. */
function prune(data: LedgerData, now: Date): void {
  const oldest = addMonths(periodOf(now), -LEDGER_KEEP_MONTHS);
  for (const [text, entry] of Object.entries(data.entries)) {
    if (entry.period < oldest) delete data.entries[text];
  }
}
