// Turns of the event loop for work that can wait a little: new connections are accepted first.
//
// libuv accepts one connection per turn of the event loop (since libuv 1.45, "unix: don't
// accept() connections in a loop", libuv/libuv#3696: level-triggered polling reports the listening
// socket again on the next turn). A turn that also commits and answers a few hundred callbacks
// takes 30–60 ms, so a burst of new connections waited in the kernel's accept queue for one turn
// each: with 200 at once, the last were accepted 1–2 s later (bench:load's p99 at 200 concurrent,
// with no TCP drop or retransmission; `ss -ltn` showed the listener's accept queue at 20–40).
// Work that can wait (committing the inbox batch, handling stored messages) therefore runs in a
// later turn, and while connections keep being accepted turn after turn it waits for the turn
// without one, for at most `maxDeferMs`: those turns stay short and the accept queue drains.

/** Paces deferrable work behind accepting connections. */
export interface TurnGate {
  /** Notes that a connection was accepted in this turn (the HTTP server calls it). */
  accepted(): void;
  /** Whether a connection was accepted since work last went ahead: a burst may be arriving. */
  accepting(): boolean;
  /**
   * Resolves in a later turn of the event loop (as `setImmediate` would), postponed while
   * connections are being accepted, by at most `maxDeferMs` from the call.
   */
  next(): Promise<void>;
}

/** Creates a gate; `maxDeferMs` bounds how long a burst of connections can hold the work. */
export function createTurnGate(maxDeferMs = 10): TurnGate {
  let acceptedSinceCheck = false;
  let waiting: (() => void)[] = [];
  let since = 0;

  function check(): void {
    const accepting = acceptedSinceCheck;
    acceptedSinceCheck = false;
    if (accepting && performance.now() - since < maxDeferMs) {
      setImmediate(check);
      return;
    }
    const ready = waiting;
    waiting = [];
    for (const resolve of ready) resolve();
  }

  return {
    accepted() {
      acceptedSinceCheck = true;
    },
    accepting: () => acceptedSinceCheck,
    next() {
      return new Promise<void>((resolve) => {
        if (waiting.length === 0) {
          since = performance.now();
          setImmediate(check);
        }
        waiting.push(resolve);
      });
    },
  };
}

/** A gate that never waits for accepts: the next turn, as `setImmediate` (tests, the console). */
export const plainTurns: TurnGate = {
  accepted: () => undefined,
  accepting: () => false,
  next: () => new Promise<void>((resolve) => setImmediate(resolve)),
};
