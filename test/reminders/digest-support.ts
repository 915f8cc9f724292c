// Fixtures of the digest tests: a memory submission store over three townships, the reporting
// state read from it, office targets that record texts and pictures, and a fake chart.
import type { DigestMessage, DigestOptions, DigestTarget } from "../../src/reminders/digest.js";
import type { ReportingState } from "../../src/reminders/plan.js";
import type { ReminderServiceOptions } from "../../src/reminders/service.js";
import { memorySubmissionStore, type SubmissionStore } from "../../src/store/submissions.js";
import { memoryLedger } from "../../src/reminders/ledger.js";
import { createReminderService } from "../../src/reminders/service.js";
import { officialCalendar } from "../../src/store/holidays.js";
import { RecordingTransport, TASK, memoryLog } from "./support.js";

/** The townships of the digest tests, in roster order. */
export const TOWNSHIPS = ["下营镇", "渔阳镇", "官庄镇"];

/** Reporting state over a submission store, as src/wiring.ts builds it. */
export function stateOf(store: SubmissionStore): ReportingState {
  return {
    progress: (task, period) =>
      store
        .progress(task, period, TOWNSHIPS)
        .map(({ township, missing }) => ({ township, missing })),
    liaisonsOf: () => [],
  };
}

/** Stores figures of TASK for a township: { "new-homestays": 35, … } at a given instant. */
export async function report(
  store: SubmissionStore,
  period: string,
  township: string,
  values: Record<string, number>,
  at: Date,
): Promise<void> {
  const entries = Object.entries(values).map(([field, value]) => ({
    field,
    value,
    unit: TASK.fields.find((f) => f.key === field)!.unit,
  }));
  await store.submit({
    taskId: TASK.id,
    period,
    township,
    entries,
    by: { identity: "console:local" },
    channel: "console",
    raw: "上报",
    at,
    late: false,
  });
}

/** One digest handed to a recording target. */
export interface ReceivedDigest extends DigestMessage {
  to: string;
  at: Date;
}

/** Office targets "wecom-group" and "telegram-office" recording what they receive. */
export function recordingTargets(clock: () => Date) {
  const received: ReceivedDigest[] = [];
  const targets: DigestTarget[] = ["wecom-group", "telegram-office"].map((key) => ({
    key,
    perMinute: 20,
    send: async (message: DigestMessage) => {
      received.push({ ...message, to: `office:${key}`, at: clock() });
    },
  }));
  return { received, targets };
}

/** A service sending digests of TASK (Monday 09:00) from a memory store, on a test clock. */
export function digestHarness(
  options: Partial<Omit<ReminderServiceOptions, "digest">> & {
    digest?: Partial<DigestOptions>;
  } = {},
) {
  const store = memorySubmissionStore({ tasks: [TASK], townships: TOWNSHIPS });
  const clock = { now: new Date(0) };
  const office = recordingTargets(() => clock.now);
  const charts: { task: string; period: string }[] = [];
  const log = memoryLog();
  const { digest, ...rest } = options;
  const transport = new RecordingTransport(() => clock.now);
  const ledger = rest.ledger ?? memoryLedger();
  const service = createReminderService({
    tasks: [TASK],
    state: stateOf(store),
    transport,
    ledger,
    now: () => clock.now,
    log,
    outbox: { log, sleep: async () => undefined },
    calendar: officialCalendar(),
    ...rest,
    digest: {
      figures: store,
      targets: office.targets,
      chart: async (task, period) => {
        charts.push({ task: task.id, period });
        const any = TOWNSHIPS.some((t) => store.latest(period, t, task.fields[0]!.key));
        return any ? { path: `/charts/${period}.png`, name: `${period}.png` } : undefined;
      },
      ...digest,
    },
  });
  async function tick(instant: Date) {
    clock.now = instant;
    const items = await service.runDue(instant);
    await service.flush();
    return items;
  }
  return { clock, service, tick, store, transport, ledger, log, received: office.received, charts };
}
