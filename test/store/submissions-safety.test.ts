import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { closeAllDatabases, openDatabase } from "../../src/store/db/database.js";
import { StoreInputError } from "../../src/store/input-error.js";
import { loadRoster } from "../../src/store/roster.js";
import {
  createSubmissionStore,
  sqlSubmissionStore,
  type SubmitInput,
} from "../../src/store/submissions.js";
import { FIXTURE_ROSTER_FILE } from "../helpers/reports.js";
import { TASK, submission, tempDirs } from "./fixtures.js";

const dirs = tempDirs();
afterEach(() => dirs.cleanup());
const TOWNSHIPS = loadRoster(FIXTURE_ROSTER_FILE).map((t) => t.name);

describe("concurrent submissions", () => {
  it("should store all 200 with unique receipts, all there after a restart", async () => {
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
    closeAllDatabases();
    const reopened = createSubmissionStore({ dir });
    const stored = receipts.map((r) => reopened.submission(r.receipt));
    expect(new Set(stored.map((s) => s?.raw)).size).toBe(200);
  });
});

describe("a write that fails", () => {
  it("should reject, leave no trace and not use up the receipt number", async () => {
    const db = openDatabase(dirs.make());
    // The second insert of the transaction fails, as a full disk would.
    db.exec(`CREATE TRIGGER full BEFORE INSERT ON submission_entries WHEN NEW.value = 13
             BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const store = sqlSubmissionStore(db);
    const bad = submission({ entries: [{ field: "new-homestays", value: 13, unit: "户" }] });
    await expect(store.submit(bad)).rejects.toThrow("disk full");
    expect(store.entries("2026-11")).toEqual([]);
    expect(store.periods()).toEqual([]);
    expect((await store.submit(submission())).receipt).toBe("R202611-0001");
    expect(store.entries("2026-11")).toHaveLength(1);
  });
});

describe("random submissions", () => {
  it("should store exactly the valid ones and write nothing for the others", async () => {
    const dir = dirs.make();
    const store = createSubmissionStore({ dir, tasks: [TASK], townships: TOWNSHIPS });
    const db = openDatabase(dir);
    const count = () =>
      Number(db.first(db.q.selectFrom("submissions").select((eb) => eb.fn.countAll().as("n")))?.n) +
      Number(
        db.first(db.q.selectFrom("submission_entries").select((eb) => eb.fn.countAll().as("n")))?.n,
      ) *
        1000;
    const seen = { valid: 0, invalid: 0 };
    let stored = count();
    await fc.assert(
      fc.asyncProperty(randomSubmission(), async ({ input, valid }) => {
        seen[valid ? "valid" : "invalid"]++;
        const outcome = await store.submit(input as SubmitInput).then(
          (r) => r,
          (e: unknown) => e,
        );
        if (!valid) {
          expect(outcome).toBeInstanceOf(StoreInputError);
          expect(count()).toBe(stored);
          return;
        }
        expect(outcome).not.toBeInstanceOf(Error);
        stored = count();
        const last = store.submission((outcome as { receipt: string }).receipt)!;
        const entries = input.entries.map((e) => ({
          ...e,
          value: Object.is(e.value, -0) ? 0 : e.value,
        }));
        expect(last.entries).toEqual(entries);
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
