// One WeCom HTTP call with bounded back-off: errcode checks, retries while WeCom proves it did
// not take the request (busy errcodes, HTTP 429, connection refused). A POST that timed out or
// lost its answer is not sent again unless the caller says it is safe to repeat: WeCom may have
// taken it, and a reply must reach the user at most once (issue 11, item 3).
// Errors are rebuilt without the request URL (it carries tokens and secrets).
import { isAxiosError, type AxiosResponse } from "axios";
import { z } from "zod";
import { provesNotSent, type DeliveryUnknown } from "../../infra/delivery.js";
import { exponentialDelay, retry } from "../../infra/retry.js";
import { realSleep, type Sleep } from "../../infra/sleep.js";
import { WecomApiError } from "./errors.js";

export { realSleep, type Sleep };

/** errcodes worth waiting for: -1 system busy, 45009 API frequency limit, 45033 concurrency limit. */
export const BACKOFF_ERRCODES: ReadonlySet<number> = new Set([-1, 45009, 45033]);

/** Options of `callWithBackoff`. */
export interface BackoffOptions {
  sleep: Sleep;
  /** Attempts in all, the first included (default: 4). */
  maxAttempts?: number;
  /** First delay; doubled each retry (default: 1000 ms). */
  baseDelayMs?: number;
  /**
   * Whether the call may be sent again after a timeout, a lost answer or an HTTP 5xx, when WeCom
   * may have taken it (default: true for GET and HEAD, false otherwise — a POST such as
   * message/send is sent at most once).
   */
  repeatAfterTimeout?: boolean;
  /** Where a call given up as "may have arrived" is reported, once (default: console). */
  log?: Pick<Console, "warn">;
}

/** A call that timed out or lost its answer and was not repeated: WeCom may have taken it. */
export class WecomDeliveryUnknownError extends WecomApiError implements DeliveryUnknown {
  override name = "WecomDeliveryUnknownError";
  readonly deliveryUnknown = true;
}

/**
 * How a failed attempt ended: "not-taken" (WeCom refused it before doing anything, retry),
 * "unknown" (it may have been taken) or "final" (a retry cannot cure it).
 */
type Verdict = "not-taken" | "unknown" | "final";

/** One failed attempt; an Error, as p-retry retries only errors. */
class AttemptFailure extends Error {
  override name = "AttemptFailure";
  constructor(
    readonly error: WecomApiError,
    readonly verdict: Verdict,
    /** The HTTP method, when the client told it. */
    readonly method?: string,
  ) {
    super(error.message);
  }
}

const ResultSchema = z.looseObject({
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
});

function answerFailure(
  endpoint: string,
  response: AxiosResponse<unknown>,
): AttemptFailure | undefined {
  const method = response.config?.method;
  const { status } = response;
  const fail = (message: string, errcode: number, verdict: Verdict) =>
    new AttemptFailure(new WecomApiError(message, errcode, endpoint, status), verdict, method);
  if (status === 429) return fail(`${endpoint} answered HTTP 429.`, -1, "not-taken");
  // A 5xx may come after WeCom acted on the request (a gateway timing out behind it).
  if (status >= 500) return fail(`${endpoint} answered HTTP ${status}.`, -1, "unknown");
  if (status >= 400) return fail(`${endpoint} answered HTTP ${status}.`, -1, "final");
  const result = ResultSchema.safeParse(response.data);
  if (!result.success) {
    return fail(`${endpoint} answered something that is not a JSON object.`, -1, "unknown");
  }
  const { errcode = 0, errmsg = "" } = result.data;
  if (errcode === 0) return undefined;
  const verdict = BACKOFF_ERRCODES.has(errcode) ? "not-taken" : "final";
  return fail(`${endpoint} failed: errcode ${errcode} ${errmsg}`, errcode, verdict);
}

function networkFailure(endpoint: string, error: unknown): AttemptFailure {
  const method = isAxiosError(error) ? error.config?.method : undefined;
  if (isAxiosError(error) && error.response) {
    const unknown = new WecomApiError(`${endpoint} failed.`, -1, endpoint);
    return (
      answerFailure(endpoint, error.response) ?? new AttemptFailure(unknown, "unknown", method)
    );
  }
  const code = isAxiosError(error) ? error.code : undefined;
  const reason = isAxiosError(error) ? (code ?? error.message) : String(error);
  // The axios error itself is not kept as cause: its config holds the URL with the token.
  const noAnswer = new WecomApiError(`${endpoint} got no answer (${reason}).`, -1, endpoint);
  return new AttemptFailure(noAnswer, provesNotSent(code) ? "not-taken" : "unknown", method);
}

async function tryOnce(
  endpoint: string,
  send: () => Promise<AxiosResponse<unknown>>,
): Promise<Record<string, unknown>> {
  let response: AxiosResponse<unknown>;
  try {
    response = await send();
  } catch (error) {
    throw networkFailure(endpoint, error);
  }
  const failure = answerFailure(endpoint, response);
  if (failure) throw failure;
  return response.data as Record<string, unknown>;
}

/** Whether a failure of this kind may be retried under `options`. */
function mayRetry(failure: AttemptFailure, options: BackoffOptions): boolean {
  if (failure.verdict === "not-taken") return true;
  if (failure.verdict === "final") return false;
  const method = failure.method?.toUpperCase();
  return options.repeatAfterTimeout ?? (method === "GET" || method === "HEAD");
}

/**
 * Runs `send` until WeCom accepts it (errcode 0), backing off while WeCom shows it did not take
 * the request. Returns the body; rejects with WecomApiError, or WecomDeliveryUnknownError when a
 * call that must not be repeated may have arrived (logged once).
 */
export async function callWithBackoff(
  endpoint: string,
  send: () => Promise<AxiosResponse<unknown>>,
  options: BackoffOptions,
): Promise<Record<string, unknown>> {
  const attempts = options.maxAttempts ?? 4;
  try {
    return await retry(() => tryOnce(endpoint, send), {
      retries: attempts - 1,
      sleep: options.sleep,
      delayMs: (failure, n) =>
        failure instanceof AttemptFailure && mayRetry(failure, options)
          ? exponentialDelay(n, { baseMs: options.baseDelayMs })
          : undefined,
    });
  } catch (failure) {
    if (!(failure instanceof AttemptFailure)) throw failure;
    if (failure.verdict !== "unknown" || mayRetry(failure, options)) throw failure.error;
    const { message, errcode, status } = failure.error;
    (options.log ?? console).warn(`wecom: ${message} Not sent again: WeCom may have taken it.`);
    throw new WecomDeliveryUnknownError(message, errcode, endpoint, status);
  }
}
