import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCore } from "../../src/core/engine.js";
import {
  memoryConversationStore,
  openConversationStore,
} from "../../src/store/db/conversations.js";
import { closeAllDatabases } from "../../src/store/db/database.js";
import type { Message } from "../../src/core/types.js";
import { realAnswerer, realCore } from "../helpers/real-core.js";

const say = (text: string, over: Partial<Message> = {}): Message => ({
  channel: "telegram",
  chatId: "100",
  userId: "100",
  chatType: "private",
  text,
  ...over,
});

describe("createCore", () => {
  it("answers a question in a private chat with the figure and its source", async () => {
    const [reply] = await realCore().handle(say("夏粮单产多少"));
    expect(reply?.text).toContain("预计437公斤/亩");
    expect(reply?.text).toContain("出处：");
  });

  it("greets on /start and explains itself on 帮助", async () => {
    const core = realCore();
    expect((await core.handle(say("/start")))[0]?.text).toContain("乡村振兴进度机器人");
    expect((await core.handle(say("帮助")))[0]?.text).toContain("上报");
  });

  it("stays silent in a group unless addressed, and keeps group answers short", async () => {
    const core = realCore();
    const group = { chatType: "group" as const, chatId: "-5" };
    expect(await core.handle(say("夏粮单产多少", group))).toEqual([]);
    const [reply] = await core.handle(say("夏粮单产多少", { ...group, mentioned: true }));
    expect(reply?.text).toContain("437");
    expect(reply?.text).not.toContain("原文");
    expect(await core.handle(say("/help", group))).toHaveLength(1);
  });

  it("selects an offered choice when the user types its number", async () => {
    const core = realCore();
    const [first] = await core.handle(say("秋粮亩产"));
    expect(first?.choices?.length).toBeGreaterThan(0);
    const [picked] = await core.handle(say("1"));
    expect(picked?.text).toContain(first!.choices![0]!.label.split(" ")[0]!);
  });

  it("does not treat a bare number as a question when nothing was offered", async () => {
    const [reply] = await realCore().handle(say("3"));
    expect(reply?.text).toContain("没有这个序号");
  });

  it("answers one chat's messages in order even when they arrive together", async () => {
    const core = realCore();
    const texts = ["夏粮单产多少", "生猪出栏多少", "民宿建成几户"];
    const replies = await Promise.all(texts.map((t) => core.handle(say(t))));
    expect(replies.map((r) => r[0]?.text.split("：")[0])).toEqual([
      "夏粮单产",
      "生猪出栏",
      "建成民宿总数",
    ]);
  });

  it("apologises once and keeps running when a handler fails", async () => {
    const errors: string[] = [];
    const core = createCore({
      answerer: realAnswerer(),
      conversations: memoryConversationStore(),
      commands: {
        report: {
          run: () => {
            throw new Error("boom");
          },
        },
      },
      log: { info: () => undefined, error: (m) => errors.push(m) },
    });
    expect(await core.handle(say("上报", { messageId: "77" }))).toEqual([
      { text: "抱歉，处理出错了，请稍后再试。" },
    ]);
    expect(errors[0]).toContain("77");
    expect((await core.handle(say("夏粮单产多少")))[0]?.text).toContain("437");
  });

  it("refuses admin commands to others and private commands in groups", async () => {
    const core = createCore({
      answerer: realAnswerer(),
      conversations: memoryConversationStore(),
      admins: ["telegram:1"],
      commands: {
        status: { adminOnly: true, run: () => [{ text: "进度表" }] },
        report: { privateOnly: true, run: () => [{ text: "表单" }] },
      },
    });
    expect((await core.handle(say("/status")))[0]?.text).toContain("管理员");
    expect((await core.handle(say("/status", { userId: "1" })))[0]?.text).toBe("进度表");
    const inGroup = await core.handle(say("/report", { chatType: "group", chatId: "-1" }));
    expect(inGroup[0]?.text).toContain("私聊");
  });

  it("remembers offered choices across a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), "state-"));
    const first = realCore({ conversations: openConversationStore(dir) });
    const [offer] = await first.handle(say("秋粮亩产"));
    closeAllDatabases();
    const second = realCore({ conversations: openConversationStore(dir) });
    const [picked] = await second.handle(say("1"));
    expect(picked?.text).toContain(offer!.choices![0]!.label.split(" ")[0]!);
  });
});

describe("a question while a form is open", () => {
  it("is answered, and the form keeps its place", async () => {
    const seen: string[] = [];
    const core = createCore({
      answerer: realAnswerer(),
      conversations: memoryConversationStore(),
      commands: {
        report: {
          run: ({ conversation, now }) => {
            conversation.flow = { name: "form", data: {}, updatedAt: now.toISOString() };
            return [{ text: "新建民宿（户）？" }];
          },
        },
      },
      flows: [
        {
          name: "form",
          onMessage: async (_context, text) => {
            seen.push(text);
            return [{ text: "已记录" }];
          },
        },
      ],
    });
    await core.handle(say("上报"));
    const replies = await core.handle(say("夏粮单产多少"));
    expect(replies[0]?.text).toContain("437");
    expect(replies[1]?.text).toContain("填报还没有完成");
    expect(seen).toEqual([]);
    expect((await core.handle(say("35")))[0]?.text).toBe("已记录");
    expect(seen).toEqual(["35"]);
  });
});

describe("long questions", () => {
  it("refuses a question over 500 characters politely, and answers the next", async () => {
    const core = realCore();
    const replies = await core.handle(say(`夏粮单产${"多少".repeat(400)}`));
    expect(replies[0]?.text).toContain("问题太长了");
    expect((await core.handle(say("夏粮单产多少")))[0]?.text).toMatch(/^夏粮单产：/);
  });
});
