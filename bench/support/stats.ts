// Small figures for bench output.

/** The p-th percentile (0–100) of `values`, nearest rank; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** "ok" or "MISSED" beside a figure and its target. */
export function mark(ok: boolean): string {
  return ok ? "ok" : "MISSED";
}

/** Options of `waitQuiet`. */
export interface QuietProbe {
  /** How many messages the fake API has received so far. */
  sent: () => number;
  /** CPU seconds the bot has used so far (optional: quiet also needs an idle CPU). */
  cpuSeconds?: () => number;
}

/**
 * Resolves once nothing was sent for `quietMs` and the bot used under 10% of a core meanwhile,
 * or when `maxMs` passed; true when quiet.
 */
export async function waitQuiet(
  probe: QuietProbe,
  quietMs: number,
  maxMs: number,
): Promise<boolean> {
  const started = Date.now();
  let count = probe.sent();
  let changedAt = started;
  let cpuFrom = { at: started, cpu: probe.cpuSeconds?.() ?? 0 };
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const now = Date.now();
    if (probe.sent() !== count) {
      count = probe.sent();
      changedAt = now;
    }
    if (now - changedAt >= quietMs) {
      const cpu = probe.cpuSeconds?.() ?? 0;
      const busy = (cpu - cpuFrom.cpu) / ((now - cpuFrom.at) / 1000);
      if (busy < 0.1) return true;
      cpuFrom = { at: now, cpu };
      changedAt = now - quietMs / 2; // look again soon, over a fresh CPU window
    }
    if (now - started > maxMs) return false;
  }
}
