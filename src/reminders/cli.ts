// `npm run reminders -- --at <time> [--dry-run]`: what is due at that instant given the stored
// state of DATA_DIR. Without --dry-run it sends through the console transport and records the
// ledger, so a second run at the same instant sends nothing new.
import { loadConfig } from "../config.js";
import { CliUsageError, consoleTransport, parseCliArgs, runReminderCommand } from "./command.js";
import { loadReminderDeps } from "./deps.js";
import { ledgerFile, openLedger } from "./ledger.js";
import { createReminderService } from "./service.js";

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  const config = loadConfig();
  const { tasks, state } = loadReminderDeps(config.dataDir);
  const print = (line: string) => console.log(line);
  const service = createReminderService({
    tasks,
    state,
    transport: consoleTransport(print),
    ledger: openLedger(ledgerFile(config.dataDir)),
    now: () => args.at,
    quietHours: config.quietHours,
    weekends: config.remindWeekends,
    log: console,
  });
  return runReminderCommand(service, args, print);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof CliUsageError ? error.message : error);
    process.exitCode = error instanceof CliUsageError ? 2 : 1;
  },
);
