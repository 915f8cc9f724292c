// `npm start`: loads .env when present, parses the configuration and runs the bot until it is
// stopped (or, for the console, until the input ends).
import { existsSync } from "node:fs";
import { config as loadDotenv } from "dotenv";
import { startBot } from "./app.js";
import { ConfigError, loadConfig } from "./config.js";
import { DataDirLockedError } from "./store/lock.js";
import { StoreError } from "./store/errors.js";

async function main(): Promise<void> {
  if (existsSync(".env")) loadDotenv({ quiet: true });
  const bot = await startBot(loadConfig(), { callbackThread: true });
  const stop = async () => {
    await bot.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
  if (bot.port !== undefined) console.log(`HTTP 服务已启动，端口 ${bot.port}（/healthz）`);
  if (bot.telegram) console.log("Telegram 渠道已启动");
  await bot.done;
  await bot.stop();
}

main().catch((error: unknown) => {
  const known = [ConfigError, DataDirLockedError, StoreError].some((k) => error instanceof k);
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
