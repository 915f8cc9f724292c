import { describe, expect, it } from "vitest";
import { harness, STRANGER } from "./harness.js";

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
    expect(await h.say("下营镇新建民宿多少", STRANGER)).toBe(
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

  it("should sum the townships' figures of the month beside the report figure", async () => {
    const h = await reported();
    expect(await h.say("新建民宿多少")).toBe(
      [
        "新建民宿（2026年11月）",
        "报告数（全区，2021年上半年）：29户",
        "各乡镇本月已报合计 43 户（2/27 个乡镇已报）",
      ].join("\n"),
    );
  });

  it("should still give the report figure when no township has reported", async () => {
    const h = harness();
    expect(await h.say("新建民宿多少", STRANGER)).toBe(
      "新建民宿（2026年11月）\n报告数（全区，2021年上半年）：29户\n本月尚无乡镇上报",
    );
    expect(await h.say("设施农业有多少亩")).toContain("报告数（全区，2021年上半年）：1.8万亩");
    expect(await h.say("蓟州区生猪出栏多少头")).toContain("本月尚无乡镇上报");
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
