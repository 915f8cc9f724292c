// Reporting tasks as data (data/tasks.json): what townships report, when it is due, and when to
// remind them. Validated with zod when loaded.
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { readRequiredJsonFile } from "./json-doc.js";

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM");

/** One figure a township reports. */
export const TaskFieldSchema = z
  .object({
    /** Stable key used in submissions ("new-homestays"). */
    key: z.string().regex(/^[a-z0-9-]+$/),
    /** What people call it ("新建民宿"). */
    label: z.string().min(1),
    /** Unit the value is stored in ("户", "亩"). */
    unit: z.string().min(1),
    integer: z.boolean(),
    min: z.number().default(0),
    max: z.number().optional(),
    /** A cumulative figure may not fall below the previous period without a confirmation. */
    cumulative: z.boolean(),
    /**
     * Other names people type for the field ("民宿新建"). The label and these also find the
     * field's baseline figure in the latest report that has one.
     */
    aliases: z.array(z.string()).default([]),
  })
  .refine((f) => f.max === undefined || f.max > f.min, { message: "max must exceed min" });
export type TaskField = z.infer<typeof TaskFieldSchema>;

/** A reminder relative to the deadline: days and/or minutes before (negative) or after it. */
export const ReminderSchema = z.object({
  /** Stable key recorded in the reminder ledger ("t-3d"). */
  key: z.string().regex(/^[a-z0-9-]+$/),
  /** Whole days from the deadline's date (-3 = three days before). */
  offsetDays: z.number().int().default(0),
  /** Time of day in Asia/Shanghai; when absent, `offsetMinutes` from the deadline instant. */
  at: HHMM.optional(),
  offsetMinutes: z.number().int().default(0),
  /** After the deadline: an overdue notice rather than a reminder. */
  overdue: z.boolean().default(false),
});
export type Reminder = z.infer<typeof ReminderSchema>;

/**
 * The weekly digest to the office: one message a week at `time` (Asia/Shanghai) on `weekday`
 * (ISO: 1 = Monday … 7 = Sunday); see src/reminders/README.md for holidays and quiet hours.
 */
export const DigestScheduleSchema = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  time: HHMM,
});
export type DigestSchedule = z.infer<typeof DigestScheduleSchema>;

/** A reporting task. */
export const TaskSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(1),
  /** Monthly: the period is the calendar month, due on `dueDay` at `dueTime` (Asia/Shanghai). */
  schedule: z.object({
    kind: z.literal("monthly"),
    dueDay: z.number().int().min(1).max(31),
    dueTime: HHMM,
    /**
     * A due day that is a public holiday, or a weekend day that is not a 调休 make-up workday,
     * moves to the "next" workday, the "previous" one, or is kept (default: "next").
     */
    holiday: z.enum(["next", "previous", "keep"]).optional(),
  }),
  /** "all" townships of the roster, or a list of names. */
  townships: z.union([z.literal("all"), z.array(z.string().min(1)).min(1)]),
  fields: z.array(TaskFieldSchema).min(1),
  reminders: z.array(ReminderSchema),
  /** The weekly digest to the office (default: none). */
  digest: DigestScheduleSchema.optional(),
});
export type Task = z.infer<typeof TaskSchema>;

export const TasksFileSchema = z.object({ tasks: z.array(TaskSchema).min(1) });

/** The default tasks file. */
export const TASKS_FILE = fileURLToPath(new URL("../../data/tasks.json", import.meta.url));

/** Loads and validates the tasks file; a missing or broken file throws a StoreError naming it. */
export function loadTasks(file = TASKS_FILE): Task[] {
  return readRequiredJsonFile(file, TasksFileSchema).tasks;
}
