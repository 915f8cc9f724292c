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

//
// Handling a stored message costs several times what acknowledging one does (the answer, its
// commit, the send), so while requests are in flight handling waits for a turn with none, for at
// most `maxQuietWaitMs`: a burst of callbacks is acknowledged first and answered right after, and
// under steady traffic handling still starts at least that often.

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
  /** Notes that a request began (the HTTP server calls it, and `answered` once it ends). */
  requested(): void;
  /** Notes that a request ended (answered, or its connection closed). */
  answered(): void;
  /**
   * Resolves in a later turn once no request is in flight, or `maxQuietWaitMs` after the call at
   * the latest: work that can wait longer than an ack (handling a stored message).
   */
  quiet(): Promise<void>;
}

/**
 * Creates a gate; `maxDeferMs` bounds how long a burst of connections can hold the work, and
 * `maxQuietWaitMs` how long requests in flight can hold `quiet`.
 */
export function createTurnGate(maxDeferMs = 10, maxQuietWaitMs = 50): TurnGate {
  let acceptedSinceCheck = false;
  let waiting: (() => void)[] = [];
  let since = 0;
  let inFlight = 0;
  let quietWaiting: (() => void)[] = [];
  let quietTimer: NodeJS.Timeout | undefined;
  let quietCheck = false;

  function releaseQuiet(): void {
    quietCheck = false;
    if (quietTimer !== undefined) clearTimeout(quietTimer);
    quietTimer = undefined;
    const ready = quietWaiting;
    quietWaiting = [];
    for (const resolve of ready) resolve();
  }

  /** In a later turn: releases the waiters when nothing is in flight (else timer or `answered`). */
  function checkQuiet(): void {
    quietCheck = false;
    if (inFlight === 0 && quietWaiting.length > 0) releaseQuiet();
  }

  function checkQuietSoon(): void {
    if (quietCheck) return;
    quietCheck = true;
    setImmediate(checkQuiet);
  }

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
    requested() {
      inFlight += 1;
    },
    answered() {
      if (inFlight > 0) inFlight -= 1;
      if (inFlight === 0 && quietWaiting.length > 0) checkQuietSoon();
    },
    quiet() {
      return new Promise<void>((resolve) => {
        quietWaiting.push(resolve);
        if (quietWaiting.length > 1) return;
        if (inFlight === 0) checkQuietSoon();
        else quietTimer = setTimeout(releaseQuiet, maxQuietWaitMs);
      });
    },
  };
}

/** A gate that never waits for accepts: the next turn, as `setImmediate` (tests, the console). */
export const plainTurns: TurnGate = {
  accepted: () => undefined,
  accepting: () => false,
  next: () => new Promise<void>((resolve) => setImmediate(resolve)),
  requested: () => undefined,
  answered: () => undefined,
  quiet: () => new Promise<void>((resolve) => setImmediate(resolve)),
};
