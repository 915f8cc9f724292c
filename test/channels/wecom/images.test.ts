// Pictures (charts) through every WeCom door, against the local fake API on 127.0.0.1:
// the app uploads with media/upload type=image and sends an image message; the group robot
// posts base64 + md5 (2 MB at most); the smart robot can only say where to see the picture.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHttpServer } from "../../../src/channels/http-server.js";
import { imageFailedNote } from "../../../src/channels/wecom/app-sender.js";
import {
  createGroupWebhook,
  createWecomApi,
  createWecomChannel,
} from "../../../src/channels/wecom/index.js";
import {
  MARKDOWN_MAX_BYTES,
  PICTURES_IN_APP_NOTE,
  renderMarkdown,
} from "../../../src/channels/wecom/robot.js";
import { imageTooLargeNote, WEBHOOK_IMAGE_MAX_BYTES } from "../../../src/channels/wecom/webhook.js";
import type { Core } from "../../../src/core/types.js";
import { startFakeWecom, type FakeWecom } from "../../helpers/fake-wecom.js";
import { writePng } from "../../helpers/png.js";
import {
  APP_AES_KEY,
  APP_TOKEN,
  appEnvelope,
  appTextXml,
  CORP_ID,
  echoCore,
  fakeClock,
  ROBOT_AES_KEY,
  ROBOT_TOKEN,
  SECRET,
  signed,
  START,
  WEBHOOK_KEY,
  wecomConfig,
} from "./support.js";

let dir: string;
let chart: { path: string; bytes: Buffer };
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "wecom-image-"));
  chart = writePng(dir, "chart.png", 3000);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const now = Math.floor(START / 1000);
const image = () => ({ path: chart.path, name: "进度图.png" });

async function startFake(): Promise<{ fake: FakeWecom; clock: ReturnType<typeof fakeClock> }> {
  const clock = fakeClock();
  const fake = await startFakeWecom({ corpId: CORP_ID, secret: SECRET, now: clock.now });
  cleanups.push(() => fake.close());
  return { fake, clock };
}

async function channelRig(core: Core = echoCore()) {
  const { fake, clock } = await startFake();
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

describe("WeCom app: pictures", () => {
  it("uploads with media/upload type=image in the multipart field media", async () => {
    const { fake, clock } = await startFake();
    const api = createWecomApi({
      apiBase: fake.url,
      corpId: CORP_ID,
      secret: SECRET,
      now: clock.now,
      sleep: clock.sleep,
    });
    expect(await api.uploadFile(image(), "image")).toBe("MEDIA-1");
    const [upload] = fake.uploads;
    expect(upload).toMatchObject({
      type: "image",
      field: "media",
      filename: "进度图.png",
      contentType: "image/png",
    });
    expect(upload?.content.equals(chart.bytes)).toBe(true);
    const request = fake.requestLog.find((line) => line.includes("/cgi-bin/media/upload"));
    expect(new URL(request!.split(" ")[1]!, fake.url).searchParams.get("type")).toBe("image");
  });

  it("sends the text, then an image message with the media_id media/upload returned", async () => {
    const { fake, channel } = await channelRig();
    await channel.sendTo("lisi", { text: "各镇进度如下：", image: image() });
    expect(fake.uploads).toHaveLength(1);
    expect(fake.uploads[0]?.content.equals(chart.bytes)).toBe(true);
    expect(fake.messages.map((m) => m.body)).toMatchObject([
      { touser: "lisi", agentid: 1000002, msgtype: "text", text: { content: "各镇进度如下：" } },
      { touser: "lisi", agentid: 1000002, msgtype: "image", image: { media_id: "MEDIA-1" } },
    ]);
  });

  it("answers a member's callback with the core's picture", async () => {
    const core = echoCore(() => [{ text: "下营镇进度", image: image() }]);
    const { base, fake, channel } = await channelRig(core);
    const s = signed(appTextXml("wangwu", "下营镇进度图", "2001"), {
      token: APP_TOKEN,
      aesKey: APP_AES_KEY,
      receiveId: CORP_ID,
      timestamp: now,
    });
    const res = await fetch(`${base}/wecom/app?${s.query}`, {
      method: "POST",
      body: appEnvelope(s.cipher),
    });
    expect(res.status).toBe(200);
    await channel.idle();
    expect(fake.uploads.map((u) => [u.type, u.field])).toEqual([["image", "media"]]);
    expect(fake.messages.map((m) => m.body.msgtype)).toEqual(["text", "image"]);
    expect(fake.messages[1]?.body.image).toEqual({ media_id: fake.uploads[0]?.mediaId });
  });

  it("refreshes an expired token for the upload, as for other calls", async () => {
    const { fake, channel } = await channelRig();
    await channel.sendTo("lisi", { text: "先热身" });
    fake.expireTokens();
    await channel.sendTo("lisi", { text: "", image: image() });
    expect(fake.tokenRequests).toBe(2);
    expect(fake.messages.at(-1)?.body).toMatchObject({ msgtype: "image" });
  });

  it("sends a short note in place of a picture the upload refuses", async () => {
    const { fake, channel, logs } = await channelRig();
    fake.failNext("/cgi-bin/media/upload", { errcode: 40005 }); // invalid file type
    await channel.sendTo("lisi", { text: "各镇进度如下：", image: image() });
    expect(fake.messages.map((m) => m.body.text)).toEqual([
      { content: "各镇进度如下：" },
      { content: imageFailedNote("进度图.png") },
    ]);
    expect(logs.some((l) => l.includes("40005"))).toBe(true);
    expect(logs.join("\n")).not.toMatch(/TOKEN-|access_token/);
  });
});

describe("WeCom group robot: pictures", () => {
  async function webhookRig() {
    const { fake, clock } = await startFake();
    const logs: string[] = [];
    const webhook = createGroupWebhook({
      apiBase: fake.url,
      key: WEBHOOK_KEY,
      now: clock.now,
      sleep: clock.sleep,
      log: { error: (m: string) => logs.push(m), warn: (m: string) => logs.push(m) },
    });
    return { fake, webhook, logs };
  }

  it("posts the text as markdown, then the picture as base64 with its md5", async () => {
    const { fake, webhook } = await webhookRig();
    await webhook.sendReply({ text: "**本周进度**", image: image() });
    expect(fake.webhookMessages.map((m) => m.body.msgtype)).toEqual(["markdown", "image"]);
    expect(fake.webhookMessages[0]?.body.markdown).toEqual({ content: "**本周进度**" });
    const sent = fake.webhookMessages[1]!;
    expect(sent.query.get("key")).toBe(WEBHOOK_KEY);
    const { base64, md5 } = sent.body.image as { base64: string; md5: string };
    const decoded = Buffer.from(base64, "base64");
    expect(decoded.equals(chart.bytes)).toBe(true);
    expect(md5).toBe(createHash("md5").update(chart.bytes).digest("hex"));
    expect(md5).toMatch(/^[0-9a-f]{32}$/);
  });

  it("posts a picture of exactly 2 MB", async () => {
    const { fake, webhook } = await webhookRig();
    const big = writePng(dir, "exact.png", WEBHOOK_IMAGE_MAX_BYTES);
    await webhook.sendReply({ text: "", image: { path: big.path, name: "exact.png" } });
    expect(fake.webhookMessages.map((m) => m.body.msgtype)).toEqual(["image"]);
    const { base64, md5 } = fake.webhookMessages[0]!.body.image as { base64: string; md5: string };
    expect(Buffer.from(base64, "base64").equals(big.bytes)).toBe(true);
    expect(md5).toBe(createHash("md5").update(big.bytes).digest("hex"));
  });

  it("refuses a picture over 2 MB: the text goes with a note, no image message", async () => {
    const { fake, webhook, logs } = await webhookRig();
    const size = WEBHOOK_IMAGE_MAX_BYTES + 1;
    const big = writePng(dir, "big.png", size);
    await webhook.sendReply({ text: "本周进度", image: { path: big.path, name: "big.png" } });
    expect(fake.webhookMessages.map((m) => m.body)).toEqual([
      {
        msgtype: "markdown",
        markdown: { content: `本周进度\n\n${imageTooLargeNote("big.png", size)}` },
      },
    ]);
    expect(imageTooLargeNote("big.png", size)).toContain("2 MB");
    expect(logs.some((l) => l.includes("big.png"))).toBe(true);
  });

  it("keeps plain markdown sends as they were", async () => {
    const { fake, webhook } = await webhookRig();
    await webhook.sendReply({ text: "只有文字" });
    await webhook.send("提醒");
    expect(fake.webhookMessages.map((m) => m.body.msgtype)).toEqual(["markdown", "markdown"]);
  });
});

describe("WeCom smart robot: pictures", () => {
  it("answers with the text and a note that pictures come through the app", async () => {
    const core = echoCore(() => [{ text: "下营镇进度", image: image() }]);
    const { base, fake, channel } = await channelRig(core);
    const plain = JSON.stringify({
      msgid: "r-1",
      aibotid: "bot-1",
      chatid: "wrkSFfCgAA",
      chattype: "group",
      from: { userid: "zhangsan" },
      response_url: fake.responseUrl("pic"),
      msgtype: "text",
      text: { content: "@进度机器人 下营镇进度图" },
    });
    const s = signed(plain, {
      token: ROBOT_TOKEN,
      aesKey: ROBOT_AES_KEY,
      receiveId: "",
      timestamp: now,
    });
    await fetch(`${base}/wecom/robot?${s.query}`, {
      method: "POST",
      body: JSON.stringify({ encrypt: s.cipher }),
    });
    await channel.idle();
    expect(fake.robotResponses.map((r) => r.body)).toEqual([
      { msgtype: "markdown", markdown: { content: `下营镇进度\n\n${PICTURES_IN_APP_NOTE}` } },
    ]);
    expect(fake.uploads).toEqual([]);
  });

  it("keeps the note when a long text is cut to 4096 bytes", () => {
    const markdown = renderMarkdown([{ text: "长".repeat(3000), image: image() }]);
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(MARKDOWN_MAX_BYTES);
    expect(markdown.endsWith(PICTURES_IN_APP_NOTE)).toBe(true);
    expect(renderMarkdown([{ text: "", image: image() }])).toBe(PICTURES_IN_APP_NOTE);
    expect(renderMarkdown([{ text: "无图" }])).toBe("无图");
  });
});
