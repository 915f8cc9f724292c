// Repairs pinyin-input slips in a question: a stretch the report does not contain becomes the
// report's stretch that sounds the same and differs in one character ("夏梁" -> "夏粮",
// "网格圆" -> "网格员"). A different-sounding character is a different word ("秋粮" stays).
import { pinyin } from "pinyin-pro";
import { taggedSpans } from "../language/segmenter.js";
import { WordFinder } from "./word-finder.js";
import { Recent } from "../infra/recent.js";

const MIN = 2;
const MAX = 4;
/** At most this many readings of a stretch are tried (a few characters have several each). */
const MAX_READINGS = 16;

/** Corrects homophone slips against a corpus. */
export class TypoCorrector {
  /** Words that are never slips (question and hint words): windows over them are skipped. */
  private readonly protectedWords: WordFinder;
  private readonly bySound = new Map<string, string[]>();
  /** The same, with tones: a real word is repaired only to one that sounds exactly alike. */
  private readonly byTone = new Map<string, string[]>();
  /** The same, with the sounds typists mix up as one (see `fuzzy`). */
  private readonly byFuzzy = new Map<string, string[]>();
  private readonly byFuzzyTone = new Map<string, string[]>();

  /** The protected positions of the last texts looked at, shared by correctors of one finder. */
  private readonly guardedTexts: Recent<string, Set<number>>;
  /** The asking words the report writes, by each pattern with one character left open. */
  private readonly asking = new Map<string, string[]>();
  /** Every asking word's patterns, whatever the report writes, and the questions they may fit. */
  private readonly askingShared: AskingWords;
  /** "Does the report say this?", fast (a gram set for short strings). */
  private readonly has: (text: string) => boolean;

  constructor(
    corpus: string | { text: string; has(text: string): boolean },
    /**
     * Words that are never slips (question and hint words): windows over them are skipped. One
     * finder given to the correctors of every report lets them share what they found.
     */
    protectedWords: string[] | WordFinder = [],
    /**
     * Words a question asks with ("下降", "新增", "目标"): a stretch sounding like one the report
     * writes, whatever its tones, is that word ("下将" -> 下降).
     */
    askingWords: string[] = [],
  ) {
    this.protectedWords =
      protectedWords instanceof WordFinder ? protectedWords : new WordFinder(protectedWords);
    this.guardedTexts = guardedTextsOf(this.protectedWords);
    const text = typeof corpus === "string" ? corpus : corpus.text;
    this.has = typeof corpus === "string" ? (w) => text.includes(w) : (w) => corpus.has(w);
    this.askingShared = askingWordsOf(askingWords);
    for (const word of this.askingShared.words) {
      if (!this.has(word)) continue;
      for (let k = 0; k < word.length; k++) add(this.asking, oneOff(word, k), word);
    }
    // Each run of the report read in context: "增长" is zeng zhang, though 长 alone is chang.
    const grams = new Set<string>();
    for (const run of new Set(text.match(/\p{Script=Han}+/gu) ?? [])) {
      const plain = pinyin(run, { type: "array", toneType: "none" });
      const toned = pinyin(run, { type: "array", toneType: "num" });
      for (let n = MIN; n <= MAX; n++) {
        for (let i = 0; i + n <= run.length; i++) {
          const gram = run.slice(i, i + n);
          if (grams.has(gram)) continue;
          grams.add(gram);
          const [sound, tone] = [plain, toned].map((s) => s.slice(i, i + n).join(" "));
          add(this.bySound, sound!, gram);
          add(this.byTone, tone!, gram);
          add(this.byFuzzy, fuzzy(sound!), gram);
          add(this.byFuzzyTone, fuzzy(tone!), gram);
        }
      }
    }
  }

  /** The question with slips repaired; unchanged when there are none. */
  correct(question: string): string {
    let text = this.askingSlips(this.endSlips(question));
    let { strange, absent } = unknownPositions(text, () => this.guarded(text), this.has);
    // Most questions have no word that neither the dictionary nor the report knows.
    if (strange.length === 0 && absent.length === 0) return text;
    for (let n = MAX; n >= MIN; n--) {
      for (let i = 0; i + n <= text.length; i++) {
        // Only a window over an unknown word may hold a slip (checked first: it is cheap).
        if (!anyWithin(strange, i, n) && !anyWithin(absent, i, n)) continue;
        const window = text.slice(i, i + n);
        if (!/^\p{Script=Han}+$/u.test(window) || this.has(window)) continue;
        // "建几座" is no slip for 建集: what a question asks with is never repaired.
        if (/[几多少啥么哪谁]/.test(window)) continue;
        // A word nobody writes ("养直") may be any same-sounding one; a real word the report
        // lacks ("肉机") only one with the very same tones ("肉鸡", but "科级" is not "科技").
        // ... and only within that word: "养殖两块" is no slip for anything.
        const whole = absent.includes(i) && absent.includes(i + n - 1) && !absent.includes(i - 1);
        const tones = !anyWithin(strange, i, n);
        if (tones && !(whole && countWithin(absent, i, n) === n && !absent.includes(i + n))) {
          continue;
        }
        const fix = this.repairOf(text, i, window, tones, strange, absent);
        if (!fix) continue;
        text = text.slice(0, i) + fix + text.slice(i + n);
        // A repaired stretch is a report word now: never "repair" it again.
        const outside = (p: number) => p < i || p >= i + n;
        strange = strange.filter(outside);
        absent = absent.filter(outside);
      }
    }
    return text;
  }

  /**
   * The report's word that `window` (at `i` in `text`) is a slip of, if any. A word nobody writes
   * may be read any way its characters are ("曾长": ceng or zeng, chang or zhang); a real word
   * (`tones`) as it is read.
   */
  private repairOf(
    text: string,
    i: number,
    window: string,
    tones: boolean,
    strange: number[],
    absent: number[],
  ): string | undefined {
    const sounds = tones ? [toned(window)] : readingsOf(window);
    for (const sound of sounds) {
      for (const g of (tones ? this.byTone : this.bySound).get(sound) ?? []) {
        if (differingAt(g, window) >= 0 && !this.breaksWord(text, i, window, g)) return g;
      }
    }
    // A sound typists mix up (总厂 for 总产) repairs only a character of the strange word.
    for (const sound of sounds) {
      for (const g of (tones ? this.byFuzzyTone : this.byFuzzy).get(fuzzy(sound)) ?? []) {
        const k = differingAt(g, window);
        const slip = k >= 0 && (strange.includes(i + k) || absent.includes(i + k));
        if (slip && !this.breaksWord(text, i, window, g)) return g;
      }
    }
    return undefined;
  }

  /**
   * "查违要搞" (jieba: 查|违要): a character that makes a report word with its neighbour outside
   * the window ("查违") is no slip, whatever the window sounds like ("为要").
   */
  private breaksWord(text: string, i: number, window: string, g: string): boolean {
    const n = window.length;
    const k = differingAt(g, window);
    const [before, after] = [text[i - 1] ?? "", text[i + n] ?? ""];
    return (
      (k === 0 && before !== "" && this.has(before + window[0]) && !this.has(before + g[0])) ||
      (k === n - 1 && after !== "" && this.has(window[k] + after) && !this.has(g[k] + after))
    );
  }

  /**
   * "化解律" for 化解率, "回收律" for 回收率: two characters the report writes together, then one
   * that sounds exactly (tones too) like the only one the report writes after them. jieba reads
   * such a slip as a word of its own (律), so the windows above never see it.
   */
  private endSlips(question: string): string {
    let text = question;
    // The slip stands alone in jieba's reading ("化解|律"), not as the start of a word (城市).
    // "网格划多少个" (网格|划): a verb after a noun is what the noun did, not a slip (网格化).
    const alone = new Set<number>();
    let previousTag = "";
    for (const { word, tag, start } of taggedSpans(text)) {
      if (word.length === 1 && !(tag === "v" && previousTag.startsWith("n"))) alone.add(start);
      previousTag = tag;
    }
    for (let i = 2; i < text.length; i++) {
      if (!alone.has(i) || this.has(text.slice(i, i + 2))) continue;
      const stem = text.slice(i - 2, i);
      const typed = stem + text[i]!;
      if (
        !/^\p{Script=Han}{3}$/u.test(typed) ||
        /[几多少啥么哪谁的了吗呢是和与及每各]/.test(typed)
      ) {
        continue;
      }
      if (!this.has(stem) || this.has(typed) || this.guarded(question).has(i)) continue;
      const same = (this.byTone.get(toned(typed)) ?? []).filter((g) => g.startsWith(stem));
      if (same.length === 1) text = text.slice(0, i) + same[0]![2]! + text.slice(i + 1);
    }
    return text;
  }

  /**
   * "三公经费下将了多少": a stretch the report does not write that sounds, tones aside, like a word
   * questions ask with and the report writes, differing in one character. jieba reads such a slip
   * as characters of their own (下|将), so the windows over unknown words never see it.
   */
  private askingSlips(question: string): string {
    if (this.asking.size === 0) return question;
    // Nearly every question has no stretch sounding like any asking word: found once for all
    // the reports a question is asked of, as that needs no report.
    const { patterns, mayFit } = this.askingShared;
    if (!mayFit.get(question, () => hasAskingSlip(question, patterns))) return question;
    let text = question;
    for (let n = MAX; n >= MIN; n--) {
      for (let i = 0; i + n <= text.length; i++) {
        const window = text.slice(i, i + n);
        if (this.has(window)) continue;
        const fix = slipOf(window, this.asking);
        if (!fix) continue;
        const guarded = this.guarded(text);
        if ([...window].some((_, k) => guarded.has(i + k))) continue;
        text = text.slice(0, i) + fix + text.slice(i + n);
      }
    }
    return text;
  }

  /** Positions inside protected words (a text is asked about twice, and once per report). */
  private guarded(text: string): Set<number> {
    return this.guardedTexts.get(text, () => guardedPositions(text, this.protectedWords));
  }
}

/** Guarded positions by text, per finder of protected words. */
const GUARDED = new WeakMap<WordFinder, Recent<string, Set<number>>>();

function guardedTextsOf(finder: WordFinder): Recent<string, Set<number>> {
  let texts = GUARDED.get(finder);
  if (!texts) GUARDED.set(finder, (texts = new Recent()));
  return texts;
}

/** `word` with its `k`th character left open ("下*"). */
function oneOff(word: string, k: number): string {
  return `${word.slice(0, k)}*${word.slice(k + 1)}`;
}

/** A word's reading without tones, in context ("下降": xia jiang). */
const tonelessReadings = new Recent<string, string>(4096);

function toneless(word: string): string {
  return tonelessReadings.get(word, () => pinyin(word, { toneType: "none" }));
}

/** A stretch's reading with tones ("zeng1 zhang3"): the same stretches come up for every report. */
const tonedReadings = new Recent<string, string>(4096);

function toned(text: string): string {
  return tonedReadings.get(text, () => pinyin(text, { toneType: "num" }));
}

/** Every way a stretch may be read, without tones (at most `MAX_READINGS`). */
function readingsOf(text: string): string[] {
  let sounds = [""];
  for (const ch of text) {
    const readings = charReadings(ch);
    sounds = sounds
      .flatMap((s) => readings.map((r) => (s ? `${s} ${r}` : r)))
      .slice(0, MAX_READINGS);
  }
  return sounds;
}

/** A character's commonest readings, without tones ("长": chang, zhang). */
const charReadingsOf = new Recent<string, string[]>(8192);

function charReadings(ch: string): string[] {
  return charReadingsOf.get(ch, () => {
    // (Its two commonest: 盖 is gai or ge, rarely he, and "盖住房" is no slip for 荷住房.)
    const found = [...new Set(pinyin(ch, { multiple: true, type: "array", toneType: "none" }))];
    return found.length ? found.slice(0, 2) : [ch];
  });
}

/**
 * The sounds pinyin typists mix up count as one (模糊音): zh/z, ch/c, sh/s and the nasal endings
 * ang/an, eng/en, ing/in ("农名工" for 农民工, "总厂" for 总产).
 */
function fuzzy(sound: string): string {
  return fuzzySounds.get(sound, () => fuzzyOf(sound));
}
const fuzzySounds = new Recent<string, string>(4096);

function fuzzyOf(sound: string): string {
  return sound
    .split(" ")
    .map((s) => s.replace(/^([zcs])h/, "$1").replace(/([aei])ng(?=\d?$)/, "$1n"))
    .join(" ");
}

function add(map: Map<string, string[]>, key: string, gram: string): void {
  const list = map.get(key);
  if (list) list.push(gram);
  else map.set(key, [gram]);
}

/**
 * Positions of characters in words neither the dictionary (jieba tag "x") nor the report knows:
 * a slip makes such a word ("圆配", "农模"), while a real word ("低保户", "还田机") is left alone.
 */
/** Positions of `text` inside a word that is never a slip. */
function guardedPositions(text: string, protectedWords: WordFinder): Set<number> {
  const guarded = new Set<number>();
  for (const { word, at } of protectedWords.occurrences(text)) {
    for (let i = at; i < at + word.length; i++) guarded.add(i);
  }
  return guarded;
}

function unknownPositions(
  text: string,
  guardedOf: () => Set<number>,
  inCorpus: (word: string) => boolean,
): { strange: number[]; absent: number[] } {
  const strange: number[] = [];
  const absent: number[] = [];
  for (const { word, tag, start } of taggedSpans(text)) {
    const positions = !/\p{Script=Han}/u.test(word)
      ? undefined
      : isStrange(word, tag, inCorpus)
        ? strange
        : isAbsentNoun(word, tag, inCorpus)
          ? absent
          : undefined;
    if (positions) {
      const guarded = guardedOf();
      for (let i = start; i < start + word.length; i++) if (!guarded.has(i)) positions.push(i);
    }
  }
  return { strange, absent };
}

/**
 * A word a slip may have made: unknown to both the dictionary and the report ("圆配", "农模").
 * Real words are left alone, also when the report lacks them: "科级" is not a slip for 科技, and
 * "低保户" not for 低保护.
 */
function isStrange(word: string, tag: string, inCorpus: (w: string) => boolean): boolean {
  // "要建", "能领": a function word and a verb that jieba did not join, not a slip.
  if (word.length === 2 && FUNCTION_START.test(word)) return false;
  return tag === "x" && !inCorpus(word);
}

/** A noun the report lacks ("肉机"), not a place word ("地里"): a slip only to a homophone. */
function isAbsentNoun(word: string, tag: string, inCorpus: (w: string) => boolean): boolean {
  return (
    word.length >= 2 &&
    /^(n[a-z]?|vn)$/.test(tag) &&
    !/[里上下中内外边]$/.test(word) &&
    !inCorpus(word)
  );
}

const FUNCTION_START = /^[要能会可将都也还就又才已被把给让共总准想该得]/;

/** Asking words of 2–4 characters, their one-open patterns, and the questions they may fit. */
interface AskingWords {
  words: string[];
  patterns: Map<string, string[]>;
  mayFit: Recent<string, boolean>;
}

const ASKING_WORDS = new Map<string, AskingWords>();

function askingWordsOf(askingWords: string[]): AskingWords {
  const key = askingWords.join("|");
  let found = ASKING_WORDS.get(key);
  if (!found) {
    const words = askingWords.filter(
      (w) => w.length >= MIN && w.length <= MAX && /^\p{Script=Han}+$/u.test(w),
    );
    const patterns = new Map<string, string[]>();
    for (const word of words)
      for (let k = 0; k < word.length; k++) add(patterns, oneOff(word, k), word);
    ASKING_WORDS.set(key, (found = { words, patterns, mayFit: new Recent() }));
  }
  return found;
}

/**
 * Whether some stretch of the question differs in one character from an asking word (any the
 * intents list) and sounds like it, tones aside: only then may a report's word repair it.
 */
function hasAskingSlip(question: string, patterns: Map<string, string[]>): boolean {
  for (let n = MAX; n >= MIN; n--) {
    for (let i = 0; i + n <= question.length; i++) {
      if (slipOf(question.slice(i, i + n), patterns)) return true;
    }
  }
  return false;
}

/**
 * The asking word of `patterns` that `window` is a slip of: one differing in one character and
 * sounding alike, tones aside ("下将": 下降). Never a stretch with a question word (几, 多少…).
 */
function slipOf(window: string, patterns: Map<string, string[]>): string | undefined {
  if (!/^\p{Script=Han}+$/u.test(window) || /[几多少啥么哪谁]/.test(window)) return undefined;
  // (Words differing in one character first, by pattern: sounds are dearer to compare.)
  const alike = [...window].flatMap((_, k) => patterns.get(oneOff(window, k)) ?? []);
  if (alike.length === 0) return undefined;
  const sounds = readingsOf(window);
  return alike.find((word) => differingAt(word, window) >= 0 && sounds.includes(toneless(word)));
}

/** Where two strings of one length differ, when they differ in exactly one character; else -1. */
function differingAt(a: string, b: string): number {
  let at = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at;
}

/** How many of `positions` lie in the window of `n` characters from `start`. */
function countWithin(positions: number[], start: number, n: number): number {
  let count = 0;
  for (const p of positions) if (p >= start && p < start + n) count++;
  return count;
}

/** Whether one of `positions` lies in the window of `n` characters from `start`. */
function anyWithin(positions: number[], start: number, n: number): boolean {
  for (const p of positions) if (p >= start && p < start + n) return true;
  return false;
}
