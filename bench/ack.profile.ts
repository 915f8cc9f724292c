// `npx tsx bench/ack.profile.ts [COUNT [CONCURRENCY]]`: the WeCom app door's ack path in process,
// without an HTTP client. Calls the door's POST handler directly with pre-signed callbacks over a
// real data folder (durable inbox commits, as in production), CONCURRENCY at a time, and prints
// the CPU time per ack. Handling is a stub core that answers nothing, so what is measured is
// verify, decrypt, parse, commit and answer. Run it under `node --cpu-prof --import tsx` to see
// where the time goes.
import { mkdtempSync, rmSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { createAppDoor } from "../src/channels/wecom/app.js";
import type { AppSender } from "../src/channels/wecom/app-sender.js";
import { createDelivery } from "../src/inbox/delivery.js";
import { openDatabase } from "../src/store/db/database.js";
import { sqlInbox } from "../src/store/db/inbox.js";
import { APP, signCallback, type SignedCallback } from "./support/callbacks.js";

const count = Number(process.argv[2] ?? 50_000);
const concurrency = Number(process.argv[3] ?? 200);

const dataDir = mkdtempSync(join(tmpdir(), "ack-profile-"));
const db = openDatabase(dataDir);
const delivery = createDelivery({
  inbox: sqlInbox(db),
  core: { handle: async () => [] },
  apology: { text: "sorry" },
  log: { info: () => undefined, warn: console.warn, error: console.error },
});
const sender = {
  send: async () => undefined,
  closeCard: async () => undefined,
} as unknown as AppSender;
const door = createAppDoor({
  app: { ...APP },
  delivery,
  sender,
  now: Date.now,
  log: console,
  describeMedia: async () => ({}),
});

/** A request as node's HTTP server hands it over: a readable body, url, method, socket. */
function fakeRequest(callback: SignedCallback): IncomingMessage {
  const req = Readable.from([Buffer.from(callback.body)], { objectMode: false });
  return Object.assign(req, {
    url: callback.path,
    method: "POST",
    headers: { "content-type": "text/xml" },
    socket: { remoteAddress: "127.0.0.1" },
  }) as unknown as IncomingMessage;
}

/** A response that records its status and resolves when ended. */
function fakeResponse(done: (status: number, body: string) => void): ServerResponse {
  let status = 0;
  const res = {
    headersSent: false,
    statusCode: 200,
    setHeader: () => res,
    writeHead(code: number) {
      status = code;
      res.headersSent = true;
      return res;
    },
    end(body?: string) {
      done(status || res.statusCode, body ?? "");
      return res;
    },
  };
  return res as unknown as ServerResponse;
}

let seq = 0;
const callbacks = Array.from({ length: count }, () => {
  seq += 1;
  return signCallback({
    from: `user${seq % 5000}`,
    content: "新建民宿多少户",
    msgId: String(8_000_000_000_000_000_000n + BigInt(seq)),
  });
});

async function post(callback: SignedCallback): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const res = fakeResponse((status) => resolve(status));
    Promise.resolve(door.receive(fakeRequest(callback), res)).catch(reject);
  });
}

async function run(from: number, to: number): Promise<number> {
  let acked = 0;
  let next = from;
  const worker = async () => {
    while (next < to) {
      const status = await post(callbacks[next++]!);
      if (status === 200) acked += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return acked;
}

// Warm-up (JIT, statement cache), then the measured run.
const warm = Math.min(2000, Math.floor(count / 10));
await run(0, warm);
await delivery.idle();
const cpu = process.cpuUsage();
const started = performance.now();
const acked = await run(warm, count);
const wall = performance.now() - started;
const used = process.cpuUsage(cpu);
await delivery.idle();
const n = count - warm;
console.log(
  `${acked}/${n} acked at ${concurrency} concurrent: ${((1000 * wall) / n).toFixed(1)} µs wall, ` +
    `${((used.user + used.system) / n).toFixed(1)} µs CPU per ack (handling a stub included), ` +
    `${((n / wall) * 1000).toFixed(0)} acks/s`,
);
db.close();
rmSync(dataDir, { recursive: true, force: true });
