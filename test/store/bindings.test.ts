import { afterEach, describe, expect, it } from "vitest";
import {
  BIND_ERRORS,
  INVITE_ALPHABET,
  memoryBindingStore,
  openBindingStore,
} from "../../src/store/bindings.js";
import { StoreInputError } from "../../src/store/input-error.js";
import { closeAllDatabases } from "../../src/store/db/database.js";
import { tempDirs } from "./fixtures.js";

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const NOW = new Date("2026-11-01T01:00:00Z");
const DAY = 24 * 60 * 60 * 1000;
const later = (days: number) => new Date(NOW.getTime() + days * DAY);
const OFFICE = "console:local";

describe("createInvite", () => {
  it("should hand out distinct codes from the unambiguous alphabet, valid 7 days", async () => {
    const store = memoryBindingStore();
    const codes = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const invite = await store.createInvite("下营镇", OFFICE, NOW);
      expect(invite.code).toMatch(new RegExp(`^[${INVITE_ALPHABET}]{6,8}$`));
      expect(invite.expiresAt).toEqual(later(7));
      codes.add(invite.code);
    }
    expect(codes.size).toBe(50);
    expect(INVITE_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it("should refuse a township that is not on the roster", async () => {
    const store = memoryBindingStore({ townships: ["下营镇"] });
    await expect(store.createInvite("北京市", OFFICE, NOW)).rejects.toThrow(StoreInputError);
  });
});

describe("bind", () => {
  it("should bind an identity with a code typed in lower case with spaces", async () => {
    const store = memoryBindingStore();
    const { code } = await store.createInvite("下营镇", OFFICE, NOW);
    const typed = ` ${code.slice(0, 4).toLowerCase()} ${code.slice(4)} `;
    expect(await store.bind(typed, "wecom:zhangsan", " 张三 ", later(1))).toEqual({
      ok: true,
      township: "下营镇",
    });
    expect(store.townshipOf("wecom:zhangsan")).toBe("下营镇");
    expect(store.liaisonsOf("下营镇")).toEqual(["wecom:zhangsan"]);
    expect(store.bindings()).toEqual([
      { identity: "wecom:zhangsan", township: "下营镇", name: "张三", boundAt: later(1) },
    ]);
  });

  it("should say 邀请码无效 for an unknown code", async () => {
    const store = memoryBindingStore();
    const result = await store.bind("ABCDEFGH", "wecom:zhangsan", undefined, NOW);
    expect(result).toEqual({ ok: false, error: BIND_ERRORS.invalid, reason: "invalid" });
    expect(BIND_ERRORS.invalid).toMatch(/^邀请码无效/);
  });

  it("should say 已过期 after 7 days", async () => {
    const store = memoryBindingStore();
    const { code } = await store.createInvite("下营镇", OFFICE, NOW);
    const result = await store.bind(
      code,
      "wecom:zhangsan",
      undefined,
      new Date(later(7).getTime() + 1),
    );
    expect(result).toEqual({ ok: false, error: BIND_ERRORS.expired, reason: "expired" });
    expect(BIND_ERRORS.expired).toContain("已过期");
    expect(store.townshipOf("wecom:zhangsan")).toBeUndefined();
  });

  it("should say 已被使用 when someone else redeems a spent code, and accept a retry", async () => {
    const store = memoryBindingStore();
    const { code } = await store.createInvite("下营镇", OFFICE, NOW);
    await store.bind(code, "wecom:zhangsan", undefined, NOW);
    expect(await store.bind(code, "telegram:42", undefined, NOW)).toEqual({
      ok: false,
      error: BIND_ERRORS.used,
      reason: "used",
    });
    expect(BIND_ERRORS.used).toContain("已被使用");
    expect(await store.bind(code, "wecom:zhangsan", undefined, NOW)).toEqual({
      ok: true,
      township: "下营镇",
    });
  });

  it("should let only one of two concurrent redemptions of a code win", async () => {
    const store = memoryBindingStore();
    const { code } = await store.createInvite("下营镇", OFFICE, NOW);
    const results = await Promise.all([
      store.bind(code, "wecom:a", undefined, NOW),
      store.bind(code, "wecom:b", undefined, NOW),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(store.liaisonsOf("下营镇")).toHaveLength(1);
  });

  it("should move an identity bound elsewhere to the new township", async () => {
    const store = memoryBindingStore();
    const first = await store.createInvite("下营镇", OFFICE, NOW);
    const second = await store.createInvite("渔阳镇", OFFICE, NOW);
    await store.bind(first.code, "wecom:zhangsan", "张三", NOW);
    await store.bind(second.code, "wecom:zhangsan", undefined, later(1));
    expect(store.townshipOf("wecom:zhangsan")).toBe("渔阳镇");
    expect(store.liaisonsOf("下营镇")).toEqual([]);
    expect(store.bindings()).toHaveLength(1);
  });

  it("should keep several liaisons for one township", async () => {
    const store = memoryBindingStore();
    for (const who of ["wecom:a", "telegram:1"]) {
      const { code } = await store.createInvite("下营镇", OFFICE, NOW);
      await store.bind(code, who, undefined, NOW);
    }
    expect(store.liaisonsOf("下营镇")).toEqual(["wecom:a", "telegram:1"]);
  });

  it("should tidy a profile name instead of refusing it", async () => {
    const store = memoryBindingStore();
    const { code } = await store.createInvite("下营镇", OFFICE, NOW);
    await store.bind(code, "telegram:42", "\u202e张三\n（下营）\u200b", NOW);
    expect(store.bindings()[0]?.name).toBe("张三 （下营）");
  });

  it("should forget invites spent or expired for 90 days", async () => {
    const store = memoryBindingStore();
    const old = await store.createInvite("下营镇", OFFICE, NOW);
    await store.createInvite("渔阳镇", OFFICE, later(7 + 91));
    expect(await store.bind(old.code, "wecom:zhangsan", undefined, later(100))).toEqual({
      ok: false,
      error: BIND_ERRORS.invalid,
      reason: "invalid",
    });
  });

  it("should refuse a malformed identity with a named error", async () => {
    const store = memoryBindingStore();
    const { code } = await store.createInvite("下营镇", OFFICE, NOW);
    await expect(store.bind(code, "zhangsan", undefined, NOW)).rejects.toThrow(StoreInputError);
    expect(store.bindings()).toEqual([]);
  });
});

describe("unbind", () => {
  it("should remove a binding and report whether there was one", async () => {
    const store = memoryBindingStore();
    const { code } = await store.createInvite("下营镇", OFFICE, NOW);
    await store.bind(code, "wecom:zhangsan", undefined, NOW);
    expect(await store.unbind("wecom:zhangsan")).toBe(true);
    expect(await store.unbind("wecom:zhangsan")).toBe(false);
    expect(store.townshipOf("wecom:zhangsan")).toBeUndefined();
  });
});

describe("openBindingStore", () => {
  it("should keep bindings across a restart", async () => {
    const dir = dirs.make();
    const store = openBindingStore(dir);
    const { code } = await store.createInvite("下营镇", OFFICE, NOW);
    await store.bind(code, "wecom:zhangsan", "张三", NOW);
    closeAllDatabases();
    const reopened = openBindingStore(dir);
    expect(reopened.townshipOf("wecom:zhangsan")).toBe("下营镇");
    expect(await reopened.bind(code, "wecom:lisi", undefined, NOW)).toMatchObject({ ok: false });
  });
});
