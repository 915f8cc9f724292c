import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
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
    expect(await h.say("/status", LIAISON)).toBe("这个命令只有办公室管理员可以使用。");
  });
});

describe("/export", () => {
  it("should write the period's CSV and xlsx and send the xlsx as a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "export-test-"));
    dirs.push(dir);
    const h = await reported(dir);
    const [reply] = await h.send("/export", OPERATOR);
    const csv = join(dir, "exports", "monthly-progress-2026-11.csv");
    const xlsx = join(dir, "exports", "monthly-progress-2026-11.xlsx");
    expect(reply?.text).toBe(`已导出2026年11月“月度进度填报”：\nCSV：${csv}\nExcel：${xlsx}`);
    expect(reply?.file).toEqual({ path: xlsx, name: "monthly-progress-2026-11.xlsx" });
    expect(existsSync(xlsx)).toBe(true);
    const text = readFileSync(csv, "utf8");
    expect(text.startsWith("\uFEFF乡镇,指标,数值")).toBe(true);
    expect(text).toContain("下营镇,新建民宿,35,户,张三");

    const [october] = await h.send("/export 2026年10月", OPERATOR);
    expect(october?.file?.name).toBe("monthly-progress-2026-10.xlsx");
    expect(await h.say("/export", STRANGER)).toBe("这个命令只有办公室管理员可以使用。");
  });
});
