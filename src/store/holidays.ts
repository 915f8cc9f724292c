// The working calendar's data: the official holidays and 调休 workdays of the chinese-days package
// (2004 to the last year it covers), and the office's additions in DATA_DIR/holidays.json.
//
// chinese-days is read from the JSON table it ships (dist/chinese-days.json), not through its
// functions (!): those build their tables with local-time Date getters, so in a time zone west of
// UTC they shift days (measured with TZ=America/Los_Angeles: 2026-09-20, a make-up Sunday, reads
// as an ordinary Sunday). The shipped table is the same data, computed once, exact everywhere.
import { createRequire } from "node:module";
import { join } from "node:path";
import { z } from "zod";
import {
  calendarOf,
  parseDateKey,
  withAdditions,
  type DateKey,
  type HolidayBook,
  type HolidayRange,
  type WorkCalendar,
} from "../core/holidays.js";
import { parseInput } from "./input-error.js";
import { memoryDoc, openJsonDoc, readRequiredJsonFile, type JsonDoc } from "./json-doc.js";
import { queueOf } from "./serial.js";

const DateKeySchema = z
  .string()
  .refine((text) => parseDateKey(text) === text, { message: "must be a date YYYY-MM-DD" });

// "Mid-autumn Festival,中秋,1": English name, Chinese name, the holiday's number.
const OfficialSchema = z.object({
  holidays: z.record(DateKeySchema, z.string()),
  workdays: z.record(DateKeySchema, z.string()),
});

let official: WorkCalendar | undefined;

/** The official calendar of the chinese-days package (read once, then shared). */
export function officialCalendar(): WorkCalendar {
  if (official) return official;
  const file = createRequire(import.meta.url).resolve("chinese-days/dist/chinese-days.json");
  const data = readRequiredJsonFile(file, OfficialSchema, "reinstall with `npm install`");
  official = calendarOf({
    holidays: chineseNames(data.holidays),
    workdays: chineseNames(data.workdays),
  });
  return official;
}

function chineseNames(days: Record<string, string>): Record<DateKey, string> {
  return Object.fromEntries(Object.entries(days).map(([k, v]) => [k, v.split(",")[1] || v]));
}

const RangeSchema = z
  .object({
    start: DateKeySchema,
    end: DateKeySchema,
    name: z.string().trim().min(1).max(20),
    /** The admin who added it ("telegram:123"). */
    by: z.string(),
    at: z.iso.datetime(),
  })
  .refine((r) => r.start <= r.end, { message: "end must not be before start" });

const WorkdaySchema = z.object({ date: DateKeySchema, by: z.string(), at: z.iso.datetime() });

const HolidaysFileSchema = z.object({
  version: z.literal(1),
  holidays: z.array(RangeSchema),
  workdays: z.array(WorkdaySchema),
});
type HolidaysFile = z.infer<typeof HolidaysFileSchema>;

const emptyFile = (): HolidaysFile => ({ version: 1, holidays: [], workdays: [] });

/** The office's additions over a JSON document. */
export function createHolidayBook(doc: JsonDoc<HolidaysFile>): HolidayBook {
  const queue = queueOf(doc);
  const change = (fn: (data: HolidaysFile) => void) => queue(() => doc.update(fn));
  return {
    ranges: () => doc.data.holidays.map(({ start, end, name }) => ({ start, end, name })),
    workdays: () => doc.data.workdays.map((w) => w.date),
    addRange(range: HolidayRange, by: string, at: Date) {
      const entry = parseInput(RangeSchema, { ...range, by, at: at.toISOString() }, "holiday");
      return change((data) => {
        data.holidays = [...data.holidays.filter((r) => r.start !== entry.start), entry].sort(
          (a, b) => a.start.localeCompare(b.start),
        );
      });
    },
    addWorkday(date: DateKey, by: string, at: Date) {
      const entry = parseInput(WorkdaySchema, { date, by, at: at.toISOString() }, "workday");
      return change((data) => {
        data.workdays = [...data.workdays.filter((w) => w.date !== date), entry].sort((a, b) =>
          a.date.localeCompare(b.date),
        );
      });
    },
    async remove(date: DateKey) {
      const ranges = doc.data.holidays.filter((r) => r.start <= date && date <= r.end);
      const workday = doc.data.workdays.some((w) => w.date === date);
      if (ranges.length > 0 || workday) {
        await change((data) => {
          data.holidays = data.holidays.filter((r) => !(r.start <= date && date <= r.end));
          data.workdays = data.workdays.filter((w) => w.date !== date);
        });
      }
      return { ranges: ranges.map(({ start, end, name }) => ({ start, end, name })), workday };
    },
  };
}

/** The additions file of a data folder. */
export function holidaysFile(dataDir: string): string {
  return join(dataDir, "holidays.json");
}

/** The office's additions in `DATA_DIR/holidays.json` (created on the first addition). */
export function openHolidayBook(dataDir: string): HolidayBook {
  return createHolidayBook(openJsonDoc(holidaysFile(dataDir), HolidaysFileSchema, emptyFile));
}

/** An in-memory twin for tests. */
export function memoryHolidayBook(): HolidayBook {
  return createHolidayBook(memoryDoc(emptyFile()));
}

/** The working calendar of the running bot: the official one and the office's additions. */
export interface OfficeCalendar {
  /** Official days with the additions on top: what deadlines and reminders follow. */
  calendar: WorkCalendar;
  /** The official days alone. */
  official: WorkCalendar;
  book: HolidayBook;
}

/** The calendar of a data folder (official days plus `DATA_DIR/holidays.json`). */
export function openOfficeCalendar(dataDir: string): OfficeCalendar {
  return officeCalendarOf(officialCalendar(), openHolidayBook(dataDir));
}

/** An office calendar over any official calendar and book (tests pass fakes). */
export function officeCalendarOf(base: WorkCalendar, book: HolidayBook): OfficeCalendar {
  return { calendar: withAdditions(base, book), official: base, book };
}
