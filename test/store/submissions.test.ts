import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StoreInputError } from "../../src/store/input-error.js";
import { closeAllDatabases } from "../../src/store/db/database.js";
import {
  createSubmissionStore,
  memorySubmissionStore,
  type SubmissionStore,
} from "../../src/store/submissions.js";
import { TASK, submission, tempDirs } from "./fixtures.js";

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const stores: [string, () => SubmissionStore][] = [
  ["memory", () => memorySubmissionStore()],
  ["disk", () => createSubmissionStore({ dir: dirs.make() })],
];

describe.each(stores)("a %s submission store", (_, make) => {
  it("should number receipts per period", async () => {
    const store = make();
    const first = await store.submit(submission());
    const second = await store.submit(submission({ township: "渔阳镇" }));
    const december = await store.submit(submission({ period: "2026-12" }));
    expect([first.receipt, second.receipt, december.receipt]).toEqual([
      "R202611-0001",
      "R202611-0002",
      "R202612-0001",
    ]);
    expect(first.at).toEqual(submission().at);
    expect(store.submission("r202611-0002")?.township).toBe("渔阳镇");
    expect(store.periods()).toEqual(["2026-11", "2026-12"]);
  });

  it("should keep every version of a corrected figure and show the latest", async () => {
    const store = make();
    await store.submit(submission());
    const fix = await store.submit(
      submission({
        entries: [{ field: "new-homestays", value: 36, unit: "户" }],
        by: { identity: "telegram:42" },
        channel: "telegram",
        raw: "更正：新建民宿36户",
        at: new Date("2026-11-21T02:00:00Z"),
      }),
    );
    expect(store.latest("2026-11", "下营镇", "new-homestays")).toMatchObject({
      value: 36,
      receipt: fix.receipt,
      by: { identity: "telegram:42" },
    });
    const history = store.history("2026-11", "下营镇", "new-homestays");
    expect(history.map((v) => [v.value, v.by.identity, v.channel, v.raw])).toEqual([
      [35, "wecom:zhangsan", "wecom", "新建民宿35户"],
      [36, "telegram:42", "telegram", "更正：新建民宿36户"],
    ]);
    expect(store.entries("2026-11")).toHaveLength(1);
  });

  it("should supersede only the fields a correction names", async () => {
    const store = make();
    await store.submit(
      submission({
        entries: [
          { field: "new-homestays", value: 35, unit: "户" },
          { field: "hogs-sold", value: 1200, unit: "头" },
        ],
      }),
    );
    await store.submit(submission({ entries: [{ field: "hogs-sold", value: 1250, unit: "头" }] }));
    const current = store.entries("2026-11").map((v) => [v.field, v.value]);
    expect(current).toEqual([
      ["new-homestays", 35],
      ["hogs-sold", 1250],
    ]);
  });

  it("should find the previous value in the nearest earlier period that has one", async () => {
    const store = make();
    await store.submit(submission({ period: "2026-08", entries: [entry(10)] }));
    await store.submit(submission({ period: "2026-09", entries: [entry(20)] }));
    await store.submit(submission({ period: "2026-09", entries: [entry(21)] }));
    await store.submit(submission({ period: "2026-10", township: "渔阳镇", entries: [entry(5)] }));
    await store.submit(submission({ period: "2026-11", entries: [entry(30)] }));
    expect(store.previousValue("下营镇", "new-homestays", "2026-11")?.value).toBe(21);
    expect(store.previousValue("下营镇", "new-homestays", "2026-09")?.value).toBe(10);
    expect(store.previousValue("下营镇", "new-homestays", "2026-08")).toBeUndefined();
    expect(store.previousValue("渔阳镇", "new-homestays", "2027-01")?.period).toBe("2026-10");
  });

  it("should list reported and missing fields per township", async () => {
    const store = make();
    const keys = TASK.fields.map((f) => f.key);
    await store.submit(
      submission({ entries: TASK.fields.map((f) => ({ field: f.key, value: 1, unit: f.unit })) }),
    );
    await store.submit(submission({ township: "渔阳镇" }));
    expect(store.progress(TASK, "2026-11", ["下营镇", "渔阳镇", "白涧镇"])).toEqual([
      { township: "下营镇", reported: keys, missing: [] },
      { township: "渔阳镇", reported: ["new-homestays"], missing: keys.slice(1) },
      { township: "白涧镇", reported: [], missing: keys },
    ]);
  });

  it("should sum current values over townships", async () => {
    const store = make();
    const area = (value: number) => [{ field: "facility-farming", value, unit: "亩" }];
    await store.submit(submission({ entries: area(0.1) }));
    await store.submit(submission({ township: "渔阳镇", entries: area(5) }));
    await store.submit(submission({ township: "渔阳镇", entries: area(0.2) }));
    expect(store.sum("2026-11", "facility-farming")).toEqual({ total: 0.3, townships: 2 });
    expect(store.sum("2026-11", "hogs-sold")).toEqual({ total: 0, townships: 0 });
  });

  it("should refuse a malformed period in a query", () => {
    expect(() => make().entries("2026-13")).toThrow(StoreInputError);
  });
});

describe("a draft submitted twice", () => {
  it("should be stored once and answered with the first receipt", async () => {
    const store = memorySubmissionStore();
    const first = await store.submit(submission({ draftId: "d-1" }));
    const again = await store.submit(submission({ draftId: "d-1", raw: "重发" }));
    expect(again.receipt).toBe(first.receipt);
    expect(store.history("2026-11", "下营镇", "new-homestays")).toHaveLength(1);
    expect((await store.submit(submission({ draftId: "d-2" }))).receipt).toBe("R202611-0002");
  });
});

describe("createSubmissionStore", () => {
  it("should keep submissions in the folder's database and read them back after a restart", async () => {
    const dir = dirs.make();
    const { receipt } = await createSubmissionStore({ dir }).submit(submission());
    expect(existsSync(join(dir, "bot.sqlite"))).toBe(true);
    closeAllDatabases();
    const reopened = createSubmissionStore({ dir });
    expect(reopened.latest("2026-11", "下营镇", "new-homestays")?.receipt).toBe(receipt);
    expect((await reopened.submit(submission())).receipt).toBe("R202611-0002");
  });

  it("should check entries against the task and the roster when given them", async () => {
    const store = createSubmissionStore({ dir: dirs.make(), tasks: [TASK], townships: ["下营镇"] });
    const refused = [
      submission({ township: "北京市" }),
      submission({ taskId: "no-such-task" }),
      submission({ entries: [{ field: "no-such-field", value: 1, unit: "户" }] }),
      submission({ entries: [{ field: "new-homestays", value: 1, unit: "亩" }] }),
      submission({ entries: [{ field: "new-homestays", value: 1.5, unit: "户" }] }),
      submission({ entries: [{ field: "new-homestays", value: -1, unit: "户" }] }),
      submission({ entries: [{ field: "new-homestays", value: 5001, unit: "户" }] }),
    ];
    for (const input of refused) await expect(store.submit(input)).rejects.toThrow(StoreInputError);
    expect(store.periods()).toEqual([]);
    await expect(store.submit(submission())).resolves.toMatchObject({ receipt: "R202611-0001" });
  });
});

function entry(value: number) {
  return { field: "new-homestays", value, unit: "户" };
}
