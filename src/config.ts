// Environment parsed once with zod. A bad or missing value stops start-up with a message naming
// the variable; secrets are never printed.
import { z } from "zod";

const optional = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

/**
 * A comma list of people as channel:userId. Telegram ids are numbers (a name there is
 * self-chosen, never an identity); WeCom ids are the directory's userids.
 */
const identityList = z
  .string()
  .trim()
  .default("")
  .refine(
    (s) =>
      s === "" ||
      s.split(",").every((a) => /^telegram:\d{1,20}$|^wecom:[\w.@-]{1,64}$/.test(a.trim())),
    { message: "must be a comma list such as telegram:12345,wecom:zhangsan" },
  );

/** Telegram's rule for a webhook secret token: 1-256 characters A-Z, a-z, 0-9, _ and -. */
const WEBHOOK_SECRET = /^[A-Za-z0-9_-]{1,256}$/;

const EnvSchema = z.object({
  DATA_DIR: z
    .string()
    .trim()
    .transform((s) => (s === "" ? "./var" : s))
    .default("./var"),
  SEED_DIR: z.string().trim().optional(),
  HOST: z
    .string()
    .trim()
    .transform((s) => s || "0.0.0.0")
    .default("0.0.0.0")
    .refine((s) => /^[\w.:-]+$/.test(s), {
      message: "must be an interface address such as 127.0.0.1",
    }),
  ADMINS: identityList,
  VIEWERS: identityList,
  PORT: z
    .string()
    .trim()
    .transform((s) => (s === "" ? "8080" : s))
    .pipe(z.string().regex(/^\d+$/, "must be a port number").transform(Number))
    .pipe(z.number().int().min(0).max(65535))
    .default(8080),
  TELEGRAM_BOT_TOKEN: optional,
  TELEGRAM_API_ROOT: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  TELEGRAM_WEBHOOK_URL: z
    .url()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  TELEGRAM_WEBHOOK_SECRET: optional,
  TELEGRAM_OFFICE_CHAT_ID: optional,
  WECOM_CORP_ID: optional,
  WECOM_AGENT_ID: optional,
  WECOM_SECRET: optional,
  WECOM_TOKEN: optional,
  WECOM_AES_KEY: optional,
  WECOM_ROBOT_TOKEN: optional,
  WECOM_ROBOT_AES_KEY: optional,
  WECOM_WEBHOOK_KEY: optional,
  WECOM_API_BASE: z
    .string()
    .trim()
    .transform((s) => (s === "" ? "https://qyapi.weixin.qq.com" : s))
    .pipe(z.url())
    .default("https://qyapi.weixin.qq.com"),
  QUIET_HOURS: z
    .string()
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$|^off$/, {
      message: "must look like 21:00-08:00, or off",
    })
    .default("21:00-08:00")
    .or(z.literal("").transform(() => "21:00-08:00")),
  REMIND_WEEKENDS: z
    .enum(["send", "skip", "friday"])
    .default("send")
    .or(z.literal("").transform(() => "send" as const)),
});

/** The parsed environment. */
export type Env = z.infer<typeof EnvSchema>;

/** Start-up configuration error: names the variable and the problem, never the value. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

const AES_KEY = /^[A-Za-z0-9+/]{43}$/;

/** Parses `env` (default: process.env) or throws a ConfigError naming the bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`配置错误 ${String(issue?.path[0])}: ${issue?.message}`);
  }
  const e = parsed.data;
  const app = requireAllOrNone(e, [
    "WECOM_CORP_ID",
    "WECOM_AGENT_ID",
    "WECOM_SECRET",
    "WECOM_TOKEN",
    "WECOM_AES_KEY",
  ]);
  const robot = requireAllOrNone(e, ["WECOM_ROBOT_TOKEN", "WECOM_ROBOT_AES_KEY"]);
  for (const name of ["WECOM_AES_KEY", "WECOM_ROBOT_AES_KEY"] as const) {
    const key = e[name];
    if (key !== undefined && !AES_KEY.test(key)) {
      throw new ConfigError(`配置错误 ${name}: must be the 43-character EncodingAESKey`);
    }
  }
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_BOT_TOKEN) {
    throw new ConfigError("配置错误 TELEGRAM_BOT_TOKEN: required when TELEGRAM_WEBHOOK_URL is set");
  }
  // Without a secret anyone who can reach the URL could post updates in anyone's name (issue 13).
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError(
      "配置错误 TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set " +
        "(1-256 characters of A-Z a-z 0-9 _ -)",
    );
  }
  if (e.TELEGRAM_WEBHOOK_SECRET !== undefined && !WEBHOOK_SECRET.test(e.TELEGRAM_WEBHOOK_SECRET)) {
    throw new ConfigError(
      "配置错误 TELEGRAM_WEBHOOK_SECRET: must be 1-256 characters of A-Z a-z 0-9 _ -",
    );
  }
  return {
    dataDir: e.DATA_DIR,
    seedDir: e.SEED_DIR || undefined,
    admins: listOf(e.ADMINS),
    viewers: listOf(e.VIEWERS),
    port: e.PORT,
    host: e.HOST,
    quietHours: e.QUIET_HOURS,
    remindWeekends: e.REMIND_WEEKENDS,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT,
          webhookUrl: e.TELEGRAM_WEBHOOK_URL,
          webhookSecret: e.TELEGRAM_WEBHOOK_SECRET,
          officeChatId: e.TELEGRAM_OFFICE_CHAT_ID,
        }
      : undefined,
    wecom: {
      apiBase: e.WECOM_API_BASE.replace(/\/+$/, ""),
      app: app
        ? {
            corpId: e.WECOM_CORP_ID!,
            agentId: e.WECOM_AGENT_ID!,
            secret: e.WECOM_SECRET!,
            token: e.WECOM_TOKEN!,
            aesKey: e.WECOM_AES_KEY!,
          }
        : undefined,
      robot: robot ? { token: e.WECOM_ROBOT_TOKEN!, aesKey: e.WECOM_ROBOT_AES_KEY! } : undefined,
      webhookKey: e.WECOM_WEBHOOK_KEY,
    },
  };
}

function listOf(text: string): string[] {
  return text === "" ? [] : text.split(",").map((a) => a.trim());
}

function requireAllOrNone(e: Env, names: (keyof Env)[]): boolean {
  const set = names.filter((n) => e[n] !== undefined);
  if (set.length === 0) return false;
  const missing = names.find((n) => e[n] === undefined);
  if (missing) {
    throw new ConfigError(`配置错误 ${missing}: required when ${set.join(", ")} is set`);
  }
  return true;
}

/** WeCom self-built app settings. */
export interface WecomAppConfig {
  corpId: string;
  agentId: string;
  secret: string;
  token: string;
  aesKey: string;
}

/** Everything main.ts needs. */
export interface Config {
  dataDir: string;
  /** Interface the HTTP server binds (HOST; default 0.0.0.0, every interface). */
  host: string;
  /** The district's seed folder (seeds/ when unset): district.json, roster, seed report. */
  seedDir?: string;
  /** Admin ids as `channel:userId` (ADMINS). */
  admins: string[];
  /** Viewers (district leaders) as `channel:userId` (VIEWERS); `/grant` adds more. */
  viewers: string[];
  port: number;
  quietHours: string;
  remindWeekends: "send" | "skip" | "friday";
  telegram?: {
    token: string;
    apiRoot?: string;
    webhookUrl?: string;
    webhookSecret?: string;
    officeChatId?: string;
  };
  wecom: {
    apiBase: string;
    app?: WecomAppConfig;
    robot?: { token: string; aesKey: string };
    webhookKey?: string;
  };
}
