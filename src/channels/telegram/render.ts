// Core replies -> Telegram messages: plain text (no parse_mode, so nothing needs escaping), choices
// as an inline keyboard, long texts split at Telegram's length limit, a picture as a photo that
// carries the text as its caption when the text is short enough.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "telegraf/types";
import type { Choice, Reply, ReplyFile } from "../../core/types.js";

/** Longest text of one Telegram message, in UTF-16 units (https://core.telegram.org/bots/api#sendmessage). */
export const MAX_TEXT_LENGTH = 4096;

/** Longest photo caption, in UTF-16 units (https://core.telegram.org/bots/api#sendphoto). */
export const MAX_CAPTION_LENGTH = 1024;

/** Longest callback_data of an inline button, in UTF-8 bytes. */
export const MAX_CALLBACK_BYTES = 64;

/** Labels up to this display width (a CJK character counts 2) are laid out two per row. */
const PAIR_WIDTH = 12;

/** Shown when a reply has choices but no text (Telegram refuses an empty message). */
const CHOOSE_PROMPT = "请选择：";

/** One Telegram call a reply turns into. */
export type OutgoingPart =
  | { kind: "text"; text: string; keyboard?: InlineKeyboardMarkup }
  | { kind: "file"; file: ReplyFile }
  /** sendPhoto; `caption` is the reply's text when it fits (the keyboard then rides on the photo). */
  | { kind: "photo"; image: ReplyFile; caption?: string; keyboard?: InlineKeyboardMarkup };

/**
 * Turns one core reply into the messages to send, in order: the text (the keyboard on its last
 * part), the picture, the file. A text of at most 1024 characters goes as the picture's caption
 * instead of a message of its own.
 */
export function renderReply(reply: Reply): OutgoingPart[] {
  // Quick-action buttons go after the choices; both send their value when pressed.
  const choices = [...(reply.choices ?? []), ...(reply.buttons ?? [])];
  const keyboard = choices.length > 0 ? choiceKeyboard(choices) : undefined;
  const text = reply.text.trim() === "" && choices.length > 0 ? CHOOSE_PROMPT : reply.text;
  const parts: OutgoingPart[] = [];
  if (reply.image && text.length <= MAX_CAPTION_LENGTH) {
    const caption = text.trim() === "" ? undefined : text;
    parts.push({ kind: "photo", image: reply.image, caption, keyboard });
  } else {
    // An empty text is skipped: Telegram refuses it, and a file alone needs no words.
    const chunks = text.trim() === "" ? [] : splitText(text);
    parts.push(...chunks.map((chunk): OutgoingPart => ({ kind: "text", text: chunk })));
    const last = parts[parts.length - 1];
    if (keyboard && last?.kind === "text") last.keyboard = keyboard;
    if (reply.image) parts.push({ kind: "photo", image: reply.image });
  }
  if (reply.file) parts.push({ kind: "file", file: reply.file });
  return parts;
}

/** The inline keyboard of `choices`: two buttons a row when every label is short, else one. */
export function choiceKeyboard(choices: Choice[]): InlineKeyboardMarkup {
  const buttons: InlineKeyboardButton[] = choices.map((choice, i) => ({
    text: choice.label,
    callback_data: choiceData(choice, i),
  }));
  const perRow = choices.every((c) => displayWidth(c.label) <= PAIR_WIDTH) ? 2 : 1;
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return { inline_keyboard: rows };
}

/**
 * callback_data of the choice at `index`: the value itself when it fits in 64 bytes, else "#<n>"
 * (1-based), which `choiceText` turns back into the typed number "<n>" the core understands.
 * A value that itself starts with "#" is numbered too, so decoding stays unambiguous.
 */
export function choiceData(choice: Choice, index: number): string {
  const fits = Buffer.byteLength(choice.value, "utf8") <= MAX_CALLBACK_BYTES;
  return fits && !choice.value.startsWith("#") ? choice.value : `#${index + 1}`;
}

/** The message text a pressed button stands for (inverse of `choiceData`). */
export function choiceText(data: string): string {
  const numbered = /^#(\d+)$/.exec(data);
  return numbered ? numbered[1]! : data;
}

/** Splits `text` into chunks of at most `max` UTF-16 units, preferring line breaks. */
export function splitText(text: string, max = MAX_TEXT_LENGTH): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^\n/, "");
  }
  if (rest.trim() !== "" || chunks.length === 0) chunks.push(rest);
  return chunks;
}

function cutPoint(text: string, max: number): number {
  const newline = text.lastIndexOf("\n", max);
  if (newline > max / 2) return newline;
  // Never split a surrogate pair (an emoji or a rare CJK character).
  const code = text.charCodeAt(max - 1);
  return code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
}

function displayWidth(label: string): number {
  let width = 0;
  for (const ch of label) width += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return width;
}
