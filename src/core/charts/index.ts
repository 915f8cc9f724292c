// The chart feature: /chart draws township figures, their trend, or the latest report's
// completion rates as a PNG that goes with a short reply; "各乡镇新建民宿 图" asks the same without
// the command. The lead wires it into `createCore`.
import { renderRateChart, renderTownshipChart, renderTrendChart } from "../../charts/render.js";
import type { AnswerHook, CommandContext, CommandSpec } from "../engine.js";
import { formatPeriod, periodOf } from "../period.js";
import { seesAllTownships } from "../access/roles.js";
import type { Reply, ReplyFile } from "../types.js";
import {
  rateFigures,
  townshipFigures,
  trendFigures,
  type ChartFigures,
  type ChartTask,
  type FigureSources,
  type LatestReport,
  type Prepared,
} from "./figures.js";
import { readChartArgs, readChartQuestion, type ChartRequest } from "./request.js";
import { CHART_TEXTS as T } from "./texts.js";

export type { ChartField } from "./request.js";
export type { ChartFigures, ChartTask, LatestReport, ReportFigure } from "./figures.js";

/** Keeps a drawn chart for a channel to send; the core touches no files itself. */
export interface ChartOutput {
  /** Stores `png` under a unique name starting with `slug`; `name` is what people see. */
  save(slug: string, name: string, png: Uint8Array, now: Date): Promise<ReplyFile>;
}

/** Options of `createChartFeature`. */
export interface ChartFeatureOptions {
  /** Reporting tasks; the first is the one charted (as in the submission feature). */
  tasks: readonly ChartTask[];
  /** The township roster, in the order bars are drawn. */
  roster: readonly { name: string }[];
  /** Submitted figures (the SubmissionStore). */
  submissions: ChartFigures;
  /** The latest report, or undefined when none is imported (its completion rates are charted). */
  latestReport(): LatestReport | undefined;
  /** Where drawn charts are kept until a channel sends them (files in DATA_DIR/charts/). */
  output: ChartOutput;
  /** How replies and titles name the whole district (default: 全区). */
  area?: string;
}

/** What the lead passes to `createCore`. */
export interface ChartFeature {
  commands: { chart: CommandSpec };
  /** "各乡镇新建民宿 图": a chart asked for without the command; put it before other hooks. */
  answerHooks: AnswerHook[];
}

/** Builds the chart feature. */
export function createChartFeature(options: ChartFeatureOptions): ChartFeature {
  const task = options.tasks[0];
  if (!task) throw new RangeError("createChartFeature needs at least one task in `tasks`");
  const names = options.roster.map((t) => t.name);
  const sources: FigureSources = {
    task,
    townships: task.townships === "all" ? names : names.filter((n) => task.townships.includes(n)),
    submissions: options.submissions,
    area: options.area ?? "全区",
  };
  const labels = task.fields.map((f) => f.label);

  async function draw(request: ChartRequest, context: CommandContext): Promise<Reply[]> {
    // Townships' submitted figures are for the office and viewers; the report's rates for all.
    const townships = request.kind === "township" || request.kind === "trend";
    if (townships && !seesAllTownships(context.access)) return [{ text: T.notEntitled }];
    switch (request.kind) {
      case "usage":
        return [{ text: T.usage(labels) }];
      case "unknown":
        return [{ text: T.unknownField(request.typed, labels) }];
      case "badPeriod":
        return [{ text: `${request.error}。${T.usage(labels)}` }];
      case "township": {
        const period = request.period ?? periodOf(context.now);
        const prepared = townshipFigures(sources, request.field, period);
        const name = `${formatPeriod(period)}各乡镇${request.field.label}.png`;
        return picture(prepared, renderTownshipChart, `township-${request.field.key}`, name);
      }
      case "trend": {
        const prepared = trendFigures(sources, request.field);
        const name = `${request.field.label}趋势.png`;
        return picture(prepared, renderTrendChart, `trend-${request.field.key}`, name);
      }
      case "rates":
        return picture(rateFigures(options.latestReport()), renderRateChart, "rates", "完成率.png");
    }

    async function picture<S>(
      prepared: Prepared<S>,
      render: (spec: S) => Promise<{ png: Uint8Array }>,
      slug: string,
      name: string,
    ): Promise<Reply[]> {
      if (!prepared.spec) return [{ text: prepared.text }];
      const { png } = await render(prepared.spec);
      const image = await options.output.save(slug, name, png, context.now);
      return [{ text: prepared.text, image }];
    }
  }

  const fields = task.fields;
  return {
    commands: {
      chart: { run: (context) => draw(readChartArgs(context.args, fields, context.now), context) },
    },
    answerHooks: [
      (context, question) => {
        const request = readChartQuestion(question, fields, context.now);
        return request ? draw(request, context) : undefined;
      },
    ],
  };
}
