// One WeCom HTTP call with bounded back-off: errcode checks, retries on 45009/45033/-1 and HTTP
// 5xx or no answer. Errors are rebuilt without the request URL (it carries tokens and secrets).
import { isAxiosError, type AxiosResponse } from "axios";
import { z } from "zod";
import { WecomApiError } from "./errors.js";

/** errcodes worth waiting for: -1 system busy, 45009 API frequency limit, 45033 concurrency limit. */
export const BACKOFF_ERRCODES: ReadonlySet<number> = new Set([-1, 45009, 45033]);

/** A sleep function; tests inject one that advances a fake clock. */
export type Sleep = (ms: number) => Promise<void>;

/** The real sleep. */
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Options of `callWithBackoff`. */
export interface BackoffOptions {
  sleep: Sleep;
  /** Attempts in all, the first included (default: 4). */
  maxAttempts?: number;
  /** First delay; doubled each retry (default: 1000 ms). */
  baseDelayMs?: number;
}

const ResultSchema = z.looseObject({
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
});

function answerError(
  endpoint: string,
  response: AxiosResponse<unknown>,
): WecomApiError | undefined {
  if (response.status >= 400) {
    return new WecomApiError(
      `${endpoint} answered HTTP ${response.status}.`,
      -1,
      endpoint,
      response.status,
    );
  }
  const result = ResultSchema.safeParse(response.data);
  if (!result.success) {
    return new WecomApiError(
      `${endpoint} answered something that is not a JSON object.`,
      -1,
      endpoint,
      response.status,
    );
  }
  const { errcode = 0, errmsg = "" } = result.data;
  if (errcode === 0) return undefined;
  return new WecomApiError(
    `${endpoint} failed: errcode ${errcode} ${errmsg}`,
    errcode,
    endpoint,
    response.status,
  );
}

function networkError(endpoint: string, error: unknown): WecomApiError {
  if (isAxiosError(error) && error.response) {
    return (
      answerError(endpoint, error.response) ??
      new WecomApiError(`${endpoint} failed.`, -1, endpoint)
    );
  }
  const reason = isAxiosError(error) ? (error.code ?? error.message) : String(error);
  // The axios error itself is not kept as cause: its config holds the URL with the token.
  return new WecomApiError(`${endpoint} got no answer (${reason}).`, -1, endpoint);
}

/** True for failures a later attempt may cure. */
export function isRetryable(error: WecomApiError): boolean {
  return (
    (error.status ?? 0) >= 500 || error.status === undefined || BACKOFF_ERRCODES.has(error.errcode)
  );
}

type Outcome = { data: Record<string, unknown> } | { failure: WecomApiError };

async function tryOnce(
  endpoint: string,
  send: () => Promise<AxiosResponse<unknown>>,
): Promise<Outcome> {
  try {
    const response = await send();
    const failure = answerError(endpoint, response);
    return failure ? { failure } : { data: response.data as Record<string, unknown> };
  } catch (error) {
    return { failure: networkError(endpoint, error) };
  }
}

/** Runs `send` until WeCom accepts it (errcode 0), backing off on busy answers. Returns the body. */
export async function callWithBackoff(
  endpoint: string,
  send: () => Promise<AxiosResponse<unknown>>,
  options: BackoffOptions,
): Promise<Record<string, unknown>> {
  const attempts = options.maxAttempts ?? 4;
  const base = options.baseDelayMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    const outcome = await tryOnce(endpoint, send);
    if ("data" in outcome) return outcome.data;
    if (attempt >= attempts || !isRetryable(outcome.failure)) throw outcome.failure;
    await options.sleep(Math.min(base * 2 ** (attempt - 1), 30_000));
  }
}
