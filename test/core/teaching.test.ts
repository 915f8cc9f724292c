// The office teaches the bot, through the terminal chat as the operator would: a question with
// no figure, /unanswered, /teach, the new phrasing inside another question, a restart, /forget.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { startBot } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { closeAllJsonDocs } from "../../src/store/json-doc.js";
import { FIXTURE_DISTRICT } from "../helpers/reports.js";

/** Runs one bot process over `lines` of console input; returns the transcript. */
async function session(dataDir: string, lines: string[]): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = "";
  output.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const config = loadConfig({
    DATA_DIR: dataDir,
    SEED_DIR: FIXTURE_DISTRICT,
    TELEGRAM_BOT_TOKEN: "",
  });
  const bot = await startBot(config, { input, output });
  input.end(`${lines.join("\n")}\n`);
  await bot.done;
  await bot.stop();
  closeAllJsonDocs(); // the next session reads the folder afresh, as a restarted process does
  return text;
}

describe("follow-up questions through the terminal chat", () => {
  it("continue the last question's topic: another side, its completion rate", async () => {
    const dir = mkdtempSync(join(tmpdir(), "follow-"));
    const text = await session(dir, ["生猪存栏多少头", "那出栏呢", "完成率呢"]);
    expect(text).toMatch(/» 生猪存栏多少头\n[^\n]*存栏[^\n]*：[\d.]+万头/);
    // (出栏 is a monthly-form topic: the report's figure shows with this month's submissions.)
    expect(text).toMatch(/» 那出栏呢\n（接上一问：生猪出栏多少头）\n[^»]*报告数[^\n]*：[\d.]+万头/);
    expect(text).toMatch(
      /» 完成率呢\n（接上一问：[^）]*出栏[^）]*）\n[^\n]*出栏[^\n]*完成率：[\d.]+%/,
    );
  });
});

describe("teaching the bot", () => {
  it("learns a phrase, uses it inside other questions, keeps it across a restart, forgets it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "teach-"));
    const first = await session(dir, [
      "咱们的金字招牌现在多少户了",
      "1",
      "/unanswered",
      "/teach 金字招牌 = 建成民宿总数",
      "咱们金字招牌现在多少户了",
      "/lessons",
    ]);
    expect(first).toContain("报告里没有“咱们的金字招牌现在多少户了”");
    expect(first).toMatch(/最近答不上的问题[\s\S]*咱们的金字招牌现在多少户了（1 次/);
    expect(first).toMatch(/记住了：以后“金字招牌”指“建成民宿总数”（现在是 \d+户）/);
    expect(first).toMatch(/» 咱们金字招牌现在多少户了\n建成民宿总数：\d+户/);
    expect(first).toContain("· 金字招牌 = 建成民宿总数");

    const second = await session(dir, ["金字招牌有几户", "/forget 金字招牌", "金字招牌有几户"]);
    expect(second).toMatch(/» 金字招牌有几户\n建成民宿总数：\d+户/);
    expect(second).toContain("已忘记“金字招牌”");
    expect(second).toMatch(/» 金字招牌有几户\n报告里没有/);
  });

  it("suggests a lesson when someone picks a choice after no such figure", async () => {
    const dir = mkdtempSync(join(tmpdir(), "teach-"));
    const text = await session(dir, ["秋粮单产多少", "1", "/unanswered"]);
    expect(text).toMatch(/» 秋粮单产多少\n报告里没有/);
    const picked = /» 1\n(.+?)：/.exec(text)?.[1];
    expect(picked).toBeTruthy();
    expect(text).toContain(`有人选了“${picked}”，可教：/teach 秋粮单产多少 = ${picked}`);
  });

  it("refuses a lesson for nothing it can find, and lessons are the office's", async () => {
    const dir = mkdtempSync(join(tmpdir(), "teach-"));
    const text = await session(dir, ["/teach 天上的星星 = 月亮有多少个", "/teach"]);
    expect(text).toContain("没有找到“月亮有多少个”对应的数字，没有记下");
    expect(text).toContain("用法：/teach 说法 = 指标名称");
  });
});
