import { describe, expect, it } from "vitest";
import {
  memorySubmissionStore,
  type SubmissionStore,
  type SubmitInput,
} from "../../../src/store/submissions.js";
import { harness, ROSTER, TASK, textOf } from "../submissions/harness.js";

/** A store whose writes wait until the test lets them finish (or fail). */
function gatedStore() {
  const inner = memorySubmissionStore({ tasks: [TASK], townships: ROSTER.map((t) => t.name) });
  const gates: { input: SubmitInput; open(): void; fail(error: Error): void }[] = [];
  const store: SubmissionStore = {
    ...inner,
    submit: (input) =>
      new Promise((resolve, reject) => {
        gates.push({
          input,
          open: () => resolve(inner.submit(input)),
          fail: (error) => reject(error),
        });
      }),
  };
  return { store, inner, gates };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("receipts", () => {
  it("should hand out the receipt only after the store has written the submission", async () => {
    const { store, inner, gates } = gatedStore();
    const h = harness({ submissions: store });
    await h.bindLiaison();
    await h.say("上报 新建民宿 35户");
    let answered = false;
    const replies = h.send("确认").then((r) => {
      answered = true;
      return r;
    });
    await tick();
    expect(gates).toHaveLength(1);
    expect(answered).toBe(false);
    expect(inner.entries("2026-11")).toEqual([]);

    gates[0]?.open();
    const text = textOf(await replies);
    expect(text).toContain("已提交，回执号 R202611-0001");
    expect(inner.latest("2026-11", "下营镇", "new-homestays")?.receipt).toBe("R202611-0001");
  });

  it("should keep the draft and say so when the write fails, and submit on the next 确认", async () => {
    const { store, gates } = gatedStore();
    const h = harness({ submissions: store });
    await h.bindLiaison();
    await h.say("上报 新建民宿 35户");
    const failed = h.say("确认");
    await tick();
    gates[0]?.fail(new Error("disk full"));
    const text = await failed;
    expect(text).toContain("提交没有成功，数据没有保存。请稍后回复“确认”重试。");
    expect(text).not.toContain("回执号");
    expect(text).toContain("1. 新建民宿：35户");

    const retried = h.say("确认");
    await tick();
    gates[1]?.open();
    expect(await retried).toContain("回执号 R202611-0001");
  });
});
