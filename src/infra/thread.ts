// Starting a worker thread on a TypeScript module. A worker does not inherit tsx's hooks: it
// registers tsx itself, then loads the module. It registers tsx's CommonJS hooks, which run in the
// thread, as `npm start` does for the bot (src/start.cjs): the ESM hooks would start a loader
// thread of their own (about 17 MB more per worker). So the module must load as CommonJS: no
// top-level await, and of `import.meta` only `import.meta.url` (which tsx provides).
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker, type ResourceLimits } from "node:worker_threads";

/**
 * Starts a worker thread that runs the module at `moduleUrl` (a file: URL) with `workerData`;
 * `resourceLimits` caps its heap (V8 flags such as npm start's semi-space size apply to every
 * thread otherwise).
 */
export function startModuleWorker(
  moduleUrl: string,
  workerData: unknown,
  resourceLimits?: ResourceLimits,
): Worker {
  const file = JSON.stringify(fileURLToPath(moduleUrl));
  // Resolved here, so the worker finds tsx whatever the process's working directory.
  const tsx = JSON.stringify(createRequire(import.meta.url).resolve("tsx/cjs/api"));
  const boot = `require(${tsx}).register(); require(${file});`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}
