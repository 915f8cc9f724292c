// Importing a report in the chat: preview, 确认 / 取消, refusals, /reports and removal.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createCore } from "../../../src/core/engine.js";
import { createReportFeature } from "../../../src/core/reports/feature.js";
import { memoryConversationStore } from "../../../src/store/db/conversations.js";
import type { Message } from "../../../src/core/types.js";
import { memoryLibrary, memoryPendingReports } from "../../../src/reports/library.js";
import { prepareReportBytes } from "../../../src/reports/import.js";
import { loadIntents } from "../../../src/search/intents.js";
import { ReportsAnswerer } from "../../../src/search/reports-answerer.js";
import { fixtureStore } from "../../helpers/reports.js";

const REPORT = readFileSync(
  new URL("../../fixtures/reports/长治市-2022-农业农村局工作总结-节选.txt", import.meta.url),
);
const quiet = { info: () => undefined, error: () => undefined };

function setup() {
  const library = memoryLibrary([fixtureStore()]);
  const files = new Map<string, Uint8Array>();
  let fetches = 0;
  const feature = createReportFeature({
    library,
    pending: memoryPendingReports(),
    prepare: prepareReportBytes,
    documents: {
      async fetch(message) {
        fetches++;
        return files.get(message.document!.ref)!;
      },
    },
  });
  const answerer = new ReportsAnswerer(library, loadIntents());
  const core = createCore({
    answerer,
    conversations: memoryConversationStore(),
    admins: ["telegram:1"],
    commands: feature.commands,
    flows: feature.flows,
    onDocument: feature.onDocument,
    log: quiet,
  });
  const message = (userId: string, text: string, extra: Partial<Message> = {}): Message => ({
    channel: "telegram",
    chatId: userId,
    userId,
    chatType: "private",
    text,
    ...extra,
  });
  const say = async (userId: string, text: string, extra: Partial<Message> = {}) =>
    (await core.handle(message(userId, text, extra))).map((r) => r.text).join("\n");
  const send = (userId: string, name: string, bytes: Uint8Array, size = bytes.length) => {
    files.set(name, bytes);
    return say(userId, "", { document: { name, size, ref: name } });
  };
  return { library, answerer, say, send, fetches: () => fetches };
}

describe("importing a report in the chat", () => {
  it("previews, then publishes on 确认 and answers from the new report", async () => {
    const t = setup();
    const preview = await t.send("1", "长治.txt", REPORT);
    expect(preview).toContain("收到报告：《长治市农业农村局工作总结（节选）》");
    expect(preview).toMatch(/数字：\d+ 个，例如：/);
    expect(preview.match(/^ {2}\d\. /gm)).toHaveLength(5);
    expect(preview).toContain("未找到报告日期");
    expect(t.library.list()).toHaveLength(1);
    expect(await t.say("1", "确认")).toMatch(/^已发布《长治市农业农村局工作总结（节选）》/);
    expect(t.library.list()).toHaveLength(2);
    expect(t.answerer.ask("农村改厕任务多少座").answer?.value).toBeGreaterThan(0);
  });

  it("drops the document on 取消 and recognises the same file sent twice", async () => {
    const t = setup();
    await t.send("1", "长治.txt", REPORT);
    expect(await t.say("1", "取消")).toContain("已放弃导入");
    expect(t.library.list()).toHaveLength(1);
    await t.send("1", "长治.txt", REPORT);
    await t.say("1", "确认");
    expect(await t.send("1", "长治-副本.txt", REPORT)).toContain("已经导入过");
    expect(t.library.list()).toHaveLength(2);
  });

  it("refuses non-admins, files over 20 MB before download, and unreadable files", async () => {
    const t = setup();
    expect(await t.send("2", "长治.txt", REPORT)).toContain("只有办公室管理员可以导入报告");
    expect(await t.send("1", "大.pdf", REPORT, 21 * 1024 * 1024)).toContain("超过 20 MB");
    expect(t.fetches()).toBe(0); // neither was downloaded
    const broken = await t.send("1", "坏.pdf", new TextEncoder().encode("not a pdf"));
    expect(broken).toContain("坏.pdf");
    expect(t.fetches()).toBe(1);
    expect(await t.say("1", "确认")).not.toContain("已发布");
    expect(t.library.list()).toHaveLength(1);
  });

  it("lists reports and removes one after a confirmation", async () => {
    const t = setup();
    await t.send("1", "长治.txt", REPORT);
    await t.say("1", "确认");
    const list = await t.say("2", "/reports");
    expect(list).toContain("共 2 份报告");
    expect(list).toMatch(/1\. 《长治市农业农村局工作总结（节选）》 · 2022年全年/);
    expect(await t.say("2", "/reports remove 1")).toContain("只有管理员");
    expect(await t.say("1", "/reports remove 1")).toContain("确认删除《长治市");
    expect(await t.say("1", "取消")).toContain("报告保留");
    await t.say("1", "/reports remove 1");
    expect(await t.say("1", "确认")).toContain("已删除");
    expect(t.library.list()).toHaveLength(1);
  });
});
