// Guessing invite codes stopped (issue 13, item 5): at most 5 wrong codes per person an hour,
// then a cool-down; wrong attempts logged (throttled); the office told once an hour when wrong
// attempts across people pass 50. The counts live in the store database (`bind_failures`), so
// a restart clears neither a cool-down nor the hour the alert counts over.

/** Wrong invite codes as kept by the store (`src/store/db/bind-failures.ts`). */
export interface BindFailures {
  /** Records one wrong code from `identity`. */
  add(identity: string, at: Date): void;
  /** When `identity` typed wrong codes after `since`, oldest first. */
  of(identity: string, since: Date): Date[];
  /** Wrong codes after `since` from everybody, and how many people typed them. */
  total(since: Date): { attempts: number; people: number };
  /** When the office was last told, if ever. */
  lastAlert(): Date | undefined;
  markAlerted(at: Date): void;
}

/** The limits (defaults of `createBindGuard`). */
export const BIND_LIMITS = {
  /** Wrong codes one person may type in `windowMs`. */
  perPerson: 5,
  windowMs: 60 * 60 * 1000,
  /** Wrong codes from everybody in `windowMs` past which the office is told. */
  alertAt: 50,
} as const;

/** Where wrong attempts are logged (a throttled log fits). */
export interface AttemptLog {
  note(source: string, line: string): void;
}

/** Options of `createBindGuard`. */
export interface BindGuardOptions {
  failures: BindFailures;
  /** Logs wrong attempts (throttled per person); default: not logged. */
  log?: AttemptLog;
  /** Tells the office (the reminders' office targets); default: only the log hears. */
  alertOffice?: (text: string) => Promise<void>;
  /** Logs an alert that could not be sent (default: console). */
  error?: (line: string) => void;
}

/** Checks a person before a code is tried, and counts the wrong ones. */
export interface BindGuard {
  /** The refusal to give while `identity` is cooling down, or undefined when they may try. */
  refusal(identity: string, now: Date): string | undefined;
  /** Counts a wrong code; returns a note for the reply (tries left) when few are left. */
  wrong(identity: string, now: Date): Promise<string | undefined>;
}

/** Texts of the guard. */
export const GUARD_TEXTS = {
  coolDown: (minutes: number) =>
    `邀请码输错次数过多（1 小时内最多 ${BIND_LIMITS.perPerson} 次），请 ${minutes} 分钟后再试。` +
    "如邀请码确实无误，请联系区办公室重新生成。",
  triesLeft: (left: number) =>
    left > 0 ? `（1 小时内还可再试 ${left} 次）` : "（已达 1 小时内的尝试上限，请稍后再试）",
  alert: (attempts: number, people: number) =>
    `【安全提醒】过去 1 小时内有 ${attempts} 次错误的邀请码尝试（来自 ${people} 个账号），` +
    "可能有人在猜测邀请码。请留意，必要时通过 /unbind 解除可疑绑定。",
} as const;

/** Creates the guard. */
export function createBindGuard(options: BindGuardOptions): BindGuard {
  const { failures } = options;
  const window = BIND_LIMITS.windowMs;
  const since = (now: Date) => new Date(now.getTime() - window);

  async function maybeAlert(now: Date): Promise<void> {
    const { attempts, people } = failures.total(since(now));
    if (attempts <= BIND_LIMITS.alertAt) return;
    const last = failures.lastAlert();
    if (last && now.getTime() - last.getTime() < window) return;
    failures.markAlerted(now);
    const text = GUARD_TEXTS.alert(attempts, people);
    (options.error ?? console.error)(`bind: ${attempts} wrong invite codes in the last hour`);
    await options.alertOffice?.(text).catch((error: unknown) => {
      (options.error ?? console.error)(`bind: the office alert failed: ${String(error)}`);
    });
  }

  return {
    refusal(identity, now) {
      const recent = failures.of(identity, since(now));
      if (recent.length < BIND_LIMITS.perPerson) return undefined;
      // Free again when the oldest of the last few leaves the window.
      const oldest = recent[recent.length - BIND_LIMITS.perPerson]!;
      const wait = oldest.getTime() + window - now.getTime();
      return GUARD_TEXTS.coolDown(Math.max(1, Math.ceil(wait / 60_000)));
    },
    async wrong(identity, now) {
      failures.add(identity, now);
      const count = failures.of(identity, since(now)).length;
      options.log?.note(
        `bind ${identity}`,
        `bind: wrong invite code from ${identity} (${count} in the last hour)`,
      );
      await maybeAlert(now);
      const left = BIND_LIMITS.perPerson - count;
      return left <= 2 ? GUARD_TEXTS.triesLeft(Math.max(0, left)) : undefined;
    },
  };
}

/** Wrong codes in memory: for a core wired without the store database (tests). */
export function memoryBindFailures(): BindFailures {
  const attempts: { identity: string; at: Date }[] = [];
  let alerted: Date | undefined;
  return {
    add: (identity, at) => void attempts.push({ identity, at }),
    of: (identity, since) =>
      attempts.filter((a) => a.identity === identity && a.at > since).map((a) => a.at),
    total(since) {
      const recent = attempts.filter((a) => a.at > since);
      return { attempts: recent.length, people: new Set(recent.map((a) => a.identity)).size };
    },
    lastAlert: () => alerted,
    markAlerted: (at) => void (alerted = at),
  };
}
