import { describe, expect, it } from "vitest";
import { ADMIN, harness, ROSTER, TASK, textOf, VIEWER, type Person } from "./harness.js";

/** 下营镇 reports three fields in two submissions, the office all six for 渔阳镇. */
async function reported() {
  const h = harness();
  await h.bindLiaison("下营镇");
  await h.say("上报 新建民宿 35户 在建民宿 8户");
  await h.say("确认");
  h.wait(30);
  await h.say("上报 设施农业 3亩");
  await h.say("确认");
  await h.say(
    "上报 渔阳镇 新建民宿 1 在建民宿 2 设施农业 3 生猪出栏 4 快递网点 5 黑臭水体 6",
    ADMIN,
  );
  await h.say("确认", ADMIN);
  return h;
}

/** What `who` reads in a group after asking `text`. */
async function inGroup(h: ReturnType<typeof harness>, text: string, who: Person = VIEWER) {
  return textOf(await h.send(text, who, true));
}

const DEADLINE = "截止 2026年11月25日（周三）17:00";

const XIAYING = [
  "下营镇 2026年11月已报 3/6 项：",
  "新建民宿 35户、在建民宿 8户",
  "由 张三 于 2026年11月20日 10:00 通过Telegram上报（回执 R202611-0001）",
  "设施农业 3亩",
  "由 张三 于 2026年11月20日 10:30 通过Telegram上报（回执 R202611-0002）",
  "未报：生猪出栏、新增村级快递网点、黑臭水体治理",
].join("\n");

const NOT_REPORTED = [
  "2026年11月未上报的乡镇 25 个（共 27 个）：",
  "文昌街道、洇溜镇、官庄镇、马伸桥镇",
  "邦均镇、别山镇、尤古庄镇、上仓镇",
  "下仓镇、罗庄子镇、白涧镇、侯家营镇",
  "桑梓镇、东施古镇、下窝头镇、杨津庄镇",
  "出头岭镇、西龙虎峪镇、穿芳峪镇、东二营镇",
  "许家台镇、礼明庄镇、东赵各庄镇、州河湾镇",
  "孙各庄满族乡",
  "另有 1 个乡镇部分已报：下营镇（缺 3 项）",
  DEADLINE,
].join("\n");

describe("has a township reported", () => {
  it("should list what it reported, by whom, when and the receipts, and what is missing", async () => {
    const h = await reported();
    expect(await h.say("下营镇报了吗", VIEWER)).toBe(XIAYING);
    for (const asked of [
      "下营报了没有",
      "下营镇这个月上报了没？",
      "下营镇报了哪些",
      "下营镇谁报的",
    ]) {
      expect(await h.say(asked, VIEWER)).toBe(XIAYING);
    }
    // As answers about one figure are, to everyone and in groups too.
    expect(await inGroup(h, "下营镇报了吗")).toBe(XIAYING);
  });

  it("should answer in the middle of a form, which waits", async () => {
    const h = await reported();
    await h.say("上报");
    const text = await h.say("官庄镇报了吗");
    expect(text).toBe(
      `官庄镇 2026年11月尚未上报，${DEADLINE}。\n---\n（您的填报还没有完成：回复数字继续填写，或发“取消”放弃。）`,
    );
    expect(await h.say("36")).toContain("第 2/6 项：在建民宿");
  });

  it("should say a township reported every field", async () => {
    const h = await reported();
    expect(await h.say("渔阳镇上报了没有", VIEWER)).toBe(
      [
        "渔阳镇 2026年11月已报齐 6 项：",
        "新建民宿 1户、在建民宿 2户、设施农业 3亩、生猪出栏 4头、新增村级快递网点 5个、黑臭水体治理 6处",
        "由 区办公室 于 2026年11月20日 10:30 通过企业微信上报（回执 R202611-0003）",
      ].join("\n"),
    );
  });

  it("should say a township has not reported, with the deadline and its last month", async () => {
    const h = await reported();
    expect(await h.say("官庄镇报了没有", VIEWER)).toBe(`官庄镇 2026年11月尚未上报，${DEADLINE}。`);
    expect(await h.say("下营镇10月报了吗")).toBe(
      "下营镇 2026年10月尚未上报，已过截止时间 2026年10月25日（周日）17:00。",
    );
    expect(await h.say("下营镇12月报了吗")).toBe(
      "下营镇 2026年12月尚未上报，截止 2026年12月25日（周五）17:00。\n上次上报：2026年11月",
    );
  });

  it("should answer about one figure when the question names it", async () => {
    const h = await reported();
    expect(await h.say("下营镇新建民宿报了没有")).toBe(
      [
        "下营镇 2026年11月 新建民宿：35户",
        "由 张三 于 2026年11月20日 10:00 通过Telegram上报（回执 R202611-0001）",
        "报告数（全区，2021年上半年）：29户",
      ].join("\n"),
    );
  });
});

describe("which townships have not reported", () => {
  it("should list them all in a private chat, a few a line, with who reported in part", async () => {
    const h = await reported();
    expect(await h.say("哪些乡镇还没报", VIEWER)).toBe(NOT_REPORTED);
    for (const asked of [
      "谁还没报",
      "还有哪些乡镇没有上报？",
      "没报的乡镇有哪些",
      "未报乡镇名单",
      "全区哪些乡镇还没报",
      "蓟州区目前还有几个乡镇没报",
    ]) {
      expect(await h.say(asked, ADMIN)).toMatch(
        /^(（接上一问：.*）\n)?2026年11月未上报的乡镇 25 个/,
      );
    }
  });

  it("should give the count and the first few names in a group", async () => {
    const h = await reported();
    expect(await inGroup(h, "哪些乡镇还没报")).toBe(
      "2026年11月未上报的乡镇 25 个（共 27 个）：文昌街道、洇溜镇、官庄镇、马伸桥镇、邦均镇等\n" +
        "私聊我可看完整名单。",
    );
  });

  it("should answer 没报齐, one field, and who has reported", async () => {
    const h = await reported();
    const incomplete = await h.say("哪些乡镇还没报齐");
    expect(incomplete).toMatch(/^2026年11月未报齐的乡镇 26 个（共 27 个）：\n文昌街道、/);
    expect(incomplete).toContain("\n其中部分已报：下营镇（缺 3 项）\n");
    const field = await h.say("哪些乡镇没报生猪出栏");
    expect(field).toMatch(/^2026年11月未上报生猪出栏的乡镇 26 个（共 27 个）：\n/);
    expect(field).toContain("\n下营镇、邦均镇、");
    expect(await h.say("哪些乡镇报了", VIEWER)).toBe(
      "2026年11月已上报的乡镇 2 个（共 27 个）：\n渔阳镇、下营镇\n其中未报齐：下营镇（缺 3 项）",
    );
    expect(await inGroup(h, "哪些乡镇报齐了")).toBe(
      "2026年11月已报齐的乡镇 1 个（共 27 个）：渔阳镇",
    );
  });

  it("should say when none or all have reported", async () => {
    const h = harness();
    expect(await h.say("哪些乡镇还没报", VIEWER)).toBe(
      `2026年11月还没有乡镇上报（共 27 个）。\n${DEADLINE}`,
    );
    expect(await inGroup(h, "谁还没报")).toBe("2026年11月还没有乡镇上报（共 27 个）。");
    for (const [i, township] of ROSTER.entries()) {
      const fields = i === 0 ? TASK.fields.slice(0, 1) : TASK.fields;
      await h.submissions.submit({
        taskId: TASK.id,
        period: "2026-11",
        township: township.name,
        entries: fields.map((f) => ({ field: f.key, value: 1, unit: f.unit })),
        by: { identity: "console:local" },
        channel: "console",
        raw: "上报",
        at: h.clock.now,
        late: false,
      });
    }
    expect(await h.say("哪些乡镇还没报", VIEWER)).toBe(
      "2026年11月 27 个乡镇都已上报。\n其中未报齐：文昌街道（缺 5 项）",
    );
    expect(await inGroup(h, "谁还没报")).toBe("2026年11月 27 个乡镇都已上报。\n其中 1 个未报齐。");
    expect(await h.say("10月哪些乡镇还没报", VIEWER)).toBe(
      "2026年10月还没有乡镇上报（共 27 个）。\n已过截止时间 2026年10月25日（周日）17:00",
    );
  });

  it("should leave other questions to the report", async () => {
    const h = await reported();
    expect(await h.say("未报")).not.toContain("2026年11月");
    expect(await h.say("到乡镇赶大集多少次")).toContain("到乡镇赶大集：20次");
    expect(await h.say("下营镇民宿总数")).not.toContain("2026年11月");
    expect(await h.say("下营镇开展了哪些创建")).not.toContain("2026年11月");
  });
});
