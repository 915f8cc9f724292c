import { describe, expect, it } from "vitest";
import { harness, LIAISON } from "../submissions/harness.js";
import { implausibility } from "../../../src/core/forms/checks.js";

/** October's figures of 下营镇, so prompts have a last value. */
async function withOctober(h: ReturnType<typeof harness>) {
  await h.submissions.submit({
    taskId: "monthly-progress",
    period: "2026-10",
    township: "下营镇",
    entries: [
      { field: "new-homestays", value: 30, unit: "户" },
      { field: "facility-farming", value: 12000, unit: "亩" },
    ],
    by: { identity: "telegram:1001", name: "张三" },
    channel: "telegram",
    raw: "上报 新建民宿 30户 设施农业 1.2万亩",
    at: new Date("2026-10-20T02:00:00Z"),
    late: false,
  });
}

async function bound() {
  const h = harness();
  await h.bindLiaison();
  await withOctober(h);
  return h;
}

describe("guided form", () => {
  it("should ask each field with its unit, last value and baseline, then submit on 确认", async () => {
    const h = await bound();
    const first = await h.say("上报");
    expect(first).toContain(
      "开始填报“月度进度填报”2026年11月，共 6 项，截止 2026年11月25日（周三）17:00",
    );
    expect(first).toContain("【下营镇 2026年11月】第 1/6 项：新建民宿（户，整数，累计数）");
    expect(first).toContain("上次填报（2026年10月）：30户");
    expect(first).toContain("报告数（全区，2021年上半年）：29户");
    expect(first).toContain("可以回复：跳过、上一步、取消");

    expect(await h.say("35户")).toContain(
      "第 2/6 项：在建民宿（户，整数）\n报告数（全区，2021年上半年）：50户",
    );
    const third = await h.say("８");
    expect(third).toContain("第 3/6 项：设施农业（亩，累计数）");
    expect(third).toContain("上次填报（2026年10月）：12000亩");
    expect(third).toContain("报告数（全区，2021年上半年）：1.8万亩");
    expect(await h.say("1.25万亩")).toContain("第 4/6 项：生猪出栏（头，整数，累计数）");
    expect(await h.say("两千三百")).toContain("第 5/6 项：新增村级快递网点");
    expect(await h.say("三十五")).toContain("第 6/6 项：黑臭水体治理（处，整数，累计数）");
    const summary = await h.say("2处");
    expect(summary).toBe(
      [
        "请核对 下营镇 2026年11月“月度进度填报”：",
        "1. 新建民宿：35户",
        "2. 在建民宿：8户",
        "3. 设施农业：12500亩",
        "4. 生猪出栏：2300头",
        "5. 新增村级快递网点：35个",
        "6. 黑臭水体治理：2处",
        "回复“确认”提交，“修改 N”修改第 N 项，“取消”放弃。",
      ].join("\n"),
    );
    expect(h.submissions.entries("2026-11")).toEqual([]);

    const receipt = await h.say("确认");
    expect(receipt).toContain("已提交，回执号 R202611-0001（2026年11月20日 10:00）");
    expect(receipt).toContain("下营镇 2026年11月：新建民宿 35户、在建民宿 8户、设施农业 12500亩");
    const stored = h.submissions.entries("2026-11");
    expect(stored.map((e) => [e.field, e.value])).toEqual([
      ["new-homestays", 35],
      ["homestays-under-construction", 8],
      ["facility-farming", 12500],
      ["hogs-sold", 2300],
      ["village-express-points", 35],
      ["black-odorous-water", 2],
    ]);
    expect(stored[0]).toMatchObject({ township: "下营镇", channel: "telegram", late: false });
    expect(stored[0]?.by).toEqual({ identity: "telegram:1001", name: "张三" });
    expect(stored[0]?.raw).toContain("设施农业：1.25万亩");
    expect(h.conversations.withFlows()).toEqual([]);
  });

  it("should skip, go back and cancel", async () => {
    const h = await bound();
    await h.say("上报");
    expect(await h.say("上一步")).toContain("已经是第一项了。");
    expect(await h.say("跳过")).toContain("已跳过“新建民宿”。\n\n【下营镇 2026年11月】第 2/6 项");
    await h.say("8");
    expect(await h.say("上一步")).toContain("第 2/6 项：在建民宿");
    const back = await h.say("上一步");
    expect(back).toContain("第 1/6 项：新建民宿");
    expect(await h.say("取消")).toBe("已取消，草稿已丢弃，没有提交任何数据。");
    expect(h.conversations.withFlows()).toEqual([]);
    expect(h.submissions.entries("2026-11")).toEqual([]);
    expect(await h.say("取消")).toBe("当前没有正在填报的草稿。");
  });

  it("should list skipped fields as not reported and submit only the filled ones", async () => {
    const h = await bound();
    await h.say("上报");
    await h.say("35");
    for (let i = 0; i < 5; i++) await h.say("跳过");
    expect(await h.say("/whoami")).toContain("telegram:1001"); // other commands work mid-form
    // A bare 上报 names the open draft and asks; 继续 resumes it.
    expect(await h.say("上报")).toContain("您有一份未完成的填报（下营镇 2026年11月，已填 1 项）");
    const summary = await h.say("继续");
    expect(summary).toContain("您有一份未完成的填报，继续：");
    expect(summary).toContain("2. 在建民宿：未填（本次不报）");
    await h.say("确认");
    expect(h.submissions.entries("2026-11").map((e) => e.field)).toEqual(["new-homestays"]);
  });

  it("should re-ask the same question with a short reason for bad input, storing nothing", async () => {
    const h = await bound();
    await h.say("上报");
    for (const [input, reason] of [
      ["abc", "没看懂这个数字"],
      ["35吨", "单位不符：该项以“户”计，不能填“吨”"],
      ["3.5", "该项须为整数"],
      ["-3", "不能小于0户"],
      ["约35", "请填写确切数字，不要带“约”"],
      ["9999", "不能大于5000户"],
    ] as const) {
      const reply = await h.say(input);
      expect(reply).toContain(reason);
      expect(reply).toContain("第 1/6 项：新建民宿");
    }
    expect(h.submissions.entries("2026-11")).toEqual([]);
  });

  it("should convert compatible units and refuse others", async () => {
    const h = await bound();
    await h.say("上报");
    await h.say("跳过");
    await h.say("跳过");
    expect(await h.say("35户")).toContain("单位不符：该项以“亩”计，不能填“户”");
    expect(await h.say("百分之六十")).toContain("单位不符");
    expect(await h.say("1000公顷")).toContain("第 4/6 项");
    expect(await h.say("上一步")).toContain("当前填写：15000亩");
  });

  it("should check a figure against the township's own months, not the district's report", async () => {
    const h = harness();
    await h.bindLiaison();
    for (const [period, value] of [
      ["2026-08", 20],
      ["2026-09", 24],
      ["2026-10", 30],
    ] as const) {
      await h.submissions.submit({
        taskId: "monthly-progress",
        period,
        township: "下营镇",
        entries: [{ field: "new-homestays", value, unit: "户" }],
        by: { identity: "telegram:1001" },
        channel: "telegram",
        raw: `上报 新建民宿 ${value}户`,
        at: new Date(`${period}-20T02:00:00Z`),
        late: false,
      });
    }
    await h.say("上报");
    // Above the district's 2021 figure, within this township's own range: no question.
    expect(await h.say("45")).toContain("第 2/6 项");
    await h.say("上一步");
    const [ask] = await h.send("95");
    expect(ask?.text).toContain("95户远高于本镇近3次填报（20户–30户），上次（2026年10月）30户");
  });

  it("should take any figure in the first period with no history, asking nothing", async () => {
    const h = harness();
    await h.bindLiaison();
    await h.say("上报");
    expect(await h.say("350")).toContain("第 2/6 项");
  });

  it("should ask 是/否 for a tenfold jump and take the value only on 是", async () => {
    const h = await bound();
    await h.say("上报");
    const [ask] = await h.send("350");
    expect(ask?.text).toBe(
      "请确认新建民宿填 350户：\n" +
        "· 350户是上次（2026年10月）30户的11.7倍\n" +
        "回复“是”保留，“否”重新输入，也可以直接输入正确的数字。",
    );
    expect(ask?.choices).toEqual([
      { label: "是", value: "是" },
      { label: "否", value: "否" },
    ]);
    expect(await h.say("否")).toContain("好的，请重新输入。\n\n【下营镇 2026年11月】第 1/6 项");
    await h.say("350");
    expect(await h.say("1")).toContain("第 2/6 项"); // 1 picks the offered 是
    await h.say("上一步");
    expect(await h.say("上一步")).toContain("已经是第一项了");
  });

  it("should ask for a confirmation when a cumulative figure falls below last period", async () => {
    const h = await bound();
    await h.say("上报");
    expect(await h.say("20")).toContain("新建民宿是累计数，20户比上次（2026年10月）30户还少");
    // A new figure instead of 是/否 is read as the corrected value.
    expect(await h.say("36")).toContain("第 2/6 项");
    expect(await h.say("上一步")).toContain("当前填写：36户");
  });

  it("should change an item from the summary with 修改 N or its bare number", async () => {
    const h = await bound();
    await h.say("上报 新建民宿 35户");
    expect(await h.say("修改 9")).toContain("没有第 9 项");
    expect(await h.say("修改 2")).toContain("第 2/6 项：在建民宿");
    const summary = await h.say("8");
    expect(summary).toContain("1. 新建民宿：35户\n2. 在建民宿：8户");
    expect(await h.say("1")).toContain("当前填写：35户");
    expect(await h.say("40")).toContain("1. 新建民宿：40户");
    expect(await h.say("好吧")).toContain("请回复“确认”、“修改 N”或“取消”。");
    await h.say("提交");
    expect(h.submissions.latest("2026-11", "下营镇", "new-homestays")?.value).toBe(40);
    expect(h.submissions.latest("2026-11", "下营镇", "new-homestays")?.raw).toBe(
      "上报 新建民宿 35户；修改 在建民宿：8；修改 新建民宿：40",
    );
  });

  it("should refuse to submit an empty draft", async () => {
    const h = await bound();
    await h.say("上报");
    for (let i = 0; i < 6; i++) await h.say("跳过");
    expect(await h.say("确认")).toContain("还没有填写任何一项，无法提交");
    expect(h.submissions.periods()).toEqual(["2026-10"]);
  });

  it("should drop the draft when the liaison is unbound before confirming", async () => {
    const h = await bound();
    await h.say("上报 新建民宿 35户");
    await h.bindings.unbind("telegram:1001");
    expect(await h.say("确认")).toContain("您已不能填报下营镇的数据");
    expect(h.submissions.entries("2026-11")).toEqual([]);
  });
});

describe("late submissions", () => {
  it("should mark a submission after the 25th 17:00 as late and say so before and after", async () => {
    const h = harness({ now: new Date("2026-11-25T09:01:00Z") });
    await h.bindLiaison();
    const summary = await h.say("上报 新建民宿 35户");
    expect(summary).toContain(
      "注意：已过截止时间 2026年11月25日（周三）17:00，提交后将标记为逾期。",
    );
    expect(await h.say("确认")).toContain("本次提交已过截止时间，已标记为逾期。");
    expect(h.submissions.latest("2026-11", "下营镇", "new-homestays")?.late).toBe(true);
  });

  it("should take a submission at the deadline itself as on time", async () => {
    const h = harness({ now: new Date("2026-11-25T09:00:00Z") });
    await h.bindLiaison();
    await h.say("上报 新建民宿 35户");
    expect(await h.say("确认")).not.toContain("逾期");
    expect(h.submissions.latest("2026-11", "下营镇", "new-homestays")?.late).toBe(false);
  });

  it("should move a draft begun on the last evening of a month into the new month", async () => {
    const h = harness({ now: new Date("2026-11-30T15:50:00Z") });
    await h.bindLiaison();
    await h.say("上报 新建民宿 35户");
    h.wait(15);
    expect(await h.say("确认")).toContain("已进入新的月份，本次填报改为 2026年12月");
    expect(await h.say("确认", LIAISON)).toContain("回执号 R202612-0001");
  });
});

describe("the district figure as an upper bound", () => {
  const field = {
    key: "new-homestays",
    label: "新建民宿",
    unit: "户",
    integer: true,
    cumulative: true,
    min: 0,
    aliases: [],
  };
  const baseline = { text: "29户", value: 29, period: "2026年上半年", area: "全区" };

  it("flags a township above the district total of the same year only", () => {
    expect(implausibility(35, field as never, { baseline }, "2026-11")).toEqual([
      "35户超过了报告中全区合计29户",
    ]);
    expect(implausibility(28, field as never, { baseline }, "2026-11")).toEqual([]);
    expect(implausibility(35, field as never, { baseline }, "2027-01")).toEqual([]);
  });
});
