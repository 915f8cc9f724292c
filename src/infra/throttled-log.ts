// Refused requests logged at most once a minute per source: the first refusal at once, then one
// line per further minute with how many more were refused, so a scanner or a misconfigured peer
// cannot flood the log (issue 11, item 6).

/** Where the lines go. */
export type WarnLogger = Pick<Console, "warn">;

/** Options of `createThrottledLog`. */
export interface ThrottledLogOptions {
  log: WarnLogger;
  /** Length of one quiet period per source (default: 60_000 ms). */
  windowMs?: number;
  /** Sources tracked at once; refusals from further ones share one "other sources" entry (default: 1000). */
  maxSources?: number;
}

/** Logs repeated events per source, throttled. */
export interface ThrottledLog {
  /**
   * Reports one refusal from `source` (say "wecom app 203.0.113.7"). Logs `line` when the source
   * has been quiet; otherwise counts it for the minute's summary line.
   */
  note(source: string, line: string): void;
  /** Logs the pending counts now and forgets every source (shutdown, tests). */
  flush(): void;
}

interface Window {
  /** Refusals since the last line. */
  count: number;
  last: string;
  timer: NodeJS.Timeout;
}

const OTHER_SOURCES = "other sources";

/** Creates a throttled log. Its timers are unref'd: they never keep the process alive. */
export function createThrottledLog(options: ThrottledLogOptions): ThrottledLog {
  const windowMs = options.windowMs ?? 60_000;
  const maxSources = options.maxSources ?? 1000;
  const windows = new Map<string, Window>();

  /** At the end of a window: one summary line if more came, and a new window; else forget. */
  function close(source: string): void {
    const window = windows.get(source);
    if (!window) return;
    if (window.count === 0) {
      windows.delete(source);
      return;
    }
    options.log.warn(summary(source, window));
    window.count = 0;
    window.timer = arm(source);
  }

  function arm(source: string): NodeJS.Timeout {
    const timer = setTimeout(() => close(source), windowMs);
    timer.unref();
    return timer;
  }

  return {
    note(source, line) {
      const key = windows.has(source) || windows.size < maxSources ? source : OTHER_SOURCES;
      const window = windows.get(key);
      if (window) {
        window.count++;
        window.last = line;
        return;
      }
      options.log.warn(`${line} (further refusals from ${key} are counted for a minute)`);
      windows.set(key, { count: 0, last: line, timer: arm(key) });
    },
    flush() {
      for (const [source, window] of windows) {
        clearTimeout(window.timer);
        if (window.count > 0) options.log.warn(summary(source, window));
      }
      windows.clear();
    },
  };
}

function summary(source: string, window: Window): string {
  return `${window.count} more refused from ${source} in the last minute (last: ${window.last})`;
}

const shared = new WeakMap<WarnLogger, ThrottledLog>();

/** The throttled log writing to `log`, one per logger, so every door sharing a logger shares the counts. */
export function throttledLogFor(log: WarnLogger): ThrottledLog {
  let throttled = shared.get(log);
  if (!throttled) shared.set(log, (throttled = createThrottledLog({ log })));
  return throttled;
}
