// One serial lane per key over p-queue: tasks with the same key run one after another, in call
// order, a failure not stopping the next; different keys run side by side. A key's lane is
// dropped once it has drained, so the map holds only busy keys (chats, members, documents).
import PQueue from "p-queue";

/** Serialises tasks per key. */
export interface KeyedQueue {
  /** Runs `task` after every earlier task of `key` has settled; resolves with its result. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Tasks of `key` queued or running. */
  pending(key: string): number;
  /** Keys with work queued or running. */
  size(): number;
  /** Resolves once no task is queued or running. */
  idle(): Promise<void>;
}

const busy = (queue: PQueue) => queue.size > 0 || queue.pending > 0;

/** Creates an empty queue. */
export function createKeyedQueue(): KeyedQueue {
  const lanes = new Map<string, PQueue>();

  function laneOf(key: string): PQueue {
    let lane = lanes.get(key);
    if (!lane) {
      const created = new PQueue({ concurrency: 1 });
      created.on("idle", () => {
        if (lanes.get(key) === created && !busy(created)) lanes.delete(key);
      });
      lanes.set(key, (lane = created));
    }
    return lane;
  }

  const busyLanes = () => [...lanes.values()].filter(busy);

  return {
    run: (key, task) => laneOf(key).add(task),
    pending(key) {
      const lane = lanes.get(key);
      return lane ? lane.size + lane.pending : 0;
    },
    size: () => lanes.size,
    async idle() {
      for (let open = busyLanes(); open.length > 0; open = busyLanes()) {
        await Promise.all(open.map((lane) => lane.onIdle()));
      }
    },
  };
}

/** Runs async jobs one after another, in call order; a failed job does not stop the next. */
export type SerialQueue = <R>(job: () => Promise<R>) => Promise<R>;

/** A single serial lane. */
export function createSerialQueue(): SerialQueue {
  return createLimitedQueue(1);
}

/** Runs at most `limit` async jobs at once; the others wait in call order. */
export function createLimitedQueue(limit: number): SerialQueue {
  const queue = new PQueue({ concurrency: limit });
  return (job) => queue.add(job);
}
