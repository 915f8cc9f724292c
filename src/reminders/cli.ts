// `npm run reminders -- --at <time> [--dry-run]`: what is due at that instant given the stored
// state of DATA_DIR, one line per recipient. Without --dry-run it sends through the configured
// channels (the terminal prints every message) and records the ledger, so a second run at the
// same instant sends nothing new. It refuses to send while a bot runs on the same data folder.
// Deadlines and holds follow the official calendar plus the office's additions (DATA_DIR/holidays.json).
import { createTelegramChannel } from "../channels/telegram/index.js";
import { createWecomChannel } from "../channels/wecom/index.js";
import { loadConfig, type Config } from "../config.js";
import type { Core } from "../core/types.js";
import { openOfficeCalendar } from "../store/holidays.js";
import { acquireDataDirLock } from "../store/lock.js";
import { openDataStores, reminderTransport, reportingState } from "../wiring.js";
import { CliUsageError, consoleTransport, parseCliArgs, runReminderCommand } from "./command.js";
import { openLedger } from "./ledger.js";
import { prepareDataDir } from "../store/db/import-json.js";
import type { ReminderTransport } from "./plan.js";
import { createReminderService } from "./service.js";

// The command only sends: nothing it starts listens for messages.
const SILENT_CORE: Core = { handle: async () => [] };

/** Prints every message, and also sends those a configured channel can reach. */
function transportFor(config: Config, print: (line: string) => void): ReminderTransport {
  const printed = consoleTransport(print);
  const telegram = config.telegram
    ? createTelegramChannel({
        token: config.telegram.token,
        apiRoot: config.telegram.apiRoot,
        core: SILENT_CORE,
      })
    : undefined;
  const { app, webhookKey } = config.wecom;
  const wecom =
    app || webhookKey
      ? createWecomChannel({
          config: config.wecom,
          core: SILENT_CORE,
        })
      : undefined;
  const real = reminderTransport(config, { telegram, wecom });
  return {
    office: [...printed.office, ...real.office],
    async direct(identity, text) {
      await printed.direct(identity, text);
      if (!identity.startsWith("console:")) await real.direct(identity, text);
    },
  };
}

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  const config = loadConfig();
  const lock = args.dryRun ? undefined : acquireDataDirLock(config.dataDir);
  prepareDataDir(config.dataDir);
  const stores = openDataStores(config.dataDir);
  const print = (line: string) => console.log(line);
  const service = createReminderService({
    tasks: stores.tasks,
    state: reportingState(stores),
    transport: args.dryRun ? consoleTransport(print) : transportFor(config, print),
    ledger: openLedger(config.dataDir),
    now: () => args.at,
    quietHours: config.quietHours,
    weekends: config.remindWeekends,
    calendar: openOfficeCalendar(config.dataDir).calendar,
    log: console,
  });
  try {
    return await runReminderCommand(service, args, print);
  } finally {
    lock?.release();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(
      error instanceof CliUsageError
        ? error.message
        : error instanceof Error
          ? error.message
          : error,
    );
    process.exitCode = error instanceof CliUsageError ? 2 : 1;
  },
);
