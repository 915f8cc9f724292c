import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createThrottledLog } from "../../src/infra/throttled-log.js";

describe("createThrottledLog", () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function setup(maxSources?: number) {
    const lines: string[] = [];
    const log = createThrottledLog({ log: { warn: (m) => lines.push(m) }, maxSources });
    return { lines, log };
  }

  it("should log a source's first refusal at once and the rest as one count a minute", () => {
    const { lines, log } = setup();
    for (let i = 0; i < 100; i++) log.note("wecom app 10.0.0.1", `refused #${i}`);
    expect(lines).toEqual([
      "refused #0 (further refusals from wecom app 10.0.0.1 are counted for a minute)",
    ]);
    vi.advanceTimersByTime(60_000);
    expect(lines[1]).toBe(
      "99 more refused from wecom app 10.0.0.1 in the last minute (last: refused #99)",
    );
    log.note("wecom app 10.0.0.1", "refused again");
    vi.advanceTimersByTime(59_999);
    expect(lines).toHaveLength(2); // still inside the second minute
    vi.advanceTimersByTime(1);
    expect(lines[2]).toMatch(/^1 more refused/);
  });

  it("should keep sources apart and forget a quiet one", () => {
    const { lines, log } = setup();
    log.note("a", "refused a");
    log.note("b", "refused b");
    expect(lines).toHaveLength(2);
    vi.advanceTimersByTime(120_000);
    expect(lines).toHaveLength(2); // nothing more came: no summary line
    log.note("a", "refused a later");
    expect(lines).toHaveLength(3);
  });

  it("should pool sources beyond its limit instead of growing without end", () => {
    const { lines, log } = setup(2);
    for (let i = 0; i < 10; i++) log.note(`ip ${i}`, `refused ${i}`);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/from other sources/);
    log.flush();
    expect(lines[3]).toMatch(/^7 more refused from other sources/);
  });
});
