// Changes to one JSON document run one at a time, so a change that reads the data first (the next
// receipt number) sees every earlier change. (json-doc itself leaves the data untouched when a
// change is invalid or its write fails.)

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
