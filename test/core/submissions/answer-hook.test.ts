import { describe, expect, it } from "vitest";
import { ANSWERER, harness, STRANGER, TASK, VIEWER } from "./harness.js";

async function reported() {
  const h = harness();
  await h.bindLiaison("下营镇");
  await h.say("上报 新建民宿 35户");
  await h.say("确认");
  await h.bindLiaison("渔阳镇", STRANGER);
  h.wait(30);
  await h.say("上报 新建民宿 8户", STRANGER);
  await h.say("确认", STRANGER);
  return h;
}

describe("answers from submitted figures", () => {
  it("should answer a township's latest value with who and when, and the report figure", async () => {
    const h = await reported();
    expect(await h.say("下营镇新建民宿多少", VIEWER)).toBe(
      [
        "下营镇 2026年11月 新建民宿：35户",
        "由 张三 于 2026年11月20日 10:00 通过Telegram上报（回执 R202611-0001）",
        "报告数（全区，2021年上半年）：29户",
      ].join("\n"),
    );
    expect(await h.say("下营新建民宿是多少？")).toContain("下营镇 2026年11月 新建民宿：35户");
  });

  it("should say when a township has not reported, with its last value", async () => {
    const h = await reported();
    expect(await h.say("下营镇在建民宿几户")).toBe(
      "下营镇 2026年11月 尚未上报在建民宿。\n报告数（全区，2021年上半年）：50户",
    );
    expect(await h.say("下营镇12月新建民宿多少")).toContain(
      "下营镇 2026年12月 尚未上报新建民宿。\n上次（2026年11月）：35户",
    );
  });

  it("should sum the townships' figures of the month beside the report figure and its quote", async () => {
    const h = await reported();
    expect(await h.say("新建民宿多少", VIEWER)).toBe(
      [
        "新建民宿（2026年11月）",
        "报告数（全区，2021年上半年）：29户",
        "原文：“……已投入资金6570万元，完成新建民宿29户、在建民宿50户……”",
        "各乡镇本月已报合计 43 户（2/27 个乡镇已报）",
      ].join("\n"),
    );
  });

  it("should keep the report's completion rate beside its figure", async () => {
    const h = await reported();
    expect(await h.say("设施农业多少", VIEWER)).toBe(
      [
        "设施农业（2026年11月）",
        "报告数（全区，2021年上半年）：1.8万亩，年度任务完成率 60%",
        "原文：“……落实设施农业1.8万亩，年度任务完成率60%……”",
        "本月尚无乡镇上报",
      ].join("\n"),
    );
    expect(await h.say("生猪出栏多少头")).toContain(
      "报告数（全区，2021年上半年）：23.84万头，年度任务完成率 53%\n原文：“……出栏23.84万头，年度任务完成率53%……”",
    );
    expect(await h.say("黑臭水体多少处")).toContain(
      "报告数（全区，2021年上半年）：178处，完工率 100%",
    );
  });

  it("should stay short enough for a phone", async () => {
    const h = await reported();
    for (const field of TASK.fields) {
      const lines = (await h.say(`${field.label}多少`, VIEWER)).split("\n");
      expect(lines.length).toBeLessThanOrEqual(4);
      for (const line of lines) expect([...line].length).toBeLessThanOrEqual(45);
    }
  });

  it("should give no related figures when the answerer offers none", async () => {
    const h = harness({ answerer: { baselineOf: (names) => ANSWERER.baselineOf(names) } });
    expect(await h.say("设施农业多少", VIEWER)).toBe(
      [
        "设施农业（2026年11月）",
        "报告数（全区，2021年上半年）：1.8万亩",
        "原文：“……落实设施农业1.8万亩，年度任务完成率60%……”",
        "本月尚无乡镇上报",
      ].join("\n"),
    );
  });

  it("should still give the report figure when no township has reported", async () => {
    const h = harness();
    expect(await h.say("新建民宿多少", VIEWER)).toBe(
      [
        "新建民宿（2026年11月）",
        "报告数（全区，2021年上半年）：29户",
        "原文：“……已投入资金6570万元，完成新建民宿29户、在建民宿50户……”",
        "本月尚无乡镇上报",
      ].join("\n"),
    );
    expect(await h.say("设施农业有多少亩")).toContain("报告数（全区，2021年上半年）：1.8万亩");
    expect(await h.say("蓟州区生猪出栏多少头", VIEWER)).toContain("本月尚无乡镇上报");
  });

  it("should read a field named by part of its label or an alias, with a township", async () => {
    const h = await reported();
    expect(await h.say("下营镇民宿多少户", VIEWER)).toBe(
      [
        "下营镇 2026年11月：",
        "新建民宿 35户",
        "由 张三 于 2026年11月20日 10:00 通过Telegram上报（回执 R202611-0001）",
        "尚未上报：在建民宿",
        "报告数（全区，2021年上半年）：新建民宿 29户、在建民宿 50户",
      ].join("\n"),
    );
    expect(await h.say("渔阳民宿有多少？", VIEWER)).toBe(
      [
        "渔阳镇 2026年11月：",
        "新建民宿 8户",
        "由 路人 于 2026年11月20日 10:30 通过Telegram上报（回执 R202611-0002）",
        "尚未上报：在建民宿",
        "报告数（全区，2021年上半年）：新建民宿 29户、在建民宿 50户",
      ].join("\n"),
    );
    expect(await h.say("下营镇生猪多少头")).toBe(
      "下营镇 2026年11月 尚未上报生猪出栏。\n报告数（全区，2021年上半年）：23.84万头",
    );
    expect(await h.say("下营镇快递几个")).toMatch(/^下营镇 2026年11月 尚未上报新增村级快递网点。/);
    expect(await h.say("下营镇农家院多少户")).toMatch(/^下营镇 2026年11月 新建民宿：35户\n/);
  });

  it("should give the last values of several fields when none is reported this month", async () => {
    const h = await reported();
    expect(await h.say("下营镇12月民宿多少户")).toBe(
      [
        "下营镇 2026年12月 尚未上报新建民宿、在建民宿。",
        "上次（2026年11月）：新建民宿 35户",
        "报告数（全区，2021年上半年）：新建民宿 29户、在建民宿 50户",
      ].join("\n"),
    );
  });

  it("should leave a part of a name in another unit, or with other words, to the report", async () => {
    const h = await reported();
    expect(await h.say("下营镇民宿多少亩")).not.toContain("2026年11月");
    expect(await h.say("下营镇民宿总数")).not.toContain("2026年11月");
    expect(await h.say("下营镇多少")).not.toContain("2026年11月");
  });

  it("should leave questions that merely share words to the report", async () => {
    const h = await reported();
    expect(await h.say("设施农业项目备案多少")).toContain("设施农业项目备案：48宗");
    expect(await h.say("生猪出栏完成率")).toMatch(/^生猪出栏年度任务完成率：53%/);
    expect(await h.say("建成民宿总数")).toMatch(/^建成民宿总数：120户/);
    expect(await h.say("上半年新建民宿多少")).toMatch(/^新建民宿：29户\n（2021年上半年/);
    expect(await h.say("夏粮单产多少")).not.toContain("各乡镇");
  });
});
