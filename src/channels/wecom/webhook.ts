// Group-robot webhook sender (消息推送): markdown into a group chat, 20 messages a minute, queued.
// https://developer.work.weixin.qq.com/document/path/91770
import type { AxiosInstance } from "axios";
import { createHttpClient } from "./api.js";
import { callWithBackoff, realSleep, type Sleep } from "./http-call.js";
import { createRateLimiter } from "./rate-limit.js";
import { splitUtf8 } from "./render.js";
import { MARKDOWN_MAX_BYTES } from "./robot.js";

/** A group robot accepts at most 20 messages a minute. */
export const WEBHOOK_MESSAGES_PER_MINUTE = 20;

/** Options of `createGroupWebhook`. */
export interface GroupWebhookOptions {
  /** Base URL such as https://qyapi.weixin.qq.com. */
  apiBase: string;
  /** The robot's webhook key (a secret: never logged). */
  key: string;
  /** Clock in milliseconds (default: Date.now). */
  now?: () => number;
  /** Sleep for the rate window and back-off (default: a real timer). */
  sleep?: Sleep;
  /** HTTP client (default: a new axios instance). */
  http?: AxiosInstance;
}

/** Pushes markdown into one group chat. */
export interface GroupWebhook {
  /**
   * Sends markdown (`<@userid>` mentions work); long text goes out in parts. Resolves once sent,
   * which may be up to a minute later when the limit is reached; rejects with WecomApiError.
   */
  send(markdown: string): Promise<void>;
}

/** Creates a webhook sender. */
export function createGroupWebhook(options: GroupWebhookOptions): GroupWebhook {
  const http = options.http ?? createHttpClient();
  const sleep = options.sleep ?? realSleep;
  const url = `${options.apiBase.replace(/\/+$/, "")}/cgi-bin/webhook/send`;
  const limiter = createRateLimiter({
    limit: WEBHOOK_MESSAGES_PER_MINUTE,
    now: options.now,
    sleep,
  });
  const post = (content: string) =>
    callWithBackoff(
      "cgi-bin/webhook/send",
      () =>
        http.post(
          url,
          { msgtype: "markdown", markdown: { content } },
          { params: { key: options.key } },
        ),
      { sleep },
    );
  return {
    async send(markdown) {
      for (const part of splitUtf8(markdown, MARKDOWN_MAX_BYTES)) {
        await limiter.run("webhook", () => post(part));
      }
    },
  };
}
