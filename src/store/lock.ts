// One bot process per data folder: a second one refuses to start instead of corrupting files.
import { mkdirSync, openSync, readFileSync, rmSync, writeSync, closeSync } from "node:fs";
import { join, resolve } from "node:path";

/** Another live process holds the data folder. */
export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

/** A held lock; `release()` removes it (also done on process exit). */
export interface DataDirLock {
  file: string;
  release(): void;
}

/** Takes `${dir}/bot.lock` for this process, or throws DataDirLockedError naming the holder. */
export function acquireDataDirLock(dir: string): DataDirLock {
  const folder = resolve(dir);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, "bot.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      const release = () => rmSync(file, { force: true });
      process.once("exit", release);
      return { file, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(file, "utf8").trim());
      if (isAlive(holder)) {
        throw new DataDirLockedError(
          `另一个机器人进程（pid ${holder}）正在使用数据目录 ${folder}，本进程不启动。` +
            `如确认该进程已结束，请删除 ${file}。`,
        );
      }
      rmSync(file, { force: true }); // a stale lock left by a killed process
    }
  }
  throw new DataDirLockedError(`无法取得数据目录锁 ${file}`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
