// The indicator texts as one searchable corpus: fast "does the report say this?" look-ups.

const MAX_GRAM = 10;

/** Substring look-ups over the report text, O(1) for strings up to ten characters. */
export class Corpus {
  private readonly grams = new Set<string>();

  constructor(readonly text: string) {
    for (const run of text.split(/[\n|，。；]/)) {
      for (let i = 0; i < run.length; i++) {
        for (let n = 1; n <= MAX_GRAM && i + n <= run.length; n++)
          this.grams.add(run.slice(i, i + n));
      }
    }
  }

  /** True when the corpus contains `text`. */
  has(text: string): boolean {
    return text.length <= MAX_GRAM ? this.grams.has(text) : this.text.includes(text);
  }
}
