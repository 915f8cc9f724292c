// Where drawn charts go: PNG files in the charts folder (DATA_DIR/charts/), named uniquely so two
// people asking at once never share a file. Channels send a file after the reply is returned, so
// a file is kept for a day and only then removed, when a later chart is saved.
import { randomUUID } from "node:crypto";
import { mkdir, readdir, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ChartOutput } from "../core/charts/index.js";
import type { ReplyFile } from "../core/types.js";

/** How long a chart file is kept (one day). */
export const CHART_KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * Writes `png` to `dir` as `<slug>-<time>-<random>.png` and returns it as a reply picture called
 * `name` (what people see); charts older than `CHART_KEEP_MS` are removed on the way.
 */
export async function saveChart(
  dir: string,
  slug: string,
  name: string,
  png: Uint8Array,
  now: Date,
): Promise<ReplyFile> {
  await mkdir(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, "").replace(/\..*$/, "");
  const path = join(dir, `${slug}-${stamp}-${randomUUID().slice(0, 8)}.png`);
  await writeFile(path, png);
  await pruneCharts(dir, now);
  return { path, name };
}

/** Removes chart files last written more than `CHART_KEEP_MS` before `now` (best effort). */
export async function pruneCharts(dir: string, now: Date): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const file of names.filter((n) => n.endsWith(".png"))) {
    const path = join(dir, file);
    try {
      if (now.getTime() - (await stat(path)).mtimeMs > CHART_KEEP_MS) await unlink(path);
    } catch {
      // Gone already (another chart pruned it): nothing to do.
    }
  }
}

/** Chart files in `dir` (DATA_DIR/charts/), as the chart feature takes them. */
export function chartFiles(dir: string): ChartOutput {
  return { save: (slug, name, png, now) => saveChart(dir, slug, name, png, now) };
}
