// The sides of contrasts ("收入" | "支出", "低保" | "低收入" | "特困") found in text as words of
// their own: "收入" inside "低收入" names the other contrast's side, not income.

/** Finds contrast sides in text, not counting one inside a longer side that holds it. */
export class ContrastSides {
  private readonly longer = new Map<string, string[]>();

  constructor(contrasts: string[][]) {
    const all = [...new Set(contrasts.flat())];
    for (const side of all) {
      this.longer.set(
        side,
        all.filter((other) => other !== side && other.includes(side)),
      );
    }
  }

  /** `text` names `side` somewhere outside the longer sides that hold it. */
  has(text: string, side: string): boolean {
    const longer = this.longer.get(side) ?? [];
    for (let at = text.indexOf(side); at >= 0; at = text.indexOf(side, at + 1)) {
      const inside = longer.some((word) => {
        const k = word.indexOf(side);
        return at - k >= 0 && text.startsWith(word, at - k);
      });
      if (!inside) return true;
    }
    return false;
  }
}
