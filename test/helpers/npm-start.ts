// What `npm start` runs (package.json's start script), for tests that start the bot as a newcomer
// does, without npm's own start-up time.
import { readFileSync } from "node:fs";
import { z } from "zod";

const PackageSchema = z.object({ scripts: z.object({ start: z.string().min(1) }) });

/** The start script as a command and its arguments (a plain command line: no quotes, no `&&`). */
export function npmStartCommand(): { command: string; args: string[] } {
  const file = new URL("../../package.json", import.meta.url);
  const { start } = PackageSchema.parse(JSON.parse(readFileSync(file, "utf8"))).scripts;
  if (/["'&|;]/.test(start)) throw new Error(`npm start is not a plain command line: ${start}`);
  const [command, ...args] = start.split(/\s+/);
  return { command: command!, args };
}
