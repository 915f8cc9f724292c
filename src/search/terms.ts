// A stretch of question text -> the terms to look for: its words minus question words, cut into
// the fewest stretches the report has verbatim; what the report lacks is kept whole.
import type { Corpus } from "./corpus.js";
import { taggedWords } from "../language/segmenter.js";

/** One thing the question asks about, with the written forms that count as a match. */
export interface QueryTerm {
  text: string;
  forms: string[];
  /** Soft terms (金额, 面积, one-character words) help when found and cost nothing when not. */
  soft: boolean;
  /** Anchors (a township, a year) count only in the figure's own words; see `index.ts`. */
  anchor: false | "place" | "year" | "report-year";
  /**
   * The words of a stretch of several words ("清理|垃圾"): a figure that has them all in one
   * clause, though not side by side ("清理各类垃圾"), matches it too, a little less.
   */
  parts?: string[];
  /** The word's part of speech (jieba) when the report lacks it ("ns" for a place). */
  tag?: string;
  /** Counted where found, not missed where absent (a region the question sets the scene with). */
  optional?: boolean;
  /** A number the question states ("那50场"): it matches whole numbers only, not "1500". */
  number?: boolean;
}

/** Words that shape how a stretch is read. */
export interface TermReaderOptions {
  corpus: Corpus;
  /** Dropped (多少, 请问, 一共 …). */
  questionWords: Set<string>;
  /** Matched if present, never required (面积, 金额, kind words …). */
  softWords: Set<string>;
  /** Measure words, dropped where they stand alone (户, 亩 …). */
  unitWords: Set<string>;
  /** Words jieba may tag as places that are not (新建 is a contrast word, not a place). */
  notPlaces?: Set<string>;
}

const MAX_PIECE = 10;
const NOUN_TAG = /^(n|vn|j|eng)/;
const NUMERAL = /^[\d.一二两三四五六七八九十百千万]+[个名位户家批轮项条座处所支套台辆次件]?$/;

/** Reads the terms of question stretches. */
export class TermReader {
  private readonly corpus: Corpus;
  private readonly questionWords: Set<string>;
  private readonly softWords: Set<string>;
  private readonly unitWords: Set<string>;
  private readonly notPlaces: Set<string>;

  constructor(options: TermReaderOptions) {
    this.notPlaces = options.notPlaces ?? new Set();
    ({
      corpus: this.corpus,
      questionWords: this.questionWords,
      softWords: this.softWords,
      unitWords: this.unitWords,
    } = options);
  }

  /**
   * A stretch of question text -> terms: its words minus question words, then the longest
   * stretches the report has verbatim ("示范站建设计划" -> 示范站建设, 计划).
   */
  read(segment: string): QueryTerm[] {
    const terms: QueryTerm[] = [];
    let run: { word: string; tag: string }[] = [];
    const flush = () => {
      terms.push(...this.longestKnown(run));
      run = [];
    };
    for (const tagged of taggedWords(segment)) {
      const token = withoutDirection(tagged);
      const { word } = token;
      if (this.questionWords.has(word) || this.unitWords.has(word) || /^[几多少]/.test(word)) {
        flush();
      } else if (word.length > 1 && this.softWords.has(word) && !this.corpus.has(word)) {
        // "老百姓" where the report never says it: one describing word, not 老|百|姓.
        flush();
        terms.push(this.term(word));
      } else if (this.isForeignNoun(token)) {
        // "科级干部": 科级 is not in the report; it must not melt into "…级干部". An English word
        // no glossary knows ("网格员 staff", "多少 batch") glosses the Chinese next to it: it
        // helps where found and costs nothing where not.
        flush();
        const gloss = /^[a-z]+$/.test(word) && !this.corpus.has(word);
        terms.push({ text: word, forms: [word], soft: gloss, anchor: false, tag: token.tag });
      } else if (this.isForeign(word)) {
        // A word the report has not two characters of ("殡葬"): judged whole, not as fragments.
        flush();
        terms.push(...this.unknown(word));
      } else run.push(token);
    }
    flush();
    return terms;
  }

  /** A word of two or more characters the report has no two characters of. */
  private isForeign(word: string): boolean {
    if (word.length < 2 || this.corpus.has(word) || this.softWords.has(word)) return false;
    for (let i = 0; i + 2 <= word.length; i++) {
      if (this.corpus.has(word.slice(i, i + 2))) return false;
    }
    return true;
  }

  /**
   * A noun the report does not have: neither the word nor any two characters of it ("科级"), or
   * not its head, the end of the word ("养老院": the report has 养老 but no …院). A measure word
   * or a generic noun at the end is no head of its own ("低保户", "检测仪器").
   */
  private isForeignNoun({ word, tag }: { word: string; tag: string }): boolean {
    if (word.length < 2 || !NOUN_TAG.test(tag) || this.softWords.has(word)) return false;
    if (this.corpus.has(word)) return false;
    const head = word.slice(-2);
    const generic = this.unitWords.has(word.at(-1)!) || this.softWords.has(head);
    if (word.length >= 3 && !generic && !this.corpus.has(head)) return true;
    for (let i = 0; i + 2 <= word.length; i++) {
      if (this.corpus.has(word.slice(i, i + 2))) return false;
    }
    return true;
  }

  /**
   * The fewest stretches the report has verbatim, over a run of words ("稻鱼种养" -> 稻鱼, 种养;
   * "下基层" -> 下, 基层), preferring to cut where jieba cuts ("夏粮|增产", not "夏粮增|产").
   * What the report lacks stays together as a word of its own ("秋粮", "电影院").
   */
  private longestKnown(run: { word: string; tag: string }[]): QueryTerm[] {
    const text = joinWords(run, 0, run.length);
    const cuts = new Set<number>([0]);
    const places = new Map<number, string>();
    let at = 0;
    for (const { word, tag } of run) {
      if (tag === "ns" && word.length >= 2) places.set(at, word);
      cuts.add((at += word.length));
    }
    const n = text.length;
    const cost = new Array<number>(n + 1).fill(Infinity);
    const end = new Array<number>(n + 1).fill(n);
    cost[n] = 0;
    for (let i = n - 1; i >= 0; i--) {
      cost[i] = 1 + cost[i + 1]!;
      end[i] = i + 1;
      for (let j = i + 2; j <= Math.min(n, i + MAX_PIECE); j++) {
        if (!this.corpus.has(text.slice(i, j))) continue;
        const c = 1 + (cuts.has(i) ? 0 : 0.5) + (cuts.has(j) ? 0 : 0.5) + cost[j]!;
        // On a tie the longer first stretch wins ("产业帮扶项目|总", not "产业帮扶|项目总").
        if (c <= cost[i]!) [cost[i], end[i]] = [c, j];
      }
    }
    const terms: QueryTerm[] = [];
    let unknown = "";
    for (let i = 0; i < n; i = end[i]!) {
      const piece = text.slice(i, end[i]);
      if (piece.length === 1 && cuts.has(i) && cuts.has(i + 1)) {
        unknown += piece; // a word of its own ("牛"): judged below
        continue;
      }
      if (piece.length === 1) {
        // What a longer stretch left of a word ("检测仪|器"): it says little on its own.
        if (unknown) terms.push(...this.unknown(unknown));
        unknown = "";
        terms.push(this.term(piece));
        continue;
      }
      if (unknown) terms.push(...this.unknown(unknown));
      unknown = "";
      const term = this.withParts(this.term(piece), text, i, end[i]!, cuts);
      // A region the report names elsewhere (a province for its counties 甲县、乙县): it sets the
      // scene of the question; it counts where the figure says it and is not missed elsewhere.
      if (places.get(i) === piece && !this.notPlaces.has(piece)) term.optional = true;
      terms.push(term);
    }
    if (unknown) terms.push(...this.unknown(unknown));
    return terms;
  }

  /** Adds the words of a stretch that jieba cut into several. */
  private withParts(
    term: QueryTerm,
    text: string,
    from: number,
    to: number,
    cuts: Set<number>,
  ): QueryTerm {
    const inside = [...cuts].filter((c) => c > from && c < to).sort((a, b) => a - b);
    if (inside.length === 0) {
      // "养殖面积" as one word: 养殖 alone holds it too (面积 only names the measure).
      const suffix = [2, 3].find((k) => this.softWords.has(term.text.slice(-k)));
      const rest = suffix ? term.text.slice(0, -suffix) : "";
      return rest.length >= 2 ? { ...term, parts: [rest] } : term;
    }
    const edges = [from, ...inside, to];
    const parts = edges.slice(1).map((e, k) => text.slice(edges[k], e));
    // "养殖面积": a figure of 养殖 in 亩 need not say 面积, which only names the measure.
    const telling = parts.filter((p) => !this.softWords.has(p));
    return { ...term, parts: telling.length ? telling : parts };
  }

  /**
   * Words the report lacks: a noun (电影院, 秋粮, 牛) names something the report does not have;
   * other words (那边, 搞) and characters the report has are filler that only helps when found.
   */
  private unknown(chunk: string): QueryTerm[] {
    if (chunk.length === 1 && this.corpus.has(chunk)) return [this.term(chunk)];
    return taggedWords(chunk)
      .filter(({ word }) => !this.questionWords.has(word))
      .map(({ word, tag }) => {
        if (word.length === 1 && this.corpus.has(word)) return this.term(word);
        const soft = this.softWords.has(word) || !NOUN_TAG.test(tag);
        return { text: word, forms: [word], soft, anchor: false as const, tag };
      });
  }

  /** A word the report has, soft when it says little on its own. */
  private term(word: string): QueryTerm {
    // One character, a numeral ("两个") or a measure word says little about the subject.
    const soft = this.softWords.has(word) || word.length === 1 || NUMERAL.test(word);
    return { text: word, forms: [word], soft, anchor: false as const };
  }
}

/** A verb's direction after it ("投下去", "卖出去", "投进去"): no part of what is done. */
const DIRECTION = /^(\p{Script=Han}+?)[上下进出回过起][来去]$/u;

/** "投下去" -> 投: the verb without its direction, which jieba keeps in one word. */
function withoutDirection(token: { word: string; tag: string }): { word: string; tag: string } {
  if (token.tag !== "v" || token.word.length < 3) return token;
  const verb = DIRECTION.exec(token.word)?.[1];
  return verb ? { ...token, word: verb } : token;
}

function joinWords(run: { word: string }[], from: number, to: number): string {
  return run
    .slice(from, to)
    .map((t) => t.word)
    .join("");
}
