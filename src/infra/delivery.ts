// Whether a failed send may still have reached its peer. A request that timed out or lost its
// answer may have been taken: sending it again can deliver it twice, so senders that must deliver
// at most once give up on such errors instead of retrying (issue 11, item 3).

/** Marks an error whose send may have arrived; see `mayHaveArrived`. */
export interface DeliveryUnknown {
  readonly deliveryUnknown: true;
}

/** Network error codes meaning the request never left or was never taken. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/** True when the network error `code` proves nothing was sent (connection refused, no DNS). */
export function provesNotSent(code: string | undefined): boolean {
  return code !== undefined && NOT_SENT_CODES.has(code);
}

/**
 * True when `error` (or one of its causes) leaves it open whether the message arrived: marked
 * `deliveryUnknown`, or a timeout (ECONNABORTED, ETIMEDOUT, "timeout" in the message).
 */
export function mayHaveArrived(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if ((e as Partial<DeliveryUnknown>).deliveryUnknown === true) return true;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ECONNABORTED" || code === "ETIMEDOUT" || /timeout|timed out/i.test(e.message)) {
      return true;
    }
  }
  return false;
}
