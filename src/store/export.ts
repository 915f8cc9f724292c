// A period's figures for the office: one CSV (opens cleanly in Excel) and one .xlsx per task and
// period under `${dir}/exports/`. Every township appears, so gaps show as empty rows.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { shanghaiParts } from "../core/period.js";
import { parseInput } from "./input-error.js";
import type { Township } from "./roster.js";
import { PeriodSchema } from "./submission-schema.js";
import type { FigureVersion } from "./submissions.js";
import type { Task } from "./tasks.js";

/** Column headings, in order. */
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

const CHANNEL_NAMES: Record<string, string> = {
  wecom: "企业微信",
  telegram: "Telegram",
  console: "控制台",
};

/** Options of `exportPeriod`. */
export interface ExportOptions {
  task: Task;
  period: string;
  /** Current values of the period (`SubmissionStore.entries(period)`). */
  rows: readonly FigureVersion[];
  roster: readonly Township[];
  /** Data folder; files go to `${dir}/exports/`. */
  dir: string;
}

/** One line of the export: a township and a field, with the figure when one was reported. */
export interface ExportRow {
  township: string;
  label: string;
  unit: string;
  figure?: FigureVersion;
}

/** Writes `<taskId>-<period>.csv` and `.xlsx` atomically and returns their paths. */
export async function exportPeriod(options: ExportOptions): Promise<{ csv: string; xlsx: string }> {
  const period = parseInput(PeriodSchema, options.period, "export period");
  const folder = join(options.dir, "exports");
  await mkdir(folder, { recursive: true });
  const base = join(folder, `${options.task.id}-${period}`);
  const rows = exportRows(options);
  const csv = `${base}.csv`;
  const xlsx = `${base}.xlsx`;
  await writeAtomic(csv, toCsv(rows));
  await writeAtomic(xlsx, await toXlsx(rows, `${options.task.title} ${period}`));
  return { csv, xlsx };
}

/**
 * The rows of an export: townships of the task in roster order, each with every task field.
 * Figures of townships or fields no longer on the roster or task are appended, never dropped.
 */
export function exportRows(options: Omit<ExportOptions, "dir" | "period">): ExportRow[] {
  const { task, roster } = options;
  const figures = options.rows.filter(
    (r) => r.taskId === task.id || task.fields.some((f) => f.key === r.field),
  );
  const byKey = new Map(figures.map((f) => [`${f.township}\u0000${f.field}`, f]));
  const rows: ExportRow[] = [];
  for (const township of taskTownships(task, roster)) {
    for (const field of task.fields) {
      const figure = byKey.get(`${township}\u0000${field.key}`);
      byKey.delete(`${township}\u0000${field.key}`);
      rows.push({ township, label: field.label, unit: field.unit, ...(figure ? { figure } : {}) });
    }
  }
  for (const figure of byKey.values()) {
    rows.push({ township: figure.township, label: figure.field, unit: figure.unit, figure });
  }
  return rows;
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

/** The cells of a row as text, in `EXPORT_HEADERS` order. */
function cellTexts(row: ExportRow): string[] {
  const f = row.figure;
  return [
    row.township,
    row.label,
    f ? String(f.value) : "",
    f?.unit ?? row.unit,
    f ? (f.by.name ?? f.by.identity) : "",
    f ? shanghaiText(f.at) : "",
    f ? (CHANNEL_NAMES[f.channel] ?? f.channel) : "",
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

/** The workbook as a buffer: a header row, numbers as numbers, times as Shanghai date-times. */
async function toXlsx(rows: readonly ExportRow[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = title;
  const sheet = workbook.addWorksheet("填报明细", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_HEADERS.map((header, i) => ({ header, width: i === 5 ? 18 : 14 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(6).numFmt = "yyyy-mm-dd hh:mm";
  for (const row of rows) sheet.addRow(xlsxCells(row));
  sheet.autoFilter = { from: "A1", to: "I1" };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function xlsxCells(row: ExportRow): (string | number | Date | null)[] {
  const texts: (string | number | Date | null)[] = cellTexts(row).map((t) => (t === "" ? null : t));
  const f = row.figure;
  if (f) {
    texts[2] = f.value;
    texts[5] = shanghaiWallClock(f.at);
  }
  return texts;
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
