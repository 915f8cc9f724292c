// Opening a self-built-app callback: the signature and timestamp checked, the envelope parsed,
// the message decrypted and its XML read. The door awaits an opener, so this work can run in the
// request's own turn (tests, small deployments) or on a worker thread (`threadOpener`), leaving
// the event loop that acknowledges callbacks with the HTTP and the inbox commit alone.
import type { WecomAppConfig } from "../../config.js";
import type { CallbackCrypto, CallbackCryptoOptions, SignedQuery } from "./crypto.js";
import { parseAppMessage, parseEnvelope, type AppInbound } from "./xml.js";

/** Verifies, decrypts and parses app callbacks. */
export interface CallbackOpener {
  /**
   * The message a callback carries. Rejects with WecomCryptoError when it fails verification and
   * WecomPayloadError when its body or message is malformed.
   */
  open(query: SignedQuery, body: string): Promise<AppInbound>;
  /** Releases what the opener holds (a worker thread). */
  close(): Promise<void>;
}

/** The callback keys of the self-built app: its token, its AES key, and the corpid as receiveid. */
export function appCallbackKeys(app: WecomAppConfig): Omit<CallbackCryptoOptions, "now"> {
  return { token: app.token, encodingAesKey: app.aesKey, receiveId: app.corpId };
}

/** Opens callbacks in the caller's turn, with the door's own verifier. */
export function inlineOpener(crypto: CallbackCrypto): CallbackOpener {
  const open = openerFunction(crypto);
  return {
    open: async (query, body) => open(query, body),
    close: async () => undefined,
  };
}

/** The synchronous opening both openers run. */
export function openerFunction(
  crypto: CallbackCrypto,
): (query: SignedQuery, body: string) => AppInbound {
  return (query, body) => parseAppMessage(crypto.open(query, parseEnvelope(body).encrypt));
}
