// The wired bot (startBot) on its configured channels: Telegram against the emulator, WeCom
// against the local fake API; both on 127.0.0.1.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FIXTURE_DISTRICT } from "./helpers/reports.js";
import { startBot, type RunningBot } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { startFakeWecom } from "./helpers/fake-wecom.js";
import { startEmulator } from "./helpers/telegram-emulator.js";
import {
  APP_AES_KEY,
  APP_TOKEN,
  appEnvelope,
  appTextXml,
  CORP_ID,
  eventually,
  SECRET,
  signed,
} from "./channels/wecom/support.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function started(env: NodeJS.ProcessEnv): Promise<RunningBot> {
  const dataDir = mkdtempSync(join(tmpdir(), "bot-"));
  const config = { DATA_DIR: dataDir, SEED_DIR: FIXTURE_DISTRICT, PORT: "0", ...env };
  const bot = await startBot(loadConfig(config));
  cleanups.push(() => bot.stop());
  return bot;
}

describe("the bot as configured", () => {
  it("answers on Telegram when TELEGRAM_BOT_TOKEN is set", async () => {
    const emulator = await startEmulator();
    cleanups.push(() => emulator.stop());
    const token = "123456:app-test";
    await started({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: emulator.apiRoot });
    const client = emulator.client(token, { chatId: 801, userId: 801 });
    await client.sendMessage(client.makeMessage("夏粮单产多少"));
    const [reply] = await emulator.waitForSent(801, 1);
    expect(reply?.text).toContain("预计437公斤/亩");
  });

  it("answers through the WeCom app door with /healthz up", async () => {
    const fake = await startFakeWecom({ corpId: CORP_ID, secret: SECRET });
    cleanups.push(() => fake.close());
    const bot = await started({
      WECOM_CORP_ID: CORP_ID,
      WECOM_AGENT_ID: "1000002",
      WECOM_SECRET: SECRET,
      WECOM_TOKEN: APP_TOKEN,
      WECOM_AES_KEY: APP_AES_KEY,
      WECOM_API_BASE: fake.url,
    });
    const base = `http://127.0.0.1:${bot.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const s = signed(appTextXml("zhangsan", "民宿建成几户", "7001"), {
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
    await eventually(() => fake.messages.length > 0, 5000);
    expect(JSON.stringify(fake.messages[0]?.body)).toContain("120户");
  });
});
