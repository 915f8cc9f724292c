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

/** Words of a text, each once, in order (a fresh array: callers may change it). */
export function words(text: string): string[] {
  return [...recentWords.get(text, () => instance().cut(text, true))];
}

/** Words with their part-of-speech tags (n noun, v verb, ...). */
export function taggedWords(text: string): { word: string; tag: string }[] {
  return [...recentTagged.get(text, () => instance().tag(text, true))];
}
