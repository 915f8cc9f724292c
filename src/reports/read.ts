// Reads an office's report document (.txt, .docx, .pdf, .doc, .wps) into plain text, one
// paragraph a line. Every failure becomes a ReportReadError whose message is one Chinese line
// naming the file, fit to show to whoever sent it.
//
// The heavy parsers (pdf.js, mammoth, word-extractor) are imported on first use, so importing
// this module costs nothing until a document of that kind is read.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type DocumentFormat = "txt" | "docx" | "pdf" | "doc";

export interface ReadDocument {
  /** The document's text, one paragraph a line, no blank lines. */
  text: string;
  /** The format the bytes were read as (a .wps file reads as "doc"; content beats extension). */
  format: DocumentFormat;
  /** Things the reader got past but the sender may want to know (one Chinese line each). */
  warnings: string[];
}

/** A document that cannot be read; the message is one Chinese line naming the file. */
export class ReportReadError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ReportReadError";
  }
}

const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  ".txt": "txt",
  ".docx": "docx",
  ".pdf": "pdf",
  ".doc": "doc",
  ".wps": "doc", // WPS Writer's own format is the Word 97-2003 binary layout
};

/** Reads a report file by extension (.txt, .docx, .pdf, .doc, .wps). */
export async function readDocument(file: string): Promise<ReadDocument> {
  const name = baseName(file);
  formatOf(name); // an unsupported extension fails before the disk is touched
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "找不到该文件。"
        : code === "EISDIR"
          ? "这是一个文件夹，不是文件。"
          : `读取文件时出错（${code ?? "未知错误"}）。`;
    throw failure(name, reason, error);
  }
  return readDocumentBytes(bytes, name);
}

/** Same from bytes already in memory (chat uploads); `name` gives the extension and is used in messages. */
export async function readDocumentBytes(bytes: Uint8Array, name: string): Promise<ReadDocument> {
  const shownName = baseName(name);
  const declared = formatOf(shownName);
  const warnings: string[] = [];
  // Files travel under the wrong extension (a .docx saved as .doc, a .doc renamed .wps), so for
  // the binary formats the content's signature decides; a .txt is always read as text.
  const sniffed = declared === "txt" ? undefined : sniffFormat(bytes);
  const format = sniffed ?? declared;
  if (format !== declared) {
    warnings.push(`“${shownName}”的内容实际是 ${format} 格式，已按 ${format} 读取。`);
  }

  let text: string;
  switch (format) {
    case "txt":
      text = readTxt(bytes, shownName);
      break;
    case "docx":
      text = await readDocx(bytes, shownName, warnings);
      break;
    case "pdf":
      text = await readPdf(bytes, shownName, warnings);
      break;
    case "doc":
      text = await readDoc(bytes, shownName);
      break;
  }

  text = toLines(text).join("\n");
  if (text === "") throw failure(shownName, "没有可读的文字。");
  return { text, format, warnings };
}

// ---------------------------------------------------------------------------------------------
// Names, formats, messages

function baseName(name: string): string {
  // Uploads may carry a Windows path; one line, whatever the name holds.
  const base = name.split(/[\\/]/).pop() || name;
  return base.replace(/\s+/g, " ").trim();
}

function formatOf(name: string): DocumentFormat {
  const format = FORMAT_BY_EXTENSION[path.extname(name).toLowerCase()];
  if (!format) {
    throw failure(name, "不支持这种文件格式，请上传 .txt、.docx、.pdf、.doc 或 .wps 文件。");
  }
  return format;
}

function failure(name: string, reason: string, cause?: unknown): ReportReadError {
  return new ReportReadError(`无法读取“${name}”：${reason}`, cause === undefined ? {} : { cause });
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4": .docx (and any zip)
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // compound file: .doc, .wps
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

/** The format the bytes' signature shows, if it shows one we read. */
function sniffFormat(bytes: Uint8Array): DocumentFormat | undefined {
  if (startsWith(bytes, ZIP)) return "docx";
  if (startsWith(bytes, OLE)) return "doc";
  // The PDF header may follow some junk, within the first kilobyte.
  const head = bytes.subarray(0, 1024);
  for (let i = head.indexOf(PDF[0]!); i >= 0; i = head.indexOf(PDF[0]!, i + 1)) {
    if (startsWith(head, PDF, i)) return "pdf";
  }
  return undefined;
}

/** Trimmed, non-blank lines. Word's manual line breaks (\v) and page breaks (\f) split too. */
function toLines(text: string): string[] {
  return text
    .split(/\r\n?|[\n\v\f\u2028\u2029]/)
    .map((line) => line.trim())
    .filter((line) => line !== "");
}

// ---------------------------------------------------------------------------------------------
// .txt

function readTxt(bytes: Uint8Array, name: string): string {
  // Windows Notepad's "Unicode" is UTF-16 with a byte order mark.
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes);
  if (bytes.includes(0)) throw failure(name, "文件内容不是文本（可能是改了扩展名的其他文件）。");
  try {
    // TextDecoder drops a UTF-8 byte order mark by itself.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: Chinese Windows saves text as GBK, which GB18030 contains.
    return new TextDecoder("gb18030").decode(bytes);
  }
}

// ---------------------------------------------------------------------------------------------
// .docx

async function readDocx(bytes: Uint8Array, name: string, warnings: string[]): Promise<string> {
  const { default: mammoth } = await import("mammoth");
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // Raw text puts every paragraph (table cells included) on its own line(s).
    const result = await mammoth.extractRawText({ buffer });
    for (const message of result.messages) warnings.push(`docx：${message.message}`);
    return result.value;
  } catch (error) {
    throw failure(name, "文件不是有效的 .docx 文档（可能已损坏，或扩展名与内容不符）。", error);
  }
}

// ---------------------------------------------------------------------------------------------
// .doc and .wps

async function readDoc(bytes: Uint8Array, name: string): Promise<string> {
  const { default: WordExtractor } = await import("word-extractor");
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const document = await new WordExtractor().extract(buffer);
    return document.getBody();
  } catch (error) {
    throw failure(
      name,
      "无法解析这份 Word/WPS 文档（可能已损坏，或不是 Word 97-2003 格式），请另存为 .docx 后再试。",
      error,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// .pdf

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let pdfjsLoaded: Promise<PdfJs> | undefined;
let pdfjsDir = "";

/** pdf.js's legacy build, set up for Node. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoaded ??= (async () => {
    const require = createRequire(import.meta.url);
    pdfjsDir = path.dirname(require.resolve("pdfjs-dist/package.json"));
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    // Node has no web workers: pdf.js then runs its worker code on the main thread ("fake
    // worker"), importing it from workerSrc. Point that at the legacy worker file explicitly so it
    // resolves the same under tsx, vitest and bundlers.
    pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(
      path.join(pdfjsDir, "legacy/build/pdf.worker.mjs"),
    ).href;
    return pdfjs;
  })();
  return pdfjsLoaded;
}

/** One run of text from pdf.js's getTextContent (marked-content items carry no `str`). */
interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

async function readPdf(bytes: Uint8Array, name: string, warnings: string[]): Promise<string> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // a copy: pdf.js takes the buffer over, the caller keeps theirs
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false, // uploads are untrusted: no code generated from font programs
    // Chinese PDFs often use predefined CMaps (UniGB-UCS2-H, GBK-EUC-H…) and non-embedded fonts.
    cMapUrl: path.join(pdfjsDir, "cmaps") + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(pdfjsDir, "standard_fonts") + path.sep,
  });
  try {
    let pdf;
    try {
      pdf = await task.promise;
    } catch (error) {
      const kind = (error as { name?: string } | null)?.name;
      if (kind === "PasswordException") {
        throw failure(name, "文件已加密，请先解除密码保护。", error);
      }
      throw failure(name, "文件不是有效的 PDF（可能已损坏，或扩展名与内容不符）。", error);
    }

    const lines: string[] = [];
    const pagesWithoutText: number[] = [];
    try {
      for (let number = 1; number <= pdf.numPages; number++) {
        const page = await pdf.getPage(number);
        const content = await page.getTextContent();
        const items = content.items.flatMap((item) => ("str" in item ? [item] : []));
        const pageLines = groupPdfLines(items);
        if (pageLines.length === 0) pagesWithoutText.push(number);
        lines.push(...pageLines);
        page.cleanup();
      }
    } catch (error) {
      throw failure(name, "PDF 内容已损坏，无法提取文字。", error);
    }

    const text = mendPdfText(lines);
    if (text === "") {
      throw failure(name, "PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）。");
    }
    if (pagesWithoutText.length > 0) {
      warnings.push(
        `第 ${pagesWithoutText.join("、")} 页没有文字层（可能是扫描页），这些页的内容没有读出。`,
      );
    }
    if (looksGarbled(text)) {
      warnings.push("PDF 的部分字体缺少编码信息，读出的文字可能有乱码，请核对。");
    }
    return text;
  } finally {
    await task.destroy();
  }
}

/**
 * Groups a page's text runs into visual lines: a run starts a new line after a run that ends one
 * (hasEOL) or when its baseline moves by more than half the font size. Runs on one line separated
 * by a visible gap get a space (mendPdfText later removes it between Chinese characters).
 */
function groupPdfLines(items: readonly PdfTextItem[]): string[] {
  const lines: string[] = [];
  let line = "";
  let lineY = 0;
  let lineEnded = true;
  let previousEndX = 0;
  for (const item of items) {
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(c, d) || item.height || 1;
    if (lineEnded || Math.abs(y - lineY) > size / 2) {
      if (line.trim() !== "") lines.push(line);
      line = item.str;
      lineY = y;
    } else {
      const gap = x - previousEndX;
      const spaced = /\s$/.test(line) || /^\s/.test(item.str);
      line += (gap > size * 0.25 && !spaced ? " " : "") + item.str;
    }
    previousEndX = x + item.width;
    lineEnded = item.hasEOL;
  }
  if (line.trim() !== "") lines.push(line);
  return lines;
}

/** Private-use and replacement characters: glyphs a font maps to no Unicode. */
function looksGarbled(text: string): boolean {
  const visible = text.replace(/\s/g, "");
  const unknown = visible.match(/[\uE000-\uF8FF\uFFFD]/g)?.length ?? 0;
  return visible.length > 0 && unknown / visible.length > 0.05;
}

// ---------------------------------------------------------------------------------------------
// Mending PDF text

// Han characters, CJK punctuation and full-width forms (full-width digits and ，。：；（） too).
const CJK = "\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF";
// Quotes, ellipsis and dashes that sit between Chinese characters but also in Latin text.
const CJK_NEIGHBOURS = "“”‘’…—·";

const SPACE_BETWEEN_CJK = new RegExp(
  `([${CJK}${CJK_NEIGHBOURS}])\\s+(?=[${CJK}${CJK_NEIGHBOURS}])`,
  "gu",
);
const SPACE_AFTER_CJK = new RegExp(`([${CJK}])\\s+(?=[A-Za-z0-9(\\[]|[-+−]\\d)`, "gu");
const SPACE_BEFORE_CJK = new RegExp(`([A-Za-z0-9%‰℃°)\\]])\\s+(?=[${CJK}])`, "gu");
const SPACE_BEFORE_UNIT = /(\d)\s+(?=[%‰℃°])/gu;

/** Removes the spaces PDF extraction leaves in Chinese text; spaces between Latin words stay. */
function mendSpacing(line: string): string {
  return line
    .replace(/\s+/gu, " ")
    .trim()
    .replace(SPACE_BETWEEN_CJK, "$1") // "粮食 产量" → "粮食产量"
    .replace(SPACE_AFTER_CJK, "$1") // "达到 4.6" → "达到4.6"
    .replace(SPACE_BEFORE_CJK, "$1") // "2023 年", "4.6 亿斤", "8% 的" → no space
    .replace(SPACE_BEFORE_UNIT, "$1"); // "8 %" → "8%"
}

// Page numbers and similar furniture, alone on a line: "- 3 -", "— 3 —", "3", "·3·", "第 3 页",
// "第3页 共10页", "共10页 第3页", "3/10", "Page 3 of 10".
const PAGE_FURNITURE = [
  /^[-－—–_·•.\s]*\d{1,3}[-－—–_·•.\s]*$/u,
  /^(?:共\s*\d{1,4}\s*页\s*[,，/／]?\s*)?第\s*\d{1,4}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,4}\s*页)?$/u,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/u,
  /^page\s*\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/iu,
];

// A line ends a sentence with 。！？；：(or their ASCII forms, "." too) or an ellipsis, possibly
// followed by a closing quote. A closing quote alone does not: "实施“藏粮于地、藏粮于技”" may go on
// "战略". A line wholly in brackets, such as "（2024年1月10日在……会议上）", stands alone too.
const SENTENCE_END = /(?:[。！？；：!?;.]|…)[”’」』"']?$|^[（(][^（()）]*[）)]$/u;

// Heading markers: 第一章 / 第二部分, 一、, （一）, 1. / 1、, （1）, ①.
const HEADING =
  /^(?:第[一二三四五六七八九十百零〇\d]+[章节部分篇条]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、．.](?!\d)|[（(]\d{1,2}[）)]|[①-⑳])/u;
// A heading is short when it has at most this many characters (official documents set 28 a
// line) or, where the page shows what a full line is, when it leaves part of its line empty.
const HEADING_MAX_LENGTH = 25;

/** Width in full-width character cells: Chinese counts 1, Latin letters, digits and spaces ½. */
function cellWidth(line: string): number {
  let width = 0;
  for (const char of line) width += char.charCodeAt(0) < 0x2e80 ? 0.5 : 1;
  return width;
}

/**
 * Mends text extracted from a PDF, given its visual lines in reading order: removes page numbers
 * and the spaces extraction leaves between Chinese characters and around numbers, then joins the
 * lines a paragraph was wrapped into. Returns one paragraph a line.
 *
 * A line is joined to the one before unless that one ends a sentence (。！？；：…, or is wholly in
 * brackets), is a short heading (一、… / （一）… ), or is clearly shorter than a full line (a
 * title, a date, a signature: judged only with enough lines to know what a full line is), and
 * unless it starts a heading itself.
 */
export function mendPdfText(lines: string[]): string {
  const content = lines
    .map(mendSpacing)
    .filter((line) => line !== "" && !PAGE_FURNITURE.some((furniture) => furniture.test(line)));

  // What a full (wrapped) line measures: the 80th percentile of widths, known from 5 lines up.
  const widths = content.map(cellWidth).sort((a, b) => a - b);
  const fullWidth = widths.length >= 5 ? (widths[Math.floor(widths.length * 0.8)] ?? 0) : 0;
  const isShort = (line: string) => cellWidth(line) < fullWidth * 0.6;
  const isShortHeading = (line: string) =>
    HEADING.test(line) && (line.length <= HEADING_MAX_LENGTH || cellWidth(line) < fullWidth * 0.9);

  const paragraphs: string[] = [];
  let previous: string | undefined;
  for (const line of content) {
    const ends =
      previous === undefined ||
      SENTENCE_END.test(previous) ||
      isShortHeading(previous) ||
      isShort(previous) ||
      HEADING.test(line);
    if (ends) {
      paragraphs.push(line);
    } else {
      const last = paragraphs.length - 1;
      paragraphs[last] += joiner(previous ?? "", line) + line;
    }
    previous = line;
  }
  return paragraphs.join("\n");
}

/** What goes between a wrapped line and its continuation: a space only inside Latin text. */
function joiner(previous: string, next: string): string {
  const latinAfterLatin =
    (/[A-Za-z0-9,.;:!?)]$/.test(previous) && /^[A-Za-z(]/.test(next)) ||
    (/[A-Za-z]$/.test(previous) && /^\d/.test(next));
  return latinAfterLatin ? " " : "";
}
