// Issue 13, item 4: commands that show data answer in groups with a pointer to the private chat,
// whoever asks, and replies outside the terminal show no server paths.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createRoles } from "../../src/core/access/roles.js";
import { PRIVATE_DATA_COMMANDS } from "../../src/core/access/policy.js";
import type { CommandSpec } from "../../src/core/engine.js";
import { realCore } from "../helpers/real-core.js";
import { ADMIN, LIAISON, OPERATOR, harness, message } from "../core/submissions/harness.js";

const POINTER = "这个命令会显示内部数据，请私聊我使用。";
const COMMANDS = [
  "/export",
  "/status",
  "/unbind 下营镇",
  "/invite 下营镇",
  "/remind",
  "/reports",
  "/unanswered",
  "/lessons",
  "/audit",
  "/grant wecom:x",
  "/revoke wecom:x",
];

describe("admin commands in a group", () => {
  it("should name every data command of the issue", () => {
    for (const command of COMMANDS) {
      expect(PRIVATE_DATA_COMMANDS.has(command.slice(1).split(" ")[0]!)).toBe(true);
    }
  });

  it("should answer each with a pointer to the private chat, running nothing", async () => {
    const ran: string[] = [];
    const secret = (name: string): CommandSpec => ({
      adminOnly: true,
      run: () => {
        ran.push(name);
        return [{ text: `内部 /srv/data/${name}`, file: { path: `/srv/${name}.xlsx`, name } }];
      },
    });
    const names = COMMANDS.map((c) => c.slice(1).split(" ")[0]!);
    const core = realCore({
      roles: createRoles({ admins: ["telegram:12345"] }),
      commands: Object.fromEntries(names.map((n) => [n, secret(n)])),
    });
    const admin = { channel: "telegram" as const, userId: "12345" };
    for (const command of COMMANDS) {
      const replies = await core.handle(message(command, admin, true));
      expect(replies, command).toEqual([{ text: POINTER }]);
    }
    expect(ran).toEqual([]);
    // The same commands work in the admin's private chat.
    const inPrivate = await core.handle(message("/export", admin));
    expect(inPrivate[0]?.file?.name).toBe("export");
  });
});

describe("/export outside the terminal", () => {
  let dir = "";
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("should send the workbook and name no server path", async () => {
    dir = mkdtempSync(join(tmpdir(), "export-paths-"));
    const h = harness({ exportDir: dir });
    await h.bindLiaison("下营镇");
    await h.say("上报 新建民宿 35户", LIAISON);
    await h.say("确认", LIAISON);
    const [reply] = await h.send("/export", ADMIN);
    expect(reply?.file?.name).toBe("monthly-progress-2026-11.xlsx");
    expect(reply?.text).toContain("CSV 已另存于服务器");
    expect(reply?.text).not.toContain(dir);
    expect(reply?.text).not.toMatch(/[/\\]/);
    // The terminal operator, on the server itself, reads where the CSV is.
    const [local] = await h.send("/export", OPERATOR);
    expect(local?.text).toContain(join(dir, "exports"));
  });

  it("should send no file to a group", async () => {
    dir = mkdtempSync(join(tmpdir(), "export-group-"));
    const h = harness({ exportDir: dir });
    const replies = await h.send("/export", ADMIN, true);
    expect(replies).toEqual([{ text: POINTER }]);
  });
});
