// `npm run bench:load [-- COUNT [LEVELS]]`: the WeCom app door under load, black box.
// Starts a loopback fake WeCom API and the bot as a child process on a fresh DATA_DIR, then posts
// COUNT signed, encrypted callbacks (distinct MsgIds, one distinct user each) at each concurrency
// in LEVELS (default: 5000 at 50,200). Prints acks per second, ack latency p50/p99 (from the
// request's first byte written to the answer read), acks over 5 s, how many acknowledged
// messages were answered 0, 1 or 2+ times, and the bot's RSS.
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { startBot, type Bot } from "./support/bot.js";
import {
  APP,
  callbackClient,
  pool,
  socketClient,
  signCallback,
  type PostResult,
} from "./support/callbacks.js";
import type { FakeApi } from "./support/fake-api.js";
import { startFakeApiThread } from "./support/fake-api-thread.js";
import { mark, percentile, waitQuiet } from "./support/stats.js";

/** RSS for printing: "n/a" once the bot has ended. */
const mb = (rss: number) => (Number.isNaN(rss) ? "n/a" : `${rss.toFixed(0)} MB`);

const QUESTION = "新建民宿多少户";
const count = Number(process.argv[2] ?? 5000);
const levels = (process.argv[3] ?? "50,200").split(",").map(Number);
const TARGET = { acksPerSecond: 2000, p99Ms: 50, rssMb: 300, atConcurrency: 200 };

/** Answers per user, from what the fake API received. */
function answersByUser(api: FakeApi): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of api.sent) counts.set(m.touser, (counts.get(m.touser) ?? 0) + 1);
  return counts;
}

const quietProbe = (api: FakeApi, bot: Bot) => ({
  sent: () => api.sent.length,
  cpuSeconds: bot.cpuSeconds,
});

/**
 * How the slow acks spread: counts per band from 50 ms and the slowest, so a TCP retransmission
 * (initial RTO 1 s, then 3 s) can be told apart from a stall of the bot.
 */
function tailOf(ms: number[]): string {
  const edges = [50, 100, 200, 500, 900, 1100, 2900, 3100, Infinity];
  const parts: string[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const n = ms.filter((m) => m >= edges[i]! && m < edges[i + 1]!).length;
    const to = edges[i + 1] === Infinity ? "" : `–${edges[i + 1]}`;
    if (n > 0) parts.push(`${edges[i]}${to} ms: ${n}`);
  }
  const max = ms.reduce((a, b) => Math.max(a, b), 0);
  return `${parts.length ? parts.join(", ") : "none ≥ 50 ms"}; max ${max.toFixed(0)} ms`;
}

let msgSeq = 0;
/** A MsgId no other message of this run has (WeCom's are 64-bit decimal numbers). */
const nextMsgId = () => String(7_000_000_000_000_000_000n + BigInt(++msgSeq));

async function runLevel(api: FakeApi, bot: Bot, concurrency: number) {
  // BENCH_CLIENT=http posts through node:http's client instead, which costs this loop about
  // twice the CPU (its share of the two cores is then missing from the bot's).
  const client =
    process.env.BENCH_CLIENT === "http"
      ? callbackClient(bot.port, concurrency)
      : socketClient(bot.port);
  const users = Array.from({ length: count }, (_, i) => `load${concurrency}x${i}`);
  // Signed beforehand, so the client spends its CPU on sending while the clock runs; signed
  // again when the bot is so slow that the timestamp nears the end of WeCom's 300 s window.
  const messages = users.map((from) => ({ from, content: QUESTION, msgId: nextMsgId() }));
  const signedAt = Date.now();
  const callbacks = messages.map(signCallback);
  const fresh = (i: number) => (Date.now() - signedAt < 200_000 ? callbacks[i]! : messages[i]!);
  const started = performance.now();
  const elu0 = performance.eventLoopUtilization();
  const results: PostResult[] = await pool(count, concurrency, (i) => client.post(fresh(i)));
  const seconds = (performance.now() - started) / 1000;
  const clientBusy = performance.eventLoopUtilization(elu0).utilization;
  client.close();
  const quiet = await waitQuiet(quietProbe(api, bot), 5000, 600_000);
  const answers = answersByUser(api);
  const acked = results.flatMap((r, i) => (r.acked ? [{ ...r, user: users[i]! }] : []));
  const ms = acked.map((r) => r.ms);
  // The first `concurrency` posts each open a connection, all at once: a round of its own.
  const opening = results.slice(0, concurrency).map((r) => r.ms);
  // Times as they were taken before: this client's own socket creation counted in.
  const withWait = (r: PostResult) => r.ms + (r.connectWaitMs ?? 0);
  const openingWithWait = results.slice(0, concurrency).map(withWait);
  const waits = results.flatMap((r) => (r.connectWaitMs === undefined ? [] : [r.connectWaitMs]));
  const after = results.slice(concurrency).map((r) => r.ms);
  const times = acked.map((r) => answers.get(r.user) ?? 0);
  return {
    concurrency,
    acked: acked.length,
    failed: count - acked.length,
    acksPerSecond: acked.length / seconds,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    openingP50: percentile(opening, 50),
    openingMax: Math.max(...opening),
    openingWithWaitP50: percentile(openingWithWait, 50),
    connectWaitP50: waits.length ? percentile(waits, 50) : NaN,
    // The whole level's p99 as it was timed before (the opening round from the connect() call).
    p99WithWait: percentile(acked.map(withWait), 99),
    afterP99: percentile(after, 99),
    over5s: ms.filter((m) => m > 5000).length,
    tail: tailOf(ms),
    answered0: times.filter((t) => t === 0).length,
    answered1: times.filter((t) => t === 1).length,
    answered2: times.filter((t) => t >= 2).length,
    quiet,
    clientBusy,
  };
}

async function main(): Promise<void> {
  const api = await startFakeApiThread(APP.corpId, APP.secret);
  const dataDir = mkdtempSync(join(tmpdir(), "bench-load-"));
  // BENCH_BOT_LOG=FILE keeps the bot's output (with BOT_NODE_OPTIONS="--trace-gc", its GC pauses).
  const logFile = process.env.BENCH_BOT_LOG;
  if (logFile) writeFileSync(logFile, "");
  const bot = await startBot({
    dataDir,
    apiBase: api.url,
    onOutput: logFile ? (line) => appendFileSync(logFile, `${line}\n`) : undefined,
  });
  let peakRss = bot.rssMb();
  const sampler = setInterval(() => {
    const rss = bot.rssMb();
    if (rss > peakRss) peakRss = rss; // NaN (process gone) is never greater
  }, 500);
  const missed: string[] = [];
  // The client runs on this loop (the fake API on a thread of its own): a slow loop here would
  // delay the timing of acks.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  try {
    // Warm-up: load the report, the segmenter and the JIT before measuring.
    const warm = callbackClient(bot.port, 8);
    await pool(40, 8, (i) =>
      warm.post({ from: `warm${i}`, content: QUESTION, msgId: nextMsgId() }),
    );
    warm.close();
    await waitQuiet(quietProbe(api, bot), 1000, 30_000);
    console.log(`bot pid group ${bot.child.pid}, RSS after warm-up ${mb(bot.rssMb())}`);
    console.log(`${count} callbacks per level, "${QUESTION}", one distinct user each\n`);

    let total = 0;
    for (const level of levels) {
      const r = await runLevel(api, bot, level);
      total += count;
      const atTarget = level === TARGET.atConcurrency;
      const target = (ok: boolean, what: string) => {
        if (!ok) missed.push(`${what} at ${level}`);
        return `  (target ${what}: ${mark(ok)})`;
      };
      console.log(
        `concurrency ${level}: ${r.acked} acked, ${r.failed} not acked (no 200 "success" within 15 s)`,
      );
      console.log(
        `  acks/s ${r.acksPerSecond.toFixed(0)}` +
          (atTarget
            ? target(r.acksPerSecond >= TARGET.acksPerSecond, `≥ ${TARGET.acksPerSecond} acks/s`)
            : ""),
      );
      console.log(
        `  ack latency p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms` +
          (atTarget ? target(r.p99 < TARGET.p99Ms, `p99 < ${TARGET.p99Ms} ms`) : ""),
      );
      console.log(
        `  the first ${level} (each opening its connection) p50 ${r.openingP50.toFixed(1)} ms, ` +
          `max ${r.openingMax.toFixed(1)} ms; the ${count - level} after them p99 ${r.afterP99.toFixed(1)} ms`,
      );
      if (!Number.isNaN(r.connectWaitP50)) {
        console.log(
          `  (timed from the connect() call, as before: this client's loop held the first ${level} ` +
            `p50 ${r.connectWaitP50.toFixed(1)} ms creating their sockets; opening p50 ` +
            `${r.openingWithWaitP50.toFixed(1)} ms, level p99 ${r.p99WithWait.toFixed(1)} ms)`,
        );
      }
      console.log(`  acks over 5 s: ${r.over5s}; slow acks ${r.tail}`);
      console.log(`  (client's loop busy ${(r.clientBusy * 100).toFixed(0)}% of the level)`);
      console.log(
        `  acknowledged messages answered 0×: ${r.answered0}, 1×: ${r.answered1}, 2+×: ${r.answered2}` +
          target(r.answered0 === 0 && r.answered2 === 0, "each answered exactly once") +
          (r.quiet ? "" : "  [bot still busy after 600 s]"),
      );
      console.log(`  RSS after ${total} messages: ${mb(bot.rssMb())}\n`);
      if (bot.exitStatus()) break;
    }
    if (bot.exitStatus()) {
      missed.push(`the bot ended (${bot.exitStatus()})`);
      console.log(`the bot ended (${bot.exitStatus()}); its last output:`);
      for (const line of bot.outputTail()) console.log(`  | ${line}`);
    }
    const rss = bot.rssMb();
    const rssOk = rss < TARGET.rssMb;
    if (!rssOk) missed.push(`RSS < ${TARGET.rssMb} MB`);
    console.log(
      `RSS after ${total} messages: ${mb(rss)}, peak ${mb(peakRss)}` +
        `  (target < ${TARGET.rssMb} MB: ${mark(rssOk)})`,
    );
    console.log(
      `(this process, client and fake API: event-loop delay max ${(loopDelay.max / 1e6).toFixed(0)} ms)`,
    );
    console.log(missed.length ? `targets missed: ${missed.join("; ")}` : "all targets met");
  } finally {
    clearInterval(sampler);
    loopDelay.disable();
    await bot.stop();
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.exitCode = missed.length ? 1 : 0;
}

await main();
