// WeCom's flat callback XML, <xml><Tag><![CDATA[value]]></Tag>...</xml>, read by fast-xml-parser.
// Only the root's direct children are collected; zod then checks the fields we use.
// No DOCTYPE is accepted and the parser expands no entity (XXE and entity-expansion safe): the five
// predefined entities and character references are decoded here, strictly.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { z } from "zod";
import { WecomPayloadError } from "./errors.js";

/** A callback body that is not well-formed XML; the doors answer it 400. */
export class WecomXmlError extends WecomPayloadError {
  override name = "WecomXmlError";
}

const CDATA = "#cdata";
const TEXT = "#text";

const parser = new XMLParser({
  preserveOrder: true, // text and CDATA of one element stay in order
  processEntities: false, // no DOCTYPE entities, no expansion: decodeReferences does the rest
  htmlEntities: false,
  parseTagValue: false, // "1409659813" stays a string
  trimValues: false,
  cdataPropName: CDATA, // CDATA kept apart, so it is not entity-decoded
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** One node of fast-xml-parser's ordered output: { tag: children } or { "#text": text }. */
type OrderedNode = Record<string, unknown>;

const PREDEFINED: Readonly<Record<string, string>> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

/** XML 1.0 `Char`: tab, newlines, and the Unicode scalar values bar U+FFFE and U+FFFF. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Decodes the predefined entities and character references; anything else is refused. */
export function decodeReferences(text: string): string {
  return text.replace(/&([^;&\s]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(";")) throw new WecomXmlError(`XML text holds a bare "&" (${whole}).`);
    const numeric = /^#(?:x([0-9a-fA-F]{1,8})|([0-9]{1,10}))$/.exec(name);
    if (numeric) {
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
      if (!isXmlChar(code)) {
        throw new WecomXmlError(`XML character reference ${whole} is not an allowed character.`);
      }
      return String.fromCodePoint(code);
    }
    const named = PREDEFINED[name];
    if (named === undefined) throw new WecomXmlError(`XML entity ${whole} is not defined.`);
    return named;
  });
}

/** The text of one element: its text (decoded) and CDATA (verbatim), in order. */
function textOf(children: OrderedNode[]): string {
  let text = "";
  for (const child of children) {
    if (typeof child[TEXT] === "string") text += decodeReferences(child[TEXT]);
    else if (Array.isArray(child[CDATA])) {
      for (const part of child[CDATA] as OrderedNode[]) text += String(part[TEXT] ?? "");
    }
    // Nested elements carry nothing WeCom's flat messages use.
  }
  return text;
}

/** The ordered nodes of `xml`, refusing a DOCTYPE and anything not well formed. */
function parseOrdered(xml: string): OrderedNode[] {
  if (/<!DOCTYPE/i.test(xml)) throw new WecomXmlError("XML with a DOCTYPE is refused.");
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new WecomXmlError(`XML body is not well formed: ${msg} (line ${line}, column ${col}).`);
  }
  try {
    return parser.parse(xml) as OrderedNode[];
  } catch (error) {
    throw new WecomXmlError(`XML body is not well formed: ${(error as Error).message}`);
  }
}

/** Reads the root's child elements as name → text (CDATA kept verbatim, entities decoded). */
export function parseFlatXml(xml: string): Record<string, string> {
  const roots = parseOrdered(xml.trim()).filter((node) => !(TEXT in node));
  const root = roots[0];
  if (roots.length !== 1 || !root) {
    throw new WecomXmlError(`XML body must have one root element, not ${roots.length}.`);
  }
  const fields: Record<string, string> = {};
  for (const child of Object.values(root)[0] as OrderedNode[]) {
    const [name, children] = Object.entries(child)[0] ?? [];
    if (name === undefined || name === TEXT || name === CDATA) continue;
    fields[name] ??= textOf(children as OrderedNode[]); // the first of repeated fields counts
  }
  return fields;
}

function parseWith<S extends z.ZodType>(schema: S, fields: Record<string, string>, what: string) {
  const parsed = schema.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new WecomPayloadError(`${what}: field ${issue?.path.join(".") || "?"} ${issue?.message}`);
  }
  return parsed.data as z.infer<S>;
}

const EnvelopeSchema = z.object({
  Encrypt: z.string().min(1),
  ToUserName: z.string().optional(),
  AgentID: z.string().optional(),
});

/** The outer callback body: only `Encrypt` matters (ToUserName is checked via the receiveid). */
export function parseEnvelope(xml: string): { encrypt: string } {
  return { encrypt: parseWith(EnvelopeSchema, parseFlatXml(xml), "Callback envelope").Encrypt };
}

const digits = z.string().regex(/^\d+$/);
const Common = { FromUserName: z.string().min(1), CreateTime: digits };

const TextSchema = z.object({
  ...Common,
  MsgType: z.literal("text"),
  Content: z.string(),
  MsgId: digits,
});
const EventSchema = z.object({
  ...Common,
  MsgType: z.literal("event"),
  Event: z.string(),
  EventKey: z.string().optional(),
});
/**
 * A file sent to the app. WeCom's published message formats for self-built apps (text, image,
 * voice, video, location, link) describe no file message, so only MediaId is required, as for
 * image and voice (fetched with media/get, valid three days). FileName and FileSize are read when
 * present; without a name, media/get's Content-Disposition gives it.
 */
const FileSchema = z.object({
  ...Common,
  MsgType: z.literal("file"),
  MediaId: z.string().min(1),
  FileName: z.string().optional(),
  FileSize: z.string().optional(),
  MsgId: z.string().min(1).optional(),
});
/** A press on a template card's button. */
const CardEventSchema = z.object({
  EventKey: z.string().min(1).max(1024),
  TaskId: z.string().min(1).max(128),
  ResponseCode: z.string().min(1).max(512).optional(),
});
const OtherSchema = z.object({ ...Common, MsgType: z.string().min(1), MsgId: z.string().min(1) });

/** A decrypted self-built-app callback, reduced to what the channel uses. */
export type AppInbound =
  | { kind: "text"; userId: string; text: string; dedupeKey: string; createTime: string }
  | {
      kind: "event";
      userId: string;
      event: string;
      eventKey?: string;
      dedupeKey: string;
      /** A card button press (template_card_event): the card's task id and its update code. */
      taskId?: string;
      responseCode?: string;
    }
  | {
      kind: "file";
      userId: string;
      mediaId: string;
      fileName?: string;
      fileSize?: number;
      dedupeKey: string;
    }
  | { kind: "other"; userId: string; msgType: string; dedupeKey: string };

/**
 * Parses the inner XML of an app callback. Dedupe key: MsgId, or FromUserName+CreateTime for
 * events (and the MediaId for a file without MsgId).
 */
export function parseAppMessage(xml: string): AppInbound {
  const fields = parseFlatXml(xml);
  if (fields.MsgType === "text") {
    const m = parseWith(TextSchema, fields, "Text message");
    return {
      kind: "text",
      userId: m.FromUserName,
      text: m.Content,
      dedupeKey: m.MsgId,
      createTime: m.CreateTime,
    };
  }
  if (fields.MsgType === "event") {
    const e = parseWith(EventSchema, fields, "Event");
    if (e.Event === "template_card_event") {
      const card = parseWith(CardEventSchema, fields, "Card event");
      // One action per card: a second press of any of its buttons is a repeat.
      return {
        kind: "event",
        userId: e.FromUserName,
        event: e.Event,
        eventKey: card.EventKey,
        dedupeKey: `card:${card.TaskId}`,
        taskId: card.TaskId,
        responseCode: card.ResponseCode,
      };
    }
    const dedupeKey = `${e.FromUserName}#${e.CreateTime}`;
    return {
      kind: "event",
      userId: e.FromUserName,
      event: e.Event,
      eventKey: e.EventKey,
      dedupeKey,
    };
  }
  if (fields.MsgType === "file") {
    const f = parseWith(FileSchema, fields, "File message");
    const name = f.FileName?.trim();
    const size = f.FileSize?.trim();
    return {
      kind: "file",
      userId: f.FromUserName,
      mediaId: f.MediaId,
      fileName: name || undefined,
      // A size that is not a plain number is ignored: media/get's Content-Length still counts.
      fileSize: size && /^\d+$/.test(size) ? Number(size) : undefined,
      // The MediaId is unique per file sent, should a file message come without a MsgId.
      dedupeKey: f.MsgId ?? `media:${f.MediaId}`,
    };
  }
  const o = parseWith(OtherSchema, fields, "Message");
  return { kind: "other", userId: o.FromUserName, msgType: o.MsgType, dedupeKey: o.MsgId };
}
