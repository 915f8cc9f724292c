import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { EXPORT_HEADERS, exportPeriod, toCsv } from "../../src/store/export.js";
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
  const paths = await exportPeriod({
    task: TASK,
    period: "2026-11",
    rows: store.entries("2026-11"),
    roster,
    dir,
  });
  return { dir, paths };
}

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

  it("should write an xlsx that exceljs reads back with numbers and Shanghai times", async () => {
    const { paths } = await exported();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(paths.xlsx);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...EXPORT_HEADERS]);
    expect(sheet.rowCount).toBe(1 + roster.length * TASK.fields.length);
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push(row.values as unknown[]));
    const row = rows.find((r) => r[1] === "渔阳镇" && r[2] === "设施农业")!;
    expect(row[3]).toBe(12.5);
    expect(row[7]).toBe("Telegram");
    const late = rows.find((r) => r[1] === "下营镇" && r[2] === "新建民宿")!;
    expect(late[5]).toBe('张"三", 下营联络员');
    // Excel date-times carry no zone: the cell reads 2026-11-25 17:30, Shanghai wall-clock time.
    expect((late[6] as Date).toISOString()).toBe("2026-11-25T17:30:00.000Z");
    expect(late[9]).toBe("是");
    const gap = rows.find((r) => r[1] === "孙各庄满族乡" && r[2] === "生猪出栏")!;
    expect(gap[3]).toBeUndefined();
  });
});
