// The infrastructure toolkit: sleeps and clocks, retry with back-off, sliding-window limits,
// per-key serial queues, delivery-outcome checks and a throttled refusal log. Imports no platform
// and no storage; the core, the store and the channels build on it.
export { Recent } from "./recent.js";
export { realSleep, type Clock, type Now, type Sleep } from "./sleep.js";
export {
  exponentialDelay,
  listedDelay,
  retry,
  type ExponentialOptions,
  type RetryOptions,
} from "./retry.js";
export {
  createWindowLimiter,
  type WindowLimiter,
  type WindowLimiterOptions,
} from "./window-limiter.js";
export {
  createKeyedQueue,
  createSerialQueue,
  type KeyedQueue,
  type SerialQueue,
} from "./keyed-queue.js";
export { mayHaveArrived, provesNotSent, type DeliveryUnknown } from "./delivery.js";
export {
  createThrottledLog,
  throttledLogFor,
  type ThrottledLog,
  type ThrottledLogOptions,
  type WarnLogger,
} from "./throttled-log.js";
