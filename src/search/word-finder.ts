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
  *occurrences(text: string): Generator<{ word: string; at: number }> {
    for (let at = 0; at < text.length; at++) {
      for (const word of this.byFirst.get(text[at]!) ?? []) {
        if (text.startsWith(word, at)) yield { word, at };
      }
    }
  }

  /** The words `text` holds. */
  found(text: string): Set<string> {
    const words = new Set<string>();
    for (const { word } of this.occurrences(text)) words.add(word);
    return words;
  }
}
