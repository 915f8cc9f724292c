// Named errors of the WeCom channel. None of them carries a secret, a token or a full URL.

/** Why a callback was refused. */
export type CallbackRefusal = "signature" | "timestamp" | "receiveid" | "malformed";

/** A callback failed verification or could not be decrypted; the request is answered 403. */
export class WecomCryptoError extends Error {
  override name = "WecomCryptoError";
  constructor(
    message: string,
    readonly reason: CallbackRefusal,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A WeCom API call failed: errcode ≠ 0, an HTTP error status, or no answer at all. */
export class WecomApiError extends Error {
  override name = "WecomApiError";
  constructor(
    message: string,
    /** WeCom errcode; -1 when WeCom gave none (network failure or HTTP error). */
    readonly errcode: number,
    /** API path such as "cgi-bin/message/send", never with its query. */
    readonly endpoint: string,
    /** HTTP status, when there was an answer. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A callback body or a decrypted message did not have the expected shape. */
export class WecomPayloadError extends Error {
  override name = "WecomPayloadError";
}

/** A WeCom feature was used that is not configured. */
export class WecomConfigError extends Error {
  override name = "WecomConfigError";
}

export { describeError } from "../../core/describe-error.js";
