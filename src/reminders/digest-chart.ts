// The digest's picture: the same township bar chart as `/chart 新建民宿`, for the task's first field,
// written where every chart the bot draws goes (DATA_DIR/charts/).
import { renderTownshipChart } from "../charts/render.js";
import { townshipFigures, type ChartFigures } from "../core/charts/figures.js";
import { formatPeriod } from "../core/period.js";
import type { Task } from "../store/tasks.js";
import type { DigestChart, DigestPicture } from "./digest.js";

/** Options of `digestChart`. */
export interface DigestChartOptions {
  /** The township roster, in the order bars are drawn. */
  roster: readonly { name: string }[];
  /** Submitted figures (the SubmissionStore). */
  submissions: ChartFigures;
  /** Where PNGs are written (`chartFiles(DATA_DIR/charts)` of src/store/chart-files.ts fits). */
  output: {
    save(slug: string, name: string, png: Uint8Array, now: Date): Promise<DigestPicture>;
  };
  /** How titles name the whole district (default: 全区). */
  area?: string;
  /**
   * Clock of the files written, which are pruned a day after their time (default: the system
   * clock; a run of the reminders command for another instant still writes files of today).
   */
  now?: () => Date;
}

/** Draws a task's first field per township; undefined when no township has reported it. */
export function digestChart(options: DigestChartOptions): DigestChart {
  const now = options.now ?? (() => new Date());
  return async (task: Task, period) => {
    const field = task.fields[0];
    if (!field) return undefined;
    const names = options.roster.map((t) => t.name);
    const townships =
      task.townships === "all" ? names : names.filter((n) => task.townships.includes(n));
    const sources = {
      task,
      townships,
      submissions: options.submissions,
      area: options.area ?? "全区",
    };
    const { spec } = townshipFigures(sources, field, period);
    if (!spec) return undefined;
    const { png } = await renderTownshipChart(spec);
    const name = `${formatPeriod(period)}各乡镇${field.label}.png`;
    return options.output.save(`digest-${field.key}`, name, png, now());
  };
}
