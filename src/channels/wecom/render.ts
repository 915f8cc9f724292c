// Core replies as WeCom text: choices become numbered lines (the core maps a typed number back).
import type { Reply } from "../../core/types.js";

/** Hint shown under numbered choices. */
export const CHOICE_HINT = "回复数字选择";

/** Sent once when handling a message failed. */
export const APOLOGY = "抱歉，处理出错了，请稍后再试。";

/** The reply text followed by "1. 标签" lines and the hint. */
export function renderReply(reply: Reply): string {
  const choices = reply.choices ?? [];
  if (choices.length === 0) return reply.text;
  const lines = choices.map((choice, i) => `${i + 1}. ${choice.label}`);
  return [reply.text, lines.join("\n"), CHOICE_HINT].filter((part) => part !== "").join("\n\n");
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** The longest prefix of whole characters that fits in `maxBytes`. */
function fittingPrefix(text: string, maxBytes: number): string {
  let size = 0;
  let end = 0;
  for (const char of text) {
    size += utf8Length(char);
    if (size > maxBytes) break;
    end += char.length;
  }
  return text.slice(0, end);
}

/** Splits text into parts of at most `maxBytes` UTF-8 bytes, preferring line breaks. */
export function splitUtf8(text: string, maxBytes: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (utf8Length(rest) > maxBytes) {
    const head = fittingPrefix(rest, maxBytes);
    const breakAt = head.lastIndexOf("\n");
    const cut = breakAt > 0 ? breakAt : head.length;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, "");
  }
  if (rest !== "" || parts.length === 0) parts.push(rest);
  return parts;
}
