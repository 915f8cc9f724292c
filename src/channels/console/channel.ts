// The terminal chat: the embedded default channel. Reads one message a line (typed or piped),
// answers each before reading the next, and ends at end of input.
import { readFile, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Core, DocumentFetcher, IncomingDocument, Message, Reply } from "../../core/types.js";

/** Options of `runConsole`. */
export interface ConsoleOptions {
  core: Core;
  /** Input stream (default: process.stdin). */
  input?: Readable;
  /** Output stream (default: process.stdout). */
  output?: Writable;
}

const BANNER =
  "乡村振兴进度机器人（终端）。直接输入问题，“帮助”查看用法，/as 某某镇 以联络员身份操作，" +
  "/import 文件路径 导入报告，Ctrl+D 退出。";
/** "/import 路径": the terminal's way to send a file, as a chat sends a document. */
const IMPORT = /^\/import\s+(.+)$/;

/** Runs the terminal chat until the input ends. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  if (interactive) output.write(`${BANNER}\n> `);
  let count = 0;
  for await (const line of lines) {
    // Piped input is echoed, so a transcript reads as a conversation.
    if (!interactive && line.trim()) output.write(`» ${line}\n`);
    const message: Message = {
      channel: "console",
      chatId: "local",
      userId: "local",
      userName: "本地操作员",
      chatType: "private",
      text: line,
      messageId: String(++count),
    };
    const file = IMPORT.exec(line.trim())?.[1];
    if (file) Object.assign(message, { text: "", document: await documentAt(file) });
    const replies = await options.core.handle(message);
    output.write(replies.map(renderReply).join("\n"));
    if (replies.length) output.write("\n");
    if (interactive) output.write("> ");
  }
}

/** A file named on the terminal, described as a chat describes a sent document. */
async function documentAt(file: string): Promise<IncomingDocument> {
  const path = resolve(file.trim());
  const size = await stat(path).then(
    (s) => s.size,
    () => undefined,
  );
  return { name: basename(path), ref: path, ...(size === undefined ? {} : { size }) };
}

/** Reads files named with "/import 路径" (the terminal operator's own disk). */
export const consoleDocuments: DocumentFetcher = {
  async fetch(message) {
    return new Uint8Array(await readFile(message.document!.ref));
  },
};

/**
 * A reply as terminal text: a picture as its absolute path on a line of its own right after the
 * text (a terminal shows no pictures; the path can be opened), choices numbered, files as paths.
 */
export function renderReply(reply: Reply): string {
  // A picture alone prints just its path (no empty line before it).
  const lines = reply.text === "" && reply.image ? [] : [reply.text];
  if (reply.image) lines.push(resolve(reply.image.path));
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
