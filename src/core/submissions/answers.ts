// Answer texts about submitted figures: one township's latest value with who and when, or the
// townships' sum beside the report's district figure.
import type { FormDeps } from "../forms/deps.js";
import { formatNumber, formatValue } from "../forms/fields.js";
import { formatPeriod, formatShanghai } from "../period.js";
import { formatFigure } from "../../search/format.js";
import type { FigureVersion } from "../../store/submissions.js";
import type { TaskField } from "../../store/tasks.js";
import type { FigureQuestion } from "./answer-hook.js";
import { CHANNEL_NAMES } from "./texts.js";

/** "某某镇 2026年11月 新建民宿：35户", who reported it when, and the report's figure. */
export function townshipAnswer(deps: FormDeps, asked: FigureQuestion): string {
  const { field, period } = asked;
  const township = asked.township ?? "";
  const latest = deps.submissions.latest(period, township, field.key);
  const lines: string[] = [];
  if (latest) {
    lines.push(
      `${township} ${formatPeriod(period)} ${field.label}：${formatValue(latest.value, latest.unit)}`,
    );
    lines.push(reportedBy(latest, deps.submissions.history(period, township, field.key).length));
  } else {
    lines.push(`${township} ${formatPeriod(period)} 尚未上报${field.label}。`);
    const previous = deps.submissions.previousValue(township, field.key, period);
    if (previous) {
      lines.push(
        `上次（${formatPeriod(previous.period)}）：${formatValue(previous.value, previous.unit)}`,
      );
    }
  }
  const report = reportLine(deps, field);
  if (report) lines.push(report);
  return lines.join("\n");
}

/** "由 张三 于 2026年11月20日 10:00 通过企业微信上报（回执 R202611-0001）". */
function reportedBy(figure: FigureVersion, versions: number): string {
  const who = figure.by.name ?? figure.by.identity;
  const via = CHANNEL_NAMES[figure.channel] ?? figure.channel;
  const notes = [`回执 ${figure.receipt}`];
  if (figure.late) notes.push("逾期");
  if (versions > 1) notes.push(`本月更正过 ${versions - 1} 次`);
  return `由 ${who} 于 ${formatShanghai(figure.at)} 通过${via}上报（${notes.join("，")}）`;
}

/** The report figure and "各乡镇本月已报合计 35 户（1/27 个乡镇已报）". */
export function districtAnswer(deps: FormDeps, asked: FigureQuestion): string {
  const { field, period } = asked;
  const when = asked.current ? "本月" : formatPeriod(period);
  const lines = [`${field.label}（${formatPeriod(period)}）`];
  const report = reportLine(deps, field);
  if (report) lines.push(report);
  const { total, townships } = deps.submissions.sum(period, field.key);
  if (townships === 0) {
    lines.push(`${when}尚无乡镇上报`);
    return lines.join("\n");
  }
  const count = `${townships}/${deps.townships.length}`;
  lines.push(`各乡镇${when}已报合计 ${formatNumber(total)} ${field.unit}（${count} 个乡镇已报）`);
  return lines.join("\n");
}

/** "报告数（全区，2021年上半年）：29户", when the field has a baseline in the report. */
function reportLine(deps: FormDeps, field: TaskField): string | undefined {
  const indicator = deps.answerer.baselineOf([field.label, ...field.aliases]);
  return indicator && `报告数（${deps.area}，${indicator.period}）：${formatFigure(indicator)}`;
}
