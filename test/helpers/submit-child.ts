// Child process for the kill test: submits figures in a tight loop to the store in argv[2] and
// prints "<receipt> <period> <township> <value>" to stdout only after submit() resolved.
// Bounded (count and time) so an orphan never runs on when the test process dies.
import { createSubmissionStore } from "../../src/store/submissions.js";

const MAX_SUBMISSIONS = 5000;
const MAX_MS = 30_000;
const TOWNSHIPS = ["下营镇", "渔阳镇", "白涧镇", "文昌街道", "孙各庄满族乡"];
const PERIODS = ["2026-10", "2026-11"];

const dir = process.argv[2];
if (!dir) {
  process.stderr.write("usage: submit-child.ts <data dir>\n");
  process.exit(2);
}
const store = createSubmissionStore({ dir });
const started = Date.now();
for (let i = 0; i < MAX_SUBMISSIONS && Date.now() - started < MAX_MS; i++) {
  const period = PERIODS[i % PERIODS.length]!;
  const township = TOWNSHIPS[i % TOWNSHIPS.length]!;
  const { receipt } = await store.submit({
    taskId: "monthly-progress",
    period,
    township,
    entries: [{ field: "new-homestays", value: i, unit: "户" }],
    by: { identity: `wecom:liaison${i % TOWNSHIPS.length}` },
    channel: "wecom",
    raw: `新建民宿${i}户`,
    at: new Date(),
    late: false,
  });
  // stdout to a pipe is synchronous on Linux, so a printed line was handed over before a kill.
  process.stdout.write(`${receipt} ${period} ${township} ${i}\n`);
}
