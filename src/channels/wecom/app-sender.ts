// Sends core replies to one member through the self-built app, within WeCom's per-member limit.
import type { Reply } from "../../core/types.js";
import type { WecomApi } from "./api.js";
import type { RateLimiter } from "./rate-limit.js";
import { renderReply, splitUtf8 } from "./render.js";

/** WeCom drops the excess silently: at most 30 messages a minute to one member. */
export const APP_MESSAGES_PER_MINUTE = 30;

/** message/send truncates text content beyond 2048 bytes. */
export const TEXT_MAX_BYTES = 2048;

/** Options of `createAppSender`. */
export interface AppSenderOptions {
  api: WecomApi;
  agentId: string;
  /** Limiter keyed by userid, with `APP_MESSAGES_PER_MINUTE`. */
  limiter: RateLimiter;
}

/** Delivers replies to members. */
export interface AppSender {
  /** Sends the reply text (choices as numbered lines), then its file if any. */
  send(userId: string, reply: Reply): Promise<void>;
}

/** Creates the sender of the self-built app. */
export function createAppSender(options: AppSenderOptions): AppSender {
  const { api, limiter } = options;
  // message/send wants agentid as an integer.
  const agentid = /^\d+$/.test(options.agentId) ? Number(options.agentId) : options.agentId;
  const deliver = (userId: string, content: Record<string, unknown>) =>
    limiter.run(userId, () => api.sendMessage({ touser: userId, agentid, ...content }));

  return {
    async send(userId, reply) {
      const text = renderReply(reply);
      if (text.trim() !== "") {
        for (const part of splitUtf8(text, TEXT_MAX_BYTES)) {
          await deliver(userId, { msgtype: "text", text: { content: part } });
        }
      }
      if (reply.file) {
        const mediaId = await api.uploadFile(reply.file);
        await deliver(userId, { msgtype: "file", file: { media_id: mediaId } });
      }
    },
  };
}
