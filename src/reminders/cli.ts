// `npm run reminders -- --at <time> [--dry-run]`: what is due at that instant given the stored
// state of DATA_DIR, one line per recipient. Without --dry-run it sends through the configured
// channels (the terminal prints every message) and records the ledger, so a second run at the
// same instant sends nothing new. It refuses to send while a bot runs on the same data folder.
// Weekly digests due at that instant go to the office targets too (the terminal prints the
// chart's path); a dry run lists them and the next one ("下次周报").
// Deadlines and holds follow the official calendar plus the office's additions (DATA_DIR/holidays.json).
import { join, resolve } from "node:path";
import { createTelegramChannel, type TelegramChannel } from "../channels/telegram/index.js";
import { createWecomChannel, type WecomChannel } from "../channels/wecom/index.js";
import { loadConfig, type Config } from "../config.js";
import type { Core } from "../core/types.js";
import { openOfficeCalendar } from "../store/holidays.js";
import { acquireDataDirLock } from "../store/lock.js";
import { chartFiles } from "../store/chart-files.js";
import { loadDistrict } from "../store/district.js";
import { openDataStores, reminderTransport, reportingState, type DataStores } from "../wiring.js";
import {
  CliUsageError,
  consoleTransport,
  formatLine,
  parseCliArgs,
  runReminderCommand,
} from "./command.js";
import { digestTargets, type DigestOptions, type DigestTarget } from "./digest.js";
import { digestChart } from "./digest-chart.js";
import { openLedger } from "./ledger.js";
import { prepareDataDir } from "../store/db/import-json.js";
import type { ReminderTransport } from "./plan.js";
import { createReminderService } from "./service.js";

// The command only sends: nothing it starts listens for messages.
const SILENT_CORE: Core = { handle: async () => [] };

/** The configured channels the command sends through (none in a dry run). */
interface CliChannels {
  telegram?: TelegramChannel;
  wecom?: WecomChannel;
}

function channelsFor(config: Config): CliChannels {
  const telegram = config.telegram
    ? createTelegramChannel({
        token: config.telegram.token,
        apiRoot: config.telegram.apiRoot,
        core: SILENT_CORE,
      })
    : undefined;
  const { app, webhookKey } = config.wecom;
  const wecom =
    app || webhookKey ? createWecomChannel({ config: config.wecom, core: SILENT_CORE }) : undefined;
  return { telegram, wecom };
}

/** Prints every message, and also sends those a configured channel can reach. */
function transportFor(
  config: Config,
  channels: CliChannels,
  print: (line: string) => void,
): ReminderTransport {
  const printed = consoleTransport(print);
  const real = reminderTransport(config, channels);
  return {
    office: [...printed.office, ...real.office],
    async direct(identity, text) {
      await printed.direct(identity, text);
      if (!identity.startsWith("console:")) await real.direct(identity, text);
    },
  };
}

/** The digest: printed as one line (with the picture's path), and sent to the office channels. */
function digestFor(
  config: Config,
  stores: DataStores & { area: string },
  channels: CliChannels,
  print: (line: string) => void,
): DigestOptions {
  const { area } = stores;
  // The command's own console target: one line, then the picture's path on a line of its own.
  const printed: DigestTarget = {
    key: "console",
    perMinute: Infinity,
    send: async ({ text, image }) => {
      print(formatLine("office:console", text));
      if (image) print(resolve(image.path));
    },
  };
  const real = digestTargets({
    wecomGroup: channels.wecom?.webhook,
    telegram: channels.telegram,
    telegramChat: config.telegram?.officeChatId,
  });
  return {
    figures: stores.submissions,
    area,
    targets: [printed, ...real],
    chart: digestChart({
      roster: stores.roster,
      submissions: stores.submissions,
      output: chartFiles(join(config.dataDir, "charts")),
      area,
    }),
  };
}

async function main(): Promise<number> {
  const args = parseCliArgs(process.argv.slice(2));
  const config = loadConfig();
  const lock = args.dryRun ? undefined : acquireDataDirLock(config.dataDir);
  prepareDataDir(config.dataDir);
  const district = loadDistrict(config.seedDir);
  const stores = { ...openDataStores(config.dataDir, district), area: district.area };
  const print = (line: string) => console.log(line);
  const channels = args.dryRun ? {} : channelsFor(config);
  const service = createReminderService({
    tasks: stores.tasks,
    state: reportingState(stores),
    transport: args.dryRun ? consoleTransport(print) : transportFor(config, channels, print),
    digest: digestFor(config, stores, channels, print),
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
