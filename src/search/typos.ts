// Corrects a question word the report does not contain to a report word one character away,
// when the two characters sound the same: the usual slip of pinyin input ("夏梁" for "夏粮").
// A different-sounding character is a different word ("秋粮" is not "夏粮").
import Fuse from "fuse.js";
import { pinyin } from "pinyin-pro";

/** Finds report words a mistyped question word may have meant. */
export class TypoCorrector {
  private readonly fuse: Fuse<string>;

  constructor(vocabulary: string[]) {
    // Character-level fuzzy search: a two-character word with one wrong character scores 0.5.
    this.fuse = new Fuse(vocabulary, { includeScore: true, threshold: 0.5, ignoreLocation: true });
  }

  /** Report words `word` plausibly stands for (empty when none). */
  corrections(word: string): string[] {
    if (word.length < 2) return [];
    return this.fuse
      .search(word, { limit: 20 })
      .map((r) => r.item)
      .filter((candidate) => this.isSlip(word, candidate));
  }

  private isSlip(typed: string, meant: string): boolean {
    if (typed.length !== meant.length) return false;
    const diffs = [...typed].map((ch, i) => [ch, meant[i]!] as const).filter(([a, b]) => a !== b);
    if (diffs.length !== 1) return false;
    const [wrong, right] = diffs[0]!;
    return sound(wrong) === sound(right);
  }
}

function sound(ch: string): string {
  return pinyin(ch, { toneType: "none" });
}
