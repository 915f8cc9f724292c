import { describe, expect, it } from "vitest";
import { harness, LIAISON, OPERATOR, STRANGER, textOf } from "./harness.js";

const NOTHING_TO_CONFIRM = "现在没有待确认的填报。发“上报”开始填报。";
const NOTHING_TO_MODIFY =
  "现在没有待修改的填报。要更正本月已报的数字，重新发“上报”填写即可，例如：上报 新建民宿 35户";

describe("确认 and 修改 with no draft open", () => {
  it("should say there is nothing to confirm or modify, and how to start", async () => {
    const h = harness();
    await h.bindLiaison();
    expect(await h.say("确认")).toBe(NOTHING_TO_CONFIRM);
    expect(await h.say(" 确认！")).toBe(NOTHING_TO_CONFIRM);
    expect(await h.say("提交")).toBe(NOTHING_TO_CONFIRM);
    expect(await h.say("修改")).toBe(NOTHING_TO_MODIFY);
    expect(await h.say("修改 2")).toBe(NOTHING_TO_MODIFY);
    expect(await h.say("改第3项")).toBe(NOTHING_TO_MODIFY);
    expect(await h.say("确认", OPERATOR)).toBe(NOTHING_TO_CONFIRM);
    // Right after a question too: 确认 is no follow-up of it.
    await h.say("新建民宿多少");
    expect(await h.say("确认")).toBe(NOTHING_TO_CONFIRM);
    expect(await h.say("修改 1")).toBe(NOTHING_TO_MODIFY);
    expect(h.conversations.withFlows()).toEqual([]);
    expect(h.submissions.entries("2026-11")).toEqual([]);
  });

  it("should answer a second 确认 after a submission without submitting again", async () => {
    const h = harness();
    await h.bindLiaison();
    await h.say("上报 新建民宿 35户");
    expect(await h.say("确认")).toContain("已提交，回执号 R202611-0001");
    expect(await h.say("确认")).toBe(NOTHING_TO_CONFIRM);
    expect(h.submissions.history("2026-11", "下营镇", "new-homestays")).toHaveLength(1);
  });

  it("should answer 确认 after an expired draft, which the expiry already cleared", async () => {
    const h = harness();
    await h.bindLiaison();
    await h.say("上报 新建民宿 35户");
    h.wait(31);
    await h.feature.expireIdle(h.clock.now);
    expect(await h.say("确认")).toBe(NOTHING_TO_CONFIRM);
    expect(h.submissions.entries("2026-11")).toEqual([]);
  });

  it("should give no hint to someone who may not report, and point to a private chat in groups", async () => {
    const h = harness();
    await h.bindLiaison();
    expect(await h.say("确认", STRANGER)).toBe("现在没有待确认的填报。");
    expect(await h.say("修改 1", STRANGER)).toBe("现在没有待修改的填报。");
    expect(textOf(await h.send("确认", LIAISON, true))).toBe(
      "现在没有待确认的填报。填报请私聊我发“上报”。",
    );
  });

  it("should leave 确认 and 修改 N to an open draft", async () => {
    const h = harness();
    await h.bindLiaison();
    await h.say("上报 新建民宿 35户 在建民宿 8户");
    expect(await h.say("修改 2")).toContain("在建民宿");
    expect(await h.say("9")).toContain("2. 在建民宿：9户");
    expect(await h.say("确认")).toContain("已提交，回执号 R202611-0001");
  });

  it("should leave other words and questions to the report", async () => {
    const h = harness();
    await h.bindLiaison();
    expect(await h.say("修改一下")).not.toContain("没有待");
    expect(await h.say("好的")).not.toContain("没有待");
    expect(await h.say("确认生猪出栏多少")).not.toContain("没有待");
  });
});
