// The fake WeCom API (fake-api.ts) on a worker thread of its own, so the sends it answers never
// wait behind the load client's event loop, nor delay the client's timing of acks (in one loop,
// answering the bot's sends during a burst added tens of milliseconds to measured acks).
// The worker reports what it received in batches every 20 ms; `sent` is up to date after that.
import { isMainThread, parentPort, workerData, type MessagePort } from "node:worker_threads";
import { startModuleWorker } from "../../src/infra/thread.js";
import { startFakeApi, type FakeApi, type SentMessage } from "./fake-api.js";

const BATCH_MS = 20;

/** Starts the fake on a worker thread; the same interface as `startFakeApi` (onSend batched). */
export async function startFakeApiThread(corpId: string, secret: string): Promise<FakeApi> {
  const worker = startModuleWorker(import.meta.url, { corpId, secret });
  const sent: SentMessage[] = [];
  const fake: FakeApi = {
    url: "",
    sent,
    close: async () => {
      worker.postMessage("close");
      await new Promise((resolve) => worker.once("exit", resolve));
    },
  };
  fake.url = await new Promise<string>((resolve, reject) => {
    worker.once("error", reject);
    worker.on("message", (m: { url?: string; sent?: SentMessage[] }) => {
      if (m.url) resolve(m.url);
      for (const message of m.sent ?? []) {
        sent.push(message);
        fake.onSend?.(message);
      }
    });
  });
  return fake;
}

/** The thread's side: the fake, and what it received reported every BATCH_MS. */
async function serve(port: MessagePort, corpId: string, secret: string): Promise<void> {
  const api = await startFakeApi(corpId, secret);
  let reported = 0;
  const timer = setInterval(() => {
    if (api.sent.length === reported) return;
    port.postMessage({ sent: api.sent.slice(reported) });
    reported = api.sent.length;
  }, BATCH_MS);
  port.on("message", (m) => {
    if (m !== "close") return;
    clearInterval(timer);
    void api.close().then(() => port.close());
  });
  port.postMessage({ url: api.url });
}

// Loaded as CommonJS on the thread (see startModuleWorker): no top-level await.
if (!isMainThread && parentPort) {
  const { corpId, secret } = workerData as { corpId: string; secret: string };
  void serve(parentPort, corpId, secret);
}
