// Issue 13, item 5: guessing invite codes stopped.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BIND_LIMITS, createBindGuard } from "../../src/core/access/bind-guard.js";
import { sqlBindFailures } from "../../src/store/db/bind-failures.js";
import { closeAllDatabases, memoryDatabase, openDatabase } from "../../src/store/db/database.js";
import { ADMIN, STRANGER, harness, type Person } from "../core/submissions/harness.js";

const AT = new Date("2026-11-20T02:00:00Z");
const minutes = (n: number) => new Date(AT.getTime() + n * 60_000);

describe("/bind with wrong codes", () => {
  it("should allow 5 wrong codes an hour, then cool down even for the right code", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const h = harness();
    const invite = await h.say("/invite 下营镇", ADMIN);
    const code = /\/bind ([A-Z0-9]{8})/.exec(invite)![1]!;
    const replies: string[] = [];
    for (let i = 0; i < BIND_LIMITS.perPerson; i++) {
      replies.push(await h.say(`/bind ZZZZZZ${i + 2}2`, STRANGER));
    }
    expect(replies[0]).toBe("邀请码无效，请核对后重新输入（字母不区分大小写）。");
    expect(replies[3]).toContain("1 小时内还可再试 1 次");
    expect(replies[4]).toContain("已达 1 小时内的尝试上限");
    const refused = await h.say(`/bind ${code}`, STRANGER);
    expect(refused).toContain("邀请码输错次数过多");
    expect(refused).toContain("60 分钟后再试");
    expect(h.bindings.townshipOf("telegram:2002")).toBeUndefined();
    // An hour after the first wrong code, one more try is allowed: the right code binds.
    h.wait(60);
    expect(await h.say(`/bind ${code}`, STRANGER)).toContain("绑定成功");
    // Logged once, then counted (throttled).
    const lines = warn.mock.calls.map((c) => String(c[0]));
    expect(lines.filter((l) => l.includes("wrong invite code from telegram:2002"))).toHaveLength(1);
    warn.mockRestore();
  });

  it("should count per person: another person may still try", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const h = harness();
    for (let i = 0; i < 6; i++) await h.say(`/bind WRONG${i}`, STRANGER);
    const other: Person = { channel: "wecom", userId: "newcomer" };
    expect(await h.say("/bind WRONGCODE", other)).toContain("邀请码无效");
    vi.restoreAllMocks();
  });

  it("should not count a used or expired code as a guess", async () => {
    const h = harness();
    const code = /\/bind ([A-Z0-9]{8})/.exec(await h.say("/invite 下营镇", ADMIN))![1]!;
    await h.say(`/bind ${code}`, { channel: "wecom", userId: "first" });
    for (let i = 0; i < 7; i++) {
      expect(await h.say(`/bind ${code}`, STRANGER)).toContain("邀请码已被使用");
    }
  });
});

describe("createBindGuard", () => {
  it("should tell the office once an hour when wrong codes across people pass 50", async () => {
    const alerts: string[] = [];
    const guard = createBindGuard({
      failures: sqlBindFailures(memoryDatabase()),
      alertOffice: async (text) => void alerts.push(text),
      error: () => undefined,
    });
    for (let i = 0; i < BIND_LIMITS.alertAt; i++)
      await guard.wrong(`telegram:${i}`, minutes(i % 50));
    expect(alerts).toEqual([]);
    await guard.wrong("telegram:999", minutes(50));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toContain("过去 1 小时内有 51 次错误的邀请码尝试（来自 51 个账号）");
    await guard.wrong("telegram:1000", minutes(51));
    expect(alerts).toHaveLength(1);
  });

  it("should keep a cool-down across a restart (counts in the store database)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bind-guard-"));
    try {
      const first = createBindGuard({ failures: sqlBindFailures(openDatabase(dir)) });
      for (let i = 0; i < BIND_LIMITS.perPerson; i++) await first.wrong("telegram:7", minutes(i));
      closeAllDatabases();
      const again = createBindGuard({ failures: sqlBindFailures(openDatabase(dir)) });
      expect(again.refusal("telegram:7", minutes(10))).toContain("50 分钟后再试");
      expect(again.refusal("telegram:8", minutes(10))).toBeUndefined();
      expect(again.refusal("telegram:7", minutes(61))).toBeUndefined();
    } finally {
      closeAllDatabases();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

afterEach(() => vi.restoreAllMocks());
