import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import {
  EXPORT_HEADERS,
  HISTORY_HEADERS,
  exportPeriod,
  exportPeriods,
  periodFigures,
  toCsv,
} from "../../src/store/export.js";
import { loadRoster } from "../../src/store/roster.js";
import { FIXTURE_ROSTER_FILE } from "../helpers/reports.js";
import { memorySubmissionStore } from "../../src/store/submissions.js";
import { TASK, submission, tempDirs } from "./fixtures.js";

const dirs = tempDirs();
afterEach(() => dirs.cleanup());
const roster = loadRoster(FIXTURE_ROSTER_FILE);

/** A period where 下营镇 reported (and corrected) one figure under an awkward name, late. */
async function exported() {
  const store = memorySubmissionStore();
  await store.submit(submission({ by: { identity: "wecom:zhangsan", name: "张三" } }));
  await store.submit(
    submission({
      entries: [{ field: "new-homestays", value: 36, unit: "户" }],
      by: { identity: "wecom:zhangsan", name: '张"三", 下营联络员' },
      at: new Date("2026-11-25T09:30:00Z"), // 17:30 in Shanghai
      late: true,
    }),
  );
  await store.submit(
    submission({
      township: "渔阳镇",
      entries: [{ field: "facility-farming", value: 12.5, unit: "亩" }],
      by: { identity: "telegram:42", name: "=HYPERLINK(1)" },
      channel: "telegram",
    }),
  );
  const dir = dirs.make();
  const paths = await exportPeriod({ task: TASK, roster, dir, ...periodFigures(store, "2026-11") });
  return { dir, paths };
}

async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The row of a wide sheet whose first cell is `label`. */
function rowOf(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && String(row.getCell(1).value).startsWith(label)) found = row;
  });
  if (!found) throw new Error(`no row ${label}`);
  return found;
}

/** Cell values of a row from the first column, as exceljs reads them back. */
function cells(row: ExcelJS.Row): unknown[] {
  return (row.values as unknown[]).slice(1);
}

/** A formula cell's cached result (exceljs reads a cached 0 back as no result). */
function resultOf(cell: ExcelJS.Cell): unknown {
  const value = cell.value as { formula?: string; result?: unknown };
  return value.formula === undefined ? undefined : (value.result ?? 0);
}

const WIDE_HEADERS = [
  "乡镇",
  "新建民宿（户）",
  "在建民宿（户）",
  "设施农业（亩）",
  "生猪出栏（头）",
  "新增村级快递网点（个）",
  "黑臭水体治理（处）",
  "填报人",
  "填报时间",
  "逾期",
];

/** Splits RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe("exportPeriod", () => {
  it("should write the files named after task and period", async () => {
    const { dir, paths } = await exported();
    expect(paths.csv).toBe(`${dir}/exports/monthly-progress-2026-11.csv`);
    expect(paths.xlsx).toBe(`${dir}/exports/monthly-progress-2026-11.xlsx`);
  });

  it("should write a CSV with a BOM, CRLF lines and awkward text quoted", async () => {
    const { paths } = await exported();
    const text = readFileSync(paths.csv, "utf8");
    expect(
      text.startsWith("\uFEFF乡镇,指标,数值,单位,填报人,填报时间,渠道,回执号,是否逾期\r\n"),
    ).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(/[^\r]\n/.test(text)).toBe(false);
    expect(text).toContain('"张""三"", 下营联络员"');
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...EXPORT_HEADERS]);
    expect(rows).toHaveLength(1 + roster.length * TASK.fields.length);
    expect(rows.every((r) => r.length === EXPORT_HEADERS.length)).toBe(true);
    const homestays = rows.find((r) => r[0] === "下营镇" && r[1] === "新建民宿");
    expect(homestays).toEqual([
      "下营镇",
      "新建民宿",
      "36",
      "户",
      '张"三", 下营联络员',
      "2026-11-25 17:30",
      "企业微信",
      "R202611-0002",
      "是",
    ]);
  });

  it("should list townships that have not reported with empty values", async () => {
    const { paths } = await exported();
    const rows = parseCsv(readFileSync(paths.csv, "utf8").slice(1));
    const gap = rows.find((r) => r[0] === "孙各庄满族乡" && r[1] === "生猪出栏");
    expect(gap).toEqual(["孙各庄满族乡", "生猪出栏", "", "头", "", "", "", "", ""]);
    expect(rows.slice(1, 1 + TASK.fields.length).every((r) => r[0] === roster[0]!.name)).toBe(true);
  });

  it("should quote line breaks inside a cell and keep numbers that start with a minus", () => {
    const text = toCsv([{ township: "下营镇", label: "新建\r\n民宿", unit: "-1" }]);
    expect(text).toContain('"新建\r\n民宿"');
    expect(parseCsv(text.slice(1))[1]).toEqual([
      "下营镇",
      "新建\r\n民宿",
      "",
      "-1",
      "",
      "",
      "",
      "",
      "",
    ]);
  });

  it("should keep a name that looks like a formula from running in Excel", async () => {
    const { paths } = await exported();
    const rows = parseCsv(readFileSync(paths.csv, "utf8").slice(1));
    expect(rows.find((r) => r[0] === "渔阳镇" && r[1] === "设施农业")?.[4]).toBe("'=HYPERLINK(1)");
  });

  it("should write a wide sheet per period and a history sheet", async () => {
    const { paths } = await exported();
    const book = await readBook(paths.xlsx);
    expect(book.worksheets.map((w) => w.name)).toEqual(["2026年11月", "填报记录"]);
    const sheet = book.getWorksheet("2026年11月")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 2 });
    expect(String(sheet.getCell("A1").value)).toBe(
      "月度进度填报 2026年11月（截止 2026-11-25 17:00；报齐 0/27，部分已报 2）",
    );
    expect(cells(sheet.getRow(2))).toEqual(WIDE_HEADERS);
    // Townships down in roster order, then the totals and the count.
    const column: unknown[] = [];
    sheet.getColumn(1).eachCell((cell, n) => {
      if (n > 2) column.push(cell.value);
    });
    expect(column).toEqual([...roster.map((t) => t.name), "合计", "已报乡镇数（共27个）"]);
    for (let c = 1; c <= WIDE_HEADERS.length; c++) {
      expect(sheet.getColumn(c).width).toBeGreaterThanOrEqual(8);
    }
    expect(sheet.getColumn(6).width).toBeGreaterThan(sheet.getColumn(2).width!);
  });

  it("should put figures, who and when in a township's row, and never a platform id", async () => {
    const { paths } = await exported();
    const sheet = (await readBook(paths.xlsx)).getWorksheet("2026年11月")!;
    const yuyang = rowOf(sheet, "渔阳镇");
    expect(yuyang.getCell(4).value).toBe(12.5);
    expect(yuyang.getCell(4).numFmt).toBe("0.##");
    expect(yuyang.getCell(8).value).toBe("=HYPERLINK(1)");
    expect(yuyang.getCell(8).type).toBe(ExcelJS.ValueType.String);
    expect(yuyang.getCell(10).value).toBe("否");
    const xiaying = rowOf(sheet, "下营镇");
    expect(xiaying.getCell(2).value).toBe(36);
    expect(xiaying.getCell(2).numFmt).toBe("0");
    expect(xiaying.getCell(8).value).toBe('张"三", 下营联络员');
    // Shanghai wall-clock time, the latest report of the township.
    expect((xiaying.getCell(9).value as Date).toISOString()).toBe("2026-11-25T17:30:00.000Z");
    expect(xiaying.getCell(9).numFmt).toBe("yyyy-mm-dd hh:mm");
    const gap = rowOf(sheet, "孙各庄满族乡");
    expect(
      cells(gap)
        .slice(1)
        .every((v) => v === null || v === undefined),
    ).toBe(true);

    const store = memorySubmissionStore();
    await store.submit(submission({ by: { identity: "telegram:987654" } }));
    const dir = dirs.make();
    const files = await exportPeriod({
      task: TASK,
      roster,
      dir,
      ...periodFigures(store, "2026-11"),
    });
    const book = await readBook(files.xlsx);
    const unnamed = rowOf(book.getWorksheet("2026年11月")!, "下营镇");
    expect(unnamed.getCell(8).value).toBe("联络员");
    expect(cells(book.getWorksheet("填报记录")!.getRow(2))[5]).toBe("联络员");
    const everything: string[] = [];
    for (const ws of book.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => everything.push(String(cell.value))));
    }
    expect(everything.some((text) => text.includes("987654"))).toBe(false);
  });

  it("should mark late figures with a shade, a note and the 逾期 column", async () => {
    const { paths } = await exported();
    const sheet = (await readBook(paths.xlsx)).getWorksheet("2026年11月")!;
    const row = rowOf(sheet, "下营镇");
    expect(row.getCell(10).value).toBe("是");
    expect(row.getCell(2).note).toBe(
      '逾期：张"三", 下营联络员 2026-11-25 17:30 上报（截止 2026-11-25 17:00）',
    );
    expect(row.getCell(2).fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(rowOf(sheet, "渔阳镇").getCell(4).note).toBeUndefined();
  });

  it("should total each field over the townships that reported and count them", async () => {
    const store = memorySubmissionStore();
    await store.submit(
      submission({ entries: [{ field: "facility-farming", value: 0.1, unit: "亩" }] }),
    );
    await store.submit(
      submission({
        township: "渔阳镇",
        entries: [
          { field: "facility-farming", value: 0.2, unit: "亩" },
          { field: "new-homestays", value: 4, unit: "户" },
        ],
      }),
    );
    await store.submit(submission({ township: "文昌街道" }));
    const dir = dirs.make();
    const files = await exportPeriod({
      task: TASK,
      roster,
      dir,
      ...periodFigures(store, "2026-11"),
    });
    const sheet = (await readBook(files.xlsx)).getWorksheet("2026年11月")!;
    const totals = rowOf(sheet, "合计");
    const counts = rowOf(sheet, "已报乡镇数");
    expect(totals.number).toBe(3 + roster.length);
    expect(counts.number).toBe(4 + roster.length);
    expect(totals.getCell(2).value).toEqual({ formula: "SUM(B3:B29)", result: 39 });
    expect(totals.getCell(2).numFmt).toBe("0");
    expect(resultOf(totals.getCell(4))).toBe(0.3);
    expect(totals.getCell(4).numFmt).toBe("0.##");
    expect(resultOf(totals.getCell(5))).toBe(0);
    expect(resultOf(counts.getCell(2))).toBe(2);
    expect(resultOf(counts.getCell(4))).toBe(2);
    expect(resultOf(counts.getCell(5))).toBe(0);
    expect(resultOf(counts.getCell(10))).toBe(0);
    expect(String(sheet.getCell("A1").value)).toContain("报齐 0/27，部分已报 3");
  });

  it("should list every submission and correction in the history sheet", async () => {
    const { paths } = await exported();
    const sheet = (await readBook(paths.xlsx)).getWorksheet("填报记录")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(cells(sheet.getRow(1))).toEqual([...HISTORY_HEADERS]);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(cells(row));
    });
    const at = (iso: string) => new Date(iso);
    expect(rows).toEqual([
      [
        "2026年11月",
        "下营镇",
        "新建民宿",
        35,
        "户",
        "张三",
        at("2026-11-20T10:00:00.000Z"),
        "企业微信",
        "R202611-0001",
        "否",
        "已被更正",
        "被 R202611-0002 更正为 36",
      ],
      [
        "2026年11月",
        "下营镇",
        "新建民宿",
        36,
        "户",
        '张"三", 下营联络员',
        at("2026-11-25T17:30:00.000Z"),
        "企业微信",
        "R202611-0002",
        "是",
        "现行",
        "更正 R202611-0001（原 35）",
      ],
      [
        "2026年11月",
        "渔阳镇",
        "设施农业",
        12.5,
        "亩",
        "=HYPERLINK(1)",
        at("2026-11-20T10:00:00.000Z"),
        "Telegram",
        "R202611-0003",
        "否",
        "现行",
        "",
      ],
    ]);
    expect(sheet.getRow(3).getCell(10).fill).toMatchObject({ pattern: "solid" });
    expect(sheet.getRow(4).getCell(4).numFmt).toBe("0.##");
    expect(sheet.getRow(2).getCell(4).numFmt).toBe("0");
  });

  it("should write a range as one workbook of monthly sheets and one CSV per month", async () => {
    const store = memorySubmissionStore();
    await store.submit(submission({ period: "2026-10", at: new Date("2026-10-20T02:00:00Z") }));
    await store.submit(
      submission({ entries: [{ field: "new-homestays", value: 40, unit: "户" }] }),
    );
    const dir = dirs.make();
    const files = await exportPeriods({
      task: TASK,
      roster,
      dir,
      periods: ["2026-10", "2026-11", "2026-12"].map((p) => periodFigures(store, p)),
    });
    expect(files.xlsx).toBe(`${dir}/exports/monthly-progress-2026-10_2026-12.xlsx`);
    expect(files.csv).toEqual(
      ["2026-10", "2026-11", "2026-12"].map((period) => ({
        period,
        path: `${dir}/exports/monthly-progress-${period}.csv`,
      })),
    );
    expect(readFileSync(files.csv[0]!.path, "utf8")).toContain("下营镇,新建民宿,35,户,张三");
    expect(readFileSync(files.csv[1]!.path, "utf8")).toContain("下营镇,新建民宿,40,户,张三");
    const book = await readBook(files.xlsx);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "2026年10月",
      "2026年11月",
      "2026年12月",
      "填报记录",
    ]);
    expect(rowOf(book.getWorksheet("2026年10月")!, "下营镇").getCell(2).value).toBe(35);
    expect(rowOf(book.getWorksheet("2026年11月")!, "下营镇").getCell(2).value).toBe(40);
    expect(resultOf(rowOf(book.getWorksheet("2026年12月")!, "已报乡镇数").getCell(2))).toBe(0);
    const history: unknown[][] = [];
    book.getWorksheet("填报记录")!.eachRow((row, n) => {
      if (n > 1) history.push(cells(row).slice(0, 4));
    });
    expect(history).toEqual([
      ["2026年10月", "下营镇", "新建民宿", 35],
      ["2026年11月", "下营镇", "新建民宿", 40],
    ]);
  });
});
