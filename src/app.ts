// Wires configuration, stores, the core and the configured channels into a running bot.
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import { consoleDocuments, consolePrinter, runConsole } from "./channels/console/index.js";
import { createHttpServer, type HttpServer } from "./channels/http-server.js";
import { createTurnGate } from "./channels/turns.js";
import type { TelegramChannel } from "./channels/telegram/index.js";
import { createWecomChannel, type WecomChannel } from "./channels/wecom/index.js";
import type { Config } from "./config.js";
import { createCore, type CommandSpec } from "./core/engine.js";
import { sqlConversationStore, type SqlConversationStore } from "./store/db/conversations.js";
import { prepareDataDir } from "./store/db/import-json.js";
import { sqlInbox } from "./store/db/inbox.js";
import type { Database } from "./store/db/database.js";
import type { InboxStore } from "./inbox/types.js";
import { createDelivery, type Delivery } from "./inbox/delivery.js";
import type { Core } from "./core/types.js";
import { seedStore } from "./extract/store-file.js";
import { loadDistrict } from "./store/district.js";
import { loadIntents, withDistrict } from "./search/intents.js";
import { ReportsAnswerer } from "./search/reports-answerer.js";
import { openPendingReports, openReportFiles } from "./store/report-files.js";
import { createReportFeature } from "./core/reports/feature.js";
import { createTeachingFeature } from "./core/teaching.js";
import { createChartFeature } from "./core/charts/index.js";
import { chartFiles } from "./store/chart-files.js";
import type { Exporter } from "./core/submissions/exporter.js";
import { openLessons, openUnansweredLog } from "./store/lessons.js";
import { openOfficeCalendar } from "./store/holidays.js";
import { setDeadlineCalendar } from "./core/period.js";
import type { ChannelName, DocumentFetcher } from "./core/types.js";
import { prepareReportBytes } from "./reports/import.js";
import { acquireDataDirLock, type DataDirLock } from "./store/lock.js";
import {
  createReminderService,
  digestChart,
  digestTargets,
  holidayCommands,
  openLedger,
  startCron,
  type ReminderCron,
  type ReminderService,
} from "./reminders/index.js";
import {
  openDataStores,
  reminderTransport,
  reportingState,
  type DataStores,
  type ReminderChannels,
} from "./wiring.js";
import { createSubmissionFeature, type SubmissionFeature } from "./core/submissions/index.js";
import { describeError } from "./core/describe-error.js";
import { settleWithin } from "./infra/sleep.js";
import { loadLater } from "./infra/load-later.js";
import { createRoles } from "./core/access/roles.js";
import { openAuditLog } from "./store/db/audit.js";
import { openBindFailures } from "./store/db/bind-failures.js";
import { openViewerGrants } from "./store/db/roles.js";

/** A started bot. */
export interface RunningBot {
  core: Core;
  telegram?: TelegramChannel;
  wecom?: WecomChannel;
  http?: HttpServer;
  /** Port the HTTP server listens on, when one runs. */
  port?: number;
  /** Resolves when the bot should exit (console input ended); never for server channels. */
  done: Promise<void>;
  stop(): Promise<void>;
}

/** Options of `startBot`. */
export interface StartOptions {
  /** Console streams (default: the process's stdin and stdout). */
  input?: Readable;
  output?: Writable;
  /**
   * Verify, decrypt and parse WeCom app callbacks on a worker thread (`npm start`); in-process
   * callers (tests) keep them in the request's turn.
   */
  callbackThread?: boolean;
}

/** Starts the bot for `config`: the configured channels, or the console when there are none. */
export async function startBot(config: Config, options: StartOptions = {}): Promise<RunningBot> {
  const lock = acquireDataDirLock(config.dataDir);
  try {
    return await startWithLock(config, options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function startWithLock(
  config: Config,
  options: StartOptions,
  lock: DataDirLock,
): Promise<RunningBot> {
  const data = (name: string) => join(config.dataDir, name);
  // The database first: a data folder of the JSON versions is moved into it here, once.
  const db = prepareDataDir(config.dataDir);
  const conversations = sqlConversationStore(db);
  const inbox = sqlInbox(db);
  const district = loadDistrict(config.seedDir);
  const stores = openDataStores(config.dataDir, district);
  // China's official working calendar plus the office's own additions (DATA_DIR/holidays.json):
  // deadlines in forms and answers move off holidays as the reminders' do.
  const holidays = openOfficeCalendar(config.dataDir);
  const previousCalendar = setDeadlineCalendar(holidays.calendar);
  const reports = openReportFiles(config.dataDir, () => seedStore(district));
  const answerer = new ReportsAnswerer(
    reports,
    withDistrict(loadIntents(), district),
    stores.roster.map((t) => t.name),
  );
  // The reminder service is created before the channels it sends through; its transport is
  // set once they exist (commands only run after start-up).
  const reminders: { service?: ReminderService } = {};
  // Who is admin, viewer, liaison or nobody: stated once, read by every command and answer.
  const roles = createRoles({
    admins: config.admins,
    viewers: config.viewers,
    grants: openViewerGrants(config.dataDir),
    bindings: stores.bindings,
  });
  // How the office is alerted (many wrong invite codes): set once the channels exist.
  const office: { alert?: (text: string) => Promise<void> } = {};
  const submissions = createSubmissionFeature({
    roles,
    bindFailures: openBindFailures(config.dataDir),
    alertOffice: async (text) => office.alert?.(text),
    remindNow: async (task) => {
      if (!reminders.service) throw new Error("reminder service not started");
      return reminders.service.remindNow(task);
    },
    ...stores,
    answerer,
    area: district.area,
    districtNames: district.aliases,
    conversations,
    exporter: lazyExporter(config.dataDir),
  });
  // Files sent in chats are fetched by the channel they came through (set once channels exist).
  const fetchers: Partial<Record<ChannelName, DocumentFetcher>> = {};
  const reportDesk = createReportFeature({
    library: reports,
    pending: openPendingReports(config.dataDir),
    prepare: (bytes, name) => prepareReportBytes(bytes, name),
    documents: {
      fetch(message, maxBytes) {
        const fetcher = fetchers[message.channel];
        if (!fetcher) return Promise.reject(new Error(`no file download on ${message.channel}`));
        return fetcher.fetch(message, maxBytes);
      },
    },
  });
  const charts = createChartFeature({
    ...stores,
    latestReport: () => answerer.reports().at(-1)?.store,
    output: chartFiles(data("charts")),
    area: district.area,
  });
  const unanswered = openUnansweredLog(config.dataDir);
  const teaching = createTeachingFeature({
    lessons: openLessons(config.dataDir),
    log: unanswered,
    answerer,
  });
  const core = createCore({
    answerer,
    conversations,
    unanswered,
    roles,
    audit: openAuditLog(config.dataDir),
    commands: {
      ...reminderCommands(stores, reminders),
      ...submissions.commands,
      ...reportDesk.commands,
      ...teaching.commands,
      ...holidayCommands(holidays),
      ...charts.commands,
    },
    flows: [...submissions.flows, ...reportDesk.flows],
    answerHooks: [...charts.answerHooks, ...submissions.answerHooks],
    onDocument: reportDesk.onDocument,
  });
  const bot: RunningBot = { core, done: new Promise(() => undefined), stop: async () => undefined };
  // Committing and handling wait for a burst of new connections to be accepted (see turns.ts).
  const turns = createTurnGate();
  // Platform messages are stored before their ack and handled from the store (not the console).
  const delivery: Delivery = createDelivery({
    turns,
    inbox,
    core,
    conversations: { store: conversations, put: (key, c) => conversations.put(key, c) },
    apology: { text: "抱歉，处理出错了，请稍后再试。" },
  });

  if (config.telegram) {
    // telegraf loads only when Telegram is configured.
    const { createTelegramChannel } = await loadLater(
      () => import("./channels/telegram/index.js"),
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      () => require("./channels/telegram/index.js"),
    );
    const { token, apiRoot, webhookUrl, webhookSecret } = config.telegram;
    bot.telegram = createTelegramChannel({
      token,
      apiRoot,
      core,
      delivery,
      webhook: webhookUrl ? { url: webhookUrl, secret: webhookSecret } : undefined,
    });
  }
  const { app, robot } = config.wecom;
  if (app || robot || config.wecom.webhookKey) {
    bot.wecom = createWecomChannel({
      config: config.wecom,
      core,
      delivery,
      openOnThread: options.callbackThread,
    });
  }
  fetchers.console = consoleDocuments;
  if (bot.telegram) fetchers.telegram = bot.telegram.documents;
  if (bot.wecom) fetchers.wecom = bot.wecom.documents;
  // What a previous process stored and did not finish: sent and handled before new traffic.
  delivery.resume();
  const routes = { ...bot.wecom?.routes };
  if (bot.telegram?.webhookHandler) routes["POST /telegram/webhook"] = bot.telegram.webhookHandler;
  if (Object.keys(routes).length > 0) {
    bot.http = createHttpServer({ port: config.port, host: config.host, routes, turns });
    bot.port = (await bot.http.listen()).port;
  }
  await bot.telegram?.start();

  const serving = Boolean(bot.telegram || bot.http);
  const interactive = Boolean(((options.input ?? process.stdin) as { isTTY?: boolean }).isTTY);
  const print = serving ? undefined : consolePrinter(options.output);
  office.alert = async (text) => {
    const targets = reminderTransport(config, { telegram: bot.telegram, wecom: bot.wecom, print });
    for (const target of targets.office) {
      await target.send(text).catch((error: unknown) => {
        console.error(`office alert via ${target.key} failed: ${describeError(error)}`);
      });
    }
  };
  reminders.service = createReminderService({
    tasks: stores.tasks,
    state: reportingState(stores),
    transport: reminderTransport(config, { telegram: bot.telegram, wecom: bot.wecom, print }),
    ledger: openLedger(config.dataDir),
    quietHours: config.quietHours,
    weekends: config.remindWeekends,
    calendar: holidays.calendar,
    // The weekly digest to the office (its time is data in data/tasks.json).
    digest: {
      figures: stores.submissions,
      area: district.area,
      targets: digestTargets({
        wecomGroup: bot.wecom?.webhook,
        telegram: bot.telegram,
        telegramChat: config.telegram?.officeChatId,
        print,
      }),
      chart: digestChart({ ...stores, output: chartFiles(data("charts")), area: district.area }),
    },
  });
  // Piped console input is a batch of questions: no reminders mixed into its answers.
  const cron: ReminderCron | undefined =
    serving || interactive ? startCron(reminders.service) : undefined;
  if (!serving) bot.done = runConsole({ core, input: options.input, output: options.output });
  const expiry = setInterval(() => {
    void expireDrafts(submissions, { telegram: bot.telegram, wecom: bot.wecom, print });
    tidyStore({ inbox, conversations, db });
  }, 60_000);
  expiry.unref();
  bot.stop = async () => {
    clearInterval(expiry);
    // Stop taking traffic first, then give work in flight up to 10 s: what is stored and not
    // finished is handled, and reminders not yet sent are found again, after the restart.
    const closing = bot.http?.close();
    await settleWithin(STOP_GRACE_MS, bot.telegram?.stop());
    await delivery.stop(STOP_GRACE_MS);
    await settleWithin(STOP_GRACE_MS, cron?.stop());
    await settleWithin(STOP_GRACE_MS, closing);
    await bot.wecom?.close();
    setDeadlineCalendar(previousCalendar);
    lock.release();
  };
  return bot;
}

/** The /export writer; exceljs (about 30 MB) loads on the first /export, not at start. */
function lazyExporter(dataDir: string): Exporter {
  return {
    export: async (request) => {
      const { fileExporter } = await loadLater(
        () => import("./store/export.js"),
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        () => require("./store/export.js"),
      );
      return fileExporter(dataDir).export(request);
    },
  };
}

/** How long stopping waits for work in flight. */
const STOP_GRACE_MS = 10_000;
/** A conversation with no draft and no /as is forgotten a day after its last message. */
const CONVERSATION_KEEP_MS = 24 * 60 * 60 * 1000;
/** Handled messages are remembered this long, so a redelivery within it is refused. */
const INBOX_KEEP_MS = 48 * 60 * 60 * 1000;

/**
 * Minute housekeeping of the store: old inbox rows and stale conversations go, the log is copied
 * into the file.
 */
function tidyStore(store: {
  inbox: InboxStore;
  conversations: SqlConversationStore;
  db: Database;
}): void {
  try {
    store.inbox.prune(new Date(Date.now() - INBOX_KEEP_MS));
    store.conversations.prune(new Date(Date.now() - CONVERSATION_KEEP_MS));
    store.db.checkpoint();
  } catch (error) {
    console.error(`store housekeeping failed: ${describeError(error)}`);
  }
}

/** Clears drafts idle for 30 minutes and tells their owners. */
async function expireDrafts(feature: SubmissionFeature, channels: ReminderChannels): Promise<void> {
  try {
    for (const notice of await feature.expireIdle(new Date())) {
      const { channel, chatId, reply } = notice;
      const send =
        channel === "telegram"
          ? channels.telegram?.sendTo(chatId, reply)
          : channel === "wecom"
            ? channels.wecom?.sendTo(chatId, reply)
            : channels.print?.(reply.text);
      await send?.catch((error: unknown) =>
        console.error(`draft expiry notice to ${chatId}: ${describeError(error)}`),
      );
    }
  } catch (error) {
    console.error(`draft expiry failed: ${describeError(error)}`);
  }
}

/** /deadlines for everyone (/remind is the submission feature's, with roles and its audit). */
function reminderCommands(
  stores: DataStores,
  reminders: { service?: ReminderService },
): Record<string, CommandSpec> {
  const service = () => {
    if (!reminders.service) throw new Error("reminder service not started");
    return reminders.service;
  };
  return {
    deadlines: { run: ({ now }) => [{ text: service().deadlinesText(now) }] },
  };
}
