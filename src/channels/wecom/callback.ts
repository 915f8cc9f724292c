// Plumbing shared by the app and robot callback doors: signed query, refusals, URL verification,
// the central error handler and in-flight tracking.
import type { IncomingMessage, ServerResponse } from "node:http";
import { mayHaveArrived } from "../../infra/delivery.js";
import { throttledLogFor } from "../../infra/throttled-log.js";
import { clientAddress, sendText, type RequestHandler } from "../http-server.js";
import type { CallbackCrypto, SignedQuery } from "./crypto.js";
import { describeError, WecomCryptoError, WecomPayloadError } from "./errors.js";
import { APOLOGY } from "./render.js";

/** Where the channel reports problems (default: console). */
export type WecomLogger = Pick<Console, "error" | "warn">;

/** GET (URL verification) and POST (messages) handlers of one callback URL. */
export interface CallbackDoor {
  verify: RequestHandler;
  receive: RequestHandler;
}

/** Reads msg_signature, timestamp, nonce (and echostr) from the query; missing ones are "". */
export function readSignedQuery(req: IncomingMessage): SignedQuery & { echostr: string } {
  // The query string alone is parsed (no whole URL object per callback).
  const url = req.url ?? "/";
  const start = url.indexOf("?");
  const end = url.indexOf("#", start);
  const params = new URLSearchParams(
    start < 0 ? "" : url.slice(start + 1, end < 0 ? undefined : end),
  );
  return {
    msgSignature: params.get("msg_signature") ?? "",
    timestamp: params.get("timestamp") ?? "",
    nonce: params.get("nonce") ?? "",
    // Base64 never holds spaces: a space is an unencoded "+" decoded by URLSearchParams.
    echostr: (params.get("echostr") ?? "").replace(/ /g, "+"),
  };
}

/** The status a refused callback gets: 403 failed verification, 400 a malformed body. */
function refusalStatus(error: unknown): 400 | 403 | undefined {
  if (error instanceof WecomCryptoError) return 403;
  // WecomXmlError (not well formed, a character reference outside Unicode) is one of these.
  if (error instanceof WecomPayloadError) return 400;
  return undefined;
}

/**
 * Answers a failed verification 403 and a malformed body 400; anything else is rethrown.
 * Refusals are logged at most once a minute per source (door and peer address), with a count.
 */
export function refuse(res: ServerResponse, error: unknown, door: string, log: WecomLogger): void {
  const status = refusalStatus(error);
  if (status === undefined) throw error;
  const ip = clientAddress(res.req);
  const why = error instanceof WecomCryptoError ? `callback (${error.reason})` : "callback body";
  throttledLogFor(log).note(
    `wecom ${door} ${ip}`,
    `wecom ${door}: refused a ${why} from ${ip}: ${(error as Error).message}`,
  );
  sendText(res, status, status === 403 ? "forbidden" : "bad request");
}

/** GET callback-URL verification: answers the decrypted echostr as plain text. */
export function verificationHandler(
  crypto: CallbackCrypto,
  door: string,
  log: WecomLogger,
): RequestHandler {
  return (req, res) => {
    const query = readSignedQuery(req);
    let echo: string;
    try {
      echo = crypto.open(query, query.echostr);
    } catch (error) {
      return refuse(res, error, door, log);
    }
    sendText(res, 200, echo);
  };
}

/** What the central handler needs to report a failure. */
export interface FailureContext {
  door: string;
  /** MsgId or msgid, for the log line. */
  id: string;
  log: WecomLogger;
  /** Sends the apology to the user. */
  apologize: (text: string) => Promise<void>;
}

/**
 * Central handler: runs `work`; on failure logs with the message id and apologizes once. A reply
 * that may have arrived (its send timed out) gets no apology: the user may have the answer, and
 * an apology would be a second message.
 */
export async function handleSafely(
  context: FailureContext,
  work: () => Promise<void>,
): Promise<void> {
  const { door, id, log } = context;
  try {
    await work();
  } catch (error) {
    if (mayHaveArrived(error)) {
      log.warn(`wecom ${door}: the reply to message ${id} may have arrived; not sent again`);
      return;
    }
    log.error(`wecom ${door}: handling message ${id} failed: ${describeError(error)}`);
    await context.apologize(APOLOGY).catch((failure: unknown) => {
      log.error(`wecom ${door}: apology for message ${id} failed: ${describeError(failure)}`);
    });
  }
}

/** Records `id`; a failed write is logged but does not stop handling (the id is remembered in memory). */
export async function recordSeen(
  seen: { add(id: string): Promise<boolean> },
  id: string,
  door: string,
  log: WecomLogger,
): Promise<boolean> {
  try {
    return await seen.add(id);
  } catch (error) {
    log.error(`wecom ${door}: could not persist message id ${id}: ${describeError(error)}`);
    return true;
  }
}

/** Keeps background work visible so shutdown and tests can wait for it. */
export interface Tracker {
  track(work: Promise<unknown>): void;
  /** Resolves once no tracked work is left. */
  idle(): Promise<void>;
}

/** Creates a tracker; tracked promises never reject into the void. */
export function createTracker(log: WecomLogger): Tracker {
  const running = new Set<Promise<unknown>>();
  return {
    track(work) {
      const settled = work.catch((error: unknown) => log.error(`wecom: ${describeError(error)}`));
      running.add(settled);
      void settled.finally(() => running.delete(settled));
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
}
