// Report text -> title, issuer, date, year, kind, sections, sentences, segments and clauses.
//
// Works for the layouts Chinese progress and work reports use: numbered headings (一、 （一） (一)),
// narrative headings or none; a header of title, dated subtitle and speaker line; a closing date
// line; footnote markers; a glossary at the end (名词解释), which holds no figures of the report.
import { chineseDate, chineseYear } from "./dates.js";
import { findNumbers } from "./numbers.js";

/** Whether a section reviews what was done or sets out what is planned. */
export type SectionMode = "review" | "plan" | "";

/** A sentence with its section path and its split into ；-segments and comma clauses. */
export interface SentenceNode {
  section: string[];
  /** Index of the paragraph inside the report (sentences of one paragraph share it). */
  paragraph: number;
  text: string;
  segments: string[][];
  /** Review or plan, from the headings above it ("2021年工作回顾", "2022年主要目标任务"). */
  mode: SectionMode;
  /** The year the nearest heading names ("2021年工作回顾" -> 2021), if any. */
  sectionYear?: number;
}

/** What kind of document a report is. */
export type ReportKind = "work-report" | "progress";

/** The report's title, issuer, date and sentences. */
export interface ReportStructure {
  title: string;
  issuer: string;
  /** ISO date of the report ("2021-07-13"), or "" when the text gives none. */
  date: string;
  /** The year the report is given in (its date's year, else the title's, else its headings'). */
  year?: number;
  /** How the year was found: "" when it was not, "guessed" when only a heading implied it. */
  yearSource: "date" | "title" | "headings" | "body" | "";
  kind: ReportKind;
  sentences: SentenceNode[];
}

const LEVEL1 = /^[一二三四五六七八九十]+、/;
/** "三、永葆“闯”的精神、…，全力做好2021年各项工作，在…上…": a part's heading may run long. */
const LEVEL1_LONGEST = 90;
const LEVEL2 = /^[（(][一二三四五六七八九十]+[）)]/;
const ARABIC_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;
const CHINESE_DATE =
  /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/;
const FOOTNOTE = /\^?[[［〔]\d{1,3}[\]］〕]/g;
const GLOSSARY = /^(名词解释|名词注释|注释|附注|注解)[：:]?$/;
const SENTENCE_STOP = /[。；！？]/;
const REVIEW = /回顾|过去|一年来|五年来|成就|成效|成绩|完成情况|亮点|进展情况/;
const PLAN = /安排|任务|目标|计划|打算|思路|重点工作|展望|今后|未来|部署|要求/;
const PLAN_OPENER = /(总体要求|主要预期目标|主要目标|预期目标)[是为][：:]?/;
const WORK_REPORT = /政府工作报告|各位代表/;
const YEAR_IN = /(\d{4})年/g;
/** "3,000套": a comma between digit groups of three separates thousands, not clauses. */
const THOUSANDS = /(\d),(?=\d{3}(?!\d))/g;

/** Splits report text into its structure. */
export function parseReport(text: string): ReportStructure {
  const lines = halfWidth(text)
    .replace(THOUSANDS, "$1")
    .replace(/\r/g, "")
    .split("\n")
    .map((l) => l.replace(FOOTNOTE, "").trim())
    .filter(Boolean);
  // "2015年工作回顾" on the first line, "2016年主要工作任务" further on: a year's work report
  // pasted from its first part has no title; its first line is a heading.
  const untitled = opensWithReview(lines);
  const bodyStart = untitled ? 0 : headerLength(lines);
  const header = lines.slice(0, bodyStart);
  const titleLine = untitled
    ? ""
    : (header.find((l) => !/^[―—-]/.test(l) && !isDateLine(l)) ?? lines[0] ?? "");
  let title = collapseSpaces(titleLine);
  const kind: ReportKind =
    untitled || WORK_REPORT.test(title) || WORK_REPORT.test(text.slice(0, 3000))
      ? "work-report"
      : "progress";

  let date = "";
  let issuer = "";
  for (const line of header) {
    date ||= dateOf(line);
    if (line !== titleLine && !isDateLine(line) && !/^[―—-]/.test(line))
      issuer ||= speakerBody(line);
  }
  // "——2026年1月28日在云南省第十四届人民代表大会第四次会议上", the speaker line saying only 省长.
  for (const line of header) issuer ||= congressBody(line);
  // "现在，我代表河北省人民政府向大会作政府工作报告": the opening names the government speaking
  // ("我代表国务院": the country's).
  issuer ||= /我代表(\S{2,12}?[省市县区旗州]人民政府|国务院)/.exec(text.slice(0, 3000))?.[1] ?? "";

  let level1 = "";
  let level2 = "";
  let mode: SectionMode = "";
  /** The kind a level-1 heading gave its part ("" when it says none). */
  let partMode: SectionMode = "";
  let sectionYear: number | undefined;
  const sentences: SentenceNode[] = [];
  const headingYears: { year: number; mode: SectionMode }[] = [];
  const body = lines.slice(bodyStart);
  for (const [index, line] of body.entries()) {
    if (isDateLine(line) && index >= body.length - 3) {
      date ||= dateOf(line);
      continue;
    }
    if (!SENTENCE_STOP.test(line) && index >= body.length - 2 && /[办委局府厅处室会]$/.test(line)) {
      // A closing line naming one office: the issuer. Not in a work report, which a government
      // delivers (such a line there names who carries out an appendix's item), nor a list of
      // offices ("卫人局、民政局、各街道办").
      if (kind !== "work-report" && !/[、，,]/.test(line)) issuer ||= line;
      continue;
    }
    const heading = headingOf(line);
    // "二、2025年主要任务" then "——攻坚新颜值、决胜“十四五”": a dashed subtitle under a heading
    // is its motto; the part stays the heading's (its year, its kind).
    if (heading && /^[―—-]/.test(heading) && index > 0 && headingOf(body[index - 1]!)) continue;
    if (heading) {
      if (GLOSSARY.test(heading)) break; // a glossary explains terms; it reports nothing
      // An item under a part that says what it is keeps the part's kind: "（五）加快释放改革开放
      // 成效" under "三、2026年重点工作" is a plan, "（一）圆满完成…任务" under a review is done.
      const item = LEVEL2.test(heading);
      const headingMode: SectionMode = item && partMode ? "" : modeOf(heading);
      if (!item) partMode = headingMode;
      const year = lastYear(heading);
      if (headingMode) mode = headingMode;
      if (year !== undefined || headingMode) sectionYear = year;
      if (year !== undefined) headingYears.push({ year, mode: headingMode });
      if (LEVEL2.test(heading)) level2 = heading;
      else [level1, level2] = [heading, ""];
      // "（六）…，办好20件民生实事和1000件民生微实事，…": an item's heading that counts what
      // it promises is read as text too (its figures are given nowhere else).
      if (!(item && findNumbers(heading).length > 0)) continue;
    }
    // "今年政府工作的总体要求是…", "主要预期目标是：…": the plans start here, heading or not.
    // ("2016年新区经济社会发展的主要预期目标是：": of the year it names just before.)
    const plansOpen = PLAN_OPENER.exec(line.slice(0, 60));
    if (plansOpen) {
      const named = /(\d{4})年[^。；]{0,20}$/.exec(line.slice(0, plansOpen.index))?.[1];
      [mode, sectionYear] = ["plan", named ? Number(named) : undefined];
    }
    let rest = line;
    let opener = "";
    // "（一）夯实粮食安全基础。…": an item heading that opens its paragraph.
    // "（二）一产增加值：一产增加值完成97.1亿元…": or a title closed by a colon.
    if (LEVEL2.test(line)) {
      const end = line.search(/[。；！？：:]/);
      if (end > 0 && end < 40 && end < line.length - 1) {
        [opener, rest] = [line.slice(0, end), line.slice(end + 1)];
      } else {
        rest = line.replace(LEVEL2, ""); // "（六）农村改厕任务38283座，…": the marker names nothing
      }
    }
    const section = [level1, opener || level2].filter(Boolean);
    for (const sentence of splitSentences(rest)) {
      sentences.push({
        section,
        paragraph: index,
        text: sentence,
        segments: splitSegments(sentence),
        mode,
        sectionYear,
      });
    }
  }
  const { year, yearSource } = reportYear(date, title, kind, headingYears, text);
  // "长治市农业农村局工作总结": the office that writes is named at the start of the title.
  issuer ||= /^(?:\d{4}年)?(.{2,20}?(农业农村局|局|委员会|办公室|人民政府))/.exec(title)?.[1] ?? "";
  // A header without a title line ("――2022年1月23日在…上", then the speaker, or only "各位代表："),
  // or the bare "政府工作报告": name it by year and place, as people list reports.
  const place = issuer.replace(/人民政府$/, "");
  const bare = !/报告|总结|情况|汇报|通报|公报/.test(title) || title === "政府工作报告";
  if (kind === "work-report" && bare && (issuer || !untitled)) {
    title = `${year ? `${year}年` : ""}${place}政府工作报告`;
  } else if (untitled && year) {
    title = `${year}年工作报告`;
  }
  return { title, issuer, date, year, yearSource, kind, sentences };
}

/** Full-width digits, letters, "．", "％" and "／" as their ASCII forms ("５万张" -> "5万张"). */
function halfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ．％／]/g, (ch) =>
    String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** The header: lines before the first one that speaks ("各位代表", or a sentence). */
function headerLength(lines: string[]): number {
  const greeting = lines.findIndex((l, i) => i < 8 && /^各位代表[：:！!]?$/.test(l));
  if (greeting >= 0) return greeting + 1;
  let i = 0;
  while (i < lines.length && i < 4 && !SENTENCE_STOP.test(lines[i]!) && lines[i]!.length < 60) i++;
  return Math.max(1, Math.min(i, 1 + (isDateLine(lines[1] ?? "") ? 1 : 0)));
}

/** A line that is a heading: numbered, or short and without a sentence stop. */
function headingOf(line: string): string | undefined {
  if (
    LEVEL1.test(line) &&
    !SENTENCE_STOP.test(line.slice(0, -1)) &&
    line.length <= LEVEL1_LONGEST
  ) {
    return line.replace(/。$/, "");
  }
  if (LEVEL2.test(line) && !SENTENCE_STOP.test(line) && line.length <= 60) return line;
  if (
    !SENTENCE_STOP.test(line) &&
    !/[：:]$/.test(line) &&
    line.length <= 40 &&
    !/\d{4}年\d/.test(line)
  ) {
    return line;
  }
  return undefined;
}

/**
 * The first line heads a review of one year ("2015年工作回顾") and a later heading plans the next
 * ("2016年主要工作任务"): the text starts at its first part, with no title.
 */
function opensWithReview(lines: string[]): boolean {
  const first = lines[0] ?? "";
  const heading = headingOf(first);
  if (!heading || /报告|总结/.test(heading) || modeOf(heading) !== "review") return false;
  const reviewed = lastYear(heading);
  if (reviewed === undefined) return false;
  return lines.slice(1).some((line) => {
    const later = headingOf(line);
    return later !== undefined && modeOf(later) === "plan" && lastYear(later) === reviewed + 1;
  });
}

function modeOf(heading: string): SectionMode {
  if (REVIEW.test(heading)) return "review";
  if (PLAN.test(heading)) return "plan";
  return "";
}

function lastYear(text: string): number | undefined {
  const years = [...text.matchAll(YEAR_IN)].map((m) => Number(m[1]));
  return years.at(-1) ?? chineseYear(text);
}

function isDateLine(line: string): boolean {
  return (
    line.length <= 40 &&
    (ARABIC_DATE.test(line) || CHINESE_DATE.test(line)) &&
    !/[，。；]/.test(line.replace(/[（）()]/g, ""))
  );
}

function dateOf(line: string): string {
  const arabic = ARABIC_DATE.exec(line);
  if (arabic) return iso(Number(arabic[1]), Number(arabic[2]), Number(arabic[3]));
  const chinese = chineseDate(line);
  return chinese ? iso(chinese.year, chinese.month, chinese.day) : "";
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** "保定市人民政府市长 闫继红" -> "保定市人民政府"; "甘肃省省长 任振鹤" -> "甘肃省人民政府". */
function speakerBody(line: string): string {
  const body = /^(.+?(人民政府|委员会|办公室|局|委))/.exec(line)?.[1];
  if (body) return body;
  const place = /^(.+?[省市县区旗州])(省长|市长|县长|区长|旗长|州长)/.exec(line)?.[1];
  return place ? `${place}人民政府` : "";
}

/** "…在云南省第十四届人民代表大会…" -> 云南省人民政府: the government reporting to that congress. */
function congressBody(line: string): string {
  const place = /在(\S{2,12}?[省市县区旗州])第\S{1,4}届人民代表大会/.exec(line)?.[1];
  return place ? `${place}人民政府` : "";
}

function collapseSpaces(text: string): string {
  return text.replace(/(?<=[\p{Script=Han}])\s+(?=[\p{Script=Han}])/gu, "");
}

function reportYear(
  date: string,
  title: string,
  kind: ReportKind,
  headings: { year: number; mode: SectionMode }[],
  text: string,
): { year?: number; yearSource: ReportStructure["yearSource"] } {
  // A progress report's title names the year its figures are of ("2025年全年…", dated 2026).
  const inTitle = lastYear(title);
  if (inTitle && (kind === "progress" || !date)) return { year: inTitle, yearSource: "title" };
  if (date) return { year: Number(date.slice(0, 4)), yearSource: "date" };
  const planned = headings.find((h) => h.mode === "plan");
  if (planned) return { year: planned.year, yearSource: "headings" };
  const reviewed = headings.find((h) => h.mode === "review");
  if (reviewed)
    return { year: reviewed.year + (kind === "work-report" ? 1 : 0), yearSource: "headings" };
  const counts = new Map<number, number>();
  for (const m of text.matchAll(YEAR_IN))
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
  return common ? { year: common, yearSource: "body" } : { yearSource: "" };
}

/** Splits a paragraph into sentences at 。！？ (keeping quotes and brackets together). */
export function splitSentences(paragraph: string): string[] {
  return splitOutside(paragraph, /[。！？]/).filter((s) => s.length > 0);
}

function splitSegments(sentence: string): string[][] {
  // A bracketed breakdown ("（其中春季5万亩，秋季10万亩）") is cut into clauses like the rest.
  // What follows the bracket is said of the figure before it ("1002套（含…352套）完成竣工").
  // "三、四期工程": a 、 between numerals joins them into one item.
  const opened = sentence
    .replace(/（(其中|包括|含|分别为)([^（）]*)）/g, "，$1$2，")
    .replace(NUMERALS_JOINED, JOINED);
  return splitOutside(opened, /[；;]/)
    .filter(Boolean)
    .map((segment) =>
      splitOutside(segment, /[，,、：:]/, QUOTES)
        .filter(Boolean)
        .map((clause) => clause.replaceAll(JOINED, "、")),
    );
}

const NUMERALS_JOINED = /(?<=[一二三四五六七八九十])、(?=[一二三四五六七八九十])/g;
/** Stands for a 、 that joins while clauses are split (a private-use character). */
const JOINED = "\uE000";

const BRACKETS = { open: "“《（(「", close: "”》）)」" };
const QUOTES = { open: "“《「", close: "”》」" };

/** Splits at separator characters that are not inside quotes or brackets; drops separators. */
function splitOutside(text: string, separator: RegExp, pairs = BRACKETS): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (pairs.open.includes(ch)) depth++;
    else if (pairs.close.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separator.test(ch)) {
      parts.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current.trim());
  return parts;
}
