// The office is told 30 days before the working calendar's data runs out, once, through the ledger.
import { afterEach, describe, expect, it } from "vitest";
import { withAdditions } from "../../src/core/holidays.js";
import { formatShanghai } from "../../src/core/period.js";
import { CALENDAR_NOTICE_TASK, calendarNotices } from "../../src/reminders/calendar-notice.js";
import { ledgerFile, openLedger } from "../../src/reminders/ledger.js";
import { closeAllJsonDocs } from "../../src/store/json-doc.js";
import { memoryHolidayBook, officeCalendarOf } from "../../src/store/holidays.js";
import { FakeState, at, fakeCalendar, harness, tempDataDir } from "./support.js";

const OFFICES = ["office:wecom-group", "office:telegram-office"];

describe("the notice before the calendar runs out", () => {
  afterEach(() => closeAllJsonDocs());

  it("should tell each office target once, from 30 days before the end of 2026", async () => {
    const h = harness({ calendar: fakeCalendar() });
    expect(await h.tick(at("2026-12-01 10:00"))).toEqual([]);
    expect(await h.tick(at("2026-12-02 00:00"))).toEqual([]); // quiet hours
    const items = await h.tick(at("2026-12-02 08:00"));
    expect(items.map((i) => i.recipient)).toEqual(OFFICES);
    expect(h.transport.sent.map((m) => `${m.to} ${formatShanghai(m.at)}`)).toEqual(
      OFFICES.map((o) => `${o} 2026年12月2日 08:00`),
    );
    expect(h.transport.sent[0]?.text).toBe(
      [
        "【节假日安排】机器人的法定节假日和调休数据只到 2026年12月31日。",
        "国务院办公厅公布 2027 年放假安排后，请管理员补录：",
        "/holidays add 起 止 名称（如 /holidays add 2027-01-01 2027-01-03 元旦）",
        "/holidays workday 日期（调休上班日）",
        "补录前，2027 年的截止日只避开周末，不避开节假日。",
      ].join("\n"),
    );
    expect(await h.tick(at("2026-12-02 08:01"))).toEqual([]);
    expect(await h.tick(at("2026-12-15 10:00"))).toEqual([]);
    expect(h.transport.sent).toHaveLength(2);
  });

  it("should not repeat the notice after a restart", async () => {
    const dir = tempDataDir();
    const state = new FakeState();
    const processOn = () => {
      closeAllJsonDocs();
      return harness({ calendar: fakeCalendar(), state, ledger: openLedger(ledgerFile(dir)) });
    };
    const first = processOn();
    await first.tick(at("2026-12-03 09:30"));
    expect(first.transport.sent).toHaveLength(2);
    const second = processOn();
    await second.tick(at("2026-12-03 09:31"));
    await second.tick(at("2026-12-10 09:31"));
    expect(second.transport.sent).toEqual([]);
    expect(second.ledger.entries().map((e) => e.task)).toEqual([
      CALENDAR_NOTICE_TASK,
      CALENDAR_NOTICE_TASK,
    ]);
  });

  it("should go out late after downtime over the new year, but not a month after", async () => {
    const late = harness({ calendar: fakeCalendar() });
    expect((await late.tick(at("2027-01-04 09:00"))).map((i) => i.recipient)).toEqual(OFFICES);
    const gone = harness({ calendar: fakeCalendar() });
    expect(await gone.tick(at("2027-01-31 09:00"))).toEqual([]);
  });

  it("should stay silent once an admin has added next year's days", async () => {
    const office = officeCalendarOf(fakeCalendar(), memoryHolidayBook());
    await office.book.addRange(
      { start: "2027-01-01", end: "2027-01-03", name: "元旦" },
      "telegram:1",
      at("2026-11-20 10:00"),
    );
    const h = harness({ calendar: office.calendar });
    expect(await h.tick(at("2026-12-02 09:00"))).toEqual([]);
    // The notice about the end of 2027 comes in time.
    expect(await h.tick(at("2027-12-02 09:00"))).toHaveLength(2);
  });

  it("should drop a notice still waiting to go out once the calendar was extended", () => {
    const additions = { ranges: () => [], workdays: (): string[] => [] };
    const calendar = withAdditions(fakeCalendar(), additions);
    const h = harness({ calendar });
    const [notice] = calendarNotices(at("2026-12-02 09:00"), calendar, h.transport);
    expect(notice?.wanted()).toBe(true);
    additions.workdays = () => ["2027-02-20"];
    expect(notice?.wanted()).toBe(false);
  });
});
