import { describe, expect, it } from "vitest";
import { harness, LIAISON, OPERATOR, STRANGER } from "./harness.js";

/** The code out of an /invite reply. */
function codeIn(text: string): string {
  const code = /\/bind ([A-Z0-9]{8})/.exec(text)?.[1];
  if (!code) throw new Error(`no invite code in: ${text}`);
  return code;
}

describe("invite, bind, whoami, unbind", () => {
  it("should bind a liaison with a one-time code an admin issued", async () => {
    const h = harness();
    const invite = await h.say("/invite 下营镇", OPERATOR);
    expect(invite).toContain("已为下营镇生成邀请码");
    expect(invite).toContain("2026年11月27日（周五）10:00");
    const code = codeIn(invite);

    expect(await h.say(`/bind ${code.toLowerCase()}`)).toContain(
      "绑定成功：您现在是下营镇的联络员",
    );
    expect(await h.say("/whoami")).toBe(
      "您的身份：联络员（下营镇）\n账号：telegram:1001\n绑定乡镇：下营镇\n可以填报并查看下营镇的数据：私聊我发送“上报”。",
    );
    expect(await h.say(`/bind ${code}`, STRANGER)).toContain("邀请码已被使用");
    expect(h.bindings.townshipOf("telegram:2002")).toBeUndefined();
  });

  it("should name a binding as the office named the invite, never by the display name", async () => {
    const h = harness();
    const invite = await h.say("/invite 渔阳镇 李四", OPERATOR);
    expect(invite).toContain("已为渔阳镇联络员李四生成邀请码");
    const odd = { channel: "telegram" as const, userId: "3003", userName: " 王\n五\u202e " };
    expect(await h.say(`/bind ${codeIn(invite)}`, odd)).toContain("绑定成功");
    expect(h.bindings.bindings()[0]).toMatchObject({ identity: "telegram:3003", name: "李四" });
    const unnamed = codeIn(await h.say("/invite 下营镇", OPERATOR));
    await h.say(`/bind ${unnamed}`, odd);
    expect(h.bindings.bindings()[0]).toEqual(
      expect.not.objectContaining({ name: expect.anything() }),
    );
    for (const bad of ["张三1", "a:b", "名字太长".repeat(6)]) {
      expect(await h.say(`/invite 渔阳镇 ${bad}`, OPERATOR)).toContain("联络员姓名应为");
    }
  });

  it("should refuse an expired code", async () => {
    const h = harness();
    const code = codeIn(await h.say("/invite 下营", OPERATOR));
    h.wait(7 * 24 * 60 + 1);
    expect(await h.say(`/bind ${code}`)).toContain("邀请码已过期");
  });

  it("should keep invites to admins in private chats", async () => {
    const h = harness();
    expect(await h.say("/invite 下营镇")).toBe("这个命令只有办公室管理员可以使用。");
    const inGroup = await h.send("/invite 下营镇", OPERATOR, true);
    expect(inGroup[0]?.text).toBe("这个命令会显示内部数据，请私聊我使用。");
    expect(await h.say("/invite 不存在镇", OPERATOR)).toContain("没有找到乡镇“不存在镇”");
    expect(await h.say("/invite", OPERATOR)).toContain("用法：/invite");
  });

  it("should unbind one identity or a whole township", async () => {
    const h = harness();
    await h.bindLiaison("下营镇");
    await h.bindLiaison("下营镇", STRANGER);
    expect(await h.say("/unbind telegram:1001", OPERATOR)).toBe(
      "已解除 telegram:1001 与下营镇的绑定。",
    );
    expect(await h.say("/whoami")).toContain("绑定乡镇：无");
    expect(await h.say("/unbind telegram:1001", OPERATOR)).toContain("没有绑定任何乡镇");
    expect(await h.say("/unbind 下营镇", OPERATOR)).toContain("已解除下营镇的 1 位联络员");
    expect(h.bindings.bindings()).toEqual([]);
    expect(await h.say("/unbind telegram:2002")).toBe("这个命令只有办公室管理员可以使用。");
  });

  it("should tell the console operator they are an admin who may report for any township", async () => {
    const h = harness();
    expect(await h.say("/whoami", OPERATOR)).toContain("您的身份：管理员\n账号：console:local");
    expect(await h.say("/whoami", OPERATOR)).toContain("可以为任何乡镇填报");
  });
});

describe("who may report", () => {
  it("should refuse someone bound to no township and store nothing", async () => {
    const h = harness();
    expect(await h.say("上报", STRANGER)).toContain("您还没有绑定乡镇，只能提问");
    expect(await h.say("上报 新建民宿 35户", STRANGER)).toContain("您还没有绑定乡镇");
    expect(h.submissions.entries("2026-11")).toEqual([]);
    expect(h.conversations.withFlows()).toEqual([]);
  });

  it("should point 上报 in a group to a private chat", async () => {
    const h = harness();
    await h.bindLiaison();
    const replies = await h.send("上报 新建民宿 35户", LIAISON, true);
    expect(replies).toEqual([{ text: "填报请私聊我进行，群里只回答问题。" }]);
    expect(h.conversations.withFlows()).toEqual([]);
  });

  it("should keep a liaison to their own township", async () => {
    const h = harness();
    await h.bindLiaison("下营镇");
    expect(await h.say("上报 渔阳镇 新建民宿 35户")).toBe("您只能填报下营镇的数据。");
    expect(await h.say("上报 下营镇 新建民宿 35户")).toContain("请核对 下营镇");
  });

  it("should let the console operator act as a township's liaison with /as", async () => {
    const h = harness();
    expect(await h.say("/as 下营", OPERATOR)).toContain("现在以下营镇联络员的身份操作");
    expect(await h.say("/whoami", OPERATOR)).toContain("正在以下营镇联络员身份操作");
    expect(await h.say("上报 渔阳镇 新建民宿 35户", OPERATOR)).toBe("您只能填报下营镇的数据。");
    expect(await h.say("上报", OPERATOR)).toContain("【下营镇 2026年11月】第 1/6 项");
    expect(await h.say("取消", OPERATOR)).toContain("已取消");
    expect(await h.say("/as", OPERATOR)).toBe("已恢复管理员身份。");
    expect(await h.say("/as 下营镇")).toBe("这个命令只有办公室管理员可以使用。");
  });

  it("should ask an admin which township first, offering every township as a choice", async () => {
    const h = harness();
    const [reply] = await h.send("上报", OPERATOR);
    expect(reply?.text).toContain("请选择要填报的乡镇");
    expect(reply?.choices).toHaveLength(27);
    expect(reply?.choices?.[5]).toEqual({ label: "下营镇", value: "下营镇" });
    // Typing the number picks the offered choice.
    expect(await h.say("6", OPERATOR)).toContain("【下营镇 2026年11月】第 1/6 项：新建民宿");
    expect(await h.say("上一步", OPERATOR)).toContain("请选择要填报的乡镇");
    expect(await h.say("渔阳", OPERATOR)).toContain("【渔阳镇 2026年11月】第 1/6 项");
  });
});
