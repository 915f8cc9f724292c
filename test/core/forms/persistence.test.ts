import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openConversationStore } from "../../../src/store/db/conversations.js";
import { closeAllDatabases } from "../../../src/store/db/database.js";
import { closeAllJsonDocs } from "../../../src/store/json-doc.js";
import { memoryBindingStore } from "../../../src/store/bindings.js";
import { memorySubmissionStore } from "../../../src/store/submissions.js";
import { harness, OPERATOR, TASK } from "../submissions/harness.js";

const dirs: string[] = [];
afterEach(() => {
  closeAllJsonDocs();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "forms-test-"));
  dirs.push(dir);
  return dir;
}

describe("drafts across a restart", () => {
  it("should resume a draft after the bot restarts on the same conversation file", async () => {
    const file = tempDir();
    const bindings = memoryBindingStore();
    const submissions = memorySubmissionStore({ tasks: [TASK] });
    const before = harness({ conversations: openConversationStore(file), bindings, submissions });
    await before.bindLiaison();
    await before.say("上报");
    await before.say("35");

    closeAllDatabases(); // a new process reads the database afresh
    const after = harness({ conversations: openConversationStore(file), bindings, submissions });
    after.wait(5);
    expect(await after.say("8")).toContain("第 3/6 项：设施农业");
    for (let i = 0; i < 4; i++) await after.say("跳过");
    expect(await after.say("确认")).toContain("回执号");
    expect(submissions.entries("2026-11").map((e) => e.value)).toEqual([35, 8]);
  });

  it("should drop a draft of another version with a notice instead of misreading it", async () => {
    const h = harness();
    await h.bindLiaison();
    await h.say("上报");
    const key = h.conversations.withFlows()[0] ?? "";
    const conversation = h.conversations.get(key);
    const flow = conversation.flow!;
    await h.conversations.set(key, { ...conversation, flow: { ...flow, data: { version: 0 } } });
    expect(await h.say("35")).toContain("之前的填报草稿已无法继续（系统已更新），已丢弃");
    expect(h.conversations.withFlows()).toEqual([]);
  });
});

describe("idle drafts", () => {
  it("should expire a draft idle for 30 minutes with a notice to its chat", async () => {
    const h = harness();
    await h.bindLiaison();
    await h.say("上报");
    await h.say("35");
    h.wait(29);
    expect(await h.feature.expireIdle(h.clock.now)).toEqual([]);
    h.wait(1);
    const notices = await h.feature.expireIdle(h.clock.now);
    expect(notices).toEqual([
      {
        key: "telegram:1001:1001",
        channel: "telegram",
        chatId: "1001",
        reply: {
          text: "您的填报草稿（下营镇 2026年11月）超过 30 分钟没有操作，已作废，没有提交任何数据。需要时请重新发送“上报”。",
        },
      },
    ]);
    expect(h.conversations.withFlows()).toEqual([]);
    expect(await h.feature.expireIdle(h.clock.now)).toEqual([]);
    expect(await h.say("8")).toBe("没有这个序号，请直接提问或重新选择。");
    expect(h.submissions.entries("2026-11")).toEqual([]);
  });

  it("should say a draft expired when a message reaches it before the expiry ran", async () => {
    const h = harness();
    await h.bindLiaison();
    await h.say("上报 新建民宿 35户");
    h.wait(31);
    expect(await h.say("确认")).toContain("您的填报草稿（下营镇 2026年11月）超过 30 分钟没有操作");
    expect(h.submissions.entries("2026-11")).toEqual([]);
    expect(h.conversations.withFlows()).toEqual([]);
  });

  it("should start afresh when the message for an expired draft is 上报", async () => {
    const h = harness();
    await h.bindLiaison();
    await h.say("上报");
    h.wait(45);
    const text = await h.say("上报");
    expect(text).toContain("已作废");
    expect(text).toContain("开始填报“月度进度填报”");
  });

  it("should keep drafts that are still in use and leave other chats alone", async () => {
    const h = harness();
    await h.bindLiaison();
    await h.say("上报");
    h.wait(20);
    await h.say("/as 下营镇", OPERATOR);
    await h.say("上报", OPERATOR);
    h.wait(15);
    const notices = await h.feature.expireIdle(h.clock.now);
    expect(notices.map((n) => n.key)).toEqual(["telegram:1001:1001"]);
    expect(h.conversations.get("console:local:local").actingAs).toBe("下营镇");
    expect(h.conversations.withFlows()).toEqual(["console:local:local"]);
  });
});
