// The reporting state the reminders read, from the stores in a data folder. The lead wires the
// running bot's own store instances; this factory serves the `reminders` command.
import { join } from "node:path";
import { openBindingStore } from "../store/bindings.js";
import { loadRoster } from "../store/roster.js";
import { createSubmissionStore } from "../store/submissions.js";
import { loadTasks, type Task } from "../store/tasks.js";
import type { ReportingState } from "./plan.js";

/** What the reminder service needs besides a transport and a ledger. */
export interface ReminderDeps {
  tasks: Task[];
  state: ReportingState;
}

/** Reads tasks, the roster, bindings (`bindings.json`) and submissions (`submissions/`) of `dataDir`. */
export function loadReminderDeps(dataDir: string): ReminderDeps {
  const roster = loadRoster().map((t) => t.name);
  const bindings = openBindingStore(join(dataDir, "bindings.json"), { townships: roster });
  const submissions = createSubmissionStore({ dir: dataDir, townships: roster });
  return {
    tasks: loadTasks(),
    state: {
      progress: (task, period) =>
        submissions
          .progress(task, period, townshipsOf(task, roster))
          .map(({ township, missing }) => ({ township, missing })),
      liaisonsOf: (township) => bindings.liaisonsOf(township),
    },
  };
}

/** The townships a task asks: the whole roster, or its own list. */
export function townshipsOf(task: Task, roster: readonly string[]): string[] {
  return task.townships === "all" ? [...roster] : task.townships;
}
