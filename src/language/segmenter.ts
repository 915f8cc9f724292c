// Chinese word segmentation (jieba), loaded once per process: language both the extractor and the
// matcher read text with.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Jieba } from "@node-rs/jieba";
import { Recent } from "../infra/recent.js";

let jieba: Jieba | undefined;

function instance(): Jieba {
  // The dictionary file is read here rather than through "@node-rs/jieba/dict.js", which keeps
  // it and the unused idf.txt (11 MB) in memory for good: once jieba has built its own, the
  // buffer is garbage.
  jieba ??= Jieba.withDict(
    readFileSync(createRequire(import.meta.url).resolve("@node-rs/jieba/dict.txt")),
  );
  return jieba;
}

/**
 * The last texts cut: a question is read once per report, and its pieces are the same each time.
 * Small, so it keeps one question's pieces and never grows.
 */
const recentWords = new Recent<string, string[]>();
const recentTagged = new Recent<string, { word: string; tag: string }[]>();
const recentSpans = new Recent<string, readonly TaggedSpan[]>();

/** Words of a text, each once, in order (a fresh array: callers may change it). */
export function words(text: string): string[] {
  return [...recentWords.get(text, () => instance().cut(text, true))];
}

/** Words with their part-of-speech tags (n noun, v verb, ...). */
export function taggedWords(text: string): { word: string; tag: string }[] {
  return [...recentTagged.get(text, () => instance().tag(text, true))];
}

/** A tagged word and where it starts in the text it was cut from. */
export interface TaggedSpan {
  word: string;
  tag: string;
  start: number;
}

/**
 * The tagged words of a text with their start positions, in order (a word not found where it
 * should stand is left out). Shared between callers: read it, do not change it.
 */
export function taggedSpans(text: string): readonly TaggedSpan[] {
  return recentSpans.get(text, () => {
    const spans: TaggedSpan[] = [];
    let at = 0;
    for (const { word, tag } of instance().tag(text, true)) {
      const start = text.indexOf(word, at);
      if (start < 0) continue;
      spans.push({ word, tag, start });
      at = start + word.length;
    }
    return spans;
  });
}
