// The core imports no platform and no storage: channels, stores, exporters and file writers come
// in through interfaces. Only type imports may name the store's modules (their interfaces).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CORE = join(import.meta.dirname, "..", "..", "src", "core");
const FORBIDDEN = [
  /^node:fs/,
  /^lowdb/,
  /^better-sqlite3/,
  /^kysely/,
  /^exceljs/,
  /^telegraf/,
  /^axios/,
  /\/store\//,
  /\/channels\//,
];

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? files(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

describe("the core's imports", () => {
  it("name no platform, no storage and no file system, except for types", () => {
    const offending: string[] = [];
    for (const file of files(CORE)) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)";/gms)) {
        const [, typeOnly, source] = match;
        if (typeOnly || !source) continue;
        if (FORBIDDEN.some((pattern) => pattern.test(source))) offending.push(`${file}: ${source}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
