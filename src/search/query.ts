// A question -> the terms to look for, and hints on the unit and kind of the figure asked for.
import type { IndicatorKind } from "../extract/indicator.js";
import type { Intents } from "./intents.js";
import { normaliseText } from "./normalise.js";
import { searchWords, words } from "./segmenter.js";

/** One thing the question asks about, with the written forms that count as a match. */
export interface QueryTerm {
  text: string;
  forms: string[];
  /** Soft words describe the measure (面积, 金额): matched they help, missing they don't hurt. */
  soft: boolean;
}

/** A parsed question. */
export interface ParsedQuery {
  normalised: string;
  terms: QueryTerm[];
  /** Units the answer should be in (from 几户, 多少亩, 完成率 …); empty when the question says nothing. */
  units: Set<string>;
  kinds: Set<IndicatorKind>;
}

/** Turns questions into terms using the intents data and the corpus' own text. */
export class QueryParser {
  private readonly synonymForms: { form: string; group: string[] }[];
  private readonly questionWords: Set<string>;
  private readonly softWords: Set<string>;
  private readonly askedUnit: RegExp;
  private readonly unitFamily = new Map<string, string[]>();

  constructor(
    private readonly intents: Intents,
    /** True when a string occurs in the indicator texts. */
    private readonly inCorpus: (text: string) => boolean,
  ) {
    this.synonymForms = intents.synonyms
      .flatMap((group) => group.map((form) => ({ form, group })))
      .sort((a, b) => b.form.length - a.form.length);
    this.questionWords = new Set(intents.questionWords);
    this.softWords = new Set(intents.softWords);
    for (const family of Object.values(intents.unitFamilies)) {
      for (const unit of family) this.unitFamily.set(unit, family);
    }
    const units = [...this.unitFamily.keys()].sort((a, b) => b.length - a.length);
    this.askedUnit = new RegExp(`(几|多少|多少个)(${units.map(escape).join("|")})`, "g");
  }

  /** Parses one question. */
  parse(question: string): ParsedQuery {
    const normalised = normaliseText(question);
    const units = new Set<string>();
    const kinds = new Set<IndicatorKind>();
    for (const [word, family] of Object.entries(this.intents.hintWords)) {
      if (normalised.includes(word))
        this.intents.unitFamilies[family]!.forEach((u) => units.add(u));
    }
    for (const [word, kind] of Object.entries(this.intents.kindWords)) {
      if (normalised.includes(word)) kinds.add(kind);
    }
    const rest = normalised.replace(this.askedUnit, (_, _q, unit: string) => {
      this.unitFamily.get(unit)!.forEach((u) => units.add(u));
      return "|";
    });
    return { normalised, terms: this.termsOf(rest), units, kinds };
  }

  private termsOf(text: string): QueryTerm[] {
    const terms: QueryTerm[] = [];
    let rest = text;
    for (const { form, group } of this.synonymForms) {
      if (!rest.includes(form)) continue;
      terms.push({ text: form, forms: group, soft: false });
      rest = rest.split(form).join("|");
    }
    for (const segment of rest.split("|").filter(Boolean))
      terms.push(...this.segmentTerms(segment));
    return terms;
  }

  /** A stretch of question text: one term when the report has it verbatim, else its words. */
  private segmentTerms(segment: string): QueryTerm[] {
    if (segment.length >= 2 && this.inCorpus(segment) && !this.questionWords.has(segment)) {
      return [{ text: segment, forms: [segment], soft: this.softWords.has(segment) }];
    }
    return words(segment)
      .filter((w) => !this.questionWords.has(w) && !this.unitFamily.has(w) && !/^[几多少]/.test(w))
      .flatMap((w) => this.partsInCorpus(w))
      .map((w) => ({ text: w, forms: [w], soft: this.softWords.has(w) }));
  }

  /** A word the report lacks stands for its parts the report has ("产权交易" -> 产权, 交易). */
  private partsInCorpus(word: string): string[] {
    if (this.inCorpus(word)) return word.length > 1 || !this.questionWords.has(word) ? [word] : [];
    if (word.length < 3) return [word];
    const parts = searchWords(word).filter((p) => p !== word && p.length >= 2 && this.inCorpus(p));
    return parts.length ? parts : [word];
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
