// The office's reports in DATA_DIR/reports/, one validated JSON file a report, written durably.
// An empty or missing folder holds the shipped seed report, so a new bot answers at once.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { IndicatorStoreSchema, type IndicatorStore } from "../extract/indicator.js";
import { serialiseStore } from "../extract/store-file.js";
import type { PendingReports } from "../core/reports/feature.js";
import type { ReportEntry, ReportLibrary } from "../reports/library.js";
import { readRequiredJsonFile } from "./json-doc.js";

const FILE = /^r-[0-9a-f]{12}\.json$/;

/** Opens the reports of `dataDir`; `seed` stands in while the folder holds none. */
export function openReportFiles(dataDir: string, seed: () => IndicatorStore): ReportLibrary {
  const folder = join(dataDir, "reports");
  let cache: { stamp: string; entries: ReportEntry[] } | undefined;

  const stamp = () => (existsSync(folder) ? String(statSync(folder).mtimeMs) : "none");

  function read(): ReportEntry[] {
    if (!existsSync(folder)) return [{ id: idOf(seed()), store: seed() }];
    return readdirSync(folder)
      .filter((name) => FILE.test(name))
      .map((name) => ({
        id: name.slice(0, -".json".length),
        store: readRequiredJsonFile(join(folder, name), IndicatorStoreSchema),
      }));
  }

  return {
    list() {
      // Another process (`npm run import`) may have added a report: re-read when the folder changed.
      const now = stamp();
      if (!cache || cache.stamp !== now) cache = { stamp: now, entries: read() };
      return cache.entries;
    },
    add(store) {
      const id = idOf(store);
      const existing = this.list().find((e) => e.id === id);
      if (existing) return { entry: existing, added: false };
      if (!existsSync(folder)) {
        // The first import keeps the seed report beside the new one.
        mkdirSync(folder, { recursive: true });
        const first = seed();
        writeDurably(join(folder, `${idOf(first)}.json`), serialiseStore(first));
      }
      writeDurably(join(folder, `${id}.json`), serialiseStore(store));
      cache = undefined;
      return { entry: { id, store }, added: true };
    },
    remove(id) {
      if (!FILE.test(`${id}.json`)) return false;
      const entries = this.list();
      if (!entries.some((e) => e.id === id)) return false;
      if (!existsSync(folder)) {
        mkdirSync(folder, { recursive: true }); // removing the seed: an empty folder holds no report
      } else {
        unlinkSync(join(folder, `${id}.json`));
        syncFolder(folder);
      }
      cache = undefined;
      return true;
    },
  };
}

/** Reports waiting for an admin's 确认, in DATA_DIR/pending-reports/ (they survive a restart). */
export function openPendingReports(dataDir: string): PendingReports {
  const folder = join(dataDir, "pending-reports");
  const file = (id: string) => join(folder, `${id}.json`);
  return {
    put(store) {
      const id = idOf(store);
      mkdirSync(folder, { recursive: true });
      writeDurably(file(id), serialiseStore(store));
      return id;
    },
    get(id) {
      if (!FILE.test(`${id}.json`) || !existsSync(file(id))) return undefined;
      return readRequiredJsonFile(file(id), IndicatorStoreSchema);
    },
    drop(id) {
      if (FILE.test(`${id}.json`) && existsSync(file(id))) unlinkSync(file(id));
    },
  };
}

/** A report's id: from the hash of its text, so the same file imported twice is one report. */
export function idOf(store: IndicatorStore): string {
  const hash = store.source.sha256 ?? "";
  return `r-${(hash || "0".repeat(12)).slice(0, 12)}`;
}

/** Temp file, fsync, rename, fsync of the folder: the file is whole or absent after a crash. */
function writeDurably(file: string, text: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, "w");
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
  syncFolder(join(file, ".."));
}

function syncFolder(folder: string): void {
  const fd = openSync(folder, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
