// What changed in a week: figures submitted or corrected within (from, to], and each changed
// field's district total as it stood at `from` and at `to`. Pure over the submission store's reads.
import type { Period } from "../core/period.js";
import type { Task, TaskField } from "../store/tasks.js";

/** One version of one township's figure (a `FigureVersion` of the submission store fits). */
export interface DigestFigure {
  taskId: string;
  township: string;
  field: string;
  value: number;
  at: Date;
}

/** The submitted figures a digest reads (the `SubmissionStore` fits). */
export interface DigestFigures {
  /** Periods with stored submissions, oldest first. */
  periods(): string[];
  /** The current value of every figure of a period. */
  entries(period: string): DigestFigure[];
  /** Every version of one figure of a period, oldest first. */
  history(period: string, township: string, field: string): DigestFigure[];
}

/** One field's district total a week ago and now. */
export interface FieldChange {
  field: TaskField;
  before: number;
  now: number;
}

/** What changed in one period's figures within the week. */
export interface PeriodChanges {
  period: Period;
  /** Townships with a figure submitted for the first time this week. */
  newTownships: number;
  /** Figures that already had a value and were corrected this week. */
  corrected: number;
  /** Fields with a figure submitted or corrected, in the task's field order. */
  fields: FieldChange[];
}

/**
 * The task's figures submitted or corrected within (from, to], per period, the most recent period
 * first. A figure is found by its current version (versions only grow newer), then read as of
 * `from` and as of `to` in its history.
 */
export function weeklyChanges(
  task: Task,
  figures: DigestFigures,
  from: Date,
  to: Date,
): PeriodChanges[] {
  return [...figures.periods()]
    .sort()
    .reverse()
    .flatMap((period) => {
      const changes = periodChanges(task, figures, period, from, to);
      return changes ? [changes] : [];
    });
}

function periodChanges(
  task: Task,
  figures: DigestFigures,
  period: Period,
  from: Date,
  to: Date,
): PeriodChanges | undefined {
  const keys = new Set(task.fields.map((f) => f.key));
  const current = figures.entries(period).filter((e) => e.taskId === task.id && keys.has(e.field));
  const recent = current.filter((e) => e.at > from);
  if (recent.length === 0) return undefined;
  const totals = new Map<string, { before: number; now: number; touched: boolean }>();
  const total = (field: string) => {
    const t = totals.get(field) ?? { before: 0, now: 0, touched: false };
    totals.set(field, t);
    return t;
  };
  for (const e of current.filter((c) => c.at <= from)) {
    total(e.field).before += e.value;
    total(e.field).now += e.value;
  }
  const fresh = new Set<string>();
  let corrected = 0;
  for (const e of recent) {
    const versions = figures.history(period, e.township, e.field);
    const before = valueAt(versions, from);
    const t = total(e.field);
    t.before += before ?? 0;
    // Changed only after `to` (a run for an instant in the past): as it stood, unchanged.
    if (!versions.some((v) => v.at > from && v.at <= to)) {
      t.now += before ?? 0;
      continue;
    }
    t.now += valueAt(versions, to) ?? 0;
    t.touched = true;
    if (before === undefined) fresh.add(e.township);
    else corrected++;
  }
  const fields = task.fields.flatMap((field) => {
    const t = totals.get(field.key);
    return t?.touched ? [{ field, before: t.before, now: t.now }] : [];
  });
  if (fields.length === 0) return undefined;
  return { period, newTownships: fresh.size, corrected, fields };
}

/** The value of the last version at or before `instant`. */
function valueAt(versions: DigestFigure[], instant: Date): number | undefined {
  return versions.filter((v) => v.at <= instant).at(-1)?.value;
}
