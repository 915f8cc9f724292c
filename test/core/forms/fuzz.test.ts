import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { loadCommandIntents } from "../../../src/core/intents.js";
import { memorySubmissionStore } from "../../../src/store/submissions.js";
import { harness, LIAISON, OPERATOR, STRANGER, TASK } from "../submissions/harness.js";

const APOLOGY = loadCommandIntents().texts.apology;
const exportDir = mkdtempSync(join(tmpdir(), "fuzz-export-"));
afterAll(() => rmSync(exportDir, { recursive: true, force: true }));

// prettier-ignore
const STARTS = [
  "上报", "/report", "填报", "上报 新建民宿 35户", "上报 新建民宿 350户 在建民宿 8户",
  "上报 下营镇 设施农业 1.2万亩", "上报 渔阳镇 生猪出栏 两千三百", "上报 新建民宿 35吨", "上报 下营镇",
];
// prettier-ignore
const VALUES = [
  "35", "35户", "３５", "1.2万", "1.2万亩", "三十五", "两千三百", "百分之六十", "60%", "35吨", "-1",
  "99999999", "3.5", "0", "abc", "5000", "下营镇",
];
const CONTROLS = [
  "确认",
  "确认",
  "是",
  "否",
  "跳过",
  "跳过",
  "上一步",
  "修改 2",
  "修改 9",
  "1",
  "2",
];
// prettier-ignore
const OTHERS = [
  "取消", "/cancel", "27", "/as 下营镇", "/as", "/whoami", "/status", "新建民宿多少",
  "下营镇新建民宿多少", "/export",
];
const CHARS = [
  ..."0123456789.-%万千百十两三亩户头个处吨跳过上一步取消是否确认修改报新建民宿下营镇 ",
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...STARTS) },
  { weight: 6, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 6, arbitrary: fc.constantFrom(...CONTROLS) },
  { weight: 1, arbitrary: fc.constantFrom(...OTHERS) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const step = fc.record({
  who: fc.oneof(
    { weight: 6, arbitrary: fc.constant(LIAISON) },
    { weight: 2, arbitrary: fc.constant(OPERATOR) },
    { weight: 1, arbitrary: fc.constant(STRANGER) },
  ),
  text,
  wait: fc.oneof(
    { weight: 20, arbitrary: fc.constant(0) },
    fc.constantFrom(1, 29, 31, 60 * 24 * 6),
  ),
  expire: fc.boolean(),
});
/** A session: someone starts a report, anything follows, and they may end with 确认. */
const session = fc
  .tuple(step, fc.constantFrom(...STARTS), fc.array(step, { maxLength: 10 }), fc.boolean())
  .map(([first, start, rest, confirm]) => [
    { ...first, text: start },
    ...rest,
    ...(confirm ? [{ ...first, text: "确认", wait: 0 }] : []),
  ]);
const sessions = fc.array(session, { minLength: 1, maxLength: 4 }).map((list) => list.flat());

/** True when every stored version of every figure fits its field. */
function allValid(store: ReturnType<typeof memorySubmissionStore>): boolean {
  return store.periods().every((period) =>
    TASK.fields.every((field) =>
      ["下营镇", "渔阳镇"].every((township) =>
        store.history(period, township, field.key).every((v) => {
          const inBounds = v.value >= field.min && v.value <= (field.max ?? Infinity);
          return v.unit === field.unit && inBounds && (!field.integer || Number.isInteger(v.value));
        }),
      ),
    ),
  );
}

describe("the conversation under random input", () => {
  it("should never crash and never store an invalid value", async () => {
    await fc.assert(
      fc.asyncProperty(sessions, async (steps) => {
        // No task rules in the store: an invalid value would be stored, not refused.
        const submissions = memorySubmissionStore();
        const h = harness({ submissions, exportDir });
        await h.bindLiaison();
        for (const s of steps) {
          h.wait(s.wait);
          if (s.expire) await h.feature.expireIdle(h.clock.now);
          const replies = await h.send(s.text, s.who);
          for (const reply of replies) {
            expect(reply.text).not.toBe(APOLOGY);
            expect(reply.text).not.toContain("提交没有成功");
          }
        }
        expect(allValid(submissions)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
