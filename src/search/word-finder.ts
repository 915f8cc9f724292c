// Which of many words a short text holds, without scanning the text once per word: the words are
// kept by their first character, and only those starting with a character of the text are tried.

/** Finds a fixed set of words in texts. */
export class WordFinder {
  private readonly byFirst = new Map<string, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of new Set(words)) {
      if (!word) continue;
      const list = this.byFirst.get(word[0]!);
      if (list) list.push(word);
      else this.byFirst.set(word[0]!, [word]);
    }
  }

  /** Every occurrence of the words in `text`, by start offset. */
  occurrences(text: string): { word: string; at: number }[] {
    const found: { word: string; at: number }[] = [];
    for (let at = 0; at < text.length; at++) {
      const words = this.byFirst.get(text[at]!);
      if (!words) continue;
      for (const word of words) if (text.startsWith(word, at)) found.push({ word, at });
    }
    return found;
  }

  /** The words `text` holds. */
  found(text: string): Set<string> {
    const words = new Set<string>();
    for (let at = 0; at < text.length; at++) {
      const list = this.byFirst.get(text[at]!);
      if (!list) continue;
      for (const word of list) if (text.startsWith(word, at)) words.add(word);
    }
    return words;
  }
}
