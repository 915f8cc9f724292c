// Reads the text after 上报: an optional township, then field names each followed by a figure
// ("某某镇 新建民宿 35户 在建民宿 8户", "新建民宿：35户，在建民宿8户"). Field names are the task's
// labels and aliases; figures are read as in the guided form (parseFieldValue).
import type { Township } from "../../store/roster.js";
import { matchTownships } from "../townships.js";
import type { Task, TaskField } from "../../store/tasks.js";
import { findFieldMentions } from "./fields.js";
import { parseFieldValue } from "./number-parse.js";
import { TEXTS } from "./texts.js";

/** One figure of a one-line report, in the field's unit. */
export interface LineEntry {
  index: number;
  field: TaskField;
  value: number;
  raw: string;
}

/** The township named (if any) and the figures, or the reasons the line was refused. */
export type LineResult =
  { ok: true; township?: string; entries: LineEntry[] } | { ok: false; errors: string[] };

/** Separators people put between a name and its figure or between two items. */
const SEPARATORS = /^[\s:：,，、;；=。]+|[\s:：,，、;；=。]+$/gu;

/** Parses the arguments of 上报; an empty text gives no township and no entries. */
export function parseReportLine(args: string, task: Task, roster: readonly Township[]): LineResult {
  const text = args.normalize("NFKC").trim();
  const mentions = findFieldMentions(text, task);
  const head = trim(mentions[0] ? text.slice(0, mentions[0].start) : text);
  const township = head ? readTownship(head, roster) : { ok: true as const };
  if (!mentions.length) {
    if (!township.ok) return { ok: false, errors: [TEXTS.noFieldNamed(task)] };
    return { ok: true, ...named(township.name), entries: [] };
  }
  const errors = township.ok ? [] : [township.error];
  const entries: LineEntry[] = [];
  mentions.forEach((mention, i) => {
    const raw = trim(text.slice(mention.end, mentions[i + 1]?.start ?? text.length));
    const entry = readEntry(task, mention.field, raw, entries);
    if (typeof entry === "string") errors.push(entry);
    else entries.push(entry);
  });
  if (!township.ok || errors.length) return { ok: false, errors };
  return { ok: true, ...named(township.name), entries };
}

function trim(text: string): string {
  return text.replace(SEPARATORS, "");
}

function named(township: string | undefined): { township?: string } {
  return township === undefined ? {} : { township };
}

function readEntry(
  task: Task,
  field: TaskField,
  raw: string,
  earlier: readonly LineEntry[],
): LineEntry | string {
  if (earlier.some((e) => e.field.key === field.key)) return TEXTS.fieldTwice(field.label);
  if (!raw) return TEXTS.valueMissing(field.label);
  const parsed = parseFieldValue(raw, field);
  if (!parsed.ok) return `${field.label}：${parsed.error}`;
  return { index: task.fields.indexOf(field), field, value: parsed.value, raw };
}

/** The township a typed name means, or why it means none. */
export function readTownship(
  typed: string,
  roster: readonly Township[],
): { ok: true; name?: string } | { ok: false; error: string } {
  const matches = matchTownships(roster, typed);
  const only = matches.length === 1 ? matches[0] : undefined;
  if (only) return { ok: true, name: only.name };
  if (!matches.length) return { ok: false, error: TEXTS.unknownTownship(typed) };
  return {
    ok: false,
    error: TEXTS.ambiguousTownship(
      typed,
      matches.map((t) => t.name),
    ),
  };
}
