// The self-built app door: GET URL verification and POST XML callbacks. Acks at once, then
// hands the message to the core and answers through message/send.
// Callback rules: https://developer.work.weixin.qq.com/document/path/90930
import type { WecomAppConfig } from "../../config.js";
import type { Core, Message } from "../../core/types.js";
import type { SeenIds } from "../../store/seen-ids.js";
import { readBody, sendText, type RequestHandler } from "../http-server.js";
import type { AppSender } from "./app-sender.js";
import {
  handleSafely,
  type CallbackDoor,
  readSignedQuery,
  recordSeen,
  refuse,
  verificationHandler,
  type WecomLogger,
} from "./callback.js";
import { createCallbackCrypto } from "./crypto.js";
import { describeError } from "./errors.js";
import { UNNAMED_FILE, type MediaFacts } from "./media.js";
import type { RateLimiter } from "./rate-limit.js";
import { parseAppMessage, parseEnvelope, type AppInbound } from "./xml.js";

type FileInbound = Extract<AppInbound, { kind: "file" }>;

/** Answer to a picture, voice, video and the like: only text (and files) are understood. */
export const TEXT_ONLY = "目前只能处理文字消息，请直接输入文字。";

/** Options of `createAppDoor`. */
export interface AppDoorOptions {
  app: WecomAppConfig;
  core: Core;
  /** Persisted MsgIds (and event keys) already handled. */
  seen: SeenIds;
  sender: AppSender;
  /** Per-user serial queue: one member's messages are handled in order. */
  serial: RateLimiter;
  now: () => number;
  log: WecomLogger;
  track: (work: Promise<unknown>) => void;
  /** Name and size of a sent file from media/get's headers, for a callback that names none. */
  describeMedia: (mediaId: string) => Promise<MediaFacts>;
}

/** The fields every message from a member to the app shares (always a private chat). */
function privateChat(userId: string) {
  return { channel: "wecom", chatType: "private", chatId: userId, userId } as const;
}

function toMessage(inbound: AppInbound): Message | undefined {
  const base = privateChat(inbound.userId);
  if (inbound.kind === "text") return { ...base, text: inbound.text, messageId: inbound.dedupeKey };
  // A menu click carries its EventKey as if the member had typed it.
  if (inbound.kind === "event" && inbound.event === "click" && inbound.eventKey) {
    return { ...base, text: inbound.eventKey, messageId: inbound.dedupeKey };
  }
  return undefined;
}

/** Creates the app door. */
export function createAppDoor(options: AppDoorOptions): CallbackDoor {
  const { core, seen, sender, log } = options;
  const crypto = createCallbackCrypto({
    token: options.app.token,
    encodingAesKey: options.app.aesKey,
    receiveId: options.app.corpId,
    now: options.now,
  });

  /** A file as the core sees it: no text, the document fetched later by `documents`. */
  async function fileMessage(inbound: FileInbound): Promise<Message> {
    let name = inbound.fileName;
    let size = inbound.fileSize;
    if (name === undefined) {
      const facts = await options
        .describeMedia(inbound.mediaId)
        .catch((error: unknown): MediaFacts => {
          log.warn(`wecom app: no name for file ${inbound.dedupeKey}: ${describeError(error)}`);
          return {};
        });
      name = facts.name;
      size ??= facts.size;
    }
    return {
      ...privateChat(inbound.userId),
      text: "",
      messageId: inbound.dedupeKey,
      document: { name: name ?? UNNAMED_FILE, size, ref: inbound.mediaId },
    };
  }

  async function dispatch(inbound: AppInbound): Promise<void> {
    if (inbound.kind === "other") return sender.send(inbound.userId, { text: TEXT_ONLY });
    const message = inbound.kind === "file" ? await fileMessage(inbound) : toMessage(inbound);
    if (!message) return;
    for (const reply of await core.handle(message)) await sender.send(inbound.userId, reply);
  }

  function accept(inbound: AppInbound): void {
    if (seen.has(inbound.dedupeKey)) return; // a WeCom retry of a message already taken
    const recorded = recordSeen(seen, inbound.dedupeKey, "app", log); // before processing (!)
    const context = {
      door: "app",
      id: inbound.dedupeKey,
      log,
      apologize: (text: string) => sender.send(inbound.userId, { text }),
    };
    const work = async () => {
      if (await recorded) await dispatch(inbound);
    };
    options.track(options.serial.run(inbound.userId, () => handleSafely(context, work)));
  }

  const receive: RequestHandler = async (req, res) => {
    const body = await readBody(req);
    let plain: string;
    try {
      plain = crypto.open(readSignedQuery(req), parseEnvelope(body).encrypt);
    } catch (error) {
      return refuse(res, error, "app", log);
    }
    sendText(res, 200, "success"); // ack first: WeCom retries after 5 s
    try {
      accept(parseAppMessage(plain));
    } catch (error) {
      log.warn(`wecom app: ignored a callback: ${describeError(error)}`);
    }
  };

  return { verify: verificationHandler(crypto, "app", log), receive };
}
