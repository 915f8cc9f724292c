// Where period documents come from: files under `${dir}/submissions/` or memory.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { StoreError } from "./errors.js";
import { memoryDoc, openJsonDoc, type JsonDoc } from "./json-doc.js";
import { PeriodFileSchema, emptyPeriodFile, type PeriodFile } from "./submission-schema.js";

const PERIOD_FILE = /^(\d{4}-(?:0[1-9]|1[0-2]))\.json$/;

/** A source of one document per period. */
export interface PeriodDocs {
  /** The document of `period`, for writing; created on its first write. */
  open(period: string): JsonDoc<PeriodFile>;
  /** The data of `period`, an empty file's data when there is none. */
  read(period: string): PeriodFile;
  /** Periods that have stored data, oldest first. */
  periods(): string[];
}

/** Period files `${dir}/submissions/YYYY-MM.json`; a broken file throws a StoreError naming it. */
export function openPeriodDocs(dir: string): PeriodDocs {
  const folder = join(dir, "submissions");
  const open = (period: string) => {
    const file = join(folder, `${period}.json`);
    const doc = openJsonDoc(file, PeriodFileSchema, () => emptyPeriodFile(period));
    if (doc.data.period !== period) {
      throw new StoreError(
        `${file} holds period ${doc.data.period}, not ${period}. Rename or move the file; it was left untouched.`,
        file,
      );
    }
    return doc;
  };
  return {
    open,
    read: (period) => open(period).data,
    periods: () => listPeriods(folder),
  };
}

/** Period documents in memory, for tests. */
export function memoryPeriodDocs(): PeriodDocs {
  const docs = new Map<string, JsonDoc<PeriodFile>>();
  const open = (period: string) => {
    let doc = docs.get(period);
    if (!doc) {
      doc = memoryDoc(emptyPeriodFile(period));
      docs.set(period, doc);
    }
    return doc;
  };
  return {
    open,
    read: (period) => open(period).data,
    periods: () => [...docs.keys()].filter((p) => open(p).data.submissions.length > 0).sort(),
  };
}

function listPeriods(folder: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new StoreError(`Cannot list ${folder}: ${(error as Error).message}`, folder, {
      cause: error,
    });
  }
  // Skips steno's ".YYYY-MM.json.tmp" leftovers and anything else that is not a period file.
  return names.flatMap((name) => PERIOD_FILE.exec(name)?.[1] ?? []).sort();
}
