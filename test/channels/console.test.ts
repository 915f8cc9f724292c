// The terminal chat: piped input is echoed as a transcript, and "/import 路径" sends a file the
// way a chat sends a document; a picture prints as its path.
import { resolve } from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { consoleDocuments, renderReply, runConsole } from "../../src/channels/console/index.js";
import type { Core, Message, Reply } from "../../src/core/types.js";

const REPORT = fileURLToPath(
  new URL("../fixtures/reports/长治市-2022-农业农村局工作总结-节选.txt", import.meta.url),
);

async function run(
  lines: string[],
  answer?: (message: Message) => Reply[],
): Promise<{ output: string; seen: Message[] }> {
  const seen: Message[] = [];
  const core: Core = {
    async handle(message) {
      seen.push(message);
      return answer ? answer(message) : [{ text: `回复 ${seen.length}` }];
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

  it("prints a picture's path on a line of its own after the text", async () => {
    const chart = "/tmp/charts/下营镇-进度.png";
    const { output } = await run(["下营镇进度图"], () => [
      { text: "下营镇进度：\n已完成 80%", image: { path: chart, name: "进度.png" } },
    ]);
    expect(output).toBe(`» 下营镇进度图\n下营镇进度：\n已完成 80%\n${chart}\n`);
    expect(output.split("\n").filter((line) => /^\/\S*\.png$/.test(line))).toEqual([chart]);
  });

  it("prints an absolute path, and only the path for a picture without text", () => {
    const rendered = renderReply({ text: "", image: { path: "charts/a.png", name: "a.png" } });
    expect(rendered).toBe(resolve("charts/a.png"));
    const withChoices = renderReply({
      text: "图：",
      image: { path: "/tmp/b.png", name: "b.png" },
      choices: [{ label: "下一张", value: "下一张" }],
    });
    expect(withChoices.split("\n")).toEqual(["图：", "/tmp/b.png", "  1. 下一张"]);
  });
});
