// Wires the WeCom doors to the core: the routes to mount on the shared HTTP server, the group
// webhook for reminders, and `sendTo` for direct messages through the self-built app.
import type { AxiosInstance } from "axios";
import type { Config, WecomAppConfig } from "../../config.js";
import type { Core, DocumentFetcher, Reply } from "../../core/types.js";
import { createDelivery, type Delivery } from "../../inbox/delivery.js";
import { memoryInbox } from "../../store/db/inbox.js";
import type { Routes } from "../http-server.js";
import { createHttpClient, createWecomApi } from "./api.js";
import { APP_MESSAGES_PER_MINUTE, createAppSender } from "./app-sender.js";
import { createAppDoor } from "./app.js";
import type { WecomLogger } from "./callback.js";
import { WecomConfigError } from "./errors.js";
import { realSleep, type Sleep } from "./http-call.js";
import { createWecomDocuments, describeMedia } from "./media.js";
import { createRateLimiter } from "./rate-limit.js";
import { APOLOGY } from "./render.js";
import { appCallbackKeys, type CallbackOpener } from "./opener.js";
import { threadOpener } from "./opener-thread.js";
import { createRobotDoor } from "./robot.js";
import { createGroupWebhook, type GroupWebhook } from "./webhook.js";

/** Options of `createWecomChannel`. */
export interface WecomChannelOptions {
  config: Config["wecom"];
  core: Core;
  /**
   * The durable inbox's delivery loop the doors store callbacks in (default: one over an
   * in-memory inbox, for tests).
   */
  delivery?: Delivery;
  /** Clock in milliseconds (default: Date.now). */
  now?: () => number;
  /** Sleep for rate windows and back-off (default: a real timer). */
  sleep?: Sleep;
  /** Where problems are reported (default: console). Never receives secrets. */
  log?: WecomLogger;
  /** HTTP client for WeCom calls (default: axios with a 10 s timeout). */
  http?: AxiosInstance;
  /**
   * Opens the self-built app's callbacks on a worker thread rather than in the request's turn
   * (the running bot; tests keep it in process).
   */
  openOnThread?: boolean;
}

/** The WeCom channel as main.ts and reminders see it. */
export interface WecomChannel {
  /** "GET /wecom/app", "POST /wecom/app", "GET /wecom/robot", "POST /wecom/robot" as configured. */
  routes: Routes;
  /** The group-robot sender, when WECOM_WEBHOOK_KEY is set. */
  webhook?: GroupWebhook;
  /** Sends a reply to a member through the self-built app (throws WecomConfigError without one). */
  sendTo(userId: string, reply: Reply): Promise<void>;
  /** Resolves once every accepted callback has been handled and answered. */
  idle(): Promise<void>;
  /**
   * Downloads the file of a message from the self-built app (media/get). Refuses when the app
   * is not configured; the smart robot passes no files.
   */
  documents: DocumentFetcher;
  /** Stops the callback opener's thread, if any (after the HTTP server has closed). */
  close(): Promise<void>;
}

interface Shared {
  delivery: Delivery;
  now: () => number;
  sleep: Sleep;
  log: WecomLogger;
  http: AxiosInstance;
}

function mountApp(
  app: WecomAppConfig,
  apiBase: string,
  shared: Shared,
  routes: Routes,
  opener: CallbackOpener | undefined,
) {
  const { now, sleep, http } = shared;
  const api = createWecomApi({ apiBase, corpId: app.corpId, secret: app.secret, now, sleep, http });
  const limiter = createRateLimiter({ limit: APP_MESSAGES_PER_MINUTE, now, sleep });
  const sender = createAppSender({ api, agentId: app.agentId, limiter, log: shared.log });
  const door = createAppDoor({
    ...shared,
    app,
    sender,
    describeMedia: (mediaId) => describeMedia(api, mediaId),
    opener,
  });
  routes["GET /wecom/app"] = door.verify;
  routes["POST /wecom/app"] = door.receive;
  return { sender, api };
}

function mountRobot(robot: { token: string; aesKey: string }, shared: Shared, routes: Routes) {
  const door = createRobotDoor({ ...shared, ...robot });
  routes["GET /wecom/robot"] = door.verify;
  routes["POST /wecom/robot"] = door.receive;
}

/** Creates the channel for whichever WeCom doors are configured. */
export function createWecomChannel(options: WecomChannelOptions): WecomChannel {
  const { config } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const log = options.log ?? console;
  const delivery =
    options.delivery ??
    createDelivery({
      inbox: memoryInbox(),
      core: options.core,
      apology: { text: APOLOGY },
      log: logAll(log),
    });
  const shared: Shared = {
    delivery,
    now,
    sleep,
    log,
    http: options.http ?? createHttpClient(),
  };
  const routes: Routes = {};
  const opener =
    config.app && options.openOnThread
      ? threadOpener(appCallbackKeys(config.app), { warn: (message) => log.warn(message) })
      : undefined;
  const mounted = config.app
    ? mountApp(config.app, config.apiBase, shared, routes, opener)
    : undefined;
  const sender = mounted?.sender;
  if (config.robot) mountRobot(config.robot, shared, routes);
  const webhook = config.webhookKey
    ? createGroupWebhook({
        apiBase: config.apiBase,
        key: config.webhookKey,
        now,
        sleep,
        http: shared.http,
        log,
      })
    : undefined;

  return {
    routes,
    webhook,
    async sendTo(userId, reply) {
      if (!sender) {
        throw new WecomConfigError(
          "WeCom app is not configured: set WECOM_CORP_ID, WECOM_AGENT_ID, WECOM_SECRET, WECOM_TOKEN and WECOM_AES_KEY.",
        );
      }
      await sender.send(userId, reply);
    },
    idle: () => delivery.idle(),
    documents: createWecomDocuments({ api: mounted?.api, log }),
    close: async () => opener?.close(),
  };
}

/** The delivery loop logs info lines too; the channel's logger has warn and error only. */
function logAll(log: WecomLogger) {
  return {
    info: (m: string) => log.warn(m),
    warn: (m: string) => log.warn(m),
    error: (m: string) => log.error(m),
  };
}
