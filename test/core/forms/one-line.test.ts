import { describe, expect, it } from "vitest";
import { parseReportLine } from "../../../src/core/forms/one-line.js";
import { harness, OPERATOR, ROSTER, TASK } from "../submissions/harness.js";

describe("parseReportLine", () => {
  const parse = (text: string) => parseReportLine(text, TASK, ROSTER);
  const values = (text: string) => {
    const result = parse(text);
    return result.ok ? result.entries.map((e) => [e.field.key, e.value]) : result.errors;
  };

  it("should read several fields with or without spaces and separators", () => {
    expect(values("新建民宿 35户 在建民宿 8户")).toEqual([
      ["new-homestays", 35],
      ["homestays-under-construction", 8],
    ]);
    expect(values("新建民宿：35户，在建民宿8")).toEqual(values("新建民宿 35户 在建民宿 8户"));
    expect(values("大棚1.2万亩、出栏 两千三百")).toEqual([
      ["facility-farming", 12000],
      ["hogs-sold", 2300],
    ]);
    expect(values("生猪出栏量 500")).toEqual([["hogs-sold", 500]]);
  });

  it("should take a township before the first field", () => {
    expect(parse("下营镇 新建民宿 35户")).toMatchObject({ ok: true, township: "下营镇" });
    expect(parse("下营新建民宿35户")).toMatchObject({ ok: true, township: "下营镇" });
    expect(parse("下营镇")).toEqual({ ok: true, township: "下营镇", entries: [] });
    expect(parse("")).toEqual({ ok: true, entries: [] });
  });

  it("should give every reason at once and nothing else", () => {
    expect(parse("火星镇 新建民宿 35吨 在建民宿")).toEqual({
      ok: false,
      errors: [
        "没有找到乡镇“火星镇”。",
        "新建民宿：单位不符：该项以“户”计，不能填“吨”",
        "在建民宿后面缺少数字",
      ],
    });
    expect(parse("新建民宿 3 新建民宿 4")).toEqual({
      ok: false,
      errors: ["新建民宿填了两次，请只填一次"],
    });
    expect(parse("35户")).toMatchObject({ ok: false });
  });
});

describe("one-line reports", () => {
  it("should show the same summary and submit only on 确认", async () => {
    const h = harness();
    await h.bindLiaison();
    const summary = await h.say("上报 新建民宿 35户 在建民宿 8户");
    expect(summary).toBe(
      "请核对 下营镇 2026年11月“月度进度填报”：\n1. 新建民宿：35户\n2. 在建民宿：8户\n" +
        "回复“确认”提交，“修改 N”修改第 N 项，“取消”放弃。",
    );
    expect(h.submissions.entries("2026-11")).toEqual([]);
    expect(await h.say("确认")).toContain("下营镇 2026年11月：新建民宿 35户、在建民宿 8户");
    const stored = h.submissions.latest("2026-11", "下营镇", "homestays-under-construction");
    expect(stored).toMatchObject({ value: 8, raw: "上报 新建民宿 35户 在建民宿 8户" });
  });

  it("should let an admin name the township, and ask for one when it is missing", async () => {
    const h = harness();
    expect(await h.say("上报 新建民宿 35户", OPERATOR)).toBe(
      "请写明乡镇，例如：上报 某某镇 新建民宿 35户",
    );
    expect(await h.say("上报 渔阳镇 新建民宿 35户", OPERATOR)).toContain("请核对 渔阳镇");
    await h.say("确认", OPERATOR);
    expect(h.submissions.latest("2026-11", "渔阳镇", "new-homestays")).toMatchObject({
      value: 35,
      by: { identity: "console:local" },
      channel: "console",
    });
  });

  it("should refuse a bad line with its reasons, keeping an open draft as it was", async () => {
    const h = harness();
    await h.bindLiaison();
    await h.say("上报");
    await h.say("35");
    const refused = await h.say("上报 新建民宿 35吨");
    expect(refused).toContain("没有保存，请改正后重新发送：\n· 新建民宿：单位不符");
    expect(refused).toContain("第 2/6 项：在建民宿");
    // A good line never replaces the open draft silently: the draft is named, the person decides.
    expect(await h.say("上报 新建民宿 36户")).toContain(
      "您有一份未完成的填报（下营镇 2026年11月，已填 1 项）",
    );
    expect(await h.say("35")).toContain("请回复“继续”或“放弃”");
    const dropped = await h.say("放弃");
    expect(dropped).toContain("已放弃之前的草稿（下营镇 2026年11月）");
    expect(dropped).toContain("1. 新建民宿：36户");
  });

  it("should go on with the open draft on 继续, keeping the new line out", async () => {
    const h = harness();
    await h.bindLiaison();
    await h.say("上报");
    await h.say("35");
    await h.say("上报 新建民宿 36户");
    const resumed = await h.say("继续");
    expect(resumed).toContain("您有一份未完成的填报，继续：");
    expect(resumed).toContain("第 2/6 项：在建民宿");
  });

  it("should ask 是/否 for an implausible figure of the line before the summary", async () => {
    const h = harness();
    await h.bindLiaison();
    await h.submissions.submit({
      taskId: "monthly-progress",
      period: "2026-10",
      township: "下营镇",
      entries: [{ field: "new-homestays", value: 30, unit: "户" }],
      by: { identity: "telegram:1001" },
      channel: "telegram",
      raw: "上报 新建民宿 30户",
      at: new Date("2026-10-20T02:00:00Z"),
      late: false,
    });
    const ask = await h.say("上报 新建民宿 350户 在建民宿 8户");
    expect(ask).toContain("请确认新建民宿填 350户");
    expect(ask).toContain("是上次（2026年10月）30户的11.7倍");
    const summary = await h.say("是");
    expect(summary).toContain("1. 新建民宿：350户\n2. 在建民宿：8户");
    await h.say("确认");
    expect(h.submissions.latest("2026-11", "下营镇", "new-homestays")?.value).toBe(350);
  });
});

describe("/as and an open draft", () => {
  it("names and drops the operator's open draft before acting as a township", async () => {
    const h = harness();
    expect(await h.say("上报", OPERATOR)).toContain("请选择");
    const acting = await h.say("/as 官庄镇", OPERATOR);
    expect(acting).toContain("已放弃之前的草稿（2026年11月）");
    const started = await h.say("上报", OPERATOR);
    expect(started).toContain("【官庄镇 2026年11月】第 1/6 项");
    expect(started).not.toContain("请选择");
  });

  it("does not echo a long paste back", async () => {
    const h = harness();
    const reply = await h.say(`/as ${"某".repeat(5000)}`, OPERATOR);
    expect(reply.length).toBeLessThan(80);
  });
});
