// The terminal chat: the embedded default channel. Reads one message a line (typed or piped),
// answers each before reading the next, and ends at end of input.
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Core, Reply } from "../../core/types.js";

/** Options of `runConsole`. */
export interface ConsoleOptions {
  core: Core;
  /** Input stream (default: process.stdin). */
  input?: Readable;
  /** Output stream (default: process.stdout). */
  output?: Writable;
}

const BANNER =
  "乡村振兴进度机器人（终端）。直接输入问题，“帮助”查看用法，/as 某某镇 以联络员身份操作，Ctrl+D 退出。";

/** Runs the terminal chat until the input ends. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  if (interactive) output.write(`${BANNER}\n> `);
  let count = 0;
  for await (const line of lines) {
    const replies = await options.core.handle({
      channel: "console",
      chatId: "local",
      userId: "local",
      userName: "本地操作员",
      chatType: "private",
      text: line,
      messageId: String(++count),
    });
    output.write(replies.map(renderReply).join("\n"));
    if (replies.length) output.write("\n");
    if (interactive) output.write("> ");
  }
}

/** A reply as terminal text: choices numbered, files as paths. */
export function renderReply(reply: Reply): string {
  const lines = [reply.text];
  reply.choices?.forEach((choice, i) => lines.push(`  ${i + 1}. ${choice.label}`));
  if (reply.file) lines.push(`文件：${reply.file.path}`);
  return lines.join("\n");
}

/** Prints pushed messages (reminders, office summaries) to the terminal. */
export function consolePrinter(output: Writable = process.stdout): (text: string) => Promise<void> {
  return async (text) => {
    output.write(`【通知】${text}\n`);
  };
}
