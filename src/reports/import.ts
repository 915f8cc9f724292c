// A document -> a validated report store, ready to preview and publish. Nothing is written here:
// a failed import (unreadable, encrypted, scanned, no figures, not a report) changes nothing and
// says why in one line naming the file.
import { basename } from "node:path";
import { buildIndicatorStore, type ReportOverrides } from "../extract/index.js";
import { IndicatorStoreSchema, type IndicatorStore } from "../extract/indicator.js";
import { readDocument, readDocumentBytes, ReportReadError, type ReadDocument } from "./read.js";

/** The document cannot become a report; the message is one Chinese line naming the file. */
export class ReportImportError extends Error {
  override name = "ReportImportError";
}

/** Fewer figures than this, in text this long, is not a progress or work report. */
const MIN_FIGURES = 3;
const MIN_SENTENCES = 3;

/** Reads and extracts a report file. */
export async function prepareReportFile(
  file: string,
  overrides: ReportOverrides = {},
): Promise<IndicatorStore> {
  return prepare(() => readDocument(file), basename(file), overrides);
}

/** Reads and extracts a report sent as bytes (a chat upload). */
export async function prepareReportBytes(
  bytes: Uint8Array,
  name: string,
  overrides: ReportOverrides = {},
): Promise<IndicatorStore> {
  return prepare(() => readDocumentBytes(bytes, name), basename(name), overrides);
}

async function prepare(
  read: () => Promise<ReadDocument>,
  name: string,
  overrides: ReportOverrides,
): Promise<IndicatorStore> {
  let document: ReadDocument;
  try {
    document = await read();
  } catch (error) {
    if (error instanceof ReportReadError) throw new ReportImportError(error.message);
    throw error;
  }
  const store = buildIndicatorStore(document.text, name, overrides);
  const sentences = document.text.split(/[。！？]/).filter((s) => s.trim().length > 8).length;
  if (sentences < MIN_SENTENCES) {
    throw new ReportImportError(`无法导入“${name}”：看起来不是报告（成段的文字太少）。`);
  }
  if (store.indicators.length < MIN_FIGURES) {
    throw new ReportImportError(
      `无法导入“${name}”：没有找到带单位的数字（只找到 ${store.indicators.length} 个），不像进展或工作报告。`,
    );
  }
  const warnings = [...document.warnings, ...(store.source.warnings ?? [])];
  return IndicatorStoreSchema.parse({ ...store, source: { ...store.source, warnings } });
}
