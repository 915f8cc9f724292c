// Follow-up questions in one chat: the last question's topic for 10 minutes, per person.
import { describe, expect, it } from "vitest";
import type { Message } from "../../src/core/types.js";
import { realCore } from "../helpers/real-core.js";

function chat(now: { at: Date }) {
  const core = realCore({
    now: () => now.at,
    log: { info: () => undefined, error: () => undefined },
  });
  return async (text: string, userId = "u1", chatType: Message["chatType"] = "private") => {
    const replies = await core.handle({
      channel: "telegram",
      chatId: chatType === "group" ? "-100" : userId,
      userId,
      chatType,
      text,
      mentioned: true,
    });
    return replies
      .map((r) => [r.text, ...(r.choices ?? []).map((c) => c.label)].join("\n"))
      .join("\n");
  };
}

describe("follow-up questions", () => {
  it("continues the last question with the other side, a measure or a period", async () => {
    const say = chat({ at: new Date("2026-11-20T02:00:00Z") });
    expect(await say("生猪出栏多少")).toMatch(/^生猪出栏：/);
    const stock = await say("那存栏呢");
    expect(stock).toContain("（接上一问：生猪存栏多少）");
    expect(stock).toMatch(/生猪存栏：\d/);
    expect(await say("完成率呢")).toMatch(/生猪存栏年度任务完成率：\d+%/);
    expect(await say("夏粮单产多少")).toMatch(/^夏粮单产：/);
    const autumn = await say("那秋粮呢");
    expect(autumn).toContain("（接上一问：秋粮单产多少）");
    expect(autumn).toContain("报告里没有");
  });

  it("forgets the topic after 10 minutes", async () => {
    const now = { at: new Date("2026-11-20T02:00:00Z") };
    const say = chat(now);
    await say("生猪出栏多少");
    now.at = new Date("2026-11-20T02:11:00Z");
    expect(await say("那存栏呢")).not.toContain("接上一问");
  });

  it("keeps the topic per person in a group", async () => {
    const say = chat({ at: new Date("2026-11-20T02:00:00Z") });
    await say("生猪出栏多少", "a", "group");
    await say("夏粮单产多少", "b", "group");
    expect(await say("那存栏呢", "a", "group")).toContain("接上一问：生猪存栏多少");
  });

  it("shows the other figures on 不是这个, and a number picks one", async () => {
    const say = chat({ at: new Date("2026-11-20T02:00:00Z") });
    expect(await say("民宿建成几户")).toMatch(/^建成民宿总数：/);
    const others = await say("不是这个");
    expect(others).toContain("您可能问的是下面这些");
    const lines = others.split("\n").slice(1);
    expect(lines.length).toBeGreaterThan(0);
    const name = lines[0]!.split(" ")[0]!;
    expect(await say("1")).toMatch(new RegExp(`^${name}：`));
  });
});
