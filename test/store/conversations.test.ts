// Conversation state in the store database: stale rows are forgotten, drafts and /as kept.
import { afterEach, describe, expect, it } from "vitest";
import { openConversationStore } from "../../src/store/db/conversations.js";
import { tempDirs } from "./fixtures.js";

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe("stale conversations", () => {
  it("are forgotten a day on unless they hold a draft or /as", async () => {
    const store = openConversationStore(dirs.make());
    const old = new Date("2026-11-01T00:00:00Z");
    store.put("a", { lastQuestion: { text: "新建民宿多少", at: old.toISOString() } }, old);
    store.put("b", { actingAs: "下营镇" }, old);
    store.put("c", { flow: { name: "submission", data: {}, updatedAt: old.toISOString() } }, old);
    store.put("d", { lastQuestion: { text: "夏粮", at: old.toISOString() } });
    expect(store.prune(new Date("2026-11-02T00:00:00Z"))).toBe(1);
    expect(store.get("a")).toEqual({});
    expect(store.get("b")).toEqual({ actingAs: "下营镇" });
    expect(store.withFlows()).toEqual(["c"]);
    expect(store.get("d").lastQuestion?.text).toBe("夏粮");
  });
});
