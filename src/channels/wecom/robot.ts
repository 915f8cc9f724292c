// The smart-robot door (API mode): JSON callbacks {"encrypt": ...} with receiveid "". Answers by
// POSTing one markdown message to the callback's response_url (usable once, for one hour).
// https://developer.work.weixin.qq.com/document/path/100719
import type { AxiosInstance } from "axios";
import { z } from "zod";
import { conversationKey } from "../../core/engine.js";
import type { Message, Reply } from "../../core/types.js";
import type { Delivery } from "../../inbox/delivery.js";
import { readBody, sendText, type RequestHandler } from "../http-server.js";
import {
  type CallbackDoor,
  readSignedQuery,
  refuse,
  verificationHandler,
  type WecomLogger,
} from "./callback.js";
import { createCallbackCrypto } from "./crypto.js";
import { describeError, WecomPayloadError } from "./errors.js";
import { callWithBackoff, type Sleep } from "./http-call.js";
import { renderReply, splitUtf8 } from "./render.js";

/** A markdown message holds at most 4096 bytes. */
export const MARKDOWN_MAX_BYTES = 4096;

const EnvelopeSchema = z.object({ encrypt: z.string().min(1) });
const KindSchema = z.looseObject({ msgid: z.string().min(1), msgtype: z.string() });
const TextSchema = z.object({
  msgid: z.string().min(1),
  chatid: z.string().optional(),
  chattype: z.enum(["single", "group"]),
  from: z.object({ userid: z.string().min(1) }),
  response_url: z.url(),
  msgtype: z.literal("text"),
  text: z.object({ content: z.string() }),
});
type RobotText = z.infer<typeof TextSchema>;

/** The inbox door name of the smart robot. */
export const ROBOT_DOOR = "wecom-robot";

/** Options of `createRobotDoor`. */
export interface RobotDoorOptions {
  token: string;
  aesKey: string;
  /** Stores callbacks before they are acknowledged and handles them from the store. */
  delivery: Delivery;
  http: AxiosInstance;
  now: () => number;
  sleep: Sleep;
  log: WecomLogger;
}

/** Removes the robot's "@name" at the start or end of a group message. */
export function stripMention(text: string): string {
  return text
    .trim()
    .replace(/^@\S+\s*/, "")
    .replace(/\s*@\S+$/, "")
    .trim();
}

function toMessage(m: RobotText): Message {
  const user = m.from.userid;
  const common = { channel: "wecom", userId: user, messageId: m.msgid } as const;
  if (m.chattype === "group") {
    const chatId = m.chatid ?? user;
    return {
      ...common,
      chatType: "group",
      chatId,
      text: stripMention(m.text.content),
      mentioned: true,
    };
  }
  return { ...common, chatType: "private", chatId: user, text: m.text.content.trim() };
}

/** Added when a reply has a picture: response_url takes markdown only. */
export const PICTURES_IN_APP_NOTE = "（图片无法在这里显示，请在企业微信的应用中提问查看图片。）";

/**
 * All replies in one markdown text, since response_url answers only once. Files are not sent;
 * pictures neither, but a note (kept even when the text is cut) says where to see them.
 */
export function renderMarkdown(replies: Reply[]): string {
  const text = replies
    .map(renderReply)
    .filter((part) => part.trim() !== "")
    .join("\n\n");
  if (!replies.some((reply) => reply.image)) return splitUtf8(text, MARKDOWN_MAX_BYTES)[0] ?? "";
  const room = MARKDOWN_MAX_BYTES - Buffer.byteLength(`\n\n${PICTURES_IN_APP_NOTE}`);
  const head = splitUtf8(text, room)[0] ?? "";
  return head.trim() === "" ? PICTURES_IN_APP_NOTE : `${head}\n\n${PICTURES_IN_APP_NOTE}`;
}

function parseJson<S extends z.ZodType>(schema: S, text: string, what: string): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new WecomPayloadError(`${what} is not JSON.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new WecomPayloadError(`${what}: ${parsed.error.issues[0]?.message}`);
  return parsed.data;
}

/** Creates the robot door. */
export function createRobotDoor(options: RobotDoorOptions): CallbackDoor {
  const { delivery, log } = options;
  const crypto = createCallbackCrypto({
    token: options.token,
    encodingAesKey: options.aesKey,
    receiveId: "",
    now: options.now,
  });

  const post = (url: string, content: string) =>
    callWithBackoff(
      "aibot/response_url",
      () => options.http.post(url, { msgtype: "markdown", markdown: { content } }),
      {
        sleep: options.sleep,
      },
    );

  delivery.register(ROBOT_DOOR, {
    read: async (payload) => ({ message: toMessage(payload as RobotText) }),
    target: (payload) => (payload as RobotText).response_url,
    // response_url answers once: every reply goes in one markdown message.
    pack: (replies) => {
      const content = renderMarkdown(replies);
      return content === "" ? [] : [content];
    },
    send: async (url, content) => {
      await post(url, String(content));
    },
    dropsRepeats: false,
  });

  async function accept(m: RobotText): Promise<void> {
    // Committed before the ack; a redelivery of a stored message is acknowledged and dropped.
    await delivery.take({
      door: ROBOT_DOOR,
      key: m.msgid,
      chat: conversationKey(toMessage(m)),
      payload: m,
    });
  }

  const receive: RequestHandler = async (req, res) => {
    const body = await readBody(req);
    let plain: string;
    try {
      plain = crypto.open(
        readSignedQuery(req),
        parseJson(EnvelopeSchema, body, "Robot callback").encrypt,
      );
    } catch (error) {
      return refuse(res, error, "robot", log);
    }
    let text: RobotText | undefined;
    try {
      const kind = parseJson(KindSchema, plain, "Robot message");
      if (kind.msgtype === "text") text = parseJson(TextSchema, plain, "Robot text message");
    } catch (error) {
      return refuse(res, error, "robot", log);
    }
    try {
      if (text) await accept(text);
    } catch (error) {
      log.error(`wecom robot: could not store message ${text?.msgid}: ${describeError(error)}`);
      return sendText(res, 503, "try again");
    }
    sendText(res, 200, ""); // the answer goes to response_url
  };

  return { verify: verificationHandler(crypto, "robot", log), receive };
}
