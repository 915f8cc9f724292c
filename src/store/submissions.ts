// Township figure submissions in the store database: every accepted submission committed before
// its receipt is handed out, the receipt numbered in the same transaction.
// The latest entry for a (township, field) in a period is its current value; earlier ones stay as
// history with who, when, channel and the raw text.
import type { Task } from "./tasks.js";
import type { Selectable } from "kysely";
import { memoryDatabase, openDatabase, type Database } from "./db/database.js";
import type { SubmissionEntryTable, SubmissionTable } from "./db/schema.js";
import { StoreInputError, parseInput } from "./input-error.js";
import {
  PeriodSchema,
  StoredSubmissionSchema,
  SubmitInputSchema,
  formatReceipt,
  parseReceipt,
  type StoredSubmission,
  type SubmitInput,
} from "./submission-schema.js";

export type { SubmitInput, StoredSubmission } from "./submission-schema.js";

/** What `submit` hands back: a receipt number a liaison can quote, and the submission time. */
export interface Receipt {
  /** "R202611-0007": unique across periods. */
  receipt: string;
  at: Date;
}

/** One version of one figure: a single entry of a stored submission. */
export interface FigureVersion {
  receipt: string;
  taskId: string;
  period: string;
  township: string;
  field: string;
  value: number;
  unit: string;
  by: { identity: string; name?: string };
  channel: string;
  raw: string;
  at: Date;
  late: boolean;
}

/** Which fields of a task a township has reported in a period (field keys, in task order). */
export interface TownshipProgress {
  township: string;
  reported: string[];
  missing: string[];
}

/** Stored township figures. Reads are synchronous (SQLite in process, indexed). */
export interface SubmissionStore {
  /** Validates and stores a submission; resolves once it is on disk. Rejects with StoreInputError. */
  submit(input: SubmitInput): Promise<Receipt>;
  /** The current value of a figure in a period. */
  latest(period: string, township: string, field: string): FigureVersion | undefined;
  /** Every version of a figure in a period, oldest first. */
  history(period: string, township: string, field: string): FigureVersion[];
  /** Current values of a period, in the order they were last reported. */
  entries(period: string): FigureVersion[];
  /** The current value in the nearest period before `beforePeriod` that has one. */
  previousValue(township: string, field: string, beforePeriod: string): FigureVersion | undefined;
  /**
   * The current values of a figure in the `count` latest periods before `beforePeriod` that have
   * one, newest first (the township's own history, for plausibility checks).
   */
  recentValues(
    township: string,
    field: string,
    beforePeriod: string,
    count: number,
  ): FigureVersion[];
  /** Reported and missing fields of `task` per township. */
  progress(task: Task, period: string, townships: readonly string[]): TownshipProgress[];
  /** Sum of the current values of `field` over townships, and how many townships reported it. */
  sum(period: string, field: string): { total: number; townships: number };
  /** The submission with this receipt number ("r202611-0007" is accepted too). */
  submission(receipt: string): StoredSubmission | undefined;
  /** Periods that have stored submissions, oldest first. */
  periods(): string[];
}

/** Extra checks `submit` applies beyond the shape of the input. */
export interface SubmissionRules {
  /** Tasks whose field keys, units, integer flags and min/max bind entries (default: not checked). */
  tasks?: readonly Task[];
  /** Township names accepted (default: any name). */
  townships?: readonly string[];
}

/** Options of `createSubmissionStore`. */
export interface SubmissionStoreOptions extends SubmissionRules {
  /** Data folder; submissions live in its database (`bot.sqlite`). */
  dir: string;
}

/** The submission store of a data folder's database. */
export function createSubmissionStore(options: SubmissionStoreOptions): SubmissionStore {
  return sqlSubmissionStore(openDatabase(options.dir), options);
}

/** An in-memory submission store for tests (the same SQL, in a memory database). */
export function memorySubmissionStore(rules: SubmissionRules = {}): SubmissionStore {
  return sqlSubmissionStore(memoryDatabase(), rules);
}

type EntryRow = Selectable<SubmissionEntryTable> & Selectable<SubmissionTable>;

/** A submission store over a store database. */
export function sqlSubmissionStore(db: Database, rules: SubmissionRules = {}): SubmissionStore {
  const { q } = db;
  const period = (p: string) => parseInput(PeriodSchema, p, "period");
  const versions = q
    .selectFrom("submission_entries as e")
    .innerJoin("submissions as s", "s.receipt", "e.receipt")
    .selectAll("e")
    .select([
      "s.task_id",
      "s.by_identity",
      "s.by_name",
      "s.channel",
      "s.raw",
      "s.at",
      "s.late",
      "s.draft_id",
    ]);
  // The current value of a figure is its entry with the highest running number in the period.
  const current = versions.where(({ not, exists, selectFrom }) =>
    not(
      exists(
        selectFrom("submission_entries as n")
          .select("n.seq")
          .whereRef("n.period", "=", "e.period")
          .whereRef("n.township", "=", "e.township")
          .whereRef("n.field", "=", "e.field")
          .whereRef("n.seq", ">", "e.seq"),
      ),
    ),
  );
  const toVersions = (rows: unknown[]) => (rows as EntryRow[]).map(toVersion);
  const recentValues = (township: string, field: string, beforePeriod: string, count: number) =>
    toVersions(
      db.all(
        current
          .where("e.period", "<", period(beforePeriod))
          .where("e.township", "=", township)
          .where("e.field", "=", field)
          .orderBy("e.period", "desc")
          .limit(count),
      ),
    );
  return {
    submit: async (input) => store(db, checkSubmission(input, rules)),
    latest: (p, township, field) => {
      const row = db.first(
        versions
          .where("e.period", "=", period(p))
          .where("e.township", "=", township)
          .where("e.field", "=", field)
          .orderBy("e.seq", "desc")
          .limit(1),
      );
      return row ? toVersion(row as EntryRow) : undefined;
    },
    history: (p, township, field) =>
      toVersions(
        db.all(
          versions
            .where("e.period", "=", period(p))
            .where("e.township", "=", township)
            .where("e.field", "=", field)
            .orderBy("e.seq"),
        ),
      ),
    entries: (p) =>
      toVersions(
        db.all(current.where("e.period", "=", period(p)).orderBy("e.seq").orderBy("e.pos")),
      ),
    previousValue: (township, field, beforePeriod) =>
      recentValues(township, field, beforePeriod, 1)[0],
    recentValues,
    progress: (task, p, townships) => {
      const rows = db.all(
        q
          .selectFrom("submission_entries")
          .select(["township", "field"])
          .distinct()
          .where("period", "=", period(p)),
      );
      const reported = new Set(rows.map((r) => figureKey(r.township, r.field)));
      const keys = task.fields.map((f) => f.key);
      return townships.map((township) => ({
        township,
        reported: keys.filter((k) => reported.has(figureKey(township, k))),
        missing: keys.filter((k) => !reported.has(figureKey(township, k))),
      }));
    },
    sum: (p, field) => {
      const values = db
        .all(current.where("e.period", "=", period(p)).where("e.field", "=", field))
        .map((r) => (r as EntryRow).value);
      const total = values.reduce((a, b) => a + b, 0);
      // Drop binary floating-point noise: 0.1 + 0.2 is 0.3 in a report.
      return { total: Number(total.toPrecision(12)), townships: values.length };
    },
    submission: (receipt) => {
      const parts = parseReceipt(receipt);
      if (!parts) return undefined;
      const wanted = formatReceipt(parts.period, parts.seq);
      const rows = toVersions(db.all(versions.where("e.receipt", "=", wanted).orderBy("e.pos")));
      return rows.length ? toStored(rows) : undefined;
    },
    periods: () =>
      db
        .all(q.selectFrom("submissions").select("period").distinct().orderBy("period"))
        .map((r) => r.period),
  };
}

type CheckedInput = ReturnType<typeof checkSubmission>;

/** Validates the shape with zod, then the task and roster rules. */
function checkSubmission(input: SubmitInput, rules: SubmissionRules) {
  const parsed = parseInput(SubmitInputSchema, input, "submission");
  if (rules.townships && !rules.townships.includes(parsed.township)) {
    throw new StoreInputError(`Refused submission: "${parsed.township}" is not in the roster`);
  }
  if (rules.tasks) checkAgainstTask(parsed, rules.tasks);
  return parsed;
}

function checkAgainstTask(input: CheckedInput, tasks: readonly Task[]): void {
  const task = tasks.find((t) => t.id === input.taskId);
  if (!task) throw new StoreInputError(`Refused submission: unknown task "${input.taskId}"`);
  for (const entry of input.entries) {
    const problem = entryProblem(task, entry);
    if (problem) throw new StoreInputError(`Refused submission: ${problem}`, [problem]);
  }
}

/** Why an entry does not fit its task field, or undefined when it does. */
function entryProblem(task: Task, entry: { field: string; value: number; unit: string }) {
  const field = task.fields.find((f) => f.key === entry.field);
  if (!field) return `task ${task.id} has no field "${entry.field}"`;
  if (entry.unit !== field.unit)
    return `${field.key} is counted in ${field.unit}, not ${entry.unit}`;
  if (field.integer && !Number.isInteger(entry.value)) return `${field.key} must be a whole number`;
  if (entry.value < field.min || (field.max !== undefined && entry.value > field.max)) {
    return `${field.key} must lie within ${field.min}–${field.max ?? "∞"}`;
  }
  return undefined;
}

/**
 * Stores a checked submission: the receipt number, the submission and its entries in one
 * transaction. A draft already stored returns its first receipt instead of a second submission.
 */
async function store(db: Database, input: CheckedInput): Promise<Receipt> {
  const { q } = db;
  return db.transaction(
    () => {
      if (input.draftId !== undefined) {
        const done = db.first(
          q
            .selectFrom("submissions")
            .select(["receipt", "at"])
            .where("draft_id", "=", input.draftId),
        );
        if (done) return { receipt: done.receipt, at: new Date(done.at) };
      }
      const counter = db.first(
        q.selectFrom("receipt_counters").select("last_seq").where("period", "=", input.period),
      );
      const seq = (counter?.last_seq ?? 0) + 1;
      db.run(
        q
          .insertInto("receipt_counters")
          .values({ period: input.period, last_seq: seq })
          .onConflict((c) => c.column("period").doUpdateSet({ last_seq: seq })),
      );
      const receipt = formatReceipt(input.period, seq);
      const at = input.at.toISOString();
      db.run(
        q.insertInto("submissions").values({
          receipt,
          period: input.period,
          seq,
          task_id: input.taskId,
          township: input.township,
          by_identity: input.by.identity,
          by_name: input.by.name ?? null,
          channel: input.channel,
          raw: input.raw,
          at,
          late: input.late ? 1 : 0,
          draft_id: input.draftId ?? null,
        }),
      );
      input.entries.forEach((entry, pos) => {
        db.run(
          q.insertInto("submission_entries").values({
            receipt,
            pos,
            period: input.period,
            seq,
            township: input.township,
            field: entry.field,
            value: entry.value,
            unit: entry.unit,
          }),
        );
      });
      return { receipt, at: new Date(at) };
    },
    { durable: true },
  ); // a receipt is shown only for what is on disk
}

function toVersion(row: EntryRow): FigureVersion {
  return {
    receipt: row.receipt,
    taskId: row.task_id,
    period: row.period,
    township: row.township,
    field: row.field,
    value: row.value,
    unit: row.unit,
    by:
      row.by_name === null
        ? { identity: row.by_identity }
        : { identity: row.by_identity, name: row.by_name },
    channel: row.channel,
    raw: row.raw,
    at: new Date(row.at),
    late: row.late === 1,
  };
}

/** A submission put back together from its entries (all of one receipt, in order). */
function toStored(versions: FigureVersion[]): StoredSubmission {
  const [first] = versions as [FigureVersion];
  return StoredSubmissionSchema.parse({
    receipt: first.receipt,
    taskId: first.taskId,
    township: first.township,
    entries: versions.map((v) => ({ field: v.field, value: v.value, unit: v.unit })),
    by: { ...first.by },
    channel: first.channel,
    raw: first.raw,
    at: first.at.toISOString(),
    late: first.late,
  });
}

function figureKey(township: string, field: string): string {
  return `${township}\u0000${field}`;
}
