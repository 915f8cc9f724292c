// Moves a data folder written by the JSON-file versions into the database, once: submissions
// (`submissions/YYYY-MM.json`), bindings and invites (`bindings.json`), conversations
// (`conversations.json`), the reminder ledger (`reminders/ledger.json`) and the handled platform
// ids (`*-seen.json`, kept as handled inbox rows so a redelivery after the upgrade is still
// refused). Every file is read and validated first: a broken one stops the start with its name
// and nothing changes. The files are copied to `backup-json-<time>/`, imported in one
// transaction that also records the import, and only then removed.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";
import { ConversationSchema, STATE_VERSION } from "../../core/state.js";
import { LedgerSchema, ledgerKeyText } from "../../reminders/ledger.js";
import { BindingsDataSchema } from "../bindings.js";
import { readJsonFile } from "../json-doc.js";
import { PeriodFileSchema, parseReceipt } from "../submission-schema.js";
import { openDatabase, type Database } from "./database.js";

/** Where the import reports what it did (console fits). */
export interface ImportLogger {
  info(message: string): void;
}

const SEEN_FILES: Record<string, string> = {
  "telegram-seen.json": "telegram",
  "wecom-app-seen.json": "wecom-app",
  "wecom-robot-seen.json": "wecom-robot",
};

const StateFileSchema = z.object({
  version: z.number().int(),
  conversations: z.record(z.string(), ConversationSchema),
});
const SeenSchema = z.object({ ids: z.array(z.string()) });

/** The JSON files of an old data folder, relative to it. */
function oldFiles(dataDir: string): string[] {
  const files: string[] = [];
  const submissions = join(dataDir, "submissions");
  if (existsSync(submissions)) {
    for (const name of readdirSync(submissions).sort()) {
      if (/^\d{4}-\d{2}\.json$/.test(name)) files.push(join("submissions", name));
    }
  }
  for (const name of [
    "bindings.json",
    "conversations.json",
    join("reminders", "ledger.json"),
    ...Object.keys(SEEN_FILES),
  ]) {
    if (existsSync(join(dataDir, name))) files.push(name);
  }
  return files;
}

/** Imports an old data folder into `db` if it has JSON files left; returns what was imported. */
export function importJsonDataDir(
  dataDir: string,
  db: Database,
  log: ImportLogger = console,
  now = new Date(),
): { files: number; submissions: number } | undefined {
  const files = oldFiles(dataDir);
  if (files.length === 0) return undefined;
  const { q } = db;
  const done = db.first(q.selectFrom("meta").select("value").where("key", "=", "json-import"));
  const backup = join(dataDir, `backup-json-${now.toISOString().replace(/[:.]/g, "-")}`);
  if (done) {
    // A crash after the import and before the files were removed: they are in the database.
    moveAway(dataDir, files, backup);
    log.info(`store: JSON files already imported on ${done.value}; moved to ${backup}`);
    return undefined;
  }
  const read = readAll(dataDir, files);
  copyAll(dataDir, files, backup);
  db.transaction(
    () => {
      for (const insert of read.inserts) insert(db);
      db.run(q.insertInto("meta").values({ key: "json-import", value: now.toISOString() }));
    },
    { durable: true },
  );
  for (const file of files) rmSync(join(dataDir, file));
  log.info(
    `store: moved ${files.length} JSON files (${read.submissions} submissions) into ${db.file}; the originals are kept in ${backup}`,
  );
  return { files: files.length, submissions: read.submissions };
}

type Insert = (db: Database) => void;

/** Reads and validates every file before anything is written. */
function readAll(dataDir: string, files: string[]): { inserts: Insert[]; submissions: number } {
  const inserts: Insert[] = [];
  let submissions = 0;
  for (const file of files) {
    const path = join(dataDir, file);
    if (file.startsWith("submissions")) {
      const data = readJsonFile(path, PeriodFileSchema);
      if (!data) continue;
      submissions += data.submissions.length;
      inserts.push((db) => insertPeriod(db, data));
    } else if (file === "bindings.json") {
      const data = readJsonFile(path, BindingsDataSchema);
      if (data) inserts.push((db) => insertBindings(db, data));
    } else if (file === "conversations.json") {
      const data = readJsonFile(path, StateFileSchema);
      if (data && data.version === STATE_VERSION) {
        inserts.push((db) => insertConversations(db, data.conversations));
      }
    } else if (file === join("reminders", "ledger.json")) {
      const data = readJsonFile(path, LedgerSchema);
      if (data) inserts.push((db) => insertLedger(db, data));
    } else {
      const door = SEEN_FILES[file];
      const data = readJsonFile(path, SeenSchema);
      if (door && data) inserts.push((db) => insertSeen(db, door, data.ids));
    }
  }
  return { inserts, submissions };
}

function insertPeriod(db: Database, file: z.infer<typeof PeriodFileSchema>): void {
  const { q } = db;
  for (const s of file.submissions) {
    const seq = parseReceipt(s.receipt)?.seq ?? 0;
    db.run(
      q.insertInto("submissions").values({
        receipt: s.receipt,
        period: file.period,
        seq,
        task_id: s.taskId,
        township: s.township,
        by_identity: s.by.identity,
        by_name: s.by.name ?? null,
        channel: s.channel,
        raw: s.raw,
        at: s.at,
        late: s.late ? 1 : 0,
        draft_id: null,
      }),
    );
    s.entries.forEach((e, pos) => {
      db.run(
        q.insertInto("submission_entries").values({
          receipt: s.receipt,
          pos,
          period: file.period,
          seq,
          township: s.township,
          field: e.field,
          value: e.value,
          unit: e.unit,
        }),
      );
    });
  }
  db.run(q.insertInto("receipt_counters").values({ period: file.period, last_seq: file.lastSeq }));
}

function insertBindings(db: Database, data: z.infer<typeof BindingsDataSchema>): void {
  const { q } = db;
  for (const b of data.bindings) {
    db.run(
      q.insertInto("bindings").values({
        identity: b.identity,
        township: b.township,
        name: b.name ?? null,
        bound_at: b.boundAt,
      }),
    );
  }
  for (const i of data.invites) {
    db.run(
      q.insertInto("invites").values({
        code: i.code,
        township: i.township,
        created_by: i.createdBy,
        created_at: i.createdAt,
        expires_at: i.expiresAt,
        used_by: i.usedBy ?? null,
        used_at: i.usedAt ?? null,
      }),
    );
  }
}

function insertConversations(
  db: Database,
  conversations: Record<string, z.infer<typeof ConversationSchema>>,
): void {
  const updated_at = new Date().toISOString();
  for (const [key, conversation] of Object.entries(conversations)) {
    const data = JSON.stringify({ version: STATE_VERSION, conversation });
    db.run(db.q.insertInto("conversations").values({ key, data, updated_at }));
  }
}

function insertLedger(db: Database, data: z.infer<typeof LedgerSchema>): void {
  for (const e of Object.values(data.entries)) {
    db.run(
      db.q.insertInto("reminder_ledger").values({
        key: ledgerKeyText(e),
        task: e.task,
        period: e.period,
        reminder: e.reminder,
        recipient: e.recipient,
        state: e.state,
        at: e.at,
        late: e.late ? 1 : 0,
        done_at: e.doneAt ?? null,
        error: e.error ?? null,
      }),
    );
  }
}

function insertSeen(db: Database, door: string, ids: string[]): void {
  const at = new Date().toISOString();
  for (const id of ids) {
    // Telegram's were kept as "telegram:<update_id>", as the inbox keys them.
    db.run(
      db.q
        .insertInto("inbox")
        .values({
          door,
          key: id,
          chat: "",
          payload: "null",
          received_at: at,
          state: "done",
          attempts: 0,
          done_at: at,
          error: null,
        })
        .onConflict((c) => c.columns(["door", "key"]).doNothing()),
    );
  }
}

function copyAll(dataDir: string, files: string[], backup: string): void {
  for (const file of files) {
    const to = join(backup, file);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(dataDir, file), to);
  }
}

function moveAway(dataDir: string, files: string[], backup: string): void {
  copyAll(dataDir, files, backup);
  for (const file of files) rmSync(join(dataDir, file));
}

/**
 * Opens the database of a data folder and moves an old JSON data folder into it (once). Call it
 * before any store of the folder is opened.
 */
export function prepareDataDir(dataDir: string, log: ImportLogger = console): Database {
  const db = openDatabase(dataDir);
  importJsonDataDir(dataDir, db, log);
  return db;
}
