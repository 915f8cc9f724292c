// A tiny reader for WeCom's flat callback XML: <xml><Tag><![CDATA[value]]></Tag>...</xml>.
// Only the root's direct children are collected; zod then checks the fields we use.
import { z } from "zod";
import { WecomPayloadError } from "./errors.js";

const TOKEN =
  /<!\[CDATA\[([\s\S]*?)\]\]>|<\/([A-Za-z_][\w.-]*)\s*>|<([A-Za-z_][\w.-]*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|([^<]+)/y;

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X"))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

/** Reads the root's child elements as name → text (CDATA kept verbatim, entities decoded). */
export function parseFlatXml(xml: string): Record<string, string> {
  const fields: Record<string, string> = {};
  const open: string[] = [];
  let text = "";
  TOKEN.lastIndex = 0;
  const source = xml.trim();
  while (TOKEN.lastIndex < source.length) {
    const match = TOKEN.exec(source);
    if (!match) throw new WecomPayloadError("XML body is not well formed.");
    const [, cdata, closing, opening, selfClosing, plain] = match;
    if (cdata !== undefined) text += cdata;
    else if (plain !== undefined) text += decodeEntities(plain);
    else if (opening !== undefined) {
      if (selfClosing && open.length === 1) fields[opening] ??= "";
      if (!selfClosing) open.push(opening);
      text = "";
    } else if (closing !== undefined) {
      if (open.pop() !== closing)
        throw new WecomPayloadError(`XML closes <${closing}> unexpectedly.`);
      if (open.length === 1) fields[closing] ??= text;
      text = "";
    }
  }
  if (open.length !== 0) throw new WecomPayloadError("XML body ends before its root closes.");
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
const OtherSchema = z.object({ ...Common, MsgType: z.string().min(1), MsgId: z.string().min(1) });

/** A decrypted self-built-app callback, reduced to what the channel uses. */
export type AppInbound =
  | { kind: "text"; userId: string; text: string; dedupeKey: string; createTime: string }
  | { kind: "event"; userId: string; event: string; eventKey?: string; dedupeKey: string }
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
