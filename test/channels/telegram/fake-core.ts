// A scripted core for the Telegram channel tests: it records every message it is asked about.
import type { Core, Message, Reply } from "../../../src/core/types.js";

/** Greeting for /start. */
export const GREETING = "你好！我是乡村振兴进度机器人。";

/** A long choice value (over 64 bytes), sent back as "#2" and translated to "2". */
export const LONG_VALUE = "全区农村居民人均可支配收入（上半年，预计值，单位元）的最新上报数据";

/** Choices offered for the question "选". */
export const CHOICES = [
  { label: "夏粮单产", value: "夏粮单产" },
  { label: "农村居民人均可支配收入", value: LONG_VALUE },
];

/** A fake core and what it received. */
export interface FakeCore extends Core {
  received: Message[];
}

/**
 * Answers "/start" with GREETING, "选" with CHOICES, "坏" by throwing, a text "慢<ms>" after a
 * delay, and anything else with "答：<text>".
 */
export function fakeCore(): FakeCore {
  const received: Message[] = [];
  return {
    received,
    async handle(message: Message): Promise<Reply[]> {
      received.push(message);
      const { text } = message;
      if (text === "/start") return [{ text: GREETING }];
      if (text === "选") return [{ text: "请选择指标：", choices: CHOICES }];
      if (text === "坏") throw new Error("core exploded");
      const slow = /^慢(\d+)$/.exec(text);
      if (slow) await new Promise((resolve) => setTimeout(resolve, Number(slow[1])));
      return [{ text: `答：${text}` }];
    },
  };
}

/** A logger that keeps every line. */
export function memoryLog(): {
  lines: string[];
  info(m: string): void;
  warn(m: string): void;
  error(m: string): void;
} {
  const lines: string[] = [];
  const keep = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, info: keep("info"), warn: keep("warn"), error: keep("error") };
}
