// One promise chain per key: tasks with the same key run one after another, in call order;
// different keys run side by side. Used per chat, because telegraf-style polling hands a batch of
// updates over concurrently and a chat's messages must still be answered in order.

/** Serialises tasks per key. */
export interface KeyedQueue {
  /** Runs `task` after every earlier task of `key` has settled. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Resolves once no task is queued or running. */
  idle(): Promise<void>;
}

/** Creates an empty queue. */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<void>>();
  return {
    run(key, task) {
      const result = (tails.get(key) ?? Promise.resolve()).then(task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      // Forget the chain once it is drained, so the map holds only busy chats.
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    async idle() {
      while (tails.size > 0) await Promise.all(tails.values());
    },
  };
}
