// The set of reports the bot answers from, and their order in time. Storage comes in through
// the ReportLibrary interface (store/report-files.ts keeps them as files in DATA_DIR).
import type { IndicatorStore } from "../extract/indicator.js";

/** One stored report. */
export interface ReportEntry {
  /** "r-" and the start of the text's hash. */
  id: string;
  store: IndicatorStore;
}

/** Where reports are kept. */
export interface ReportLibrary {
  /** Every report (unordered; see `byTime`). */
  list(): ReportEntry[];
  /** Stores a report; `added` is false when the same text is already there. */
  add(store: IndicatorStore): { entry: ReportEntry; added: boolean };
  /** Removes a report; false when there is no such report. */
  remove(id: string): boolean;
}

/** An in-memory library (tests, `ask --report`). */
export function memoryLibrary(stores: IndicatorStore[]): ReportLibrary {
  const entries: ReportEntry[] = stores.map((store, i) => ({
    id: `r-${String(i).padStart(12, "0")}`,
    store,
  }));
  return {
    list: () => entries,
    add(store) {
      const found = entries.find(
        (e) => e.store.source.sha256 && e.store.source.sha256 === store.source.sha256,
      );
      if (found) return { entry: found, added: false };
      const entry = { id: `r-${String(entries.length).padStart(12, "0")}`, store };
      entries.push(entry);
      return { entry, added: true };
    },
    remove(id) {
      const at = entries.findIndex((e) => e.id === id);
      if (at < 0) return false;
      entries.splice(at, 1);
      return true;
    },
  };
}

const PART_ORDER: [RegExp, number][] = [
  [/一季度|1[-—－~至]3月/, 3],
  [/上半年|二季度|1[-—－~至]6月/, 6],
  [/前三季度|三季度|1[-—－~至]9月/, 9],
  [/1[-—－~至](\d{1,2})月/, 0],
];

/** Where a report's period ends, as year*100 + month (2021年上半年 -> 202106; 2025年 -> 202512). */
export function periodEnd(store: IndicatorStore): number {
  const period = store.source.period;
  const year = Number(/(\d{4})年/.exec(period)?.[1] ?? store.source.year ?? 0);
  let month = 12;
  for (const [pattern, end] of PART_ORDER) {
    const m = pattern.exec(period);
    if (m) {
      month = end || Number(m[1]);
      break;
    }
  }
  return year * 100 + month;
}

/** Reports oldest first: by the end of their period, then by date. */
export function byTime(entries: ReportEntry[]): ReportEntry[] {
  return [...entries].sort(
    (a, b) =>
      periodEnd(a.store) - periodEnd(b.store) ||
      a.store.source.date.localeCompare(b.store.source.date),
  );
}

/** Reports waiting for 确认, in memory (tests); `store/report-files.ts` keeps them on disk. */
export function memoryPendingReports() {
  const pending = new Map<string, IndicatorStore>();
  return {
    put(store: IndicatorStore) {
      const id = `r-${(store.source.sha256 ?? String(pending.size)).slice(0, 12)}`;
      pending.set(id, store);
      return id;
    },
    get: (id: string) => pending.get(id),
    drop: (id: string) => void pending.delete(id),
  };
}
