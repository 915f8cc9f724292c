// The office's additions to the working calendar: `/holidays`, DATA_DIR/holidays.json, and their
// effect on deadlines of a running service.
import { readFileSync, writeFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { parseHolidayRange, withAdditions } from "../../src/core/holidays.js";
import { formatShanghai } from "../../src/core/period.js";
import { holidayCommands, runHolidays } from "../../src/reminders/holidays-command.js";
import {
  holidaysFile,
  memoryHolidayBook,
  officeCalendarOf,
  openHolidayBook,
  openOfficeCalendar,
} from "../../src/store/holidays.js";
import { StoreError } from "../../src/store/errors.js";
import { closeAllJsonDocs } from "../../src/store/json-doc.js";
import type { Task } from "../../src/store/tasks.js";
import { TASK, at, fakeCalendar, harness, tempDataDir } from "./support.js";

const ADMIN = "telegram:1";

/** `/holidays <args>` at `now` against an office calendar; returns the reply text. */
function commandOn(office: ReturnType<typeof officeCalendarOf>) {
  return async (args: string, now = at("2026-09-10 10:00")) => {
    const replies = await runHolidays({ args, identity: ADMIN, now }, office);
    return replies.map((r) => r.text).join("\n");
  };
}

const dueOn = (dueDay: number): Task => ({ ...TASK, schedule: { ...TASK.schedule, dueDay } });

describe("parseHolidayRange", () => {
  it("should read start, end and name, in the ways people write dates", () => {
    expect(parseHolidayRange("2027-01-01 2027-01-03 元旦")).toEqual({
      ok: true,
      value: { start: "2027-01-01", end: "2027-01-03", name: "元旦" },
    });
    expect(parseHolidayRange("２０２７/1/1　2027年1月3日 元旦")).toMatchObject({
      value: { start: "2027-01-01", end: "2027-01-03" },
    });
    expect(parseHolidayRange("2027-02-06 春节")).toMatchObject({
      value: { start: "2027-02-06", end: "2027-02-06", name: "春节" },
    });
  });

  it("should refuse what is not a holiday range, saying why", () => {
    expect(parseHolidayRange("2027-02-30 2027-03-01 春节")).toMatchObject({ ok: false });
    expect(parseHolidayRange("2027-01-03 2027-01-01 元旦")).toMatchObject({
      error: expect.stringContaining("早于"),
    });
    expect(parseHolidayRange("2027-01-01 2027-01-03")).toMatchObject({
      error: expect.stringContaining("名称"),
    });
    expect(parseHolidayRange("2027-01-01 2027-10-07 国庆")).toMatchObject({
      error: expect.stringContaining("31"),
    });
  });
});

describe("/holidays", () => {
  afterEach(() => closeAllJsonDocs());

  it("should be an admin-only command", () => {
    const spec = holidayCommands(officeCalendarOf(fakeCalendar(), memoryHolidayBook())).holidays;
    expect(spec?.adminOnly).toBe(true);
  });

  it("should list the coming holidays and make-up workdays", async () => {
    const run = commandOn(officeCalendarOf(fakeCalendar(), memoryHolidayBook()));
    expect((await run("")).split("\n").slice(0, 5)).toEqual([
      "节假日与调休（官方数据至 2026 年底）",
      "今后 90 天：",
      "· 调休上班：2026年9月20日（周日）",
      "· 中秋：2026年9月25日（周五）至 9月27日（周日）",
      "· 国庆节：2026年10月1日（周四）至 10月7日（周三）",
    ]);
  });

  it("should add a range and a make-up workday, apply them at once, and list them", async () => {
    const office = officeCalendarOf(fakeCalendar(), memoryHolidayBook());
    const run = commandOn(office);
    // A task due on the 1st: 1 January 2027 is a Friday the official data does not know yet.
    const h = harness({ calendar: office.calendar, tasks: [dueOn(1)] });
    const deadline = () =>
      formatShanghai(h.service.upcomingDeadlines(at("2026-12-28 10:00"))[0]!.deadline);
    expect(deadline()).toBe("2027年1月1日 17:00");

    expect(await run("add 2027-01-01 2027-01-03 元旦")).toBe(
      "已登记假期：元旦：2027年1月1日（周五）至 1月3日（周日），共 3 天。截止日和提醒即刻按此调整。",
    );
    expect(deadline()).toBe("2027年1月4日 17:00");
    expect(office.calendar.holidayName(at("2027-01-02 12:00"))).toBe("元旦");

    expect(await run("workday 2027-02-20")).toBe(
      "已登记调休上班日：2027年2月20日（周六）。截止日和提醒即刻按此调整。",
    );
    expect(office.calendar.isWorkday(at("2027-02-20 12:00"))).toBe(true);
    expect(office.calendar.lastCoveredYear).toBe(2027);

    const list = await run("list", at("2026-12-20 10:00"));
    expect(list).toContain("（官方数据至 2026 年底；含补录，至 2027 年底）");
    expect(list).toContain("· 元旦：2027年1月1日（周五）至 1月3日（周日）");
    expect(list).toContain("补录的调休上班日：2027年2月20日（周六）");
  });

  it("should refuse overlaps, conflicts, needless workdays and bad input with the fix", async () => {
    const run = commandOn(officeCalendarOf(fakeCalendar(), memoryHolidayBook()));
    await run("add 2027-01-01 2027-01-03 元旦");
    expect(await run("add 2027-01-03 2027-01-04 别的")).toMatch(
      /^与已登记的 元旦：.*重叠，请先 \/holidays remove 2027-01-01$/,
    );
    expect(await run("workday 2027-01-02")).toMatch(/已登记的 元旦.*请先 \/holidays remove/);
    expect(await run("workday 2026-09-21")).toBe("2026年9月21日（周一） 本来就是工作日，无需登记");
    expect(await run("workday tomorrow")).toMatch(/^没看懂日期/);
    expect(await run("frobnicate")).toMatch(/^没看懂“frobnicate”。用法：/);
  });

  it("should correct a typo by removing the addition that covers a date", async () => {
    const office = officeCalendarOf(fakeCalendar(), memoryHolidayBook());
    const run = commandOn(office);
    await run("add 2027-01-01 2027-01-13 元旦");
    expect(await run("remove 2027-01-05")).toBe(
      "已删除补录的假期 元旦：2027年1月1日（周五）至 1月13日（周三），共 13 天",
    );
    expect(office.book.ranges()).toEqual([]);
    expect(await run("remove 2026-10-01")).toMatch(/没有补录的.*官方数据不能删除/);
  });
});

describe("DATA_DIR/holidays.json", () => {
  afterEach(() => closeAllJsonDocs());

  it("should keep the additions across a restart", async () => {
    const dir = tempDataDir();
    const book = openHolidayBook(dir);
    await book.addRange(
      { start: "2027-01-01", end: "2027-01-03", name: "元旦" },
      ADMIN,
      at("2026-12-10 10:00"),
    );
    await book.addWorkday("2027-01-04", ADMIN, at("2026-12-10 10:01"));
    const saved = JSON.parse(readFileSync(holidaysFile(dir), "utf8")) as Record<string, unknown>;
    expect(saved).toMatchObject({
      version: 1,
      holidays: [{ start: "2027-01-01", end: "2027-01-03", name: "元旦", by: ADMIN }],
      workdays: [{ date: "2027-01-04", by: ADMIN }],
    });

    closeAllJsonDocs();
    const again = openOfficeCalendar(dir);
    expect(again.book.ranges()).toEqual([{ start: "2027-01-01", end: "2027-01-03", name: "元旦" }]);
    expect(again.calendar.lastCoveredYear).toBe(2027);
    expect(again.official.lastCoveredYear).toBe(2026);
  });

  it("should refuse to start on a broken file and leave it untouched", () => {
    const dir = tempDataDir();
    const broken =
      '{"version":1,"holidays":[{"start":"2027-13-01","end":"2027-01-03"}],"workdays":[]}';
    writeFileSync(holidaysFile(dir), broken);
    expect(() => openHolidayBook(dir)).toThrow(StoreError);
    expect(readFileSync(holidaysFile(dir), "utf8")).toBe(broken);
  });

  it("should put an added workday above an added holiday above the official data", () => {
    const calendar = withAdditions(fakeCalendar(), {
      ranges: () => [{ start: "2026-09-21", end: "2026-09-21", name: "本地假日" }],
      workdays: () => ["2026-09-26"],
    });
    expect(calendar.isWorkday(at("2026-09-21 12:00"))).toBe(false);
    expect(calendar.holidayName(at("2026-09-21 12:00"))).toBe("本地假日");
    expect(calendar.isWorkday(at("2026-09-26 12:00"))).toBe(true);
    expect(calendar.holidayName(at("2026-09-26 12:00"))).toBeUndefined();
    expect(calendar.isWorkday(at("2026-09-25 12:00"))).toBe(false);
  });
});
