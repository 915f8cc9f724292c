// Shapes of township figure submissions: what `submit` accepts and what a period file holds.
import { z } from "zod";
import { isPeriod } from "../core/period.js";
import {
  ChannelSchema,
  DisplayNameSchema,
  IdentitySchema,
  PersonNameSchema,
  TownshipNameSchema,
  shortText,
} from "./identity.js";

/** Largest magnitude a figure may have; anything bigger is a typo or an attack, not a figure. */
export const MAX_ABS_VALUE = 1e12;
/** Longest raw message kept with a submission. */
export const MAX_RAW_LENGTH = 4000;

/** "R202611-0007": R, the period's year and month, and the period's running number. */
const RECEIPT = /^R(\d{4})(\d{2})-(\d{4,})$/;

export const PeriodSchema = z.string().refine(isPeriod, 'must be a period "YYYY-MM"');
const KeySchema = z.string().regex(/^[a-z0-9-]{1,64}$/, "must be a lowercase key");

/** One reported figure. */
export const EntrySchema = z.strictObject({
  field: KeySchema,
  value: z
    .number()
    .refine(Number.isFinite, "must be a finite number")
    .refine((v) => Math.abs(v) <= MAX_ABS_VALUE, `must lie within ±${MAX_ABS_VALUE}`)
    // JSON has no -0: store what a reload will read.
    .transform((v) => (Object.is(v, -0) ? 0 : v)),
  unit: shortText(16),
});
export type Entry = z.infer<typeof EntrySchema>;

const EntriesSchema = z
  .array(EntrySchema)
  .min(1)
  .max(64)
  .refine((list) => new Set(list.map((e) => e.field)).size === list.length, {
    message: "each field may appear once per submission",
  });

const ReporterSchema = z.strictObject({ identity: IdentitySchema, name: DisplayNameSchema });
const StoredReporterSchema = z.object({
  identity: IdentitySchema,
  name: PersonNameSchema.optional(),
});

/** What `submit` accepts; unknown keys are refused so a caller's typo does not vanish silently. */
export const SubmitInputSchema = z.strictObject({
  taskId: KeySchema,
  period: PeriodSchema,
  township: TownshipNameSchema,
  entries: EntriesSchema,
  by: ReporterSchema,
  channel: ChannelSchema,
  raw: z.string().max(MAX_RAW_LENGTH),
  at: z.date(),
  late: z.boolean(),
  /** The draft this submission closes: a second submit of the same draft returns the first receipt. */
  draftId: z.string().min(1).max(64).optional(),
});
export type SubmitInput = z.input<typeof SubmitInputSchema>;

/** A submission as stored in its period file. */
export const StoredSubmissionSchema = z.object({
  receipt: z.string().regex(RECEIPT),
  taskId: KeySchema,
  township: TownshipNameSchema,
  entries: EntriesSchema,
  by: StoredReporterSchema,
  channel: ChannelSchema,
  raw: z.string().max(MAX_RAW_LENGTH),
  at: z.iso.datetime(),
  late: z.boolean(),
});
export type StoredSubmission = z.infer<typeof StoredSubmissionSchema>;

/** One period file, `submissions/YYYY-MM.json`: submissions in the order they were stored. */
export const PeriodFileSchema = z
  .object({
    version: z.literal(1),
    period: PeriodSchema,
    /** Running number of the last receipt handed out in this period. */
    lastSeq: z.number().int().min(0),
    submissions: z.array(StoredSubmissionSchema),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    for (const s of file.submissions) {
      const parts = parseReceipt(s.receipt);
      if (seen.has(s.receipt) || parts?.period !== file.period || parts.seq > file.lastSeq) {
        ctx.addIssue({
          code: "custom",
          message: `receipt ${s.receipt} is duplicated or out of place`,
        });
      }
      seen.add(s.receipt);
    }
  });
export type PeriodFile = z.infer<typeof PeriodFileSchema>;

/** An empty period file. */
export function emptyPeriodFile(period: string): PeriodFile {
  return { version: 1, period, lastSeq: 0, submissions: [] };
}

/** The receipt of the `seq`-th submission of a period: ("2026-11", 7) → "R202611-0007". */
export function formatReceipt(period: string, seq: number): string {
  return `R${period.replace("-", "")}-${String(seq).padStart(4, "0")}`;
}

/** Period and running number of a receipt, or undefined when it is not one. */
export function parseReceipt(receipt: string): { period: string; seq: number } | undefined {
  const match = RECEIPT.exec(receipt.trim().toUpperCase());
  if (!match) return undefined;
  const period = `${match[1]}-${match[2]}`;
  return isPeriod(period) ? { period, seq: Number(match[3]) } : undefined;
}
