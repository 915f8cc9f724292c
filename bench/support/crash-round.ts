// The crash harness shared by `npm run crash` and test/e2e/crash.test.ts. A round: N admins each
// report a figure with the one-line `上报 <township> 新建民宿 <n>户` and get the summary; then all
// N send `确认` in one burst and the bot is SIGKILLed at a random step of it (an ack or a reply); it
// is restarted on the same DATA_DIR and fake API, the callbacks WeCom would retry (those not
// acknowledged) are resent, and once the bot is quiet the round is checked from outside.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { botDir, startBot, type Bot } from "./bot.js";
import { APP, callbackClient, pool, type PostResult, type TextCallback } from "./callbacks.js";
import { startFakeApi, type FakeApi } from "./fake-api.js";
import { waitQuiet } from "./stats.js";
import { storedSubmissions } from "./stored.js";

const RECEIPT = /R\d{6}-\d{4}/g;
/**
 * Values stay below 10× the seed report's district figure (新建民宿 29户): the form asks for an
 * extra confirmation of a value that far off, and one `确认` must be enough.
 */
const MAX_VALUE = 280;
/** How often a callback is resent after the restart before the harness gives up. */
const RETRIES = 5;

/** A bot with N admins, a fake API and a data folder that live across rounds. */
export interface CrashRig {
  api: FakeApi;
  dataDir: string;
  users: string[];
  /** Folder of the bot's code. */
  repo: string;
  bot: Bot;
  /** Stops the bot and the fake; removes the data folder unless `keepData`. */
  close(keepData?: boolean): Promise<void>;
}

/** What one round found. Every list holds user ids. */
export interface RoundResult {
  round: number;
  /** Acks and replies of the burst seen when the kill was sent. */
  killedAt: { acks: number; replies: number };
  /** `确认` acknowledged in the burst, before the kill. */
  ackedBeforeKill: number;
  /** `确认` acknowledged only when resent after the restart. */
  ackedOnRetry: number;
  /** `确认` never acknowledged, even after RETRIES resends. */
  neverAcked: string[];
  /** Users whose `上报` got no summary (left out of the burst). */
  noSummary: string[];
  /** (a) Acknowledged `确认` that got no reply. */
  unanswered: string[];
  /** (b) Acknowledged `确认` with no stored submission. */
  notStored: string[];
  /** (b) Confirmations stored more than once. */
  storedTwice: string[];
  /** (c) Receipt numbers sent in replies that are not in the store. */
  receiptsNotStored: string[];
  /** (d) Users sent two or more different receipts for the one value. */
  receiptsTwice: string[];
  /** False when the bot was still sending when the wait ended. */
  quiet: boolean;
}

/** True when the round broke none of the rules (a)–(d) and every message got through. */
export function roundOk(r: RoundResult): boolean {
  return (
    r.neverAcked.length +
      r.noSummary.length +
      r.unanswered.length +
      r.notStored.length +
      r.storedTwice.length +
      r.receiptsNotStored.length +
      r.receiptsTwice.length ===
    0
  );
}

/** One line for a round. */
export function describeRound(r: RoundResult): string {
  const few = (list: string[]) =>
    list.length ? ` (${list.slice(0, 5).join(",")}${list.length > 5 ? ",…" : ""})` : "";
  return (
    `round ${r.round}: killed after ${r.killedAt.acks} acks and ${r.killedAt.replies} replies; acked ${r.ackedBeforeKill} + ${r.ackedOnRetry} on retry, ` +
    `never acked ${r.neverAcked.length}; ` +
    `lost (acked, no reply) ${r.unanswered.length}${few(r.unanswered)}, ` +
    `not stored ${r.notStored.length}${few(r.notStored)}, stored twice ${r.storedTwice.length}${few(r.storedTwice)}, ` +
    `receipts sent but not stored ${r.receiptsNotStored.length}${few(r.receiptsNotStored)}, ` +
    `two receipts for one value ${r.receiptsTwice.length}${few(r.receiptsTwice)}` +
    (r.noSummary.length ? `, no summary ${r.noSummary.length}` : "") +
    (r.quiet ? "" : ", bot not quiet") +
    (roundOk(r) ? "  ok" : "  VIOLATION")
  );
}

/** The roster's township names (the bot's default SEED_DIR). */
function townships(repo: string): string[] {
  const roster = JSON.parse(readFileSync(join(repo, "seeds/townships.json"), "utf8")) as {
    townships: { name: string }[];
  };
  return roster.townships.map((t) => t.name);
}

/** Starts the fake API and a bot whose ADMINS are wecom:u1..u<userCount>. */
export async function startCrashRig(userCount: number, repo = botDir()): Promise<CrashRig> {
  const users = Array.from({ length: userCount }, (_, i) => `u${i + 1}`);
  const api = await startFakeApi(APP.corpId, APP.secret);
  const dataDir = mkdtempSync(join(tmpdir(), "bench-crash-"));
  const rig: CrashRig = {
    api,
    dataDir,
    users,
    repo,
    bot: await startBot({
      dataDir,
      apiBase: api.url,
      admins: users.map((u) => `wecom:${u}`),
      cwd: repo,
    }),
    async close(keepData = false) {
      await rig.bot.stop();
      await api.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return rig;
}

let msgSeq = 0;
/** A MsgId no other message of this process has sent. */
const nextMsgId = () =>
  String(8_000_000_000_000_000_000n + BigInt(Date.now()) * 1000n + BigInt(++msgSeq % 1000));

/** Messages sent to `user` from index `from` of the fake's log on. */
function sentTo(api: FakeApi, user: string, from: number) {
  return api.sent.slice(from).filter((m) => m.touser === user);
}

/** Posts until acknowledged, at most 1 + RETRIES times; the result of the last try. */
async function postUntilAcked(post: (m: TextCallback) => Promise<PostResult>, m: TextCallback) {
  let result = await post(m);
  for (let i = 0; i < RETRIES && !result.acked; i++) {
    await new Promise((r) => setTimeout(r, 200));
    result = await post(m);
  }
  return result;
}

/** Resolves when `done()` holds, or when `progress()` has not changed for `stallMs`. */
async function until(done: () => boolean, progress: () => number, stallMs: number) {
  let last = progress();
  let changedAt = Date.now();
  while (!done() && Date.now() - changedAt < stallMs) {
    await new Promise((r) => setTimeout(r, 10));
    if (progress() !== last) {
      last = progress();
      changedAt = Date.now();
    }
  }
}

/** Runs round `round` (0-based) on the rig; `random` picks the kill point (default Math.random). */
export async function crashRound(
  rig: CrashRig,
  round: number,
  random: () => number = Math.random,
): Promise<RoundResult> {
  const { api, users } = rig;
  const names = townships(rig.repo);
  const n = users.length;
  // A value per user that changes from round to round; users are told apart by identity, and
  // rounds by the receipts stored before this one.
  const valueOf = (i: number) => 1 + ((round * n + i) % MAX_VALUE);
  const before = new Set(storedSubmissions(rig.dataDir).map((s) => s.receipt));

  // 1. Every user reports one figure and waits for the summary to confirm.
  const reportFrom = api.sent.length;
  let client = callbackClient(rig.bot.port, 50);
  await pool(n, 50, (i) =>
    postUntilAcked(client.post, {
      from: users[i]!,
      content: `上报 ${names[i % names.length]} 新建民宿 ${valueOf(i)}户`,
      msgId: nextMsgId(),
    }),
  );
  const hasSummary = (i: number) =>
    sentTo(api, users[i]!, reportFrom).some(
      (m) => m.content.includes(`${valueOf(i)}户`) && m.content.includes("确认"),
    );
  const summaryBy = Date.now() + 30_000;
  while (users.some((_, i) => !hasSummary(i)) && Date.now() < summaryBy) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const inBurst = users.flatMap((u, i) => (hasSummary(i) ? [i] : []));
  const noSummary = users.filter((_, i) => !hasSummary(i));
  client.close();

  // 2. The burst of `确认`. The kill falls at a random step of the burst's 2N steps (N acks and
  // N replies, in the order they happen), so it hits acking and handling alike.
  const burstFrom = api.sent.length;
  const confirms = inBurst.map((i) => ({ from: users[i]!, content: "确认", msgId: nextMsgId() }));
  const killAt = 1 + Math.floor(random() * 2 * confirms.length);
  const inBurstUser = new Set(confirms.map((m) => m.from));
  const seen = { acks: 0, replies: 0 };
  let atKill = { ...seen };
  let killing: Promise<void> | undefined;
  const step = () => {
    if (!killing && seen.acks + seen.replies >= killAt) {
      atKill = { ...seen };
      killing = rig.bot.kill();
    }
  };
  api.onSend = (m) => {
    if (inBurstUser.has(m.touser)) seen.replies++;
    step();
  };
  client = callbackClient(rig.bot.port, confirms.length);
  const first = await Promise.all(
    confirms.map(async (m) => {
      const result = await client.post(m, 10_000);
      if (result.acked) seen.acks++;
      step();
      return result;
    }),
  );
  // The bot lost replies, so the step never comes: kill once nothing moved for 2 s.
  await until(
    () => killing !== undefined,
    () => seen.acks + seen.replies,
    2000,
  );
  api.onSend = undefined;
  if (!killing) atKill = { ...seen };
  await (killing ?? rig.bot.kill());
  client.close();

  // 3. Restart on the same folder, port and API; resend what WeCom would retry.
  rig.bot = await startBot({
    dataDir: rig.dataDir,
    apiBase: api.url,
    admins: users.map((u) => `wecom:${u}`),
    port: rig.bot.port,
    cwd: rig.repo,
  });
  client = callbackClient(rig.bot.port, 50);
  const retried = await Promise.all(
    confirms.map((m, k) => (first[k]!.acked ? undefined : postUntilAcked(client.post, m))),
  );
  client.close();
  const quiet = await waitQuiet(
    { sent: () => api.sent.length, cpuSeconds: rig.bot.cpuSeconds },
    2000,
    60_000,
  );

  // 4. Checks, from the fake's log and the store.
  const acked = inBurst.filter((_, k) => first[k]!.acked || retried[k]?.acked);
  const stored = storedSubmissions(rig.dataDir).filter((s) => !before.has(s.receipt));
  const allReceipts = new Set(storedSubmissions(rig.dataDir).map((s) => s.receipt));
  const storedCount = (i: number) =>
    stored.filter(
      (s) =>
        s.identity === `wecom:${users[i]}` && s.field === "new-homestays" && s.value === valueOf(i),
    ).length;
  const receiptsSent = (i: number) =>
    new Set(sentTo(api, users[i]!, burstFrom).flatMap((m) => m.content.match(RECEIPT) ?? []));
  const sentReceipts = new Set(users.flatMap((_, i) => [...receiptsSent(i)]));
  return {
    round,
    killedAt: atKill,
    ackedBeforeKill: first.filter((r) => r.acked).length,
    ackedOnRetry: retried.filter((r) => r?.acked).length,
    neverAcked: inBurst
      .filter((_, k) => !first[k]!.acked && !retried[k]?.acked)
      .map((i) => users[i]!),
    noSummary,
    unanswered: acked
      .filter((i) => sentTo(api, users[i]!, burstFrom).length === 0)
      .map((i) => users[i]!),
    notStored: acked.filter((i) => storedCount(i) === 0).map((i) => users[i]!),
    storedTwice: inBurst.filter((i) => storedCount(i) > 1).map((i) => users[i]!),
    receiptsNotStored: [...sentReceipts].filter((r) => !allReceipts.has(r)),
    receiptsTwice: inBurst.filter((i) => receiptsSent(i).size > 1).map((i) => users[i]!),
    quiet,
  };
}
