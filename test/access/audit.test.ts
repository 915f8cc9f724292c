// Issue 13, item 6: every admin action recorded with who and when; /audit lists the recent ones.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createRoles } from "../../src/core/access/roles.js";
import type { CommandSpec, Flow } from "../../src/core/engine.js";
import { openAuditLog, memorySqlAuditLog } from "../../src/store/db/audit.js";
import { closeAllDatabases } from "../../src/store/db/database.js";
import { realCore } from "../helpers/real-core.js";
import { ADMIN, LIAISON, STRANGER, VIEWER, harness, message } from "../core/submissions/harness.js";

describe("the audit log", () => {
  it("should record invites, binds, grants and unbinds with who and when, newest first", async () => {
    const h = harness();
    const invite = await h.say("/invite 下营镇 张三", ADMIN);
    const code = /\/bind ([A-Z0-9]{8})/.exec(invite)![1]!;
    await h.say(`/bind ${code}`, LIAISON);
    await h.say("/bind WRONGONE", STRANGER);
    await h.say("/grant wecom:deputy", ADMIN);
    h.wait(5);
    await h.say("/revoke wecom:deputy", ADMIN);
    await h.say("/unbind 下营镇", ADMIN);
    const entries = h.audit.recent(10);
    expect(entries.map((e) => [e.actor, e.role, e.action])).toEqual([
      ["wecom:office", "admin", "unbind"],
      ["wecom:office", "admin", "revoke"],
      ["wecom:office", "admin", "grant"],
      ["telegram:1001", "public", "bind"],
      ["wecom:office", "admin", "invite"],
    ]);
    // The code itself is not written down; the township is.
    expect(entries[3]?.detail).toContain("下营镇");
    expect(JSON.stringify(entries)).not.toContain(code);
    const text = await h.say("/audit", ADMIN);
    expect(text).toContain("最近 5 条管理操作（新的在前）：");
    expect(text).toContain("2026年11月20日 10:05 wecom:office（管理员）解除绑定：下营镇");
    expect(text).toContain("2026年11月20日 10:00 wecom:office（管理员）生成邀请码：下营镇 张三");
  });

  it("should be for admins only, in private", async () => {
    const h = harness();
    for (const who of [VIEWER, LIAISON, STRANGER]) {
      expect(await h.say("/audit", who)).toBe("这个命令只有办公室管理员可以使用。");
    }
    expect((await h.send("/audit", ADMIN, true))[0]?.text).toContain("请私聊我使用");
    expect(await h.say("/audit", ADMIN)).toBe("还没有记录任何管理操作。");
  });

  it("should record every admin command of other features and a report published", async () => {
    const audit = memorySqlAuditLog();
    const done = (text: string): CommandSpec => ({ adminOnly: true, run: () => [{ text }] });
    const publish: Flow = {
      name: "report-import",
      onMessage: async (context) => {
        context.conversation.flow = undefined;
        return [{ text: "已发布《2026年报告》" }];
      },
    };
    const core = realCore({
      roles: createRoles({ admins: ["wecom:office"] }),
      audit,
      commands: {
        remind: done("已提醒 3 位联络员"),
        teach: done("记住了"),
        forget: done("已忘记"),
        holidays: done("节假日"),
        export: done("已导出"),
        start: {
          run: (c) => {
            c.conversation.flow = {
              name: "report-import",
              data: {},
              updatedAt: c.now.toISOString(),
            };
            return [{ text: "预览" }];
          },
        },
      },
      flows: [publish],
    });
    const admin = { channel: "wecom" as const, userId: "office" };
    for (const text of [
      "/remind",
      "/teach 民宿=新建民宿",
      "/forget 民宿",
      "/holidays",
      "/holidays add 2027-01-01 元旦",
      "/export 2026年11月",
      "/start",
      "确认",
    ]) {
      await core.handle(message(text, admin));
    }
    expect(
      audit
        .recent(20)
        .map((e) => `${e.action}:${e.detail}`)
        .reverse(),
    ).toEqual([
      "remind:已提醒 3 位联络员",
      "teach:民宿=新建民宿",
      "forget:民宿",
      "holidays:add 2027-01-01 元旦",
      "export:2026年11月",
      "import:已发布《2026年报告》",
    ]);
  });

  it("should keep entries in the data folder's database across a restart", () => {
    const dir = mkdtempSync(join(tmpdir(), "audit-"));
    try {
      const at = new Date("2026-11-20T02:00:00Z");
      openAuditLog(dir).record({
        at,
        actor: "wecom:office",
        role: "admin",
        action: "export",
        detail: "",
      });
      closeAllDatabases();
      expect(openAuditLog(dir).recent(5)).toEqual([
        { at, actor: "wecom:office", role: "admin", action: "export", detail: "" },
      ]);
    } finally {
      closeAllDatabases();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
