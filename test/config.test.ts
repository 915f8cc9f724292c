import { readFileSync } from "node:fs";
import { parse } from "dotenv";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

const AES = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

describe("loadConfig", () => {
  it("runs the terminal chat when nothing is configured", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      dataDir: "./var",
      port: 8080,
      admins: [],
      quietHours: "21:00-08:00",
    });
    expect(config.telegram).toBeUndefined();
    expect(config.wecom.app).toBeUndefined();
  });

  it("accepts .env.example as it is, empty values meaning defaults", () => {
    const example = parse(readFileSync(".env.example", "utf8"));
    expect(loadConfig(example)).toMatchObject({ dataDir: "./var", port: 8080 });
  });

  it("lists every variable the configuration reads in .env.example", () => {
    const example = readFileSync(".env.example", "utf8");
    const source = readFileSync("src/config.ts", "utf8");
    const names = [...source.matchAll(/^ {2}([A-Z][A-Z_]+):/gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(15);
    for (const name of names) expect(example, name).toMatch(new RegExp(`^${name}=`, "m"));
  });

  it("names the variable that is wrong, without its value", () => {
    const secret = "not-a-valid-key-but-secret";
    const attempts: [NodeJS.ProcessEnv, string][] = [
      [{ PORT: "eighty" }, "PORT"],
      [{ ADMINS: "zhangsan" }, "ADMINS"],
      [{ QUIET_HOURS: "9pm" }, "QUIET_HOURS"],
      [{ TELEGRAM_WEBHOOK_URL: "https://bot.example/telegram/webhook" }, "TELEGRAM_BOT_TOKEN"],
      [
        { WECOM_CORP_ID: "ww1", WECOM_AGENT_ID: "1", WECOM_SECRET: secret, WECOM_TOKEN: "t" },
        "WECOM_AES_KEY",
      ],
      [{ WECOM_ROBOT_TOKEN: "t", WECOM_ROBOT_AES_KEY: secret }, "WECOM_ROBOT_AES_KEY"],
    ];
    for (const [env, name] of attempts) {
      let message = "";
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as Error).message;
      }
      expect(message, name).toContain(name);
      expect(message).not.toContain(secret);
    }
  });

  it("reads a full configuration", () => {
    const config = loadConfig({
      ADMINS: "telegram:1, wecom:zhangsan",
      TELEGRAM_BOT_TOKEN: "1:abc",
      WECOM_CORP_ID: "ww1",
      WECOM_AGENT_ID: "1000002",
      WECOM_SECRET: "s",
      WECOM_TOKEN: "t",
      WECOM_AES_KEY: AES,
      WECOM_API_BASE: "http://127.0.0.1:9/",
    });
    expect(config.admins).toEqual(["telegram:1", "wecom:zhangsan"]);
    expect(config.wecom.apiBase).toBe("http://127.0.0.1:9");
    expect(config.wecom.app?.agentId).toBe("1000002");
  });
});
