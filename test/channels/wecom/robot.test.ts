import { encrypt, getSignature } from "@wecom/crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer } from "../../../src/channels/http-server.js";
import { stripMention } from "../../../src/channels/wecom/robot.js";
import { createWecomChannel } from "../../../src/channels/wecom/index.js";
import type { Core } from "../../../src/core/types.js";
import { startFakeWecom } from "../../helpers/fake-wecom.js";
import {
  CORP_ID,
  echoCore,
  fakeClock,
  ROBOT_AES_KEY,
  ROBOT_TOKEN,
  SECRET,
  signed,
  START,
  wecomConfig,
} from "./support.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const now = Math.floor(START / 1000);

async function rig(core: Core) {
  const clock = fakeClock();
  const fake = await startFakeWecom({ corpId: CORP_ID, secret: SECRET, now: clock.now });
  cleanups.push(() => fake.close());
  const logs: string[] = [];
  const log = { error: (m: string) => logs.push(m), warn: (m: string) => logs.push(m) };
  const channel = createWecomChannel({
    config: wecomConfig(fake.url),
    core,
    now: clock.now,
    sleep: clock.sleep,
    log,
  });
  const server = createHttpServer({ port: 0, host: "127.0.0.1", routes: channel.routes });
  const { port } = await server.listen();
  cleanups.push(() => server.close());
  return { base: `http://127.0.0.1:${port}`, fake, channel, logs };
}

function groupText(responseUrl: string, content: string, msgid = "m-1") {
  return JSON.stringify({
    msgid,
    aibotid: "bot-1",
    chatid: "wrkSFfCgAA",
    chattype: "group",
    from: { userid: "zhangsan" },
    response_url: responseUrl,
    msgtype: "text",
    text: { content },
  });
}

async function post(base: string, plain: string, receiveId = "") {
  const s = signed(plain, { token: ROBOT_TOKEN, aesKey: ROBOT_AES_KEY, receiveId, timestamp: now });
  const res = await fetch(`${base}/wecom/robot?${s.query}`, {
    method: "POST",
    body: JSON.stringify({ encrypt: s.cipher }),
  });
  return { status: res.status, body: await res.text() };
}

describe("WeCom smart-robot door", () => {
  it('answers URL verification with the echostr decrypted for receiveid ""', async () => {
    const { base } = await rig(echoCore());
    const echostr = encrypt(ROBOT_AES_KEY, "robot-echo-42", "");
    const signature = getSignature(ROBOT_TOKEN, String(now), "7", echostr);
    const res = await fetch(
      `${base}/wecom/robot?msg_signature=${signature}&timestamp=${now}&nonce=7&echostr=${encodeURIComponent(echostr)}`,
    );
    expect(await res.text()).toBe("robot-echo-42");
  });

  it("answers a group @mention through response_url as markdown, without the @name", async () => {
    const core = echoCore();
    const { base, fake, channel } = await rig(core);
    const res = await post(base, groupText(fake.responseUrl("abc"), "@进度机器人 夏粮单产多少"));
    expect(res).toEqual({ status: 200, body: "" });
    await channel.idle();
    expect(core.calls).toEqual([
      {
        channel: "wecom",
        chatType: "group",
        chatId: "wrkSFfCgAA",
        userId: "zhangsan",
        text: "夏粮单产多少",
        messageId: "m-1",
        mentioned: true,
      },
    ]);
    expect(fake.robotResponses).toEqual([
      expect.objectContaining({
        code: "abc",
        body: { msgtype: "markdown", markdown: { content: "收到：夏粮单产多少" } },
      }),
    ]);
  });

  it("treats a single chat as private, chat id being the member", async () => {
    const core = echoCore();
    const { base, fake, channel } = await rig(core);
    const plain = JSON.stringify({
      msgid: "m-2",
      chattype: "single",
      from: { userid: "lisi" },
      response_url: fake.responseUrl("p"),
      msgtype: "text",
      text: { content: "进度" },
    });
    await post(base, plain);
    await channel.idle();
    expect(core.calls[0]).toMatchObject({
      chatType: "private",
      chatId: "lisi",
      userId: "lisi",
      text: "进度",
    });
  });

  it("puts every reply and its choices into the one markdown answer", async () => {
    const core = echoCore(() => [
      { text: "第一段" },
      {
        text: "请选择：",
        choices: [
          { label: "是", value: "y" },
          { label: "否", value: "n" },
        ],
      },
    ]);
    const { base, fake, channel } = await rig(core);
    await post(base, groupText(fake.responseUrl("c"), "@bot 确认"));
    await channel.idle();
    expect(fake.robotResponses).toHaveLength(1);
    expect(fake.robotResponses[0]?.body.markdown).toEqual({
      content: "第一段\n\n请选择：\n\n1. 是\n2. 否\n\n回复数字选择",
    });
  });

  it('refuses a message encrypted for a corp instead of "" with 403 and processes nothing', async () => {
    const core = echoCore();
    const { base, fake, channel } = await rig(core);
    expect((await post(base, groupText(fake.responseUrl("x"), "@bot 问"), CORP_ID)).status).toBe(
      403,
    );
    await channel.idle();
    expect(core.calls).toHaveLength(0);
  });

  it("refuses a body that is not JSON with 400", async () => {
    const { base } = await rig(echoCore());
    const res = await fetch(`${base}/wecom/robot?msg_signature=x&timestamp=${now}&nonce=1`, {
      method: "POST",
      body: "<xml/>",
    });
    expect(res.status).toBe(400);
  });

  it("handles the same msgid once", async () => {
    const core = echoCore();
    const { base, fake, channel } = await rig(core);
    const plain = groupText(fake.responseUrl("d"), "@bot 问", "m-dup");
    await Promise.all([post(base, plain), post(base, plain)]);
    await post(base, plain);
    await channel.idle();
    expect(core.calls).toHaveLength(1);
    expect(fake.robotResponses).toHaveLength(1);
  });

  it("apologizes through response_url when the core fails", async () => {
    const core = echoCore(() => {
      throw new Error("core exploded");
    });
    const { base, fake, channel, logs } = await rig(core);
    await post(base, groupText(fake.responseUrl("e"), "@bot 问", "m-err"));
    await channel.idle();
    expect(fake.robotResponses[0]?.body.markdown).toEqual({
      content: "抱歉，处理出错了，请稍后再试。",
    });
    expect(logs.some((line) => line.includes("m-err") && line.includes("core exploded"))).toBe(
      true,
    );
  });

  it("ignores callbacks that are not text, but acks them", async () => {
    const core = echoCore();
    const { base } = await rig(core);
    const plain = JSON.stringify({
      msgid: "m-img",
      msgtype: "image",
      image: { url: "http://127.0.0.1/x" },
    });
    expect((await post(base, plain)).status).toBe(200);
    expect(core.calls).toHaveLength(0);
  });
});

describe("stripMention", () => {
  it("removes a leading or trailing @name and keeps the question", () => {
    expect(stripMention("@进度机器人 夏粮单产多少")).toBe("夏粮单产多少");
    expect(stripMention("夏粮单产多少 @进度机器人")).toBe("夏粮单产多少");
    expect(stripMention("夏粮单产多少")).toBe("夏粮单产多少");
  });
});
