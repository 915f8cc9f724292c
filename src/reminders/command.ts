// The `npm run reminders -- --at <time> [--dry-run]` command, apart from loading real state so
// that tests drive it with any service: prints what is due at that instant, one line a recipient,
// then each task's next deadline; a dry run ends with "共 N 条", N the messages it would send.
import { parseArgs } from "node:util";
import { formatShanghai } from "../core/period.js";
import { calendarWarning } from "./calendar-notice.js";
import type { ReminderTransport } from "./plan.js";
import type { ReminderService } from "./service.js";
import { NOTHING_DUE } from "./texts.js";

/** Usage text of the command. */
export const USAGE =
  "用法：npm run reminders -- [--at 2026-05-22T09:00 或 --at 2026-05-22] [--dry-run]";

/** Bad command-line arguments; the message is for the operator. */
export class CliUsageError extends Error {
  override name = "CliUsageError";
}

/** Parsed arguments. */
export interface CliArgs {
  /** The instant to run at (default: now). */
  at: Date;
  /** Print only; nothing sent or recorded. */
  dryRun: boolean;
}

/** Parses the arguments; a time without a zone is Shanghai time. */
export function parseCliArgs(argv: string[], now: Date = new Date()): CliArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { at: { type: "string" }, "dry-run": { type: "boolean", default: false } },
    }));
  } catch (error) {
    throw new CliUsageError(`${(error as Error).message}\n${USAGE}`);
  }
  return { at: values.at === undefined ? now : parseInstant(values.at), dryRun: values["dry-run"] };
}

/**
 * Reads "2026-05-22T09:00", "2026-05-22 09:00", "2026-05-22" (00:00; all Shanghai time) or a full
 * ISO time with a zone.
 */
export function parseInstant(text: string): Date {
  const trimmed = text.trim();
  // A bare date would be UTC midnight to `Date` (08:00 in Shanghai): read it as Shanghai's midnight.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  const local = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed);
  const instant = new Date(
    date ? `${trimmed}T00:00+08:00` : local ? `${trimmed.replace(" ", "T")}+08:00` : trimmed,
  );
  if (Number.isNaN(instant.getTime())) {
    throw new CliUsageError(`--at 的时间 "${text}" 看不懂\n${USAGE}`);
  }
  return instant;
}

/** One output line: the recipient and the text on one line. */
export function formatLine(recipient: string, text: string): string {
  return `${recipient}：${text.replace(/\n+/g, " ｜ ")}`;
}

/** A transport that prints every message as one line (the console channel of the command). */
export function consoleTransport(print: (line: string) => void): ReminderTransport {
  return {
    direct: async (identity, text) => print(formatLine(identity, text)),
    office: [
      {
        key: "console",
        perMinute: Infinity,
        send: async (text) => print(formatLine("office:console", text)),
      },
    ],
  };
}

/** Runs the command against `service`; resolves with the exit code. */
export async function runReminderCommand(
  service: ReminderService,
  args: CliArgs,
  print: (line: string) => void,
): Promise<number> {
  const items = await service.runDue(args.at, { dryRun: args.dryRun });
  const when = formatShanghai(args.at, { weekday: true });
  if (items.length === 0) {
    const reason = service.holdReason(args.at);
    print(`${when}：${NOTHING_DUE}${reason ? `（${reason}）` : ""}`);
  } else if (args.dryRun) {
    print(`${when}：到期 ${items.length} 条（演练，未发送，未记录）`);
    for (const item of items) print(formatLine(item.recipient, item.text));
  }
  if (args.dryRun || items.length === 0) {
    printOutlook(service, args.at, print);
    if (args.dryRun) print(`共 ${items.length} 条`);
    return 0;
  }
  print(`${when}：到期 ${items.length} 条，发送中`);
  const counts = await service.flush();
  const failed = counts.failed > 0 ? `，${counts.failed} 条发送失败（见日志）` : "";
  const dropped = counts.dropped > 0 ? `，${counts.dropped} 条因已填报或记录失败未发` : "";
  print(`已发送 ${counts.sent} 条${failed}${dropped}`);
  printOutlook(service, args.at, print);
  return counts.failed > 0 ? 1 : 0;
}

/**
 * "下次截止：月度进度填报 2026年9月28日（周一）17:00" for each task, "下次周报：…" for each task
 * with a digest, and the calendar's warning.
 */
function printOutlook(service: ReminderService, at: Date, print: (line: string) => void): void {
  for (const { task, deadline } of service.upcomingDeadlines(at)) {
    print(`下次截止：${task.title} ${formatShanghai(deadline, { weekday: true })}`);
  }
  for (const digest of service.upcomingDigests(at)) {
    print(`下次周报：${digest.task.title} ${formatShanghai(digest.at, { weekday: true })}`);
  }
  const warning = calendarWarning(at, service.calendar);
  if (warning) print(warning);
}
