// The Telegram channel: telegraf for the Bot API, our own poller or a webhook for updates, the
// update pipeline in between. Only this folder imports telegraf.
import { Telegraf } from "telegraf";
import type { BotCommand } from "telegraf/types";
import type { Core, DocumentFetcher, Reply } from "../../core/types.js";
import { createDelivery, type Delivery } from "../../inbox/delivery.js";
import { memoryInbox } from "../../store/db/inbox.js";
import { createTelegramDocuments } from "./documents.js";
import { createFloodLimiter, type FloodOptions } from "./flood.js";
import { describeError, redacting, type ChannelLogger } from "./log.js";
import { ALLOWED_UPDATES, startPolling, type Poller } from "./polling.js";
import { realSleep, type Sleep } from "./retry.js";
import { createSender } from "./sender.js";
import { APOLOGY, createUpdatePipeline } from "./updates.js";
import { createWebhookHandler, type WebhookHandler } from "./webhook.js";

/** The command menu shown by Telegram clients. */
export const BOT_COMMANDS: readonly BotCommand[] = [
  { command: "start", description: "开始" },
  { command: "help", description: "帮助" },
  { command: "report", description: "上报" },
  { command: "status", description: "进度" },
  { command: "deadlines", description: "截止时间" },
];

/** Options of `createTelegramChannel`. */
export interface TelegramChannelOptions {
  /** Bot token from @BotFather; never logged. */
  token: string;
  /** Bot API root (default: https://api.telegram.org); tests point it at a local emulator. */
  apiRoot?: string;
  core: Core;
  /**
   * The durable inbox's delivery loop updates are stored in (default: one over an in-memory
   * inbox, for tests).
   */
  delivery?: Delivery;
  /**
   * Webhook mode: Telegram posts to `url` (mount `webhookHandler` there) with `secret` in its
   * header; a webhook without a secret is refused. Default: long polling.
   */
  webhook?: { url: string; secret?: string };
  /** Where to log (default: console). */
  log?: ChannelLogger;
  /** Flood limits (default: 1 message a second per chat, 20 a minute per group). */
  flood?: FloodOptions;
  /** Sleep for 429 and flood waits (default: a real timer); tests inject a fake. */
  sleep?: Sleep;
  /** Clock for flood limits (default: Date.now). */
  now?: () => number;
}

/** A running (or startable) Telegram channel. */
export interface TelegramChannel {
  /** Checks the token (getMe), sets the command menu, then starts polling or sets the webhook. */
  start(): Promise<void>;
  /** Stops fetching updates and waits until the updates in hand are answered. */
  stop(): Promise<void>;
  /** Sends a reply to a chat (reminders); rejects with TelegramSendError when it cannot. */
  sendTo(chatId: string, reply: Reply): Promise<void>;
  /** Processes one raw update as if it had been fetched; resolves once it is answered (tests). */
  handleUpdate(update: unknown): Promise<void>;
  /** In webhook mode: the node handler for POST /telegram/webhook. */
  webhookHandler?: WebhookHandler;
  /** Downloads the document of a message from this channel (getFile, then the file URL). */
  documents: DocumentFetcher;
}

/** A start-up call to the Bot API failed; the message names what to check. */
export class TelegramStartError extends Error {
  override name = "TelegramStartError";
}

/** Creates the channel; nothing touches the network before `start()`. */
export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  // Without the secret anyone who finds the URL can post updates in anyone's name (issue 13).
  if (options.webhook && !options.webhook.secret) {
    throw new TelegramStartError(
      "Telegram webhook mode needs a secret token: set TELEGRAM_WEBHOOK_SECRET.",
    );
  }
  const log = redacting(options.log ?? console, options.token);
  const sleep = options.sleep ?? realSleep;
  const bot = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot } });
  const flood = createFloodLimiter(options.flood, { now: options.now, sleep });
  const sender = createSender({ telegram: bot.telegram, flood, retry: { sleep }, log });
  const delivery =
    options.delivery ??
    createDelivery({ inbox: memoryInbox(), core: options.core, apology: APOLOGY, log });
  const pipeline = createUpdatePipeline({
    delivery,
    sender,
    answerCallback: (id, notice) => bot.telegram.answerCbQuery(id, notice),
    log,
  });
  bot.use((ctx) => pipeline.process(ctx.update, ctx.botInfo));
  // Last resort: telegraf's default handler rethrows, which would end polling.
  bot.catch((error, ctx) => {
    log.error(`telegram update ${ctx.update.update_id} failed: ${describeError(error)}`);
  });

  let poller: Poller | undefined;
  let stopped = false;
  // Stores an update in the inbox (what polling and the webhook wait for before moving on); a
  // failure to store rejects, so the webhook answers 500 and polling fetches the batch again.
  const take = async (update: unknown) => {
    bot.botInfo ??= await bot.telegram.getMe();
    await pipeline.process(update, bot.botInfo);
  };
  const handleUpdate = async (update: unknown) => {
    await take(update);
    await pipeline.idle();
  };

  async function connect(): Promise<void> {
    try {
      bot.botInfo ??= await bot.telegram.getMe();
    } catch (error) {
      throw new TelegramStartError(
        `Telegram getMe failed (${describeError(error).split(options.token).join("[token]")}). ` +
          "Check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT.",
      );
    }
    log.info(`telegram: connected as @${bot.botInfo.username}`);
  }

  async function setCommands(): Promise<void> {
    // Only the command menu; the bot works without it (and the test emulator answers 500).
    await bot.telegram.setMyCommands(BOT_COMMANDS).catch((error: unknown) => {
      log.warn(`telegram: setMyCommands failed, no command menu: ${describeError(error)}`);
    });
  }

  async function listen(): Promise<void> {
    const webhook = options.webhook;
    if (webhook) {
      const extra = { secret_token: webhook.secret, allowed_updates: ALLOWED_UPDATES };
      await bot.telegram.setWebhook(webhook.url, extra).catch((error: unknown) => {
        throw new TelegramStartError(`Telegram setWebhook failed: ${describeError(error)}`);
      });
      return;
    }
    // A webhook left over from an earlier run would make getUpdates fail with 409.
    await bot.telegram.deleteWebhook().catch((error: unknown) => {
      log.warn(`telegram: deleteWebhook failed: ${describeError(error)}`);
    });
    poller = startPolling({ telegram: bot.telegram, handle: take, log });
  }

  return {
    async start() {
      if (poller) return;
      stopped = false;
      await connect();
      await setCommands();
      await listen();
    },
    async stop() {
      stopped = true;
      await poller?.stop();
      poller = undefined;
      await pipeline.idle();
      await sender.idle();
    },
    sendTo: (chatId, reply) => sender.send(chatId, reply),
    handleUpdate,
    documents: createTelegramDocuments({ telegram: bot.telegram, log, retry: { sleep } }),
    webhookHandler: options.webhook
      ? createWebhookHandler({
          secret: options.webhook.secret,
          handle: take,
          stopped: () => stopped,
          log,
        })
      : undefined,
  };
}
