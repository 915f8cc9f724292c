// Chinese word segmentation (jieba), loaded once per process: language both the extractor and the
// matcher read text with.
import { Jieba } from "@node-rs/jieba";
import { dict } from "@node-rs/jieba/dict.js";

let jieba: Jieba | undefined;

function instance(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Words of a text, each once, in order. */
export function words(text: string): string[] {
  return instance().cut(text, true);
}

/** Words with their part-of-speech tags (n noun, v verb, ...). */
export function taggedWords(text: string): { word: string; tag: string }[] {
  return instance().tag(text, true);
}
