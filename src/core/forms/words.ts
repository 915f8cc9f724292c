// Words of the guided form (intents/forms.json), validated when loaded, and the classifier that
// tells a control word (跳过, 上一步, 取消, 是, 否, 确认, 修改 N) from a figure.
import { z } from "zod";
import formsFile from "../../../intents/forms.json" with { type: "json" };
import { checkedLanguageData } from "../language-data.js";

const Words = z.array(z.string().min(1)).min(1);

const FormWordsSchema = z.object({
  note: z.string().optional(),
  skip: Words,
  back: Words,
  cancel: Words,
  yes: Words,
  no: Words,
  confirm: Words,
  modify: Words,
  /** Words that, with no draft open, are answered "nothing to confirm". */
  strayConfirm: Words,
  questionFillers: Words,
});
/** Control words of the form and filler words of questions. */
export type FormWords = z.infer<typeof FormWordsSchema>;

/** The words of intents/forms.json (language data imported as a module); a broken file throws. */
export function loadFormWords(): FormWords {
  return checkedLanguageData(FormWordsSchema, formsFile, "intents/forms.json");
}

/** What a message means to the form when it is not a figure. */
export type ControlWord =
  | { kind: "skip" | "back" | "cancel" | "yes" | "no" | "confirm" }
  | { kind: "modify"; item: number }
  | { kind: "number"; item: number };

/** Folds width and case and drops spaces and closing punctuation: "  确认！" → "确认". */
export function normaliseWord(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/[。.!！~～]+$/u, "");
}

/** The control word `text` is, if any; "修改 2" and "改第2项" give the item number. */
export function controlWord(text: string, words: FormWords): ControlWord | undefined {
  const clean = normaliseWord(text);
  for (const kind of ["skip", "back", "cancel", "yes", "no", "confirm"] as const) {
    if (words[kind].some((w) => normaliseWord(w) === clean)) return { kind };
  }
  for (const word of words.modify) {
    const match = new RegExp(`^${escape(normaliseWord(word))}第?(\\d{1,2})项?$`, "u").exec(clean);
    if (match) return { kind: "modify", item: Number(match[1]) };
  }
  const bare = /^\d{1,2}$/.exec(clean);
  return bare ? { kind: "number", item: Number(bare[0]) } : undefined;
}

/**
 * What a message sent with no draft open would have done to one: "confirm" for a confirm word
 * of `strayConfirm`, "modify" for a bare modify word or 修改 N; undefined for anything else.
 */
export function strayWord(text: string, words: FormWords): "confirm" | "modify" | undefined {
  const clean = normaliseWord(text);
  if (words.strayConfirm.some((w) => normaliseWord(w) === clean)) return "confirm";
  if (words.modify.some((w) => normaliseWord(w) === clean)) return "modify";
  return controlWord(text, words)?.kind === "modify" ? "modify" : undefined;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
