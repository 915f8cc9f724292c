import { describe, expect, it } from "vitest";
import { harness, OPERATOR } from "./harness.js";

describe("corrections", () => {
  it("should supersede a figure reported again in the same period and keep its history", async () => {
    const h = harness();
    await h.bindLiaison();
    await h.say("上报 新建民宿 35户");
    await h.say("确认");
    h.wait(60);

    const summary = await h.say("上报 新建民宿 37户");
    expect(summary).toContain("1. 新建民宿：37户（更正本月已报的 35户）");
    const receipt = await h.say("确认");
    expect(receipt).toContain("回执号 R202611-0002");
    expect(receipt).toContain("其中更正了：新建民宿，原值保留在历史记录中。");

    h.wait(10);
    await h.say("上报 下营镇 新建民宿 38户", OPERATOR);
    await h.say("确认", OPERATOR);

    expect(h.submissions.latest("2026-11", "下营镇", "new-homestays")?.value).toBe(38);
    const history = h.submissions.history("2026-11", "下营镇", "new-homestays");
    expect(
      history.map((v) => [v.value, v.by.identity, v.channel, v.raw, v.at.toISOString()]),
    ).toEqual([
      [35, "telegram:1001", "telegram", "上报 新建民宿 35户", "2026-11-20T02:00:00.000Z"],
      [37, "telegram:1001", "telegram", "上报 新建民宿 37户", "2026-11-20T03:00:00.000Z"],
      [38, "console:local", "console", "上报 下营镇 新建民宿 38户", "2026-11-20T03:10:00.000Z"],
    ]);
  });

  it("should show the value already reported this month in the guided prompt", async () => {
    const h = harness();
    await h.bindLiaison();
    await h.say("上报 新建民宿 35户");
    await h.say("确认");
    expect(await h.say("上报")).toContain("本月已报：35户（再次填报将更正）");
  });
});
