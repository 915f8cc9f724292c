// Shared fixtures of the reminder tests: the default task, a small roster with a scriptable
// reporting state, and a transport that records what it was asked to send.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { calendarOf, type WorkCalendar } from "../../src/core/holidays.js";
import { memoryLedger } from "../../src/reminders/ledger.js";
import type { ReminderTransport, ReportingState } from "../../src/reminders/plan.js";
import { createReminderService, type ReminderServiceOptions } from "../../src/reminders/service.js";
import { loadTasks, type Task } from "../../src/store/tasks.js";

/** The monthly task of data/tasks.json: due the 25th 17:00, T-3d, T-1d, T-2h, overdue T+1 09:00. */
export const TASK: Task = loadTasks()[0]!;

/**
 * A fake official calendar holding only the 2026 facts the tests name: 中秋 25–27 September
 * (Friday to Sunday), 国庆节 1–7 October, make-up workdays Sunday 20 September and Saturday
 * 10 October. Covers 2026.
 */
export function fakeCalendar(): WorkCalendar {
  const days = (from: number, to: number, month: string, name: string) =>
    Object.fromEntries(
      Array.from({ length: to - from + 1 }, (_, i) => [
        `2026-${month}-${String(from + i).padStart(2, "0")}`,
        name,
      ]),
    );
  return calendarOf(
    {
      holidays: { ...days(25, 27, "09", "中秋"), ...days(1, 7, "10", "国庆节") },
      workdays: { "2026-09-20": "国庆节", "2026-10-10": "国庆节" },
    },
    2026,
  );
}

/** All field keys of TASK. */
export const FIELDS = TASK.fields.map((f) => f.key);

/** Shanghai wall-clock time → instant: at("2026-06-22 09:00"). */
export function at(local: string): Date {
  return new Date(`${local.replace(" ", "T")}:00+08:00`);
}

/** Three townships: two liaisons, one liaison, none bound. */
export const LIAISONS: Record<string, string[]> = {
  下营镇: ["wecom:xiaying1", "telegram:1002"],
  渔阳镇: ["wecom:yuyang"],
  官庄镇: [],
};

/** A reporting state the test edits: every field missing until `report` says otherwise. */
export class FakeState implements ReportingState {
  private readonly reported = new Map<string, Set<string>>();

  constructor(readonly liaisons: Record<string, string[]> = LIAISONS) {}

  /** Marks fields (default: all) of a township reported for a period. */
  report(period: string, township: string, fields: readonly string[] = FIELDS): void {
    const key = `${period}|${township}`;
    const set = this.reported.get(key) ?? new Set<string>();
    for (const f of fields) set.add(f);
    this.reported.set(key, set);
  }

  progress(task: Task, period: string) {
    return Object.keys(this.liaisons).map((township) => {
      const done = this.reported.get(`${period}|${township}`) ?? new Set<string>();
      return { township, missing: task.fields.map((f) => f.key).filter((k) => !done.has(k)) };
    });
  }

  liaisonsOf(township: string): string[] {
    return this.liaisons[township] ?? [];
  }
}

/** One message handed to the fake transport. */
export interface SentMessage {
  to: string;
  text: string;
  /** The test clock when it was sent. */
  at: Date;
}

/** A transport recording every send, with two office targets; `failNext` makes sends reject. */
export class RecordingTransport implements ReminderTransport {
  readonly sent: SentMessage[] = [];
  /** Sends to reject before succeeding again. */
  failNext = 0;
  /** When set, a send never settles (the process "dies" while sending). */
  hang = false;
  /** When set, sends wait for it before delivering. */
  gate: Promise<void> | undefined;

  constructor(private readonly clock: () => Date) {}

  readonly direct = (identity: string, text: string) => this.deliver(identity, text);

  readonly office = [
    {
      key: "wecom-group",
      perMinute: 20,
      send: (text: string) => this.deliver("office:wecom-group", text),
    },
    {
      key: "telegram-office",
      perMinute: 20,
      send: (text: string) => this.deliver("office:telegram-office", text),
    },
  ];

  private async deliver(to: string, text: string): Promise<void> {
    if (this.hang) return new Promise<void>(() => undefined);
    if (this.gate) await this.gate;
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error("HTTP 502 from the channel");
    }
    this.sent.push({ to, text, at: this.clock() });
  }

  /** Messages to one recipient. */
  to(recipient: string): SentMessage[] {
    return this.sent.filter((m) => m.to === recipient);
  }
}

/** A fresh data folder under the system temp folder. */
export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "reminders-"));
}

/** A logger that keeps lines for assertions. */
export function memoryLog() {
  const lines: string[] = [];
  return {
    lines,
    info: (m: string) => lines.push(`info ${m}`),
    warn: (m: string) => lines.push(`warn ${m}`),
    error: (m: string) => lines.push(`error ${m}`),
  };
}

/** Builds a service on a test clock; `tick` runs it at an instant and waits for its sends. */
export function harness(options: Partial<ReminderServiceOptions> & { state?: FakeState } = {}) {
  const clock = { now: at("2026-06-01 00:00") };
  const state = options.state ?? new FakeState();
  const transport = new RecordingTransport(() => clock.now);
  const log = memoryLog();
  const ledger = options.ledger ?? memoryLedger();
  const service = createReminderService({
    tasks: [TASK],
    state,
    transport,
    ledger,
    now: () => clock.now,
    log,
    outbox: { log, sleep: async () => undefined },
    ...options,
  });
  async function tick(instant: Date) {
    clock.now = instant;
    const items = await service.runDue(instant);
    await service.flush();
    return items;
  }
  return { clock, state, transport, log, ledger, service, tick };
}

/** Runs `tick` every minute from `from` until before `to`. */
export async function tickEveryMinute(
  tick: (instant: Date) => Promise<unknown>,
  from: Date,
  to: Date,
): Promise<void> {
  for (let t = from.getTime(); t < to.getTime(); t += 60_000) await tick(new Date(t));
}
