// Importing a report in the chat, and listing or removing reports. An admin sends a document in
// a private chat; the bot reads it, shows a preview (title, issuer, date, period, figures,
// warnings) and publishes it on 确认. Reading, extracting and storing come in through ports.
import type { CommandContext, CommandSpec, Flow } from "../engine.js";
import type { DocumentFetcher, Reply } from "../types.js";
import type { IndicatorStore } from "../../extract/indicator.js";
import { byTime, type ReportEntry, type ReportLibrary } from "../../reports/library.js";
import { formatFigure } from "../../search/format.js";
import { REPORT_TEXTS as T } from "./texts.js";

/** Reports waiting for 确认, kept so a restart does not lose them. */
export interface PendingReports {
  put(store: IndicatorStore): string;
  get(id: string): IndicatorStore | undefined;
  drop(id: string): void;
}

/** What the feature needs from outside the core. */
export interface ReportDesk {
  library: ReportLibrary;
  pending: PendingReports;
  /** Reads and extracts a sent file; rejects with a one-line Chinese message naming it. */
  prepare(bytes: Uint8Array, name: string): Promise<IndicatorStore>;
  /** Downloads sent files (each channel's own). */
  documents: DocumentFetcher;
  /** Largest file accepted, in bytes (default: 20 MB). */
  maxBytes?: number;
}

/** The feature's parts for `createCore`. */
export interface ReportFeature {
  commands: Record<string, CommandSpec>;
  flows: Flow[];
  onDocument(context: CommandContext): Promise<Reply[]>;
}

const IMPORT_FLOW = "report-import";
const REMOVE_FLOW = "report-remove";
const MB = 1024 * 1024;
const SAMPLES = 5;

interface FlowData {
  id: string;
  title: string;
}

/** Builds the feature over `desk`. */
export function createReportFeature(desk: ReportDesk): ReportFeature {
  const maxBytes = desk.maxBytes ?? 20 * MB;

  async function onDocument(context: CommandContext): Promise<Reply[]> {
    const { message } = context;
    const document = message.document!;
    if (message.chatType !== "private") return [{ text: T.privateOnly }];
    if (!context.admin) return [{ text: T.notAdmin }];
    if (document.size !== undefined && document.size > maxBytes) {
      return [{ text: T.tooLarge(document.name, maxBytes / MB) }];
    }
    let bytes: Uint8Array;
    try {
      bytes = await desk.documents.fetch(message, maxBytes);
    } catch (error) {
      // Channels reject with a short Chinese line (too large, expired …); anything else is ours.
      const told = error instanceof Error && error.name === "DocumentFetchError";
      return [{ text: told ? error.message : T.fetchFailed(document.name) }];
    }
    let store: IndicatorStore;
    try {
      store = await desk.prepare(bytes, document.name);
    } catch (error) {
      return [{ text: error instanceof Error ? error.message : String(error) }];
    }
    const same = desk.library.list().find((e) => e.store.source.sha256 === store.source.sha256);
    if (same) return [{ text: T.duplicate(same.store.source.title) }];
    const id = desk.pending.put(store);
    context.conversation.flow = flowState(IMPORT_FLOW, { id, title: store.source.title }, context);
    return [{ text: preview(store), choices: confirmChoices() }];
  }

  const importFlow: Flow = {
    name: IMPORT_FLOW,
    async onMessage(context, text) {
      const data = context.conversation.flow!.data as FlowData;
      if (isWord(text, T.cancelWord)) {
        desk.pending.drop(data.id);
        context.conversation.flow = undefined;
        return [{ text: T.dropped }];
      }
      if (!isWord(text, T.confirmWord)) return [{ text: T.pendingHint, choices: confirmChoices() }];
      context.conversation.flow = undefined;
      const store = desk.pending.get(data.id);
      if (!store) return [{ text: T.gone }];
      const { entry, added } = desk.library.add(store);
      desk.pending.drop(data.id);
      const { title, period } = entry.store.source;
      return [
        { text: added ? T.published(title, period, store.indicators.length) : T.duplicate(title) },
      ];
    },
  };

  const removeFlow: Flow = {
    name: REMOVE_FLOW,
    async onMessage(context, text) {
      const data = context.conversation.flow!.data as FlowData;
      context.conversation.flow = undefined;
      if (!isWord(text, T.confirmWord)) return [{ text: T.kept }];
      return [{ text: desk.library.remove(data.id) ? T.removed(data.title) : T.kept }];
    },
  };

  function reports(context: CommandContext): Reply[] {
    const entries = [...byTime(desk.library.list())].reverse();
    const remove = /^(remove|删除)\s*(\S*)$/i.exec(context.args.trim());
    if (remove) {
      if (!context.admin) return [{ text: "只有管理员可以删除报告。" }];
      const entry = entries[Number(remove[2]) - 1];
      if (!/^\d+$/.test(remove[2] ?? "") || !entry) return [{ text: T.removeUsage }];
      const data = { id: entry.id, title: entry.store.source.title };
      context.conversation.flow = flowState(REMOVE_FLOW, data, context);
      return [{ text: T.removeAsk(data.title), choices: confirmChoices() }];
    }
    if (!entries.length) return [{ text: T.empty }];
    const lines = entries.map((e, i) => `${i + 1}. ${describe(e)}`);
    return [{ text: [T.listHead(entries.length), ...lines, T.listTail].join("\n") }];
  }

  return {
    commands: { reports: { run: reports } },
    flows: [importFlow, removeFlow],
    onDocument,
  };
}

/** "《标题》 2025年 · 2026年1月27日 · 290 个数字". */
function describe(entry: ReportEntry): string {
  const { title, period, date } = entry.store.source;
  return [`《${title}》`, period, dateText(date), `${entry.store.indicators.length} 个数字`]
    .filter(Boolean)
    .join(" · ");
}

/** The preview an admin confirms: what the bot read, and what to check. */
export function preview(store: IndicatorStore): string {
  const { title, issuer, date, period, kind, warnings = [] } = store.source;
  const samples = pickSamples(store).map((i, n) => `  ${n + 1}. ${i.name} ${formatFigure(i)}`);
  const unitless = store.indicators.filter((i) => !i.unit).length;
  const notes = [...warnings, ...(unitless ? [`${unitless} 个数字没有单位`] : [])];
  const periodNote =
    kind === "work-report" ? "（政府工作报告：回顾部分按上一年，计划部分按当年）" : "";
  return [
    `收到报告：《${title}》`,
    `发布单位：${issuer || "未识别"}`,
    `日期：${dateText(date) || "未找到"}`,
    `报告期：${period || "未识别"}${periodNote}`,
    `数字：${store.indicators.length} 个，例如：`,
    ...samples,
    ...(notes.length ? [`请注意：${notes.join("；")}`] : []),
    T.askConfirm,
  ].join("\n");
}

/** Five figures spread over the report, so the preview shows its beginning, middle and end. */
function pickSamples(store: IndicatorStore) {
  const all = store.indicators;
  if (all.length <= SAMPLES) return all;
  return Array.from(
    { length: SAMPLES },
    (_, k) => all[Math.floor((k * (all.length - 1)) / (SAMPLES - 1))]!,
  );
}

function confirmChoices() {
  return [
    { label: T.confirmWord, value: T.confirmWord },
    { label: T.cancelWord, value: T.cancelWord },
  ];
}

function flowState(name: string, data: FlowData, context: CommandContext) {
  return { name, data, updatedAt: context.now.toISOString() };
}

function isWord(text: string, word: string): boolean {
  return text.trim().replace(/[。！!]$/, "") === word;
}

function dateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : "";
}
