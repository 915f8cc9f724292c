// Sends core replies to one member through the self-built app, within WeCom's per-member limit.
import { randomBytes } from "node:crypto";
import type { Choice, Reply, ReplyFile } from "../../core/types.js";
import type { WecomApi } from "./api.js";
import type { WecomLogger } from "./callback.js";
import { describeError } from "./errors.js";
import type { RateLimiter } from "./rate-limit.js";
import { renderReply, splitUtf8 } from "./render.js";

/** WeCom drops the excess silently: at most 30 messages a minute to one member. */
export const APP_MESSAGES_PER_MINUTE = 30;

/** message/send truncates text content beyond 2048 bytes. */
export const TEXT_MAX_BYTES = 2048;

/** Sent in place of a picture that could not be uploaded or sent. */
export function imageFailedNote(name: string): string {
  return `（图片「${name}」暂时无法发送，请稍后再试。）`;
}

/**
 * message/send's duplicate check: WeCom drops a message identical to one sent to the same member
 * within this interval. Long enough to cover a resend after a restart, short enough that a member
 * who asks the same question twice is rarely affected (and see `createAppSender`).
 */
export const DUPLICATE_CHECK_SECONDS = 120;

/** Options of `createAppSender`. */
export interface AppSenderOptions {
  api: WecomApi;
  agentId: string;
  /** Limiter keyed by userid, with `APP_MESSAGES_PER_MINUTE`. */
  limiter: RateLimiter;
  /** Where a picture that could not be sent is reported (default: console). */
  log?: WecomLogger;
  /** Clock in milliseconds (default: Date.now). */
  now?: () => number;
}

/** A button_interaction card holds at most this many buttons; more choices stay numbered. */
export const CARD_MAX_BUTTONS = 6;
/** Button labels longer than this (WeCom suggests 10 characters) keep the choices numbered. */
export const CARD_MAX_LABEL = 12;
/** The card's title above its buttons. */
export const CARD_TITLE = "请选择";

/** Delivers replies to members. */
export interface AppSender {
  /**
   * Sends the reply text, then its choices and buttons as a template card with buttons (up to
   * six short ones; otherwise choices as numbered lines in the text), then its picture as an
   * image message (a short note instead when it cannot be sent), then its file if any.
   */
  send(userId: string, reply: Reply): Promise<void>;
  /**
   * After a press: turns the card's buttons into one that cannot be pressed, naming the choice
   * (message/update_template_card; its response code works once, within 72 hours).
   */
  closeCard(userId: string, responseCode: string, chosen: string): Promise<void>;
}

/** Creates the sender of the self-built app. */
export function createAppSender(options: AppSenderOptions): AppSender {
  const { api, limiter } = options;
  const log = options.log ?? console;
  // message/send wants agentid as an integer.
  const agentid = /^\d+$/.test(options.agentId) ? Number(options.agentId) : options.agentId;
  const now = options.now ?? Date.now;
  // What this process sent each member lately: the same text again (the same question asked
  // twice) goes without the duplicate check, or WeCom would drop it; anything else carries it,
  // so a send repeated after a restart or a lost answer is dropped by WeCom if it had arrived.
  const recent = new Map<string, number>();
  const check = (userId: string, content: Record<string, unknown>) => {
    const key = `${userId}\u0000${JSON.stringify(content)}`;
    const at = now();
    // Oldest first (a key set again moves to the end): stop at the first one still fresh.
    for (const [k, t] of recent) {
      if (at - t <= DUPLICATE_CHECK_SECONDS * 1000) break;
      recent.delete(k);
    }
    const repeat = recent.delete(key);
    recent.set(key, at);
    return repeat
      ? { enable_duplicate_check: 0 }
      : { enable_duplicate_check: 1, duplicate_check_interval: DUPLICATE_CHECK_SECONDS };
  };
  const deliver = (userId: string, content: Record<string, unknown>) =>
    limiter.run(userId, () =>
      api.sendMessage({ touser: userId, agentid, ...content, ...check(userId, content) }),
    );
  const sendText = async (userId: string, text: string) => {
    for (const part of splitUtf8(text, TEXT_MAX_BYTES)) {
      await deliver(userId, { msgtype: "text", text: { content: part } });
    }
  };

  /** media/upload with type=image, then an image message with the media_id. */
  async function sendImage(userId: string, image: ReplyFile): Promise<void> {
    try {
      const mediaId = await api.uploadFile(image, "image");
      await deliver(userId, { msgtype: "image", image: { media_id: mediaId } });
    } catch (error) {
      log.warn(`wecom app: picture "${image.name}" not sent: ${describeError(error)}`);
      await sendText(userId, imageFailedNote(image.name));
    }
  }

  return {
    async send(userId, reply) {
      const buttons = cardButtons(reply);
      const text = buttons ? reply.text : renderReply(reply);
      if (text.trim() !== "") await sendText(userId, text);
      if (buttons) {
        await deliver(userId, {
          msgtype: "template_card",
          template_card: {
            card_type: "button_interaction",
            main_title: { title: CARD_TITLE },
            task_id: `c${Date.now().toString(36)}_${randomBytes(6).toString("hex")}`,
            button_list: buttons.map((b) => ({ text: b.label, style: 1, key: b.value })),
          },
        });
      }
      if (reply.image) await sendImage(userId, reply.image);
      if (reply.file) {
        const mediaId = await api.uploadFile(reply.file);
        await deliver(userId, { msgtype: "file", file: { media_id: mediaId } });
      }
    },
    async closeCard(userId, responseCode, chosen) {
      await api.updateTemplateCard({
        userids: [userId],
        agentid,
        response_code: responseCode,
        button: { replace_name: `已选择：${chosen}`.slice(0, 20) },
      });
    },
  };
}

/** The reply's choices and buttons when they fit on one card, else undefined. */
function cardButtons(reply: Reply): Choice[] | undefined {
  const all = [...(reply.choices ?? []), ...(reply.buttons ?? [])];
  if (all.length === 0 || all.length > CARD_MAX_BUTTONS) return undefined;
  if (all.some((c) => [...c.label].length > CARD_MAX_LABEL)) return undefined;
  if (all.some((c) => Buffer.byteLength(c.value, "utf8") > 1024)) return undefined;
  return all;
}
