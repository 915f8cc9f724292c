import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import {
  EXPORT_TEXTS,
  MAX_EXPORT_PERIODS,
  parseExportPeriods,
} from "../../../src/core/submissions/office-commands.js";
import { harness, LIAISON, OPERATOR, STRANGER } from "./harness.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function reported(exportDir?: string) {
  const h = harness(exportDir ? { exportDir } : {});
  await h.bindLiaison("下营镇");
  await h.say("上报 新建民宿 35户 在建民宿 8户");
  await h.say("确认");
  await h.say(
    "上报 渔阳镇 新建民宿 1 在建民宿 2 设施农业 3 生猪出栏 4 快递网点 5 黑臭水体 6",
    OPERATOR,
  );
  await h.say("确认", OPERATOR);
  return h;
}

describe("/status", () => {
  it("should show who reported fully, in part, and not at all", async () => {
    const h = await reported();
    const text = await h.say("/status", OPERATOR);
    const lines = text.split("\n");
    expect(lines[0]).toBe("2026年11月“月度进度填报”（截止 2026年11月25日（周三）17:00）");
    expect(lines[1]).toBe("已报 1/27（6 项报齐）");
    expect(lines[2]).toBe(
      "部分已报 1：下营镇（缺 设施农业、生猪出栏、新增村级快递网点、黑臭水体治理）",
    );
    expect(lines[3]).toMatch(/^未报 25：文昌街道、洇溜镇、/);
    expect(lines[3]).not.toContain("下营镇");
  });

  it("should take a period and refuse a bad one and non-admins", async () => {
    const h = await reported();
    expect(await h.say("/status 10月", OPERATOR)).toContain("已报 0/27");
    expect(await h.say("/status 13月", OPERATOR)).toContain("月份应在1到12之间");
    expect(await h.say("/status", LIAISON)).toBe("这个命令只有办公室管理员和区领导可以使用。");
  });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "export-test-"));
  dirs.push(dir);
  return dir;
}

async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** The cells of the row whose first cell is `label`, from the first column. */
function rowOf(sheet: ExcelJS.Worksheet, label: string): unknown[] {
  let found: unknown[] | undefined;
  sheet.eachRow((row) => {
    if (!found && String(row.getCell(1).value).startsWith(label)) {
      found = (row.values as unknown[]).slice(1);
    }
  });
  if (!found) throw new Error(`no row ${label}`);
  return found;
}

/** How many times `needle` occurs in `text`. */
function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

const NOW = new Date("2026-11-20T02:00:00Z");
const USAGE = "用法：/export（本月）、/export 2026年11月 或 /export 2026年10月-2026年12月";

describe("/export", () => {
  it("should write the current period's xlsx and CSV and name each file once", async () => {
    const dir = tempDir();
    const h = await reported(dir);
    const replies = await h.send("/export", OPERATOR);
    expect(replies).toHaveLength(1);
    const [reply] = replies;
    const csv = join(dir, "exports", "monthly-progress-2026-11.csv");
    const xlsx = join(dir, "exports", "monthly-progress-2026-11.xlsx");
    expect(reply?.text).toBe(
      `已导出2026年11月“月度进度填报”：Excel 见附件（月表和填报记录）。\nCSV：${csv}`,
    );
    expect(reply?.file).toEqual({ path: xlsx, name: "monthly-progress-2026-11.xlsx" });
    // The xlsx is named by the attachment alone, the CSV by the text alone.
    const named = `${reply?.text}\n${reply?.file?.name}`;
    expect(count(named, "monthly-progress-2026-11.xlsx")).toBe(1);
    expect(count(named, "monthly-progress-2026-11.csv")).toBe(1);
    expect(existsSync(xlsx)).toBe(true);
    const text = readFileSync(csv, "utf8");
    expect(
      text.startsWith("\uFEFF乡镇,指标,数值,单位,填报人,填报时间,渠道,回执号,是否逾期\r\n"),
    ).toBe(true);
    expect(text).toContain("下营镇,新建民宿,35,户,张三");

    const [october] = await h.send("/export 2026年10月", OPERATOR);
    expect(october?.file?.name).toBe("monthly-progress-2026-10.xlsx");
    expect(october?.text).toContain("已导出2026年10月“月度进度填报”");
    expect(await h.say("/export", STRANGER)).toBe("这个命令只有办公室管理员可以使用。");
  });

  it("should give the wide sheet with units, who reported, totals and the history", async () => {
    const dir = tempDir();
    const h = await reported(dir);
    const [reply] = await h.send("/export", OPERATOR);
    const book = await readBook(reply!.file!.path);
    expect(book.worksheets.map((w) => w.name)).toEqual(["2026年11月", "填报记录"]);
    const sheet = book.getWorksheet("2026年11月")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
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
    ]);
    expect(sheet.getCell("A3").value).toBe("文昌街道");
    const xiaying = rowOf(sheet, "下营镇");
    expect(xiaying.slice(0, 3)).toEqual(["下营镇", 35, 8]);
    expect(xiaying.slice(7, 8)).toEqual(["张三"]);
    expect((xiaying[8] as Date).toISOString()).toBe("2026-11-20T10:00:00.000Z");
    expect(xiaying[9]).toBe("否");
    // The operator's report recorded no name: 联络员, never the platform id.
    const yuyang = rowOf(sheet, "渔阳镇");
    expect(yuyang.slice(0, 8)).toEqual(["渔阳镇", 1, 2, 3, 4, 5, 6, "联络员"]);
    const totals = rowOf(sheet, "合计");
    expect(totals.slice(1, 7).map((v) => (v as { result?: number }).result ?? 0)).toEqual([
      36, 10, 3, 4, 5, 6,
    ]);
    const counts = rowOf(sheet, "已报乡镇数");
    expect(counts.slice(1, 7).map((v) => (v as { result?: number }).result)).toEqual([
      2, 2, 1, 1, 1, 1,
    ]);
    const history = book.getWorksheet("填报记录")!;
    expect(history.rowCount).toBe(1 + 2 + 6);
    const seen: string[] = [];
    for (const ws of book.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => seen.push(String(cell.value))));
    }
    expect(seen.some((t) => t.includes("console:local") || t.includes("1001"))).toBe(false);
  });

  it("should mark a late correction and keep what it replaced in the history", async () => {
    const dir = tempDir();
    const h = await reported(dir);
    h.clock.now = new Date("2026-11-26T01:00:00Z"); // 09:00 on the 26th, after the deadline
    await h.say("上报 新建民宿 37户");
    expect(await h.say("确认")).toContain("R202611-0003");
    const [reply] = await h.send("/export 2026年11月", OPERATOR);
    const book = await readBook(reply!.file!.path);
    const sheet = book.getWorksheet("2026年11月")!;
    const xiaying = rowOf(sheet, "下营镇");
    expect(xiaying[1]).toBe(37);
    expect(xiaying[9]).toBe("是");
    let note: unknown;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === "下营镇") note = r.getCell(2).note;
    });
    expect(note).toBe("逾期：张三 2026-11-26 09:00 上报（截止 2026-11-25 17:00）");
    const rows: unknown[][] = [];
    book.getWorksheet("填报记录")!.eachRow((r, n) => {
      if (n > 1 && r.getCell(2).value === "下营镇" && r.getCell(3).value === "新建民宿") {
        rows.push((r.values as unknown[]).slice(1));
      }
    });
    expect(rows.map((r) => [r[3], r[8], r[9], r[10], r[11]])).toEqual([
      [35, "R202611-0001", "否", "已被更正", "被 R202611-0003 更正为 37"],
      [37, "R202611-0003", "是", "现行", "更正 R202611-0001（原 35）"],
    ]);
  });

  it("should export a range as one workbook and a CSV per month", async () => {
    const dir = tempDir();
    const h = await reported(dir);
    const [reply] = await h.send("/export 2026年10月-2026年12月", OPERATOR);
    const csv = (p: string) => join(dir, "exports", `monthly-progress-${p}.csv`);
    expect(reply?.text).toBe(
      [
        "已导出2026年10月至2026年12月“月度进度填报”：Excel 见附件（3 张月表和填报记录）。",
        "CSV（每月一个）：",
        csv("2026-10"),
        csv("2026-11"),
        csv("2026-12"),
      ].join("\n"),
    );
    expect(reply?.file).toEqual({
      path: join(dir, "exports", "monthly-progress-2026-10_2026-12.xlsx"),
      name: "monthly-progress-2026-10_2026-12.xlsx",
    });
    expect(count(reply!.text, ".xlsx")).toBe(0);
    for (const p of ["2026-10", "2026-11", "2026-12"]) {
      expect(existsSync(csv(p))).toBe(true);
      expect(count(reply!.text, `monthly-progress-${p}.csv`)).toBe(1);
    }
    const book = await readBook(reply!.file!.path);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "2026年10月",
      "2026年11月",
      "2026年12月",
      "填报记录",
    ]);
    expect(rowOf(book.getWorksheet("2026年11月")!, "下营镇")[1]).toBe(35);
    expect(rowOf(book.getWorksheet("2026年10月")!, "下营镇")[1]).toBeUndefined();
    expect(book.getWorksheet("填报记录")!.rowCount).toBe(1 + 8);
  });

  it("should answer a bad argument with a short usage line", async () => {
    const h = await reported(tempDir());
    expect(await h.say("/export 2026年13月", OPERATOR)).toBe(`月份应在1到12之间。${USAGE}`);
    expect(await h.say("/export 下个季度", OPERATOR)).toBe(
      `没看懂月份，请写成 2026-11、2026年11月 或 11月。${USAGE}`,
    );
    expect(await h.say("/export 2026年12月-2026年10月", OPERATOR)).toBe(
      `起始月份晚于结束月份。${USAGE}`,
    );
    expect(await h.say("/export 2026年10月-2026年13月", OPERATOR)).toBe(
      `月份应在1到12之间。${USAGE}`,
    );
    const [reply] = await h.send("/export 2020年1月-2026年12月", OPERATOR);
    expect(reply?.text).toBe(`一次最多导出 ${MAX_EXPORT_PERIODS} 个月。${USAGE}`);
    expect(reply?.file).toBeUndefined();
    expect(EXPORT_TEXTS.usage).toBe(USAGE);
  });
});

describe("parseExportPeriods", () => {
  const periods = (text: string, now = NOW) => {
    const parsed = parseExportPeriods(text, now);
    return parsed.ok ? parsed.periods : parsed.error;
  };

  it("should read nothing as the current period and one month as itself", () => {
    expect(periods("")).toEqual(["2026-11"]);
    expect(periods("  ")).toEqual(["2026-11"]);
    expect(periods("2026年11月")).toEqual(["2026-11"]);
    expect(periods("2026-09")).toEqual(["2026-09"]);
    expect(periods("上个月")).toEqual(["2026-10"]);
  });

  it("should read ranges written in several ways", () => {
    const fall = ["2026-10", "2026-11", "2026-12"];
    expect(periods("2026年10月-2026年12月")).toEqual(fall);
    expect(periods("2026年10月 - 2026年12月")).toEqual(fall);
    expect(periods("2026年10月至2026年12月")).toEqual(fall);
    expect(periods("2026年10月到12月")).toEqual(fall);
    expect(periods("2026-10-2026-12")).toEqual(fall);
    expect(periods("2026-10～2026-12")).toEqual(fall);
    expect(periods("2026年10月—2026年12月")).toEqual(fall);
    expect(periods("10月-12月")).toEqual(fall);
    expect(periods("10-12月")).toEqual(fall);
    expect(periods("2026年11月-2月")).toEqual(["2026-11", "2026-12", "2027-01", "2027-02"]);
    expect(periods("2026年11月-2026年11月")).toEqual(["2026-11"]);
  });

  it("should refuse what names no period or range", () => {
    expect(periods("2026-13")).toBe("月份应在1到12之间");
    expect(periods("2026年12月-2026年10月")).toBe("起始月份晚于结束月份");
    expect(periods("2026年1月-2029年1月")).toBe(`一次最多导出 ${MAX_EXPORT_PERIODS} 个月`);
    expect(periods("2026年1月-2028年12月")).toHaveLength(MAX_EXPORT_PERIODS);
    expect(periods("-")).toMatch(/^没看懂月份/);
    expect(periods("2026年10月-")).toMatch(/^没看懂月份/);
  });
});
