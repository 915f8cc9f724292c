// A JSON document behind a small interface: lowdb on disk for the bot, memory for tests.
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Low } from "lowdb";
import type { z } from "zod";
import { DurableJsonFile } from "./durable-file.js";
import { StoreError } from "./errors.js";

/** A validated JSON document with one writer. */
export interface JsonDoc<T> {
  /** The current data. Mutate it only inside `update`. */
  readonly data: T;
  /**
   * Applies a synchronous change to a copy, validates it, and resolves once it is on disk. An
   * invalid change, or a failed write, leaves the data as it was and rejects.
   */
  update(change: (data: T) => void): Promise<void>;
}

/** Reads and validates a JSON file; a missing file yields undefined, a broken one throws. */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new StoreError(`Cannot read ${file}: ${(error as Error).message}`, file, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StoreError(
      `${file} is not valid JSON (${(error as Error).message}). Fix or move the file; it was left untouched.`,
      file,
      { cause: error },
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "(root)";
    throw new StoreError(
      `${file} does not match its schema at ${where}: ${issue?.message}. Fix or move the file; it was left untouched.`,
      file,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

/** Like `readJsonFile`, for files that must exist: a missing one throws a StoreError naming it. */
export function readRequiredJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  hint = "",
): z.infer<S> {
  const data = readJsonFile(file, schema);
  if (data === undefined)
    throw new StoreError(`${file} is missing${hint ? `: ${hint}` : ""}`, file);
  return data;
}

const openDocs = new Map<string, JsonDoc<unknown>>();

/**
 * Opens a JSON document on disk, validated with `schema` on load and before every write.
 * Opening the same path twice in one process returns the same instance (one writer per file).
 * Writes are atomic and durable (temp file, fsync, rename).
 */
export function openJsonDoc<S extends z.ZodType>(
  file: string,
  schema: S,
  defaults: () => z.infer<S>,
): JsonDoc<z.infer<S>> {
  const path = resolve(file);
  const existing = openDocs.get(path);
  if (existing) return existing as JsonDoc<z.infer<S>>;
  mkdirSync(dirname(path), { recursive: true });
  const initial = readJsonFile(path, schema) ?? defaults();
  const low = new Low<z.infer<S>>(new DurableJsonFile(path), initial);
  const doc: JsonDoc<z.infer<S>> = {
    get data() {
      return low.data;
    },
    async update(change) {
      const previous = low.data;
      low.data = changedCopy(previous, change, (next) => {
        const checked = schema.safeParse(next);
        if (checked.success) return;
        throw new StoreError(
          `Refusing to write invalid data to ${path}: ${checked.error.issues[0]?.message}`,
          path,
          { cause: checked.error },
        );
      });
      const written = low.data;
      try {
        await low.write();
      } catch (error) {
        // Undo unless a later change already replaced this one (it will be written with it).
        if (low.data === written) low.data = previous;
        throw new StoreError(`Cannot write ${path}: ${(error as Error).message}`, path, {
          cause: error,
        });
      }
    },
  };
  openDocs.set(path, doc as JsonDoc<unknown>);
  return doc;
}

/** Forgets open documents (tests that reopen a data folder as a "restarted" process). */
export function closeAllJsonDocs(): void {
  openDocs.clear();
}

/** The data after `change`, applied to a copy and checked; the original is never touched. */
function changedCopy<T>(data: T, change: (data: T) => void, check: (next: T) => void): T {
  const next = structuredClone(data);
  change(next);
  check(next);
  return next;
}

/** An in-memory twin of `openJsonDoc` for unit tests (same copy-then-swap semantics). */
export function memoryDoc<T>(initial: T): JsonDoc<T> {
  const state = { data: initial };
  return {
    get data() {
      return state.data;
    },
    async update(change) {
      state.data = changedCopy(state.data, change, () => undefined);
    },
  };
}
