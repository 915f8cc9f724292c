import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encrypt, getSignature } from "@wecom/crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer, type HttpServer } from "../../../src/channels/http-server.js";
import { createWecomChannel, type WecomChannel } from "../../../src/channels/wecom/index.js";
import type { Core } from "../../../src/core/types.js";
import { createDelivery, type Delivery } from "../../../src/inbox/delivery.js";
import { closeAllDatabases } from "../../../src/store/db/database.js";
import { openInbox } from "../../../src/store/db/inbox.js";
import { startFakeWecom, type FakeWecom } from "../../helpers/fake-wecom.js";
import {
  APP_AES_KEY,
  APP_TOKEN,
  appEnvelope,
  appCardEventXml,
  appTextXml,
  CORP_ID,
  echoCore,
  fakeClock,
  SECRET,
  signed,
  START,
  wecomConfig,
} from "./support.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Rig {
  base: string;
  fake: FakeWecom;
  channel: WecomChannel;
  logs: string[];
  clock: ReturnType<typeof fakeClock>;
}

async function rig(core: Core, delivery?: Delivery, fake?: FakeWecom): Promise<Rig> {
  const clock = fakeClock();
  if (!fake) {
    const started = await startFakeWecom({ corpId: CORP_ID, secret: SECRET, now: clock.now });
    cleanups.push(() => started.close());
    fake = started;
  }
  const logs: string[] = [];
  const log = {
    error: (...a: unknown[]) => logs.push(a.join(" ")),
    warn: (...a: unknown[]) => logs.push(a.join(" ")),
  };
  const channel = createWecomChannel({
    config: wecomConfig(fake.url),
    core,
    delivery,
    now: clock.now,
    sleep: clock.sleep,
    log,
  });
  const server: HttpServer = createHttpServer({
    port: 0,
    host: "127.0.0.1",
    routes: channel.routes,
  });
  const { port } = await server.listen();
  cleanups.push(() => server.close());
  return { base: `http://127.0.0.1:${port}`, fake, channel, logs, clock };
}

const now = Math.floor(START / 1000);
const sign = (plain: string, over: { timestamp?: number; receiveId?: string } = {}) =>
  signed(plain, {
    token: APP_TOKEN,
    aesKey: APP_AES_KEY,
    receiveId: over.receiveId ?? CORP_ID,
    timestamp: over.timestamp ?? now,
  });

async function post(
  base: string,
  plain: string,
  over?: Parameters<typeof sign>[1],
  query?: string,
) {
  const s = sign(plain, over);
  const res = await fetch(`${base}/wecom/app?${query ?? s.query}`, {
    method: "POST",
    body: appEnvelope(s.cipher),
  });
  return { status: res.status, body: await res.text() };
}

describe("WeCom self-built app door", () => {
  it("answers URL verification with the decrypted echostr, well within a second", async () => {
    const { base } = await rig(echoCore());
    const echostr = encrypt(APP_AES_KEY, "1616140317555161061", CORP_ID);
    const signature = getSignature(APP_TOKEN, String(now), "263014780", echostr);
    const started = Date.now();
    const res = await fetch(
      `${base}/wecom/app?msg_signature=${signature}&timestamp=${now}&nonce=263014780&echostr=${encodeURIComponent(echostr)}`,
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("1616140317555161061");
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("passes WeCom's published URL-verification example through the door", async () => {
    const core = echoCore();
    const channel = createWecomChannel({
      config: {
        apiBase: "http://127.0.0.1:9",
        app: {
          corpId: "wx5823bf96d3bd56c7",
          agentId: "1",
          secret: "s",
          token: "QDG6eK",
          aesKey: APP_AES_KEY,
        },
      },
      core,
      now: () => 1409659589_000,
    });
    const server = createHttpServer({ port: 0, host: "127.0.0.1", routes: channel.routes });
    const { port } = await server.listen();
    cleanups.push(() => server.close());
    const query =
      "msg_signature=5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3&timestamp=1409659589&nonce=263014780" +
      "&echostr=P9nAzCzyDtyTWESHep1vC5X9xho%2FqYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp%2B4RPcs8TgAE7OaBO%2BFZXvnaqQ%3D%3D";
    const res = await fetch(`http://127.0.0.1:${port}/wecom/app?${query}`);
    expect(await res.text()).toBe("1616140317555161061");
  });

  it("answers a member's signed text message through message/send", async () => {
    const core = echoCore();
    const { base, fake, channel } = await rig(core);
    expect(await post(base, appTextXml("zhangsan", "夏粮单产多少", "1001"))).toEqual({
      status: 200,
      body: "success",
    });
    await channel.idle();
    expect(core.calls).toEqual([
      {
        channel: "wecom",
        chatType: "private",
        chatId: "zhangsan",
        userId: "zhangsan",
        text: "夏粮单产多少",
        messageId: "1001",
      },
    ]);
    expect(fake.messages.map((m) => m.body)).toEqual([
      {
        touser: "zhangsan",
        agentid: 1000002,
        msgtype: "text",
        text: { content: "收到：夏粮单产多少" },
        // WeCom drops a repeat of this body within two minutes (a resend after a restart).
        enable_duplicate_check: 1,
        duplicate_check_interval: 120,
      },
    ]);
  });

  it("sends the same answer to the same question twice, the second without the duplicate check", async () => {
    const { base, fake, channel } = await rig(echoCore());
    await post(base, appTextXml("zhangsan", "夏粮单产多少", "2001"));
    await channel.idle();
    await post(base, appTextXml("zhangsan", "夏粮单产多少", "2002"));
    await channel.idle();
    expect(fake.messages.map((m) => m.body.enable_duplicate_check)).toEqual([1, 0]);
  });

  it("acks with success before the core has answered", async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const core = echoCore(async () => {
      await gate;
      return [{ text: "慢回答" }];
    });
    const { base, fake, channel } = await rig(core);
    expect((await post(base, appTextXml("zhangsan", "问", "1002"))).body).toBe("success");
    expect(fake.messages).toHaveLength(0);
    release();
    await channel.idle();
    expect(fake.messages).toHaveLength(1);
  });

  const forged = (base: string, plain: string) =>
    post(base, plain, {}, `msg_signature=${"0".repeat(40)}&timestamp=${now}&nonce=1372623149`);
  it.each([
    ["a forged signature", forged],
    [
      "a replayed message with a stale timestamp",
      (base: string, p: string) => post(base, p, { timestamp: now - 301 }),
    ],
    [
      "a message encrypted for another corp",
      (base: string, p: string) => post(base, p, { receiveId: "ww-other-corp" }),
    ],
  ])("refuses %s with 403 and processes nothing", async (_name, send) => {
    const core = echoCore();
    const { base, fake, channel } = await rig(core);
    expect((await send(base, appTextXml("zhangsan", "问", "1003"))).status).toBe(403);
    await channel.idle();
    expect(core.calls).toHaveLength(0);
    expect(fake.messages).toHaveLength(0);
  });

  it("refuses a body that is not a callback envelope with 400", async () => {
    const core = echoCore();
    const { base } = await rig(core);
    const res = await fetch(`${base}/wecom/app?${sign("x").query}`, {
      method: "POST",
      body: "<xml><nope/></xml>",
    });
    expect(res.status).toBe(400);
    expect(core.calls).toHaveLength(0);
  });

  it("handles the same MsgId once, however often WeCom retries it", async () => {
    const core = echoCore();
    const { base, fake, channel } = await rig(core);
    const xml = appTextXml("zhangsan", "问", "1004");
    const answers = await Promise.all([post(base, xml), post(base, xml)]);
    await channel.idle();
    answers.push(await post(base, xml));
    await channel.idle();
    expect(answers.map((a) => a.body)).toEqual(["success", "success", "success"]);
    expect(core.calls).toHaveLength(1);
    expect(fake.messages).toHaveLength(1);
  });

  it("still handles a MsgId once after a restart on the same data folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wecom-seen-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const inDir = (core: Core) =>
      createDelivery({ inbox: openInbox(dir), core, apology: { text: "抱歉" } });
    const first = echoCore();
    const before = await rig(first, inDir(first));
    await post(before.base, appTextXml("zhangsan", "问", "1005"));
    await before.channel.idle();
    closeAllDatabases();

    const second = echoCore();
    const after = await rig(second, inDir(second), before.fake);
    await post(after.base, appTextXml("zhangsan", "问", "1005"));
    await post(after.base, appTextXml("zhangsan", "新问题", "1006"));
    await after.channel.idle();
    expect(first.calls.map((m) => m.messageId)).toEqual(["1005"]);
    expect(second.calls.map((m) => m.messageId)).toEqual(["1006"]);
  });

  it("takes a card's press after a restart between sending the card and the press", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wecom-card-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const inDir = (core: Core) =>
      createDelivery({ inbox: openInbox(dir), core, apology: { text: "抱歉" } });
    const answer = (m: { text: string }) =>
      m.text === "上报"
        ? [{ text: "请核对", buttons: [{ label: "确认", value: "确认" }] }]
        : [{ text: `收到：${m.text}` }];
    const first = echoCore(answer);
    const before = await rig(first, inDir(first));
    await post(before.base, appTextXml("lisi", "上报", "3001"));
    await before.channel.idle();
    const card = before.fake.messages[1]?.body.template_card as { task_id: string };
    closeAllDatabases();

    const second = echoCore(answer);
    const after = await rig(second, inDir(second), before.fake);
    await post(after.base, appCardEventXml("lisi", "确认", card.task_id, "RC9", 1717380200));
    await post(after.base, appCardEventXml("lisi", "确认", card.task_id, "RC10", 1717380201));
    await after.channel.idle();
    expect(second.calls.map((m) => m.text)).toEqual(["确认"]);
    expect(after.fake.cardUpdates.map((u) => u.body.response_code)).toEqual(["RC9"]);
  });

  it("renders more than six choices as numbered lines with the hint", async () => {
    const labels = ["甲", "乙", "丙", "丁", "戊", "己", "庚"];
    const core = echoCore(() => [
      { text: "请选择：", choices: labels.map((label) => ({ label, value: label })) },
    ]);
    const { base, fake, channel } = await rig(core);
    await post(base, appTextXml("lisi", "填报", "1007"));
    await channel.idle();
    expect(fake.messages.map((m) => m.body.msgtype)).toEqual(["text"]);
    expect(fake.messages[0]?.body.text).toEqual({
      content: `请选择：\n\n${labels.map((l, i) => `${i + 1}. ${l}`).join("\n")}\n\n回复数字选择`,
    });
  });

  it("puts up to six choices and buttons on a card, and acts on one press per card", async () => {
    const core = echoCore((m) =>
      m.text === "上报"
        ? [
            {
              text: "1. 新建民宿：35户\n回复“确认”提交",
              buttons: [
                { label: "确认", value: "确认" },
                { label: "取消", value: "取消" },
              ],
            },
          ]
        : [{ text: `收到：${m.text}` }],
    );
    const { base, fake, channel } = await rig(core);
    await post(base, appTextXml("lisi", "上报", "1020"));
    await channel.idle();
    expect(fake.messages.map((m) => m.body.msgtype)).toEqual(["text", "template_card"]);
    expect(fake.messages[0]?.body.text).toEqual({ content: "1. 新建民宿：35户\n回复“确认”提交" });
    const card = fake.messages[1]?.body.template_card as {
      card_type: string;
      task_id: string;
      button_list: { text: string; key: string }[];
    };
    expect(card.card_type).toBe("button_interaction");
    expect(card.button_list.map((b) => [b.text, b.key])).toEqual([
      ["确认", "确认"],
      ["取消", "取消"],
    ]);
    // A press arrives as template_card_event: handled as typed, the card closed once.
    await post(base, appCardEventXml("lisi", "确认", card.task_id, "RC1", 1717380100));
    await post(base, appCardEventXml("lisi", "取消", card.task_id, "RC2", 1717380101));
    await channel.idle();
    expect(core.calls.map((m) => m.text)).toEqual(["上报", "确认"]);
    expect(fake.cardUpdates.map((u) => u.body)).toEqual([
      {
        userids: ["lisi"],
        agentid: 1000002,
        response_code: "RC1",
        button: { replace_name: "已选择：确认" },
      },
    ]);
  });

  it("uploads a reply file and sends it as a file message after the text", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wecom-file-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, "export.csv");
    (await import("node:fs")).writeFileSync(path, "乡镇,户数\n下营镇,35\n");
    const core = echoCore(() => [{ text: "导出完成", file: { path, name: "进度.csv" } }]);
    const { base, fake, channel } = await rig(core);
    await post(base, appTextXml("lisi", "导出", "1008"));
    await channel.idle();
    expect(fake.uploads.map((u) => u.filename)).toEqual(["进度.csv"]);
    expect(fake.messages.map((m) => m.body.msgtype)).toEqual(["text", "file"]);
    expect(fake.messages[1]?.body.file).toEqual({ media_id: "MEDIA-1" });
  });

  it("tells a member who sends a picture that only text is understood", async () => {
    const core = echoCore();
    const { base, fake, channel } = await rig(core);
    const xml =
      "<xml><ToUserName>c</ToUserName><FromUserName>lisi</FromUserName><CreateTime>1</CreateTime>" +
      "<MsgType>image</MsgType><PicUrl>http://x</PicUrl><MediaId>m</MediaId><MsgId>1009</MsgId></xml>";
    await post(base, xml);
    await channel.idle();
    expect(core.calls).toHaveLength(0);
    expect(fake.messages[0]?.body.text).toEqual({
      content: "目前只能处理文字消息，请直接输入文字。",
    });
  });

  it("apologizes once when the core fails, logs the MsgId, and keeps serving", async () => {
    const core = echoCore((m) => {
      if (m.text === "坏") throw new Error("core exploded");
      return [{ text: "好" }];
    });
    const { base, fake, channel, logs } = await rig(core);
    await post(base, appTextXml("lisi", "坏", "1010"));
    await channel.idle();
    await post(base, appTextXml("lisi", "好吗", "1011"));
    await channel.idle();
    expect(fake.messages.map((m) => m.body.text)).toEqual([
      { content: "抱歉，处理出错了，请稍后再试。" },
      { content: "好" },
    ]);
    expect(logs.some((line) => line.includes("1010") && line.includes("core exploded"))).toBe(true);
  });

  it("never logs the secret or a token when sending fails", async () => {
    const { base, fake, channel, logs } = await rig(echoCore());
    fake.failNext("/cgi-bin/message/send", { errcode: 40003 }, 2);
    await post(base, appTextXml("nobody", "问", "1012"));
    await channel.idle();
    expect(logs.some((line) => line.includes("1012") && line.includes("40003"))).toBe(true);
    expect(logs.join("\n")).not.toMatch(/app-secret|TOKEN-|access_token/);
  });

  it("delivers 31 messages to one member: 30 at once, the 31st after the minute", async () => {
    const { fake, channel, clock } = await rig(echoCore());
    await Promise.all(
      Array.from({ length: 31 }, (_, i) => channel.sendTo("wangwu", { text: `第${i + 1}条` })),
    );
    expect(fake.messages).toHaveLength(31);
    expect(fake.messages.map((m) => m.body.text)).toEqual(
      Array.from({ length: 31 }, (_, i) => ({ content: `第${i + 1}条` })),
    );
    expect(fake.messages.slice(0, 30).every((m) => m.at === START)).toBe(true);
    expect(fake.messages[30]!.at).toBeGreaterThanOrEqual(START + 60_000);
    expect(clock.sleeps).toEqual([60_000]);
  });

  it("does not hold one member's messages back for another's full minute", async () => {
    const { fake, channel } = await rig(echoCore());
    await Promise.all(Array.from({ length: 30 }, () => channel.sendTo("wangwu", { text: "x" })));
    await channel.sendTo("zhaoliu", { text: "y" });
    expect(fake.messages.at(-1)).toMatchObject({ at: START, body: { touser: "zhaoliu" } });
  });
});
