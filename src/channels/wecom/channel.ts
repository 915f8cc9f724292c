// Wires the WeCom doors to the core: the routes to mount on the shared HTTP server, the group
// webhook for reminders, and `sendTo` for direct messages through the self-built app.
import type { AxiosInstance } from "axios";
import type { Config, WecomAppConfig } from "../../config.js";
import type { Core, DocumentFetcher, Reply } from "../../core/types.js";
import type { SeenIds } from "../../store/seen-ids.js";
import type { Routes } from "../http-server.js";
import { createHttpClient, createWecomApi } from "./api.js";
import { APP_MESSAGES_PER_MINUTE, createAppSender } from "./app-sender.js";
import { createAppDoor } from "./app.js";
import { createTracker, type WecomLogger } from "./callback.js";
import { WecomConfigError } from "./errors.js";
import { realSleep, type Sleep } from "./http-call.js";
import { createWecomDocuments, describeMedia } from "./media.js";
import { createRateLimiter, type RateLimiter } from "./rate-limit.js";
import { createRobotDoor } from "./robot.js";
import { createGroupWebhook, type GroupWebhook } from "./webhook.js";

/** Options of `createWecomChannel`. */
export interface WecomChannelOptions {
  config: Config["wecom"];
  core: Core;
  /** Persisted ids of app callbacks already handled. */
  seenApp: SeenIds;
  /** Persisted ids of robot callbacks already handled. */
  seenRobot: SeenIds;
  /** Clock in milliseconds (default: Date.now). */
  now?: () => number;
  /** Sleep for rate windows and back-off (default: a real timer). */
  sleep?: Sleep;
  /** Where problems are reported (default: console). Never receives secrets. */
  log?: WecomLogger;
  /** HTTP client for WeCom calls (default: axios with a 10 s timeout). */
  http?: AxiosInstance;
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
}

interface Shared {
  core: Core;
  serial: RateLimiter;
  now: () => number;
  sleep: Sleep;
  log: WecomLogger;
  http: AxiosInstance;
  track: (work: Promise<unknown>) => void;
}

function mountApp(
  app: WecomAppConfig,
  apiBase: string,
  seen: SeenIds,
  shared: Shared,
  routes: Routes,
) {
  const { now, sleep, http } = shared;
  const api = createWecomApi({ apiBase, corpId: app.corpId, secret: app.secret, now, sleep, http });
  const limiter = createRateLimiter({ limit: APP_MESSAGES_PER_MINUTE, now, sleep });
  const sender = createAppSender({ api, agentId: app.agentId, limiter, log: shared.log });
  const door = createAppDoor({
    ...shared,
    app,
    seen,
    sender,
    describeMedia: (mediaId) => describeMedia(api, mediaId),
  });
  routes["GET /wecom/app"] = door.verify;
  routes["POST /wecom/app"] = door.receive;
  return { sender, api };
}

function mountRobot(
  robot: { token: string; aesKey: string },
  seen: SeenIds,
  shared: Shared,
  routes: Routes,
) {
  const door = createRobotDoor({ ...shared, ...robot, seen });
  routes["GET /wecom/robot"] = door.verify;
  routes["POST /wecom/robot"] = door.receive;
}

/** Creates the channel for whichever WeCom doors are configured. */
export function createWecomChannel(options: WecomChannelOptions): WecomChannel {
  const { config } = options;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const log = options.log ?? console;
  const tracker = createTracker(log);
  const shared: Shared = {
    core: options.core,
    serial: createRateLimiter({ limit: Infinity, now, sleep }), // order per user, no limit
    now,
    sleep,
    log,
    http: options.http ?? createHttpClient(),
    track: tracker.track,
  };
  const routes: Routes = {};
  const mounted = config.app
    ? mountApp(config.app, config.apiBase, options.seenApp, shared, routes)
    : undefined;
  const sender = mounted?.sender;
  if (config.robot) mountRobot(config.robot, options.seenRobot, shared, routes);
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
    idle: tracker.idle,
    documents: createWecomDocuments({ api: mounted?.api, log }),
  };
}
