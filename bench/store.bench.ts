// Submission store speed with a long history: 100,000 corrections already stored, then the
// time of one more submission (a durable transaction) and of reading a figure's latest value.
// Prints figures; the target is a write p99 under 5 ms.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeAllDatabases, openDatabase } from "../src/store/db/database.js";
import { createSubmissionStore, type SubmitInput } from "../src/store/submissions.js";

const HISTORY = Number(process.argv[2] ?? 100_000);
const SAMPLES = 1000;
const TOWNSHIPS = Array.from({ length: 27 }, (_, i) => `第${i + 1}镇`);

function input(i: number): SubmitInput {
  return {
    taskId: "monthly",
    period: "2026-11",
    township: TOWNSHIPS[i % TOWNSHIPS.length]!,
    entries: [{ field: "new-homestays", value: i % 500, unit: "户" }],
    by: { identity: `wecom:u${i % 300}` },
    channel: "wecom",
    raw: `上报 新建民宿 ${i % 500}户`,
    at: new Date(Date.UTC(2026, 10, 1) + i * 1000),
    late: false,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The history, written in one transaction with SQL (the bench times what comes after it). */
function writeHistory(dir: string): void {
  const db = openDatabase(dir);
  const rows = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${HISTORY})`;
  const township = `'第' || (i % 27 + 1) || '镇'`;
  db.transaction(() => {
    db.exec(`${rows} INSERT INTO submissions
      SELECT printf('R202611-%04d', i), '2026-11', i, 'monthly', ${township}, 'wecom:u' || (i % 300),
             NULL, 'wecom', '上报', '2026-11-01T00:00:00.000Z', 0, NULL FROM n`);
    db.exec(`${rows} INSERT INTO submission_entries
      SELECT printf('R202611-%04d', i), 0, '2026-11', i, ${township}, 'new-homestays', i % 500, '户'
      FROM n`);
    db.exec(`INSERT INTO receipt_counters VALUES ('2026-11', ${HISTORY})`);
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "store-bench-"));
  try {
    const store = createSubmissionStore({ dir });
    const started = Date.now();
    writeHistory(dir);
    console.log(`store: ${HISTORY} submissions of history written in ${Date.now() - started} ms`);
    const writes: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t = process.hrtime.bigint();
      await store.submit(input(i));
      writes.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const reads: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t = process.hrtime.bigint();
      store.latest("2026-11", TOWNSHIPS[i % TOWNSHIPS.length]!, "new-homestays");
      reads.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    writes.sort((a, b) => a - b);
    reads.sort((a, b) => a - b);
    const f = (n: number) => n.toFixed(2);
    console.log(
      `store: submission write with ${HISTORY} rows of history: p50 ${f(percentile(writes, 50))} ms, p99 ${f(percentile(writes, 99))} ms (target p99 < 5 ms)`,
    );
    console.log(
      `store: latest value of one figure: p50 ${f(percentile(reads, 50))} ms, p99 ${f(percentile(reads, 99))} ms`,
    );
  } finally {
    closeAllDatabases();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
