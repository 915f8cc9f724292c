// Report text -> title, sections, sentences, segments and clauses.

/** A sentence with its section path and its split into ；-segments and comma clauses. */
export interface SentenceNode {
  section: string[];
  /** Index of the paragraph inside the report (sentences of one paragraph share it). */
  paragraph: number;
  text: string;
  segments: string[][];
}

/** The report's title, issuer, date and sentences. */
export interface ReportStructure {
  title: string;
  issuer: string;
  /** ISO date of the report, from its closing line ("2021年7月13日" -> "2021-07-13"). */
  date: string;
  sentences: SentenceNode[];
}

const LEVEL1 = /^[一二三四五六七八九十]+、/;
const LEVEL2 = /^（[一二三四五六七八九十]+）/;
const CLOSING_DATE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;

/** Splits report text into its structure. */
export function parseReport(text: string): ReportStructure {
  const lines = text
    .replace(/\r/g, "")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  const title = lines[0] ?? "";
  let date = "";
  let issuer = "";
  let level1 = "";
  const sentences: SentenceNode[] = [];
  lines.slice(1).forEach((line, index) => {
    const closing = CLOSING_DATE.exec(line);
    if (closing) {
      date = `${closing[1]}-${closing[2]!.padStart(2, "0")}-${closing[3]!.padStart(2, "0")}`;
      return;
    }
    if (LEVEL1.test(line)) {
      level1 = line;
      return;
    }
    if (!/[。；]/.test(line)) {
      issuer = line; // a line without a sentence stop: the issuing office
      return;
    }
    let body = line;
    const section = level1 ? [level1] : [];
    if (LEVEL2.test(line)) {
      const end = line.indexOf("。");
      section.push(line.slice(0, end));
      body = line.slice(end + 1);
    }
    for (const sentence of splitSentences(body)) {
      sentences.push({
        section,
        paragraph: index,
        text: sentence,
        segments: splitSegments(sentence),
      });
    }
  });
  return { title, issuer, date, sentences };
}

/** Splits a paragraph into sentences at 。！？ (keeping quotes and brackets together). */
export function splitSentences(paragraph: string): string[] {
  return splitOutside(paragraph, /[。！？]/).filter((s) => s.length > 0);
}

function splitSegments(sentence: string): string[][] {
  return splitOutside(sentence, /[；;]/)
    .filter(Boolean)
    .map((segment) => splitOutside(segment, /[，,、：:]/).filter(Boolean));
}

const OPEN = "“《（(「";
const CLOSE = "”》）)」";

/** Splits at separator characters that are not inside quotes or brackets; drops separators. */
function splitOutside(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
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
