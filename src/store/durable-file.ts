// A lowdb adapter that makes each write durable: temp file, fsync, rename, fsync of the folder.
// lowdb's own JSONFile renames without fsync, which survives a killed process but not a power
// cut; a receipt must only go out once the figures would survive both.
import { open, rename } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Adapter } from "lowdb";

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/** Writes JSON durably; concurrent writes coalesce into the latest data, one at a time. */
export class DurableJsonFile<T> implements Adapter<T> {
  private next: { text: string; waiters: Waiter[] } | undefined;
  private writing = false;

  constructor(private readonly file: string) {}

  /** Not used: documents are read and validated by `readJsonFile`. */
  async read(): Promise<T | null> {
    return null;
  }

  /** Resolves once `data` (or newer data) is on disk. */
  write(data: T): Promise<void> {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    return new Promise((resolve, reject) => {
      this.next = { text, waiters: [...(this.next?.waiters ?? []), { resolve, reject }] };
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    while (this.next) {
      const job = this.next;
      this.next = undefined;
      try {
        await writeDurably(this.file, job.text);
        job.waiters.forEach((w) => w.resolve());
      } catch (error) {
        job.waiters.forEach((w) => w.reject(error));
      }
    }
    this.writing = false;
  }
}

async function writeDurably(file: string, text: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.tmp`);
  const handle = await open(temp, "w");
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  const folder = await open(dirname(file), "r");
  try {
    await folder.sync();
  } finally {
    await folder.close();
  }
}
