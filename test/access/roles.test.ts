// Issue 13, item 2: roles stated once, /whoami, /grant and /revoke.
import { describe, expect, it } from "vitest";
import { createRoles } from "../../src/core/access/roles.js";
import { memoryViewerGrants } from "../../src/store/db/roles.js";
import {
  ADMIN,
  LIAISON,
  OPERATOR,
  STRANGER,
  VIEWER,
  harness,
} from "../core/submissions/harness.js";

describe("createRoles", () => {
  const bindings = { townshipOf: (id: string) => (id === "wecom:li" ? "下营镇" : undefined) };

  it("should name admins, viewers, liaisons and everyone else", () => {
    const roles = createRoles({
      admins: ["telegram:12345"],
      viewers: ["wecom:leader"],
      bindings,
    });
    expect(roles.accessOf("telegram:12345").role).toBe("admin");
    expect(roles.accessOf("console:local").role).toBe("admin");
    expect(roles.accessOf("wecom:leader").role).toBe("viewer");
    expect(roles.accessOf("wecom:li")).toEqual({ role: "liaison", township: "下营镇" });
    expect(roles.accessOf("telegram:2002")).toEqual({ role: "public" });
  });

  it("should give an anonymous sender no role, whatever the lists say", () => {
    const roles = createRoles({
      admins: ["telegram:anonymous"],
      viewers: ["telegram:anonymous"],
      bindings: { townshipOf: () => "下营镇" },
    });
    expect(roles.accessOf("telegram:anonymous")).toEqual({ role: "public" });
  });

  it("should take viewers granted in the store", async () => {
    const grants = memoryViewerGrants();
    const roles = createRoles({ grants });
    expect(roles.accessOf("wecom:new").role).toBe("public");
    await grants.grant("wecom:new", "wecom:office", new Date());
    expect(roles.accessOf("wecom:new").role).toBe("viewer");
  });
});

describe("/whoami", () => {
  it("should tell each role who they are and what they may do", async () => {
    const h = harness();
    await h.bindLiaison("下营镇");
    expect(await h.say("/whoami", ADMIN)).toContain("您的身份：管理员\n账号：wecom:office");
    expect(await h.say("/whoami", VIEWER)).toContain("您的身份：查看人（区领导）");
    expect(await h.say("/whoami", LIAISON)).toContain("您的身份：联络员（下营镇）");
    const stranger = await h.say("/whoami", STRANGER);
    expect(stranger).toContain("您的身份：普通用户");
    expect(stranger).toContain("/bind 邀请码");
    expect(await h.say("/whoami", OPERATOR)).toContain("您的身份：管理员");
  });
});

describe("/grant and /revoke", () => {
  const NEWCOMER = { channel: "wecom" as const, userId: "deputy" };

  it("should let an admin make someone a viewer and take it back, persisted", async () => {
    const h = harness();
    expect(await h.say("/whoami", NEWCOMER)).toContain("普通用户");
    expect(await h.say("/grant wecom:deputy", ADMIN)).toContain("已授予 wecom:deputy 查看权限");
    expect(h.grants.has("wecom:deputy")).toBe(true);
    expect(await h.say("/whoami", NEWCOMER)).toContain("查看人（区领导）");
    expect(await h.say("/grant wecom:deputy", ADMIN)).toContain("已有查看权限");
    expect(await h.say("/revoke wecom:deputy", ADMIN)).toContain("已收回 wecom:deputy 的查看权限");
    expect(await h.say("/whoami", NEWCOMER)).toContain("普通用户");
    expect(await h.say("/revoke wecom:deputy", ADMIN)).toContain("没有被授予查看权限");
  });

  it("should refuse everyone but admins, and bad identities, changing nothing", async () => {
    const h = harness();
    await h.bindLiaison("下营镇");
    for (const who of [VIEWER, LIAISON, STRANGER]) {
      expect(await h.say("/grant telegram:2002", who)).toBe("这个命令只有办公室管理员可以使用。");
    }
    for (const bad of ["", "zhangsan", "telegram:abc", "wecom:a b", "telegram:anonymous"]) {
      expect(await h.say(`/grant ${bad}`, ADMIN)).toContain("用法：/grant 身份");
    }
    expect(h.grants.list()).toEqual([]);
  });

  it("should not revoke a viewer of the configuration, and answer only in private", async () => {
    const h = harness();
    expect(await h.say("/revoke wecom:leader", ADMIN)).toContain("VIEWERS");
    expect(await h.say("/whoami", VIEWER)).toContain("查看人");
    const inGroup = await h.send("/grant wecom:deputy", ADMIN, true);
    expect(inGroup[0]?.text).toBe("这个命令会显示内部数据，请私聊我使用。");
    expect(h.grants.list()).toEqual([]);
  });
});
