// The terminal chat: piped input is echoed as a transcript, and "/import 路径" sends a file the
// way a chat sends a document.
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { consoleDocuments, runConsole } from "../../src/channels/console/index.js";
import type { Core, Message } from "../../src/core/types.js";

const REPORT = fileURLToPath(
  new URL("../fixtures/reports/长治市-2022-农业农村局工作总结-节选.txt", import.meta.url),
);

async function run(lines: string[]): Promise<{ output: string; seen: Message[] }> {
  const seen: Message[] = [];
  const core: Core = {
    async handle(message) {
      seen.push(message);
      return [{ text: `回复 ${seen.length}` }];
    },
  };
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => (text += chunk.toString()));
  input.end(lines.join("\n") + "\n");
  await runConsole({ core, input, output });
  return { output: text, seen };
}

describe("the terminal chat", () => {
  it("echoes each piped message before its replies", async () => {
    const { output } = await run(["夏粮单产多少", "帮助"]);
    expect(output).toBe("» 夏粮单产多少\n回复 1\n» 帮助\n回复 2\n");
  });

  it("sends /import 路径 as a document the console can read back", async () => {
    const { seen } = await run([`/import ${REPORT}`]);
    const message = seen[0]!;
    expect(message.text).toBe("");
    expect(message.document).toMatchObject({
      name: "长治市-2022-农业农村局工作总结-节选.txt",
      ref: REPORT,
    });
    expect(message.document!.size).toBeGreaterThan(1000);
    const bytes = await consoleDocuments.fetch(message, 20 * 1024 * 1024);
    expect(new TextDecoder().decode(bytes)).toContain("长治市农业农村局");
  });
});
