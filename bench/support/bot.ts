// The bot as a child process (`npm start`: node src/start.cjs) in its own process group,
// configured only through environment variables, serving HTTP on 127.0.0.1. Finds the bot's own
// node process under npm for RSS, and can SIGKILL the whole group.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { APP } from "./callbacks.js";

/** Options of `startBot`. */
export interface BotOptions {
  dataDir: string;
  /** Base URL of the fake WeCom API. */
  apiBase: string;
  /** ADMINS, e.g. ["wecom:u1"]. */
  admins?: string[];
  /** Port to serve on (default: a free one). */
  port?: number;
  /** Folder of the bot's code (default: `botDir()`). */
  cwd?: string;
  /** Receives the bot's stdout and stderr lines (default: dropped). */
  onOutput?: (line: string) => void;
}

/** A running bot. */
export interface Bot {
  port: number;
  child: ChildProcess;
  /** Resolves when the process group leader exits. */
  exited: Promise<void>;
  /** How the bot ended ("exit code 1", "signal SIGKILL"), undefined while it runs. */
  exitStatus(): string | undefined;
  /** The bot's last lines of stdout and stderr (at most 40). */
  outputTail(): string[];
  /** VmRSS in MB of the bot's own node process (not npx's nor tsx's launcher). */
  rssMb(): number;
  /** CPU seconds (user + system) the bot's own node process has used. */
  cpuSeconds(): number;
  /** SIGKILL to the whole process group: no handler runs, nothing is flushed. */
  kill(): Promise<void>;
  /** SIGTERM to the group, SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Folder of the bot's code: $BOT_DIR, else the current directory. Point BOT_DIR at an export of
 * a commit (`git archive <commit> | tar -x -C DIR`, node_modules linked) to measure that version.
 */
export function botDir(): string {
  return process.env.BOT_DIR || process.cwd();
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts the bot and waits until GET /healthz answers 200 (at most `timeoutMs`). */
export async function startBot(options: BotOptions, timeoutMs = 60_000): Promise<Bot> {
  const port = options.port ?? (await freePort());
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    DATA_DIR: options.dataDir,
    HOST: "127.0.0.1",
    PORT: String(port),
    ADMINS: (options.admins ?? []).join(","),
    WECOM_CORP_ID: APP.corpId,
    WECOM_AGENT_ID: APP.agentId,
    WECOM_SECRET: APP.secret,
    WECOM_TOKEN: APP.token,
    WECOM_AES_KEY: APP.aesKey,
    WECOM_API_BASE: options.apiBase,
    QUIET_HOURS: "off",
    // BOT_NODE_OPTIONS="--import ./probe.mjs" loads a probe into the bot (GC or loop-delay logs).
    NODE_OPTIONS: process.env.BOT_NODE_OPTIONS ?? "",
    // Set empty so a .env file in the bot's folder cannot switch on other channels (dotenv
    // never overrides a variable that is set): nothing but loopback is ever contacted.
    SEED_DIR: "",
    TELEGRAM_BOT_TOKEN: "",
    TELEGRAM_API_ROOT: "",
    TELEGRAM_WEBHOOK_URL: "",
    TELEGRAM_WEBHOOK_SECRET: "",
    TELEGRAM_OFFICE_CHAT_ID: "",
    WECOM_ROBOT_TOKEN: "",
    WECOM_ROBOT_AES_KEY: "",
    WECOM_WEBHOOK_KEY: "",
  };
  // Diagnostics of the bot under load, e.g. BOT_NODE_OPTIONS="--trace-gc": passed as its NODE_OPTIONS.
  if (process.env.BOT_NODE_OPTIONS) env.NODE_OPTIONS = process.env.BOT_NODE_OPTIONS;
  // `npm start`, as the office runs it (its V8 flags included).
  const child = spawn("npm", ["run", "--silent", "start"], {
    cwd: options.cwd ?? botDir(),
    env,
    detached: true, // its own process group, so a kill reaches tsx's node child too
    stdio: ["ignore", "pipe", "pipe"],
  });
  let status: string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, sig) => {
      status = sig ? `signal ${sig}` : `exit code ${code}`;
      resolve();
    }),
  );
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) {
        if (!line) continue;
        options.onOutput?.(line);
        if (tail.push(line) > 40) tail.shift();
      }
    });
  }
  const group = child.pid!;
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-group, sig);
    } catch {
      // already gone
    }
  };
  let found: number | undefined;
  const ownPid = () => (found ??= botPid(group));
  const bot: Bot = {
    port,
    child,
    exited,
    exitStatus: () => status,
    outputTail: () => [...tail],
    rssMb: () => rssMbOf(ownPid()),
    cpuSeconds: () => cpuSecondsOf(ownPid()),
    async kill() {
      signal("SIGKILL");
      await exited;
      await waitForGroupGone(group);
    },
    async stop(graceMs = 10_000) {
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), graceMs);
      await exited;
      // npm may end before its node child has finished stopping (and written a --cpu-prof
      // profile): wait for the bot's own process within the grace period before killing the rest.
      const pid = ownPid();
      while (!Number.isNaN(rssMbOf(pid))) await new Promise((r) => setTimeout(r, 25));
      clearTimeout(timer);
      signal("SIGKILL"); // leftovers of the group, if any
      await waitForGroupGone(group);
    },
  };
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (status) throw new Error(`bot ended (${status}) before serving:\n${tail.join("\n")}`);
    if (await healthy(port)) return bot;
    if (Date.now() > until) {
      await bot.kill();
      throw new Error(`bot did not answer /healthz within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function healthy(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, {
      signal: AbortSignal.timeout(1000),
    });
    return res.status === 200;
  } catch {
    return false;
  }
}

interface ProcInfo {
  pid: number;
  ppid: number;
  pgid: number;
}

/** Processes of this machine from /proc (Linux). */
function processes(): ProcInfo[] {
  const list: ProcInfo[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // Fields after the parenthesised command: state ppid pgrp ...
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      list.push({ pid: Number(name), ppid: Number(rest[1]), pgid: Number(rest[2]) });
    } catch {
      // exited meanwhile
    }
  }
  return list;
}

/** The bot's own node process: the deepest descendant of the group leader running the bot. */
function botPid(leader: number): number {
  const all = processes();
  let frontier = [leader];
  let deepest = leader;
  while (frontier.length > 0) {
    const children = all.filter((p) => frontier.includes(p.ppid)).map((p) => p.pid);
    // The bot's node: `src/start.cjs` (npm start), or `src/main.ts` under tsx (older versions).
    const running = children.filter((pid) => /src\/(start\.cjs|main\.ts)/.test(cmdline(pid)));
    if (running.length > 0) deepest = running[0]!;
    frontier = children;
  }
  // Measuring npm's process instead would print its RSS and CPU as the bot's.
  if (deepest === leader) throw new Error(`no bot process under process group ${leader}`);
  return deepest;
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ");
  } catch {
    return "";
  }
}

function rssMbOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
  } catch {
    return NaN; // gone
  }
}

function cpuSecondsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(rest[11]) + Number(rest[12])) / 100;
  } catch {
    return 0; // gone
  }
}

/** Waits until no process of the group is left (a killed group dies within milliseconds). */
async function waitForGroupGone(group: number): Promise<void> {
  for (let i = 0; i < 200 && processes().some((p) => p.pgid === group); i++) {
    await new Promise((r) => setTimeout(r, 25));
  }
}
