import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { StoreError } from "../../src/store/errors.js";
import { StoreInputError } from "../../src/store/input-error.js";
import { memoryDoc, type JsonDoc } from "../../src/store/json-doc.js";
import type { PeriodDocs } from "../../src/store/period-docs.js";
import { loadRoster } from "../../src/store/roster.js";
import { FIXTURE_ROSTER_FILE } from "../helpers/reports.js";
import {
  PeriodFileSchema,
  emptyPeriodFile,
  type PeriodFile,
} from "../../src/store/submission-schema.js";
import {
  createSubmissionStore,
  submissionStoreOver,
  type SubmitInput,
} from "../../src/store/submissions.js";
import { TASK, submission, tempDirs } from "./fixtures.js";

const dirs = tempDirs();
afterEach(() => dirs.cleanup());
const TOWNSHIPS = loadRoster(FIXTURE_ROSTER_FILE).map((t) => t.name);

describe("a broken period file", () => {
  it.each([
    ["garbage", "\u0000\u0001 not json {{{"],
    ["truncated JSON", '{"version":1,"period":"2026-11","lastSeq":3,"submissions":[{"rec'],
    ["a wrong shape", '{"version":1,"period":"2026-11","lastSeq":0,"submissions":[{"value":NaN}]}'],
    ["a value out of range", JSON.stringify(fileWithValue(1e300))],
    ["another period's data", JSON.stringify(emptyPeriodFile("2026-10"))],
  ])("should refuse %s, name the file and leave it untouched", async (_, content) => {
    const dir = dirs.make();
    const file = join(dir, "submissions", "2026-11.json");
    mkdirSync(join(dir, "submissions"));
    writeFileSync(file, content);
    const store = createSubmissionStore({ dir });
    await expect(store.submit(submission())).rejects.toThrow(StoreError);
    await expect(store.submit(submission())).rejects.toThrow(file);
    expect(() => store.entries("2026-11")).toThrow(StoreError);
    expect(() => store.previousValue("下营镇", "new-homestays", "2026-12")).toThrow(file);
    expect(readFileSync(file, "utf8")).toBe(content);
  });
});

describe("concurrent submissions", () => {
  it("should store all 200 with unique receipts in a file that parses", async () => {
    const dir = dirs.make();
    const store = createSubmissionStore({ dir, tasks: [TASK], townships: TOWNSHIPS });
    const inputs = Array.from({ length: 200 }, (_, i) => {
      const field = TASK.fields[i % TASK.fields.length]!;
      return submission({
        township: TOWNSHIPS[i % TOWNSHIPS.length]!,
        entries: [{ field: field.key, value: i, unit: field.unit }],
        by: { identity: `wecom:liaison${i}` },
        raw: `第${i}条`,
      });
    });
    const receipts = await Promise.all(inputs.map((input) => store.submit(input)));
    expect(new Set(receipts.map((r) => r.receipt)).size).toBe(200);
    const file = JSON.parse(readFileSync(join(dir, "submissions", "2026-11.json"), "utf8"));
    const parsed = PeriodFileSchema.parse(file);
    expect(parsed.submissions).toHaveLength(200);
    expect(parsed.lastSeq).toBe(200);
    expect(new Set(parsed.submissions.map((s) => s.raw)).size).toBe(200);
  });
});

describe("a write that fails", () => {
  it("should reject, leave no trace and not use up the receipt number", async () => {
    const doc = failingDoc(1);
    const docs: PeriodDocs = { open: () => doc, read: () => doc.data, periods: () => ["2026-11"] };
    const store = submissionStoreOver(docs);
    await expect(store.submit(submission())).rejects.toThrow("disk full");
    expect(store.entries("2026-11")).toEqual([]);
    expect((await store.submit(submission())).receipt).toBe("R202611-0001");
    expect(store.entries("2026-11")).toHaveLength(1);
  });
});

describe("random submissions", () => {
  it("should store exactly the valid ones and write nothing for the others", async () => {
    const dir = dirs.make();
    const store = createSubmissionStore({ dir, tasks: [TASK], townships: TOWNSHIPS });
    const file = join(dir, "submissions", "2026-11.json");
    const seen = { valid: 0, invalid: 0 };
    await fc.assert(
      fc.asyncProperty(randomSubmission(), async ({ input, valid }) => {
        seen[valid ? "valid" : "invalid"]++;
        const before = existsSync(file) ? readFileSync(file, "utf8") : undefined;
        const outcome = await store.submit(input as SubmitInput).then(
          (r) => r,
          (e: unknown) => e,
        );
        if (!valid) {
          expect(outcome).toBeInstanceOf(StoreInputError);
          expect(existsSync(file) ? readFileSync(file, "utf8") : undefined).toBe(before);
          return;
        }
        expect(outcome).not.toBeInstanceOf(Error);
        const saved = PeriodFileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
        const last = saved.submissions.at(-1)!;
        const stored = input.entries.map((e) => ({
          ...e,
          value: Object.is(e.value, -0) ? 0 : e.value,
        }));
        expect(last.entries).toEqual(stored);
        expect(last.raw).toBe(input.raw);
        expect(last.township).toBe(input.township);
      }),
      { numRuns: 400 },
    );
    // Both sides of the property were exercised, not just the easy rejections.
    expect(seen.valid).toBeGreaterThan(10);
    expect(seen.invalid).toBeGreaterThan(30);
  });
});

/** A submission mixing valid and invalid parts, and whether the store should accept it. */
function randomSubmission() {
  const part = <T>(valid: T[], invalid: unknown[]) =>
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .constantFrom(...valid)
          .map((value) => ({ value: value as unknown, ok: true })),
      },
      { weight: 1, arbitrary: fc.constantFrom(...invalid).map((value) => ({ value, ok: false })) },
    );
  return fc
    .record({
      entries: fc.array(randomEntry(), { minLength: 1, maxLength: 3 }),
      noEntries: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, fc.constant(true)),
      township: part(["下营镇", "孙各庄满族乡"], ["北京市", "", " 下营镇", 7, null]),
      identity: part(
        ["wecom:zhangsan", "telegram:12345"],
        ["zhangsan", "wecom:", "wecom:a b", "", 1],
      ),
      // Display names are tidied, not refused: only a name that is not a string is refused.
      name: part(
        [undefined, "张三", "", " 张三", "a\nb", "x".repeat(65), "\u202e反"],
        [7, null, {}],
      ),
      raw: fc.string({ unit: "binary", maxLength: 40 }),
      at: part([new Date("2026-11-20T02:00:00Z")], [new Date(Number.NaN), "2026-11-20", 0]),
      extra: part([undefined], [{ admin: true }]),
    })
    .map((r) => {
      const entries = r.noEntries ? [] : r.entries;
      const entriesOk =
        entries.length > 0 &&
        entries.every((e) => e.ok) &&
        new Set(entries.map((e) => e.value.field)).size === entries.length;
      const by =
        r.name.value === undefined
          ? { identity: r.identity.value }
          : { identity: r.identity.value, name: r.name.value };
      const input = {
        ...submission({ raw: r.raw }),
        entries: entries.map((e) => e.value),
        township: r.township.value,
        by,
        at: r.at.value,
        ...(r.extra.value === undefined ? {} : { extra: r.extra.value }),
      };
      const valid = entriesOk && [r.township, r.identity, r.name, r.at, r.extra].every((p) => p.ok);
      return { input: input as SubmitInput & Record<string, unknown>, valid };
    });
}

/** An entry with a random field, unit and value, and whether the task accepts it. */
function randomEntry() {
  const number = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 1000 }) },
    { weight: 2, arbitrary: fc.integer({ min: -10, max: 6000 }) },
    { weight: 2, arbitrary: fc.double() },
    fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e300, -0, 1e13, Number.MAX_SAFE_INTEGER),
  );
  const key = fc.constantFrom(...TASK.fields.map((f) => f.key));
  const junk = fc.constantFrom<unknown>("35", null, undefined, {}, [1]);
  return fc
    .record({
      field: fc.oneof({ weight: 6, arbitrary: key }, fc.string({ maxLength: 8 })),
      // "" stands for the field's own unit, so most entries get a unit that fits.
      unit: fc.oneof({ weight: 6, arbitrary: fc.constant("") }, fc.string({ maxLength: 3 })),
      value: fc.oneof({ weight: 8, arbitrary: number }, junk),
    })
    .map(({ field, unit: typed, value }) => {
      const spec = TASK.fields.find((f) => f.key === field);
      const unit = typed === "" ? (spec?.unit ?? "户") : typed;
      const ok =
        spec !== undefined &&
        unit === spec.unit &&
        typeof value === "number" &&
        Number.isFinite(value) &&
        (!spec.integer || Number.isInteger(value)) &&
        value >= spec.min &&
        value <= (spec.max ?? Infinity);
      return {
        value: { field, value, unit } as { field: string; value: number; unit: string },
        ok,
      };
    });
}

function fileWithValue(value: number): PeriodFile {
  const file = emptyPeriodFile("2026-11");
  file.lastSeq = 1;
  file.submissions.push({
    receipt: "R202611-0001",
    taskId: "monthly-progress",
    township: "下营镇",
    entries: [{ field: "new-homestays", value, unit: "户" }],
    by: { identity: "wecom:zhangsan" },
    channel: "wecom",
    raw: "",
    at: "2026-11-20T02:00:00.000Z",
    late: false,
  });
  return file;
}

/** A memory document whose first `failures` writes fail as a full disk would (data unchanged). */
function failingDoc(failures: number): JsonDoc<PeriodFile> {
  const inner = memoryDoc(emptyPeriodFile("2026-11"));
  let left = failures;
  return {
    get data() {
      return inner.data;
    },
    async update(change) {
      if (left-- > 0) throw new Error("ENOSPC: disk full");
      await inner.update(change);
    },
  };
}
