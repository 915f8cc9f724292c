// Helpers for writing one JSON document safely: changes run one at a time, and a change whose
// write fails is undone in memory so the caller's error and the stored state agree.
import type { JsonDoc } from "./json-doc.js";

/** Runs async jobs one after another, in call order. */
export type SerialQueue = <R>(job: () => Promise<R>) => Promise<R>;

/** A new queue; a failed job does not stop the next. */
export function serialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return (job) => {
    const run = tail.then(job, job);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * Applies `change` and resolves once it is on disk. When validation or the write fails, the
 * in-memory data is restored to its state before the change and the error is rethrown, so a
 * rejected call never surfaces later (json-doc applies the change before it validates and writes).
 * Call it inside a `serialQueue` job: the snapshot assumes no other change is in flight.
 */
export async function updateOrRollback<T extends object>(
  doc: JsonDoc<T>,
  change: (data: T) => void,
): Promise<void> {
  const snapshot = structuredClone(doc.data);
  try {
    await doc.update(change);
  } catch (error) {
    // Restoring writes the old state again; if that write fails too the disk still holds it.
    await doc.update((data) => restore(data, snapshot)).catch(() => undefined);
    throw error;
  }
}

function restore<T extends object>(data: T, snapshot: T): void {
  for (const key of Object.keys(data)) delete (data as Record<string, unknown>)[key];
  Object.assign(data, snapshot);
}

const docQueues = new WeakMap<object, SerialQueue>();

/**
 * The queue of one document. Keyed by the document object, so two stores over the same file in one
 * process (openJsonDoc hands both the same instance) still take turns.
 */
export function queueOf(doc: object): SerialQueue {
  let queue = docQueues.get(doc);
  if (!queue) {
    queue = serialQueue();
    docQueues.set(doc, queue);
  }
  return queue;
}
