// Changes to one JSON document run one at a time, so a change that reads the data first (the next
// receipt number) sees every earlier change. (json-doc itself leaves the data untouched when a
// change is invalid or its write fails.) The serial lane itself is the toolkit's.
import { createSerialQueue, type SerialQueue } from "../infra/keyed-queue.js";

export type { SerialQueue };

/** A new queue; a failed job does not stop the next. */
export const serialQueue = createSerialQueue;

const docQueues = new WeakMap<object, SerialQueue>();

/**
 * The queue of one document. Keyed by the document object, so two stores over the same file in one
 * process (openJsonDoc hands both the same instance) still take turns.
 */
export function queueOf(doc: object): SerialQueue {
  let queue = docQueues.get(doc);
  if (!queue) {
    queue = createSerialQueue();
    docQueues.set(doc, queue);
  }
  return queue;
}
