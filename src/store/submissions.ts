// Township figure submissions: one lowdb file per reporting period (`submissions/YYYY-MM.json`),
// one writer per file, every accepted submission on disk before its receipt is handed out.
// The latest entry for a (township, field) in a period is its current value; earlier ones stay as
// history with who, when, channel and the raw text.
import type { Task } from "./tasks.js";
import { openPeriodDocs, memoryPeriodDocs, type PeriodDocs } from "./period-docs.js";
import { StoreInputError, parseInput } from "./input-error.js";
import { queueOf } from "./serial.js";
import {
  PeriodSchema,
  SubmitInputSchema,
  formatReceipt,
  parseReceipt,
  type PeriodFile,
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

/** Stored township figures. Reads are synchronous: period files are small and held in memory. */
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
  /** Data folder; period files go to `${dir}/submissions/`. */
  dir: string;
}

/** A submission store over period files in `${dir}/submissions/`. */
export function createSubmissionStore(options: SubmissionStoreOptions): SubmissionStore {
  return submissionStoreOver(openPeriodDocs(options.dir), options);
}

/** An in-memory submission store for tests. */
export function memorySubmissionStore(rules: SubmissionRules = {}): SubmissionStore {
  return submissionStoreOver(memoryPeriodDocs(), rules);
}

/** A submission store over any source of period documents. */
export function submissionStoreOver(
  docs: PeriodDocs,
  rules: SubmissionRules = {},
): SubmissionStore {
  const read = (period: string) => docs.read(parseInput(PeriodSchema, period, "period"));
  const current = (period: string) => currentValues(read(period));
  return {
    submit: async (input) => store(docs, checkSubmission(input, rules)),
    latest: (period, township, field) => current(period).get(figureKey(township, field)),
    history: (period, township, field) =>
      versionsOf(read(period)).filter((v) => v.township === township && v.field === field),
    entries: (period) => [...current(period).values()].sort((a, b) => compareReceipts(a, b)),
    previousValue: (township, field, beforePeriod) => {
      const before = parseInput(PeriodSchema, beforePeriod, "period");
      const earlier = docs.periods().filter((p) => p < before);
      for (const period of earlier.reverse()) {
        const found = current(period).get(figureKey(township, field));
        if (found) return found;
      }
      return undefined;
    },
    progress: (task, period, townships) => progressOf(current(period), task, townships),
    sum: (period, field) => sumOf(current(period), field),
    submission: (receipt) => {
      const parts = parseReceipt(receipt);
      if (!parts) return undefined;
      const wanted = formatReceipt(parts.period, parts.seq);
      return read(parts.period).submissions.find((s) => s.receipt === wanted);
    },
    periods: () => docs.periods(),
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

/** Writes a checked submission to its period file, one submission at a time per file. */
async function store(docs: PeriodDocs, input: CheckedInput): Promise<Receipt> {
  const doc = docs.open(input.period);
  return queueOf(doc)(async () => {
    const seq = doc.data.lastSeq + 1;
    const receipt = formatReceipt(input.period, seq);
    const record: StoredSubmission = {
      receipt,
      taskId: input.taskId,
      township: input.township,
      entries: input.entries,
      by: input.by.name === undefined ? { identity: input.by.identity } : { ...input.by },
      channel: input.channel,
      raw: input.raw,
      at: input.at.toISOString(),
      late: input.late,
    };
    await doc.update((data) => {
      data.lastSeq = seq;
      data.submissions.push(record);
    });
    return { receipt, at: new Date(record.at) };
  });
}

/** Every figure version of a period file, in storage order. */
function versionsOf(file: PeriodFile): FigureVersion[] {
  return file.submissions.flatMap((s) =>
    s.entries.map((e) => ({
      receipt: s.receipt,
      taskId: s.taskId,
      period: file.period,
      township: s.township,
      field: e.field,
      value: e.value,
      unit: e.unit,
      by: { ...s.by },
      channel: s.channel,
      raw: s.raw,
      at: new Date(s.at),
      late: s.late,
    })),
  );
}

/** Current value per (township, field): the last one stored wins (storage order, not `at`). */
function currentValues(file: PeriodFile): Map<string, FigureVersion> {
  const map = new Map<string, FigureVersion>();
  for (const version of versionsOf(file))
    map.set(figureKey(version.township, version.field), version);
  return map;
}

function progressOf(
  current: Map<string, FigureVersion>,
  task: Task,
  townships: readonly string[],
): TownshipProgress[] {
  const keys = task.fields.map((f) => f.key);
  return townships.map((township) => ({
    township,
    reported: keys.filter((k) => current.has(figureKey(township, k))),
    missing: keys.filter((k) => !current.has(figureKey(township, k))),
  }));
}

function sumOf(
  current: Map<string, FigureVersion>,
  field: string,
): { total: number; townships: number } {
  const values = [...current.values()].filter((v) => v.field === field).map((v) => v.value);
  const total = values.reduce((a, b) => a + b, 0);
  // Drop binary floating-point noise: 0.1 + 0.2 is 0.3 in a report.
  return { total: Number(total.toPrecision(12)), townships: values.length };
}

function figureKey(township: string, field: string): string {
  return `${township}\u0000${field}`;
}

function compareReceipts(a: FigureVersion, b: FigureVersion): number {
  return (parseReceipt(a.receipt)?.seq ?? 0) - (parseReceipt(b.receipt)?.seq ?? 0);
}
