// Issue 13, item 3: townships' submitted figures, who reported and receipts go to admins,
// viewers and that township's liaison; everyone else reads the report's figure and why.
import { describe, expect, it } from "vitest";
import {
  ADMIN,
  LIAISON,
  STRANGER,
  VIEWER,
  harness,
  type Person,
} from "../core/submissions/harness.js";

const OTHER_LIAISON: Person = { channel: "wecom", userId: "yuyang" };
const ANONYMOUS: Person = { channel: "telegram", userId: "anonymous" };

/** 下营镇's liaison (bound by /bind, no name given with the invite) reports 35户. */
async function reported() {
  const h = harness();
  await h.bindLiaison("渔阳镇", OTHER_LIAISON);
  const invite = await h.say("/invite 下营镇", ADMIN);
  const code = /\/bind ([A-Z0-9]{8})/.exec(invite)![1]!;
  expect(await h.say(`/bind ${code}`, LIAISON)).toContain("绑定成功");
  await h.say("上报 新建民宿 35户", LIAISON);
  expect(await h.say("确认", LIAISON)).toContain("R202611-0001");
  return h;
}

const SECRETS = ["35户", "R202611", "telegram:1001", "张三", "1001"];

describe("a township's submitted figure", () => {
  it("should be withheld from a stranger, who reads the report's figure and why", async () => {
    const h = await reported();
    for (const question of ["下营镇新建民宿多少", "新建民宿多少", "下营镇民宿多少户"]) {
      const text = await h.say(question, STRANGER);
      for (const secret of SECRETS) expect(text, question).not.toContain(secret);
      expect(text, question).toContain("报告数（全区，2021年上半年）：29户");
      expect(text, question).toContain("乡镇上报的数字只向登记用户");
    }
  });

  it("should be withheld from another township's liaison", async () => {
    const h = await reported();
    const text = await h.say("下营镇新建民宿多少", OTHER_LIAISON);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(text).toContain("您可以查看渔阳镇上报的数字");
    // Nor the townships' sum, which is made of other townships' figures.
    expect(await h.say("新建民宿多少", OTHER_LIAISON)).not.toContain("已报合计");
  });

  it("should be withheld from an anonymous group admin, even in a group", async () => {
    const h = await reported();
    const text = (await h.send("下营镇新建民宿多少", ANONYMOUS, true)).map((r) => r.text).join();
    for (const secret of SECRETS) expect(text).not.toContain(secret);
  });

  it("should be shown to the township's liaison, a viewer and an admin, named neutrally", async () => {
    const h = await reported();
    for (const who of [LIAISON, VIEWER, ADMIN]) {
      const text = await h.say("下营镇新建民宿多少", who);
      expect(text).toContain("下营镇 2026年11月 新建民宿：35户");
      expect(text).toContain("回执 R202611-0001");
      // No name came with the invite: a neutral label, not the platform id or display name.
      expect(text).toContain("由 联络员 于");
      expect(text).not.toContain("telegram:1001");
      expect(text).not.toContain("张三");
    }
    expect(await h.say("新建民宿多少", VIEWER)).toContain("各乡镇本月已报合计 35 户");
  });

  it("should name the submitter as the office named the invite", async () => {
    const h = harness();
    const invite = await h.say("/invite 下营镇 李四", ADMIN);
    await h.say(`/bind ${/\/bind ([A-Z0-9]{8})/.exec(invite)![1]!}`, LIAISON);
    await h.say("上报 新建民宿 35户", LIAISON);
    await h.say("确认", LIAISON);
    expect(await h.say("下营镇新建民宿多少", VIEWER)).toContain("由 李四 于");
  });

  it("should sign an admin's submission as the office", async () => {
    const h = harness();
    await h.say("上报 下营镇 新建民宿 12户", ADMIN);
    await h.say("确认", ADMIN);
    const text = await h.say("下营镇新建民宿多少", VIEWER);
    expect(text).toContain("12户");
    expect(text).toContain("由 区办公室 于");
    expect(text).not.toContain("wecom:office");
  });
});

describe("who has reported", () => {
  it("should be for registered users only", async () => {
    const h = await reported();
    expect(await h.say("哪些乡镇还没报", STRANGER)).toContain("只向登记用户");
    expect(await h.say("下营镇报了吗", STRANGER)).toContain("只向登记用户");
    expect(await h.say("哪些乡镇还没报", OTHER_LIAISON)).toContain("未上报的乡镇 26 个");
  });

  it("should tell another township's liaison what was reported, without figures", async () => {
    const h = await reported();
    const text = await h.say("下营镇报了吗", OTHER_LIAISON);
    expect(text).toContain("下营镇 2026年11月已报 1/6 项。");
    expect(text).toContain("已报：新建民宿");
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(await h.say("下营镇报了吗", VIEWER)).toContain("回执 R202611-0001");
  });
});
