// One serial lane per chat: telegraf-style polling hands a batch of updates over concurrently and
// a chat's messages must still be answered in order. The queue itself lives in the toolkit.
export { createKeyedQueue, type KeyedQueue } from "../infra/keyed-queue.js";
