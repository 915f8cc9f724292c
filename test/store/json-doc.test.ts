import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { StoreError } from "../../src/store/errors.js";
import { closeAllJsonDocs, openJsonDoc } from "../../src/store/json-doc.js";

const Schema = z.object({ items: z.array(z.number().int()) });

function fresh() {
  closeAllJsonDocs();
  const dir = mkdtempSync(join(tmpdir(), "doc-"));
  const file = join(dir, "doc.json");
  return { dir, file, doc: openJsonDoc(file, Schema, () => ({ items: [] })) };
}

describe("openJsonDoc", () => {
  it("resolves an update once the file on disk holds it, leaving no temp file", async () => {
    const { dir, file, doc } = fresh();
    await doc.update((d) => d.items.push(1));
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ items: [1] });
    expect(readdirSync(dir)).toEqual(["doc.json"]);
  });

  it("stores every one of many concurrent updates", async () => {
    const { file, doc } = fresh();
    await Promise.all(Array.from({ length: 100 }, (_, i) => doc.update((d) => d.items.push(i))));
    expect(JSON.parse(readFileSync(file, "utf8")).items).toHaveLength(100);
  });

  it("refuses an invalid change and keeps the data as it was", async () => {
    const { file, doc } = fresh();
    await doc.update((d) => d.items.push(1));
    await expect(doc.update((d) => d.items.push(1.5))).rejects.toThrow(StoreError);
    expect(doc.data.items).toEqual([1]);
    expect(JSON.parse(readFileSync(file, "utf8")).items).toEqual([1]);
  });

  it("keeps the data as it was when the write fails", async () => {
    const { dir, doc } = fresh();
    await doc.update((d) => d.items.push(1));
    rmSync(dir, { recursive: true });
    await expect(doc.update((d) => d.items.push(2))).rejects.toThrow(StoreError);
    expect(doc.data.items).toEqual([1]);
    expect(existsSync(dir)).toBe(false);
  });
});
