// The self-built app door: GET URL verification and POST XML callbacks. A callback is verified,
// decrypted, stored in the inbox and then acknowledged; the delivery loop hands it to the core
// and answers through message/send.
// Callback rules: https://developer.work.weixin.qq.com/document/path/90930
import type { WecomAppConfig } from "../../config.js";
import { conversationKey } from "../../core/engine.js";
import type { Message, Reply } from "../../core/types.js";
import type { Delivery } from "../../inbox/delivery.js";
import { readBody, sendText, type RequestHandler } from "../http-server.js";
import type { AppSender } from "./app-sender.js";
import {
  type CallbackDoor,
  readSignedQuery,
  refuse,
  verificationHandler,
  type WecomLogger,
} from "./callback.js";
import { createCallbackCrypto } from "./crypto.js";
import { describeError, WecomApiError } from "./errors.js";
import { UNNAMED_FILE, type MediaFacts } from "./media.js";
import { appCallbackKeys, inlineOpener, type CallbackOpener } from "./opener.js";
import type { AppInbound } from "./xml.js";

type FileInbound = Extract<AppInbound, { kind: "file" }>;

/** Answer to a picture, voice, video and the like: only text (and files) are understood. */
export const TEXT_ONLY = "目前只能处理文字消息，请直接输入文字。";

/** The inbox door name of the self-built app. */
export const APP_DOOR = "wecom-app";

/** Options of `createAppDoor`. */
export interface AppDoorOptions {
  app: WecomAppConfig;
  /** Stores callbacks before they are acknowledged and handles them from the store. */
  delivery: Delivery;
  sender: AppSender;
  now: () => number;
  log: WecomLogger;
  /** Name and size of a sent file from media/get's headers, for a callback that names none. */
  describeMedia: (mediaId: string) => Promise<MediaFacts>;
  /** Verifies, decrypts and parses callbacks (default: in the request's own turn). */
  opener?: CallbackOpener;
}

/** The fields every message from a member to the app shares (always a private chat). */
function privateChat(userId: string) {
  return { channel: "wecom", chatType: "private", chatId: userId, userId } as const;
}

function toMessage(inbound: AppInbound): Message | undefined {
  const base = privateChat(inbound.userId);
  if (inbound.kind === "text") return { ...base, text: inbound.text, messageId: inbound.dedupeKey };
  // A menu click or a card button carries its EventKey as if the member had typed it.
  const pressed =
    inbound.kind === "event" && ["click", "template_card_event"].includes(inbound.event);
  if (inbound.kind === "event" && pressed && inbound.eventKey) {
    return { ...base, text: inbound.eventKey, messageId: inbound.dedupeKey };
  }
  return undefined;
}

/** Creates the app door. */
export function createAppDoor(options: AppDoorOptions): CallbackDoor {
  const { delivery, sender, log } = options;
  const crypto = createCallbackCrypto({ ...appCallbackKeys(options.app), now: options.now });
  const opener = options.opener ?? inlineOpener(crypto);

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

  delivery.register(APP_DOOR, {
    async read(payload) {
      const inbound = payload as AppInbound;
      if (inbound.kind === "other") return { replies: [{ text: TEXT_ONLY }] };
      if (inbound.kind === "event" && inbound.responseCode && inbound.eventKey) {
        // The pressed card shows what was chosen and cannot be pressed again (best effort).
        await sender
          .closeCard(inbound.userId, inbound.responseCode, inbound.eventKey)
          .catch((error: unknown) => {
            log.warn(`wecom app: card ${inbound.taskId} not updated: ${describeError(error)}`);
          });
      }
      const message = inbound.kind === "file" ? await fileMessage(inbound) : toMessage(inbound);
      return message ? { message } : undefined;
    },
    target: (payload) => (payload as AppInbound).userId,
    pack: (replies) => replies,
    send: (userId, reply) => sender.send(userId, reply as Reply),
    // Every message/send carries WeCom's duplicate check: a repeat of one that arrived is dropped.
    dropsRepeats: true,
    refused: (error) => error instanceof WecomApiError && error.errcode > 0,
  });

  const receive: RequestHandler = async (req, res) => {
    const body = await readBody(req);
    // While a burst of connections is being accepted, the work below waits a turn or two.
    const ready = delivery.ready();
    if (ready) await ready;
    let inbound: AppInbound;
    try {
      inbound = await opener.open(readSignedQuery(req), body);
    } catch (error) {
      return refuse(res, error, "app", log);
    }
    try {
      // Committed before the ack; a redelivery of a stored message is acknowledged and dropped.
      await delivery.take({
        door: APP_DOOR,
        key: inbound.dedupeKey,
        chat: conversationKey(privateChat(inbound.userId)),
        payload: inbound,
      });
    } catch (error) {
      log.error(`wecom app: could not store message ${inbound.dedupeKey}: ${describeError(error)}`);
      return sendText(res, 503, "try again");
    }
    sendText(res, 200, "success");
  };

  return { verify: verificationHandler(crypto, "app", log), receive };
}
