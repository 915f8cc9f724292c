// Every channel answers "夏粮单产多少" from the report, end to end and offline.
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { runConsole } from "../../src/channels/console/index.js";
import { createHttpServer } from "../../src/channels/http-server.js";
import { createTelegramChannel } from "../../src/channels/telegram/index.js";
import { createWecomChannel } from "../../src/channels/wecom/index.js";
import { startFakeWecom } from "../helpers/fake-wecom.js";
import { realCore } from "../helpers/real-core.js";
import { startEmulator } from "../helpers/telegram-emulator.js";
import {
  APP_AES_KEY,
  APP_TOKEN,
  appEnvelope,
  appTextXml,
  CORP_ID,
  eventually,
  fakeClock,
  ROBOT_AES_KEY,
  ROBOT_TOKEN,
  SECRET,
  signed,
  START,
  wecomConfig,
} from "../channels/wecom/support.js";

const QUESTION = "夏粮单产多少";
const ANSWER = /夏粮单产：预计437公斤\/亩/;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe("夏粮单产多少 on every channel", () => {
  it("is answered in the terminal chat, piped line by line", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk: Buffer) => (printed += chunk.toString()));
    const done = runConsole({ core: realCore(), input, output });
    input.end(`${QUESTION}\n秋粮亩产\n`);
    await done;
    expect(printed).toMatch(ANSWER);
    expect(printed).toContain("报告里没有“秋粮亩产”的数据");
  });

  it("is answered on Telegram (telegram-test-api on 127.0.0.1)", async () => {
    const emulator = await startEmulator();
    const token = "123456:e2e";
    const channel = createTelegramChannel({
      token,
      apiRoot: emulator.apiRoot,
      core: realCore(),
      flood: { chatIntervalMs: 0 },
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    await channel.start();
    cleanups.push(async () => {
      await channel.stop();
      await emulator.stop();
    });
    const client = emulator.client(token, { chatId: 501, userId: 501 });
    await client.sendMessage(client.makeMessage(QUESTION));
    const [reply] = await emulator.waitForSent(501, 1);
    expect(reply?.text).toMatch(ANSWER);
  });

  async function wecomRig() {
    const clock = fakeClock();
    const fake = await startFakeWecom({ corpId: CORP_ID, secret: SECRET, now: clock.now });
    const channel = createWecomChannel({
      config: wecomConfig(fake.url),
      core: realCore(),
      now: clock.now,
      sleep: clock.sleep,
      log: { error: () => undefined, warn: () => undefined },
    });
    const server = createHttpServer({ port: 0, host: "127.0.0.1", routes: channel.routes });
    const { port } = await server.listen();
    cleanups.push(async () => {
      await server.close();
      await fake.close();
    });
    return { base: `http://127.0.0.1:${port}`, fake, channel };
  }
  const now = Math.floor(START / 1000);

  it("is answered through the WeCom self-built app (signed callback, message/send)", async () => {
    const { base, fake, channel } = await wecomRig();
    const s = signed(appTextXml("zhangsan", QUESTION, "9001"), {
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
    await eventually(() => fake.messages.length > 0);
    expect(JSON.stringify(fake.messages[0]?.body)).toMatch(ANSWER);
  });

  it("is answered through the WeCom smart robot in a group (response_url)", async () => {
    const { base, fake, channel } = await wecomRig();
    const plain = JSON.stringify({
      msgid: "r-1",
      chatid: "grp-1",
      chattype: "group",
      from: { userid: "lisi" },
      response_url: fake.responseUrl("q"),
      msgtype: "text",
      text: { content: `@进度机器人 ${QUESTION}` },
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
    await eventually(() => fake.robotResponses.length > 0);
    expect(JSON.stringify(fake.robotResponses[0]?.body)).toMatch(ANSWER);
  });
});
