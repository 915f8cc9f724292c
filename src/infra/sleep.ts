// Time as a dependency: every waiting helper takes a `Sleep` and a `now`, so tests pass a fake
// clock instead of waiting for real.

/** Waits `ms` milliseconds; tests inject one that advances a fake clock. */
export type Sleep = (ms: number) => Promise<void>;

/** Milliseconds since the epoch; tests inject a fake. */
export type Now = () => number;

/** A real timer. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A clock and a sleep, both replaceable. */
export interface Clock {
  /** Clock in milliseconds (default: Date.now). */
  now?: Now;
  /** Sleep (default: a real timer). */
  sleep?: Sleep;
}

/** Resolves when `work` settles or after `ms`, whichever comes first (a grace period). */
export async function settleWithin(ms: number, work: Promise<unknown> | undefined): Promise<void> {
  if (!work) return;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
    timer.unref();
  });
  await Promise.race([
    work.then(
      () => undefined,
      () => undefined,
    ),
    late,
  ]);
  clearTimeout(timer);
}
