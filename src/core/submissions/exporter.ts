// What /export needs from outside the core: a writer of the office's workbook and CSVs (the
// store's `fileExporter` writes them with exceljs under DATA_DIR/exports/).
import type { Township } from "../../store/roster.js";
import type { SubmissionStore } from "../../store/submissions.js";
import type { Task } from "../../store/tasks.js";

/** What was written: the workbook, and one CSV per period. */
export interface ExportedFiles {
  xlsx: string;
  csv: { period: string; path: string }[];
}

/** Writes the export of some periods of a task. */
export interface Exporter {
  export(request: {
    task: Task;
    roster: readonly Township[];
    submissions: Pick<SubmissionStore, "entries" | "history">;
    periods: readonly string[];
    /** A period's deadline as the bot states it. */
    deadline: (period: string) => Date;
  }): Promise<ExportedFiles>;
}
