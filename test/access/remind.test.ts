// Issue 13, item 7: /remind with no one to remind says so and names the unbound townships.
import { describe, expect, it } from "vitest";
import type { RemindNow } from "../../src/core/submissions/index.js";
import { ADMIN, LIAISON, ROSTER, harness } from "../core/submissions/harness.js";

/** The reminders as /remind sees them: a message to each bound liaison of a missing township. */
function fakeReminders(liaisonsOf: () => Map<string, string[]>): RemindNow {
  return async () => {
    const items = [...liaisonsOf()].flatMap(([township, ids]) => ids.map(() => ({ township })));
    const reply = items.length
      ? `已提醒 ${items.length} 位联络员，并向办公室发送 0 条汇总。`
      : "全部乡镇均已填报，无需提醒。";
    return { items, recent: 0, reply };
  };
}

describe("/remind", () => {
  it("should say nobody could be reminded and name every unbound township", async () => {
    const h = harness({ remindNow: fakeReminders(() => new Map()) });
    const text = await h.say("/remind", ADMIN);
    expect(text).not.toContain("全部乡镇均已填报");
    expect(text).toContain("本月还有 27 个乡镇未报齐，但没有可以提醒的联络员，未发送提醒。");
    expect(text).toContain("以下 27 个未报齐的乡镇还没有绑定联络员，无法提醒：");
    for (const township of ROSTER) expect(text).toContain(township.name);
  });

  it("should remind the bound ones and name the rest", async () => {
    let bound = new Map<string, string[]>();
    const h = harness({ remindNow: fakeReminders(() => bound) });
    await h.bindLiaison("下营镇", LIAISON);
    bound = new Map([["下营镇", ["telegram:1001"]]]);
    const text = await h.say("/remind", ADMIN);
    expect(text).toContain("已提醒 1 位联络员");
    expect(text).toContain("以下 26 个未报齐的乡镇还没有绑定联络员");
    expect(text).not.toMatch(/无法提醒：[^。]*下营镇/);
  });

  it("should say everyone reported when everyone did", async () => {
    const h = harness({ remindNow: fakeReminders(() => new Map()) });
    const fields = "新建民宿 1 在建民宿 2 设施农业 3 生猪出栏 4 快递网点 5 黑臭水体 6";
    for (const township of ROSTER) {
      await h.say(`上报 ${township.name} ${fields}`, ADMIN);
      await h.say("确认", ADMIN);
    }
    expect(await h.say("/remind", ADMIN)).toBe("全部乡镇均已填报，无需提醒。");
  });

  it("should be for admins, in private", async () => {
    const h = harness({ remindNow: fakeReminders(() => new Map()) });
    expect(await h.say("/remind", LIAISON)).toBe("这个命令只有办公室管理员可以使用。");
    expect((await h.send("/remind", ADMIN, true))[0]?.text).toContain("请私聊我使用");
  });
});
