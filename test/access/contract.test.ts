// Issue 13's contract, checked from outside: the wired bot (startBot, or `npm start`) with the
// ADMINS of .env.example, Telegram in webhook mode against the emulator, WeCom's app door
// against the local fake API.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startBot, type RunningBot } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { FIXTURE_DISTRICT } from "../helpers/reports.js";
import { startFakeWecom, type FakeWecom } from "../helpers/fake-wecom.js";
import { startEmulator, type Emulator } from "../helpers/telegram-emulator.js";
import { npmStartCommand } from "../helpers/npm-start.js";
import {
  APP_AES_KEY,
  APP_TOKEN,
  appEnvelope,
  appTextXml,
  CORP_ID,
  eventually,
  SECRET,
  signed,
} from "../channels/wecom/support.js";

const ADMINS = "telegram:12345,wecom:alice";
const TOKEN = "123456:contract-test";
const WEBHOOK_SECRET = "contract_Secret-1";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(env: NodeJS.ProcessEnv): Promise<RunningBot> {
  const dataDir = mkdtempSync(join(tmpdir(), "contract-"));
  const config = { DATA_DIR: dataDir, SEED_DIR: FIXTURE_DISTRICT, PORT: "0", HOST: "127.0.0.1" };
  const bot = await startBot(loadConfig({ ...config, ADMINS, ...env }));
  cleanups.push(() => bot.stop());
  return bot;
}

describe("Telegram webhook mode", () => {
  it("exits non-zero naming TELEGRAM_WEBHOOK_SECRET when the secret is empty", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "contract-exit-"));
    const { command, args } = npmStartCommand();
    const result = spawnSync(command, args, {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        ADMINS,
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_WEBHOOK_URL: "https://bot.example/telegram/webhook",
        TELEGRAM_WEBHOOK_SECRET: "",
      },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.status).not.toBeNull();
    expect(result.stderr).toContain("TELEGRAM_WEBHOOK_SECRET");
  }, 40_000);

  describe("with a secret", () => {
    let emulator: Emulator;
    let post: (update: object) => Promise<Response>;

    async function telegramBot() {
      emulator = await startEmulator();
      cleanups.push(() => emulator.stop());
      const bot = await started({
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        TELEGRAM_WEBHOOK_URL: "https://bot.example/telegram/webhook",
        TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      });
      post = (update) =>
        fetch(`http://127.0.0.1:${bot.port}/telegram/webhook`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "X-Telegram-Bot-Api-Secret-Token": WEBHOOK_SECRET,
          },
          body: JSON.stringify(update),
        });
    }

    let updateId = 1;
    const from = { id: 12345, is_bot: false, first_name: "办公室" };
    const update = (chat: object, text: string) => ({
      update_id: updateId++,
      message: { message_id: updateId, date: 0, chat, from, text },
    });
    const allSent = () => emulator.server.storage.botMessages.map((m) => m.message as object);

    it("sends no invite code anywhere for the admin's id in someone else's private chat", async () => {
      await telegramBot();
      expect((await post(update({ id: 666, type: "private" }, "/invite 官庄镇"))).status).toBe(200);
      // The admin's own chat afterwards: answered, so the forged update was handled before.
      await post(update({ id: 12345, type: "private" }, "/whoami"));
      await emulator.waitForSent(12345, 1);
      expect(emulator.sentTo(666)).toEqual([]);
      expect(JSON.stringify(allSent())).not.toContain("邀请码");
      expect(JSON.stringify(allSent())).not.toContain("/bind");
    });

    it("sends no file and no path to a group on /export", async () => {
      await telegramBot();
      const group = { id: -100123, type: "supergroup", title: "办公室群" };
      await post(update(group, "/export"));
      const [reply] = await emulator.waitForSent(-100123, 1);
      expect(reply?.text).toContain("请私聊我使用");
      const sent = JSON.stringify(emulator.sentTo(-100123));
      expect(sent).not.toMatch(/\.xlsx|\.csv|contract-|\/tmp|exports/);
      expect(emulator.sentTo(-100123)).toHaveLength(1);
    });
  });
});

describe("WeCom app door", () => {
  let fake: FakeWecom;
  let base = "";
  let msgId = 9000;

  async function wecomBot() {
    fake = await startFakeWecom({ corpId: CORP_ID, secret: SECRET });
    cleanups.push(() => fake.close());
    const bot = await started({
      WECOM_CORP_ID: CORP_ID,
      WECOM_AGENT_ID: "1000002",
      WECOM_SECRET: SECRET,
      WECOM_TOKEN: APP_TOKEN,
      WECOM_AES_KEY: APP_AES_KEY,
      WECOM_API_BASE: fake.url,
    });
    base = `http://127.0.0.1:${bot.port}`;
  }

  /** Everything `user` was sent after saying `text` (until a short quiet). */
  async function say(user: string, text: string): Promise<string> {
    const to = () => fake.messages.filter((m) => m.body.touser === user);
    const before = to().length;
    const s = signed(appTextXml(user, text, String(msgId++)), {
      token: APP_TOKEN,
      aesKey: APP_AES_KEY,
      receiveId: CORP_ID,
      timestamp: Math.floor(Date.now() / 1000),
    });
    const res = await fetch(`${base}/wecom/app?${s.query}`, {
      method: "POST",
      body: appEnvelope(s.cipher),
    });
    expect(res.status).toBe(200);
    await eventually(() => to().length > before, 5000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    return JSON.stringify(
      to()
        .slice(before)
        .map((m) => m.body),
    );
  }

  it("shows a township's submitted figure to its submitter, not to an unregistered user", async () => {
    await wecomBot();
    expect(await say("alice", "上报 官庄镇 新建民宿 12户")).toContain("确认");
    const receipt = await say("alice", "确认");
    const number = /R\d{6}-\d{4}/.exec(receipt)?.[0];
    expect(number).toBeDefined();
    const stranger = await say("bob", "官庄镇新建民宿多少");
    expect(stranger).not.toContain("12户");
    expect(stranger).not.toContain("12 户");
    expect(stranger).not.toContain("alice");
    expect(stranger).not.toContain(number!);
    expect(stranger).toContain("登记用户");
    expect(await say("alice", "官庄镇新建民宿多少")).toContain("12户");
  });
});
