// Group-robot webhook sender (消息推送): markdown and pictures into a group chat, 20 messages a
// minute, queued. https://developer.work.weixin.qq.com/document/path/91770
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { AxiosInstance } from "axios";
import type { Reply, ReplyFile } from "../../core/types.js";
import { formatBytes } from "../documents.js";
import { createHttpClient } from "./api.js";
import type { WecomLogger } from "./callback.js";
import { describeError } from "./errors.js";
import { callWithBackoff, realSleep, type Sleep } from "./http-call.js";
import { createRateLimiter } from "./rate-limit.js";
import { renderReply, splitUtf8 } from "./render.js";
import { MARKDOWN_MAX_BYTES } from "./robot.js";

/** A group robot accepts at most 20 messages a minute. */
export const WEBHOOK_MESSAGES_PER_MINUTE = 20;

/** An image message holds a picture of at most 2 MB (before base64 encoding). */
export const WEBHOOK_IMAGE_MAX_BYTES = 2 * 1024 * 1024;

/** Sent with the text when the picture is over the group robot's limit. */
export function imageTooLargeNote(name: string, size: number): string {
  return (
    `（图片「${name}」有 ${formatBytes(size)}，超过群机器人 ` +
    `${formatBytes(WEBHOOK_IMAGE_MAX_BYTES)} 的上限，未能发送。）`
  );
}

/** Sent with the text when the picture cannot be read or sent. */
export function imageFailedNote(name: string): string {
  return `（图片「${name}」暂时无法发送，请稍后再试。）`;
}

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
  /** Where a picture that could not be sent is reported (default: console). */
  log?: WecomLogger;
}

/** Pushes markdown and pictures into one group chat. */
export interface GroupWebhook {
  /**
   * Sends markdown (`<@userid>` mentions work); long text goes out in parts. Resolves once sent,
   * which may be up to a minute later when the limit is reached; rejects with WecomApiError.
   */
  send(markdown: string): Promise<void>;
  /**
   * Sends a reply: its text as markdown, then its picture as an image message (base64 and md5).
   * A picture over 2 MB, or one that cannot be read or is refused, becomes a note after the
   * text. Files are not sent. Rejects with WecomApiError when the text cannot be sent.
   */
  sendReply(reply: Reply): Promise<void>;
}

/** Creates a webhook sender. */
export function createGroupWebhook(options: GroupWebhookOptions): GroupWebhook {
  const http = options.http ?? createHttpClient();
  const sleep = options.sleep ?? realSleep;
  const log = options.log ?? console;
  const url = `${options.apiBase.replace(/\/+$/, "")}/cgi-bin/webhook/send`;
  const limiter = createRateLimiter({
    limit: WEBHOOK_MESSAGES_PER_MINUTE,
    now: options.now,
    sleep,
  });
  const post = (body: Record<string, unknown>) =>
    limiter.run("webhook", () =>
      callWithBackoff(
        "cgi-bin/webhook/send",
        () => http.post(url, body, { params: { key: options.key } }),
        { sleep },
      ),
    );

  async function send(markdown: string): Promise<void> {
    for (const part of splitUtf8(markdown, MARKDOWN_MAX_BYTES)) {
      await post({ msgtype: "markdown", markdown: { content: part } });
    }
  }

  /** The picture's bytes, or the note to send instead. */
  async function load(image: ReplyFile): Promise<Buffer | string> {
    try {
      const bytes = await readFile(image.path);
      if (bytes.length <= WEBHOOK_IMAGE_MAX_BYTES) return bytes;
      log.warn(`wecom webhook: picture "${image.name}" is over 2 MB (${bytes.length} bytes)`);
      return imageTooLargeNote(image.name, bytes.length);
    } catch (error) {
      log.warn(`wecom webhook: cannot read picture "${image.name}": ${describeError(error)}`);
      return imageFailedNote(image.name);
    }
  }

  async function sendImage(image: ReplyFile, bytes: Buffer): Promise<void> {
    const base64 = bytes.toString("base64");
    const md5 = createHash("md5").update(bytes).digest("hex");
    try {
      await post({ msgtype: "image", image: { base64, md5 } });
    } catch (error) {
      log.warn(`wecom webhook: picture "${image.name}" not sent: ${describeError(error)}`);
      await send(imageFailedNote(image.name));
    }
  }

  return {
    send,
    async sendReply(reply) {
      const text = renderReply(reply);
      const picture = reply.image ? await load(reply.image) : undefined;
      const note = typeof picture === "string" ? picture : undefined;
      const markdown = [text, note].filter((part) => part !== undefined && part.trim() !== "");
      if (markdown.length > 0) await send(markdown.join("\n\n"));
      if (reply.image && Buffer.isBuffer(picture)) await sendImage(reply.image, picture);
    },
  };
}
