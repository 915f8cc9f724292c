// The office's figures as files under `${dir}/exports/`: one CSV per task and period (opens
// cleanly in Excel, read by other tools) and one .xlsx per export — a wide sheet per period
// (townships down, fields across, totals at the bottom) and a sheet of every submission and
// correction. Every township appears, so gaps show as empty rows.
import type { ExportedFiles, Exporter } from "../core/submissions/exporter.js";
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { deadlineOf, formatPeriod, shanghaiParts } from "../core/period.js";
import { parseInput } from "./input-error.js";
import type { Township } from "./roster.js";
import { PeriodSchema, parseReceipt } from "./submission-schema.js";
import type { FigureVersion, SubmissionStore } from "./submissions.js";
import type { Task } from "./tasks.js";

/** Column headings of the CSV, in order. */
export const EXPORT_HEADERS = [
  "乡镇",
  "指标",
  "数值",
  "单位",
  "填报人",
  "填报时间",
  "渠道",
  "回执号",
  "是否逾期",
] as const;

/** Column headings of the history sheet, in order. */
export const HISTORY_HEADERS = [
  "所属期",
  "乡镇",
  "指标",
  "数值",
  "单位",
  "填报人",
  "填报时间",
  "渠道",
  "回执号",
  "是否逾期",
  "状态",
  "更正情况",
] as const;

/** Name of the history sheet. */
export const HISTORY_SHEET = "填报记录";
/** How a reporter is shown when the submission recorded no name (never the platform id). */
export const UNNAMED_REPORTER = "联络员";
/** Labels of the two rows under the townships of a wide sheet. */
export const TOTAL_LABEL = "合计";
export const COUNT_LABEL = "已报乡镇数";
/** Headings of the columns after the fields of a wide sheet. */
export const WIDE_TAIL = ["填报人", "填报时间", "逾期"] as const;

const CHANNEL_NAMES: Record<string, string> = {
  wecom: "企业微信",
  telegram: "Telegram",
  console: "控制台",
};

const TIME_FORMAT = "yyyy-mm-dd hh:mm";
const LATE_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFFCE4D6" },
};
const HEAD_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFF2F2F2" },
};
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** One period's figures. */
export interface PeriodFigures {
  period: string;
  /** Current values of the period (`SubmissionStore.entries(period)`). */
  rows: readonly FigureVersion[];
  /** Every version, corrections and what they replaced included (default: `rows`). */
  versions?: readonly FigureVersion[];
}

/** Options of `exportPeriod`: one period. */
export interface ExportOptions
  extends PeriodFigures, Pick<ExportPeriodsOptions, "task" | "roster" | "dir" | "deadline"> {}

/** Options of `exportPeriods`: one or more periods, oldest first. */
export interface ExportPeriodsOptions {
  task: Task;
  roster: readonly Township[];
  periods: readonly PeriodFigures[];
  /** Data folder; files go to `${dir}/exports/`. */
  dir: string;
  /** A period's deadline as the bot states it (default: the task's due day and time). */
  deadline?: (period: string) => Date;
}

export type { ExportedFiles } from "../core/submissions/exporter.js";

/** One line of the CSV: a township and a field, with the figure when one was reported. */
export interface ExportRow {
  township: string;
  label: string;
  unit: string;
  figure?: FigureVersion;
}

/** A period's current values and every version, read from a store. */
export function periodFigures(
  store: Pick<SubmissionStore, "entries" | "history">,
  period: string,
): PeriodFigures {
  const rows = store.entries(period);
  // Every (township, field) with a version has a current value, so this reaches every version.
  const versions = rows.flatMap((r) => store.history(period, r.township, r.field));
  versions.sort((a, b) => receiptSeq(a) - receiptSeq(b));
  return { period, rows, versions };
}

/** Writes `<taskId>-<period>.csv` and `.xlsx` atomically and returns their paths. */
export async function exportPeriod(options: ExportOptions): Promise<{ csv: string; xlsx: string }> {
  const { task, roster, dir, deadline, ...figures } = options;
  const files = await exportPeriods({
    task,
    roster,
    dir,
    periods: [figures],
    ...(deadline ? { deadline } : {}),
  });
  return { csv: files.csv[0]!.path, xlsx: files.xlsx };
}

/**
 * Writes one CSV per period (`<taskId>-<period>.csv`) and one workbook for them all
 * (`<taskId>-<period>.xlsx`, or `<taskId>-<first>_<last>.xlsx` for several), each atomically.
 */
export async function exportPeriods(options: ExportPeriodsOptions): Promise<ExportedFiles> {
  const { task, roster } = options;
  const periods = options.periods
    .map((p) => ({ ...p, period: parseInput(PeriodSchema, p.period, "export period") }))
    .sort((a, b) => a.period.localeCompare(b.period));
  if (new Set(periods.map((p) => p.period)).size < periods.length) {
    throw new RangeError("exportPeriods was given the same period twice");
  }
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) throw new RangeError("exportPeriods needs at least one period");
  const folder = join(options.dir, "exports");
  await mkdir(folder, { recursive: true });
  const csv: ExportedFiles["csv"] = [];
  for (const figures of periods) {
    const path = join(folder, `${task.id}-${figures.period}.csv`);
    await writeAtomic(path, toCsv(exportRows({ task, roster, rows: figures.rows })));
    csv.push({ period: figures.period, path });
  }
  const span = first === last ? first.period : `${first.period}_${last.period}`;
  const xlsx = join(folder, `${task.id}-${span}.xlsx`);
  const deadline =
    options.deadline ??
    ((period: string) =>
      deadlineOf(period, { day: task.schedule.dueDay, time: task.schedule.dueTime }));
  await writeAtomic(xlsx, await toXlsx(task, roster, periods, deadline));
  return { xlsx, csv };
}

/**
 * The rows of a CSV: townships of the task in roster order, each with every task field.
 * Figures of townships or fields no longer on the roster or task are appended, never dropped.
 */
export function exportRows(options: {
  task: Task;
  roster: readonly Township[];
  rows: readonly FigureVersion[];
}): ExportRow[] {
  const { task } = options;
  const figures = taskFigures(task, options.rows);
  const byKey = new Map(figures.map((f) => [figureKey(f.township, f.field), f]));
  const rows: ExportRow[] = [];
  for (const township of taskTownships(task, options.roster)) {
    for (const field of task.fields) {
      const figure = byKey.get(figureKey(township, field.key));
      byKey.delete(figureKey(township, field.key));
      rows.push({ township, label: field.label, unit: field.unit, ...(figure ? { figure } : {}) });
    }
  }
  for (const figure of byKey.values()) {
    rows.push({ township: figure.township, label: figure.field, unit: figure.unit, figure });
  }
  return rows;
}

/** The figures that belong to the task: its own, or of one of its fields. */
function taskFigures(task: Task, rows: readonly FigureVersion[]): FigureVersion[] {
  return rows.filter((r) => r.taskId === task.id || task.fields.some((f) => f.key === r.field));
}

function taskTownships(task: Task, roster: readonly Township[]): string[] {
  const names = roster.map((t) => t.name);
  if (task.townships === "all") return names;
  const listed = new Set(task.townships);
  // Roster order first, then listed names the roster lacks (a typo the office should see).
  return [
    ...names.filter((n) => listed.has(n)),
    ...task.townships.filter((n) => !names.includes(n)),
  ];
}

/** The cells of a CSV row as text, in `EXPORT_HEADERS` order. */
function cellTexts(row: ExportRow): string[] {
  const f = row.figure;
  return [
    row.township,
    row.label,
    f ? String(f.value) : "",
    f?.unit ?? row.unit,
    f ? (f.by.name ?? f.by.identity) : "",
    f ? shanghaiText(f.at) : "",
    f ? channelName(f.channel) : "",
    f?.receipt ?? "",
    f ? (f.late ? "是" : "否") : "",
  ];
}

/** CSV for Excel: UTF-8 with a BOM (else Excel guesses GBK), CRLF lines, RFC 4180 quoting. */
export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [[...EXPORT_HEADERS], ...rows.map(cellTexts)];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

function csvCell(text: string): string {
  // A cell starting with = + - @ is run as a formula by Excel: a name typed in chat must not be.
  const safe = /^[=+\-@\t\r]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The workbook: a wide sheet per period, then the history of them all. */
async function toXlsx(
  task: Task,
  roster: readonly Township[],
  periods: readonly PeriodFigures[],
  deadline: (period: string) => Date,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const names = periods.map((p) => formatPeriod(p.period));
  workbook.title = `${task.title} ${names[0]}${names.length > 1 ? `至${names.at(-1)}` : ""}`;
  for (const figures of periods) {
    addWideSheet(workbook, task, roster, figures, deadline(figures.period));
  }
  addHistorySheet(workbook, task, periods);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A column of figures in a wide sheet. */
interface FieldColumn {
  key: string;
  label: string;
  unit: string;
  /** True when the task says the field holds whole numbers. */
  integer: boolean;
}

/** The wide sheet's columns: the task's fields, then any other field a figure was reported for. */
function fieldColumns(task: Task, figures: readonly FigureVersion[]): FieldColumn[] {
  const columns: FieldColumn[] = task.fields.map((f) => ({
    key: f.key,
    label: f.label,
    unit: f.unit,
    integer: f.integer,
  }));
  for (const f of figures) {
    if (!columns.some((c) => c.key === f.field)) {
      columns.push({ key: f.field, label: f.field, unit: f.unit, integer: false });
    }
  }
  return columns;
}

/**
 * One period as the office files it: a title row, a header row with units, a row per township
 * (who reported and when, late figures shaded with a note), the totals and how many reported.
 */
function addWideSheet(
  workbook: ExcelJS.Workbook,
  task: Task,
  roster: readonly Township[],
  figures: PeriodFigures,
  deadline: Date,
): void {
  const current = taskFigures(task, figures.rows);
  const columns = fieldColumns(task, current);
  const townships = taskTownships(task, roster);
  for (const f of current) if (!townships.includes(f.township)) townships.push(f.township);
  const byKey = new Map(current.map((f) => [figureKey(f.township, f.field), f]));

  const sheet = workbook.addWorksheet(formatPeriod(figures.period), {
    views: [{ state: "frozen", xSplit: 1, ySplit: 2 }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.pageSetup.printTitlesRow = "1:2";
  const width = 1 + columns.length + WIDE_TAIL.length;
  const firstField = 2;
  const whoCol = firstField + columns.length;
  const lateCol = whoCol + 2;

  const perTownship = townships.map((t) =>
    columns.flatMap((c) => byKey.get(figureKey(t, c.key)) ?? []),
  );
  const full = townships.filter((t) =>
    task.fields.every((f) => byKey.has(figureKey(t, f.key))),
  ).length;
  const some = perTownship.filter((list) => list.length > 0).length;
  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value =
    `${task.title} ${formatPeriod(figures.period)}（截止 ${shanghaiText(deadline)}；` +
    `报齐 ${full}/${townships.length}，部分已报 ${some - full}）`;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(1).height = 24;

  const header = sheet.getRow(2);
  header.values = ["乡镇", ...columns.map(fieldHeader), ...WIDE_TAIL];
  styleHeader(header, width);

  const firstRow = 3;
  townships.forEach((township, i) => {
    const row = sheet.getRow(firstRow + i);
    row.getCell(1).value = township;
    const reported = perTownship[i] ?? [];
    columns.forEach((column, j) => {
      const cell = row.getCell(firstField + j);
      const figure = byKey.get(figureKey(township, column.key));
      cell.numFmt = numberFormat(column, figure?.value);
      if (!figure) return;
      cell.value = figure.value;
      if (figure.late) {
        cell.fill = LATE_FILL;
        cell.note = `逾期：${reporterName(figure)} ${shanghaiText(figure.at)} 上报（截止 ${shanghaiText(deadline)}）`;
      }
    });
    if (reported.length > 0) fillReporter(row, whoCol, reported, columns);
    for (let c = 1; c <= width; c++) row.getCell(c).border = THIN;
  });

  const lastRow = firstRow + townships.length - 1;
  const totals = sheet.getRow(lastRow + 1);
  const counts = sheet.getRow(lastRow + 2);
  totals.getCell(1).value = TOTAL_LABEL;
  counts.getCell(1).value = `${COUNT_LABEL}（共${townships.length}个）`;
  columns.forEach((column, j) => {
    const letter = sheet.getColumn(firstField + j).letter;
    const range = `${letter}${firstRow}:${letter}${lastRow}`;
    const values = current.filter((f) => f.field === column.key).map((f) => f.value);
    // Drop binary floating-point noise: 0.1 + 0.2 is 0.3 in a report.
    const sum = Number(values.reduce((a, b) => a + b, 0).toPrecision(12));
    const total = totals.getCell(firstField + j);
    total.value = { formula: `SUM(${range})`, result: sum };
    total.numFmt = numberFormat(column, sum);
    const count = counts.getCell(firstField + j);
    count.value = { formula: `COUNT(${range})`, result: values.length };
    count.numFmt = "0";
  });
  const lateLetter = sheet.getColumn(lateCol).letter;
  const lateCount = perTownship.filter((list) => list.some((f) => f.late)).length;
  const lateCell = counts.getCell(lateCol);
  lateCell.value = {
    formula: `COUNTIF(${lateLetter}${firstRow}:${lateLetter}${lastRow},"是")`,
    result: lateCount,
  };
  lateCell.numFmt = "0";
  for (const row of [totals, counts]) {
    row.font = { bold: true };
    for (let c = 1; c <= width; c++) row.getCell(c).border = THIN;
  }

  fitColumns(sheet, width, 2, { min: 8, max: 40 });
  sheet.getColumn(whoCol + 1).width = 17;
}

/** 填报人, 填报时间 and 逾期 of a township; a note lists each figure when several reports made them. */
function fillReporter(
  row: ExcelJS.Row,
  whoCol: number,
  reported: readonly FigureVersion[],
  columns: readonly FieldColumn[],
): void {
  const names = [...new Set(reported.map(reporterName))];
  const latest = reported.reduce((a, b) => (b.at > a.at ? b : a));
  row.getCell(whoCol).value = names.join("、");
  const when = row.getCell(whoCol + 1);
  when.value = shanghaiWallClock(latest.at);
  when.numFmt = TIME_FORMAT;
  const late = reported.some((f) => f.late);
  const mark = row.getCell(whoCol + 2);
  mark.value = late ? "是" : "否";
  mark.alignment = { horizontal: "center" };
  if (late) mark.fill = LATE_FILL;
  if (new Set(reported.map((f) => f.receipt)).size > 1) {
    const label = (key: string) => columns.find((c) => c.key === key)?.label ?? key;
    when.note = reported
      .map(
        (f) =>
          `${label(f.field)}：${reporterName(f)} ${shanghaiText(f.at)}${f.late ? "（逾期）" : ""}`,
      )
      .join("\n");
  }
}

/** Every version of every period: one row each, corrections tied to what they replaced. */
function addHistorySheet(
  workbook: ExcelJS.Workbook,
  task: Task,
  periods: readonly PeriodFigures[],
): void {
  const sheet = workbook.addWorksheet(HISTORY_SHEET, {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  const header = sheet.getRow(1);
  header.values = [...HISTORY_HEADERS];
  styleHeader(header, HISTORY_HEADERS.length);
  const fieldOrder = (key: string) => {
    const i = task.fields.findIndex((f) => f.key === key);
    return i < 0 ? task.fields.length : i;
  };
  for (const figures of periods) {
    const versions = taskFigures(task, figures.versions ?? figures.rows);
    const ordered = [...versions].sort(
      (a, b) => receiptSeq(a) - receiptSeq(b) || fieldOrder(a.field) - fieldOrder(b.field),
    );
    const chains = new Map<string, FigureVersion[]>();
    for (const v of ordered) {
      const key = figureKey(v.township, v.field);
      chains.set(key, [...(chains.get(key) ?? []), v]);
    }
    for (const version of ordered) {
      const chain = chains.get(figureKey(version.township, version.field)) ?? [];
      const at = chain.indexOf(version);
      const before = chain[at - 1];
      const after = chain[at + 1];
      const field = task.fields.find((f) => f.key === version.field);
      const notes = [
        before ? `更正 ${before.receipt}（原 ${before.value}）` : "",
        after ? `被 ${after.receipt} 更正为 ${after.value}` : "",
      ].filter(Boolean);
      const row = sheet.addRow([
        formatPeriod(figures.period),
        version.township,
        field?.label ?? version.field,
        version.value,
        version.unit,
        reporterName(version),
        shanghaiWallClock(version.at),
        channelName(version.channel),
        version.receipt,
        version.late ? "是" : "否",
        after ? "已被更正" : "现行",
        notes.join("；"),
      ]);
      const integer = field?.integer ?? false;
      row.getCell(4).numFmt = numberFormat({ integer }, version.value);
      row.getCell(7).numFmt = TIME_FORMAT;
      if (version.late) row.getCell(10).fill = LATE_FILL;
      for (let c = 1; c <= HISTORY_HEADERS.length; c++) row.getCell(c).border = THIN;
    }
  }
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: 1, column: HISTORY_HEADERS.length },
  };
  fitColumns(sheet, HISTORY_HEADERS.length, 1, { min: 8, max: 48 });
  sheet.getColumn(7).width = 17;
}

/** "新建民宿（户）". */
function fieldHeader(column: FieldColumn): string {
  return `${column.label}（${column.unit}）`;
}

/** "0" for whole numbers (and every cell of an integer field), "0.##" for decimals. */
function numberFormat(column: { integer: boolean }, value: number | undefined): string {
  if (column.integer) return "0";
  // "0.##" shows 12 as "12.": a whole value in a decimal field gets "0".
  return value !== undefined && Number.isInteger(value) ? "0" : "0.##";
}

function styleHeader(row: ExcelJS.Row, width: number): void {
  row.font = { bold: true };
  row.height = 30;
  for (let c = 1; c <= width; c++) {
    const cell = row.getCell(c);
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.fill = HEAD_FILL;
    cell.border = THIN;
  }
}

/** Sets each column's width from its longest text (a CJK character counts two) below `fromRow`. */
function fitColumns(
  sheet: ExcelJS.Worksheet,
  width: number,
  fromRow: number,
  bounds: { min: number; max: number },
): void {
  for (let c = 1; c <= width; c++) {
    let longest = 0;
    sheet.getColumn(c).eachCell({ includeEmpty: false }, (cell, rowNumber) => {
      if (rowNumber < fromRow) return;
      longest = Math.max(longest, displayWidth(cellText(cell.value)));
    });
    sheet.getColumn(c).width = Math.min(bounds.max, Math.max(bounds.min, longest + 2));
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "result" in value) return String(value.result ?? "");
  return String(value);
}

function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

/** The name recorded with the submission, else 联络员: a platform id never reaches the sheet. */
function reporterName(figure: FigureVersion): string {
  return figure.by.name?.trim() || UNNAMED_REPORTER;
}

function channelName(channel: string): string {
  return CHANNEL_NAMES[channel] ?? channel;
}

function receiptSeq(figure: FigureVersion): number {
  return parseReceipt(figure.receipt)?.seq ?? 0;
}

function figureKey(township: string, field: string): string {
  return `${township}\u0000${field}`;
}

/** "2026-11-25 17:00" in Shanghai. */
function shanghaiText(instant: Date): string {
  const p = shanghaiParts(instant);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

/** Excel date-times carry no zone and exceljs writes a Date's UTC reading: shift to Shanghai. */
function shanghaiWallClock(instant: Date): Date {
  return new Date(instant.getTime() + 8 * 60 * 60 * 1000);
}

/** Writes a temp file beside `file`, then renames it over `file`. */
async function writeAtomic(file: string, data: string | Buffer): Promise<void> {
  const temp = `${file}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The office's export as the core asks for it: files in `${dir}/exports/`. */
export function fileExporter(dir: string): Exporter {
  return {
    export: ({ task, roster, submissions, periods, deadline }) =>
      exportPeriods({
        task,
        roster,
        periods: periods.map((p) => periodFigures(submissions, p)),
        dir,
        deadline,
      }),
  };
}
