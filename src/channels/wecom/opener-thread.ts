// The app-callback opener on a worker thread. Verifying, decrypting and parsing XML take about a
// third of what acknowledging a callback costs; on the thread they run beside the event loop that
// reads requests, commits the inbox and answers WeCom, on the machine's other core.
import { isMainThread, parentPort, workerData, type Worker } from "node:worker_threads";
import { startModuleWorker } from "../../infra/thread.js";
import { createCallbackCrypto, type CallbackCryptoOptions, type SignedQuery } from "./crypto.js";
import { WecomCryptoError, WecomPayloadError, type CallbackRefusal } from "./errors.js";
import { openerFunction, type CallbackOpener } from "./opener.js";
import { WecomXmlError, type AppInbound } from "./xml.js";

/** Marks the worker data of this module's thread (other threads may import the module too). */
const ROLE = "wecom-callback-opener";

/**
 * The thread's heap: what it keeps is a parser and a key, and each callback's garbage is a few
 * kilobytes, so a small young generation is collected often and cheaply.
 */
const THREAD_LIMITS = { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 48 };

/**
 * Answers sent back in one message. Sent one by one they cost the thread more than opening
 * (a structured clone each); held for the whole batch a thread drains in one turn, the first
 * waited for the last (10 ms at 200 callbacks at once).
 */
const ANSWERS_PER_MESSAGE = 8;

interface Request {
  id: number;
  query: SignedQuery;
  body: string;
}

/** A refusal as it crosses the thread: the class's name, its message and (crypto) the reason. */
interface Failure {
  name: string;
  message: string;
  reason?: CallbackRefusal;
}

type Answer = { id: number; inbound: AppInbound } | { id: number; failure: Failure };

function toFailure(error: unknown): Failure {
  if (error instanceof WecomCryptoError) {
    return { name: error.name, message: error.message, reason: error.reason };
  }
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "Error", message: String(error) };
}

/** The error the door would have seen had the opener run in its own turn. */
function fromFailure(failure: Failure): Error {
  if (failure.name === "WecomCryptoError") {
    return new WecomCryptoError(failure.message, failure.reason ?? "malformed");
  }
  if (failure.name === "WecomXmlError") return new WecomXmlError(failure.message);
  if (failure.name === "WecomPayloadError") return new WecomPayloadError(failure.message);
  return new Error(`callback opener: ${failure.name}: ${failure.message}`);
}

/** Options of `threadOpener` besides the callback keys. */
export interface ThreadOpenerOptions {
  /** Told once when the thread failed and callbacks are opened in their own turn from then on. */
  warn?: (message: string) => void;
  /** Starts the thread (default: this module on a worker; tests pass one that fails). */
  start?: (workerData: unknown) => Worker;
}

/**
 * Opens callbacks on a worker thread. Options are copied to the thread, so the clock is the
 * thread's own `Date.now` (no injected clock). Opening changes nothing, so should the thread fail
 * or end, what it was opening is opened again in this turn, and so is every later callback: the
 * door keeps acknowledging, only without the second core.
 */
export function threadOpener(
  options: Omit<CallbackCryptoOptions, "now">,
  { warn = console.warn, start }: ThreadOpenerOptions = {},
): CallbackOpener {
  // Fail at start-up on a bad key, as the inline opener does, not in the thread.
  const inline = openerFunction(createCallbackCrypto(options));
  const boot =
    start ?? ((data: unknown) => startModuleWorker(import.meta.url, data, THREAD_LIMITS));
  let worker: Worker | undefined;
  let failed = false;
  let nextId = 0;
  const pending = new Map<
    number,
    { request: Request; resolve: (m: AppInbound) => void; reject: (e: Error) => void }
  >();

  /** Opens in this turn what the thread owed, and everything after it. */
  function fallBack(why: string): void {
    if (!failed) warn(`wecom app: callbacks are opened without their thread from now on: ${why}`);
    failed = true;
    worker = undefined;
    for (const { request, resolve, reject } of pending.values()) {
      try {
        resolve(inline(request.query, request.body));
      } catch (error) {
        reject(error as Error);
      }
    }
    pending.clear();
  }

  function thread(): Worker {
    if (worker) return worker;
    const started = boot({ role: ROLE, options });
    started.on("message", (answers: Answer[]) => {
      for (const answer of answers) {
        const waiting = pending.get(answer.id);
        if (!waiting) continue;
        pending.delete(answer.id);
        if (pending.size === 0) started.unref();
        if ("inbound" in answer) waiting.resolve(answer.inbound);
        else waiting.reject(fromFailure(answer.failure));
      }
    });
    started.on("error", (error) => {
      if (worker === started) fallBack(`the thread failed: ${error.message}`);
    });
    started.on("exit", (code) => {
      if (worker === started) fallBack(`the thread ended (exit code ${code})`);
    });
    // An idle opener does not keep the process alive (it is referenced while it owes answers).
    started.unref();
    worker = started;
    return started;
  }

  return {
    async open(query, body) {
      if (failed) return inline(query, body);
      const id = ++nextId;
      const request: Request = {
        id,
        query: { msgSignature: query.msgSignature, timestamp: query.timestamp, nonce: query.nonce },
        body,
      };
      const reply = new Promise<AppInbound>((resolve, reject) => {
        pending.set(id, { request, resolve, reject });
      });
      let running: Worker;
      try {
        running = thread();
      } catch (error) {
        fallBack(`the thread did not start: ${(error as Error).message}`);
        return reply;
      }
      if (pending.size === 1) running.ref();
      running.postMessage(request);
      return reply;
    },
    async close() {
      // Closing is no failure: the next callback starts a new thread.
      const running = worker;
      worker = undefined;
      if (running) await running.terminate();
      for (const { reject } of pending.values()) reject(new Error("callback opener closed"));
      pending.clear();
    },
  };
}

/**
 * The thread's side: opens each request as it comes and answers in batches of a few, so the
 * event loop receiving them gets one message per batch and no answer waits for a long one.
 */
function serve(port: NonNullable<typeof parentPort>, options: CallbackCryptoOptions): void {
  const open = openerFunction(createCallbackCrypto(options));
  let answers: Answer[] = [];
  const flush = () => {
    if (answers.length === 0) return;
    port.postMessage(answers);
    answers = [];
  };
  port.on("message", (request: Request) => {
    if (answers.length === 0) setImmediate(flush);
    try {
      answers.push({ id: request.id, inbound: open(request.query, request.body) });
    } catch (error) {
      answers.push({ id: request.id, failure: toFailure(error) });
    }
    if (answers.length >= ANSWERS_PER_MESSAGE) flush();
  });
}

const data = workerData as { role?: string; options?: CallbackCryptoOptions } | undefined;
if (!isMainThread && parentPort && data?.role === ROLE && data.options) {
  serve(parentPort, data.options);
}
