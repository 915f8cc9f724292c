// Shared fixtures of the WeCom tests: config, clocks, a fake core, and callbacks signed with the
// independent @wecom/crypto implementation.
import { encrypt, getSignature } from "@wecom/crypto";
import type { Config } from "../../../src/config.js";
import type { Core, Message, Reply } from "../../../src/core/types.js";

export const CORP_ID = "ww5823bf96d3bd56c7";
export const SECRET = "app-secret-must-not-leak";
export const APP_TOKEN = "QDG6eK";
export const APP_AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
export const ROBOT_TOKEN = "robotToken123";
export const ROBOT_AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
export const WEBHOOK_KEY = "webhook-key-must-not-leak";
export const START = Date.UTC(2024, 5, 3, 2, 0, 0);

/** A wecom config pointing at the fake API. */
export function wecomConfig(apiBase: string): Config["wecom"] {
  return {
    apiBase,
    app: {
      corpId: CORP_ID,
      agentId: "1000002",
      secret: SECRET,
      token: APP_TOKEN,
      aesKey: APP_AES_KEY,
    },
    robot: { token: ROBOT_TOKEN, aesKey: ROBOT_AES_KEY },
    webhookKey: WEBHOOK_KEY,
  };
}

/** A clock whose sleep advances time at once and records what was asked. */
export function fakeClock(start = START) {
  const clock = {
    t: start,
    sleeps: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

/** A clock whose sleeps wait until the test releases them. */
export function manualClock(start = START) {
  const waiting: { ms: number; wake: () => void }[] = [];
  const clock = {
    t: start,
    waiting,
    now: () => clock.t,
    sleep: (ms: number) => new Promise<void>((wake) => waiting.push({ ms, wake })),
    /** Advances the clock past every pending sleep and wakes them. */
    releaseAll() {
      for (const { ms, wake } of waiting.splice(0)) {
        clock.t += ms;
        wake();
      }
    },
  };
  return clock;
}

/** A core that echoes text (or answers with `answer`) and remembers what it got. */
export function echoCore(answer?: (message: Message) => Reply[] | Promise<Reply[]>) {
  const calls: Message[] = [];
  const core: Core & { calls: Message[] } = {
    calls,
    async handle(message) {
      calls.push(message);
      return answer ? answer(message) : [{ text: `收到：${message.text}` }];
    },
  };
  return core;
}

/** Waits until `check` holds (polling; the server answers before handling). */
export async function eventually(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 5));
  }
}

interface SignOptions {
  token: string;
  aesKey: string;
  receiveId: string;
  timestamp: number;
  nonce?: string;
}

/** A callback query and encrypt field produced by @wecom/crypto. */
export function signed(plain: string, o: SignOptions) {
  const cipher = encrypt(o.aesKey, plain, o.receiveId);
  const nonce = o.nonce ?? "1372623149";
  const signature = getSignature(o.token, String(o.timestamp), nonce, cipher);
  const query = `msg_signature=${signature}&timestamp=${o.timestamp}&nonce=${nonce}`;
  return { cipher, query, signature, nonce };
}

/** The plaintext XML of a member's text message to the app. */
export function appTextXml(
  from: string,
  content: string,
  msgId: string,
  createTime = 1717380000,
): string {
  return (
    `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName>` +
    `<CreateTime>${createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
    `<Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId><AgentID>1000002</AgentID></xml>`
  );
}

/** The plaintext XML of a press on a template card's button (template_card_event). */
export function appCardEventXml(
  from: string,
  key: string,
  taskId: string,
  responseCode: string,
  createTime = 1717380000,
): string {
  return (
    `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName>` +
    `<CreateTime>${createTime}</CreateTime><MsgType><![CDATA[event]]></MsgType>` +
    `<Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[${key}]]></EventKey>` +
    `<TaskId><![CDATA[${taskId}]]></TaskId><CardType><![CDATA[button_interaction]]></CardType>` +
    `<ResponseCode><![CDATA[${responseCode}]]></ResponseCode><AgentID>1000002</AgentID></xml>`
  );
}

/** The envelope WeCom POSTs to the app callback URL. */
export function appEnvelope(cipher: string): string {
  return `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><Encrypt><![CDATA[${cipher}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>`;
}

/** The plaintext XML of a file a member sends to the app (name and size when given). */
export function appFileXml(
  from: string,
  mediaId: string,
  msgId: string,
  file: { name?: string; size?: number } = {},
): string {
  const name = file.name === undefined ? "" : `<FileName><![CDATA[${file.name}]]></FileName>`;
  const size = file.size === undefined ? "" : `<FileSize>${file.size}</FileSize>`;
  return (
    `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName>` +
    `<CreateTime>1717380000</CreateTime><MsgType><![CDATA[file]]></MsgType>` +
    `<MediaId><![CDATA[${mediaId}]]></MediaId>${name}${size}<MsgId>${msgId}</MsgId><AgentID>1000002</AgentID></xml>`
  );
}
