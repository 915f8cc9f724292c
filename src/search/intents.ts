// Language knowledge kept as data in intents/: synonyms, question words, unit and kind hints.
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { readRequiredJsonFile } from "../store/json-doc.js";

const KindSchema = z.enum(["actual", "plan", "rate", "change"]);

const SynonymsSchema = z.object({
  note: z.string().optional(),
  groups: z.array(z.array(z.string().min(1)).min(2)),
});

const QuestionSchema = z
  .object({
    note: z.string().optional(),
    questionWords: z.array(z.string().min(1)),
    unitFamilies: z.record(z.string(), z.array(z.string().min(1)).min(1)),
    hintWords: z.record(z.string(), z.string()),
    softWords: z.array(z.string().min(1)),
    strictHints: z.array(z.string().min(1)),
    anchorWords: z.array(z.string().min(1)),
    totalWords: z.array(z.string().min(1)),
    incrementWords: z.array(z.string().min(1)),
    /** Words the segmenter tags as places that are none ("上市" of 上市企业). */
    notPlaces: z.array(z.string().min(1)).default([]),
    /** Words that ask for a target outright ("目标", "任务"): an achieved figure does not answer. */
    targetWords: z.array(z.string().min(1)),
    /** Words that ask what something was before ("开始时"): the start of a "由A到B" answers. */
    earlierWords: z.array(z.string().min(1)),
    /** Words that ask how much something changed ("增长多少"): only a change answers. */
    changeWords: z.array(z.string().min(1)),
    negationWords: z.array(z.string().min(1)),
    contrasts: z.array(z.array(z.string().min(1)).min(2)),
    places: z.array(z.string().min(1)),
    fillerPhrases: z.array(z.string().min(2)),
    kindWords: z.record(z.string(), KindSchema),
  })
  .superRefine((q, ctx) => {
    for (const [word, family] of Object.entries(q.hintWords)) {
      if (!(family in q.unitFamilies)) {
        ctx.addIssue({
          code: "custom",
          path: ["hintWords", word],
          message: `unknown unit family "${family}"`,
        });
      }
    }
  });

/** All language data the matcher uses. */
export interface Intents {
  synonyms: string[][];
  questionWords: string[];
  unitFamilies: Record<string, string[]>;
  hintWords: Record<string, string>;
  softWords: string[];
  strictHints: string[];
  anchorWords: string[];
  totalWords: string[];
  incrementWords: string[];
  notPlaces: string[];
  changeWords: string[];
  earlierWords: string[];
  targetWords: string[];
  negationWords: string[];
  contrasts: string[][];
  places: string[];
  fillerPhrases: string[];
  kindWords: Record<string, z.infer<typeof KindSchema>>;
}

const INTENTS_DIR = fileURLToPath(new URL("../../intents/", import.meta.url));

function load<S extends z.ZodType>(name: string, schema: S): z.infer<S> {
  return readRequiredJsonFile(`${INTENTS_DIR}${name}`, schema);
}

/**
 * The synonym files, each a list of groups: the report's words with what people type instead
 * (synonyms.json), everyday and official Chinese for the same thing (everyday.json), English and
 * Latin-letter terms (english.json).
 */
const SYNONYM_FILES = ["synonyms.json", "everyday.json", "english.json"];

/**
 * Words jieba may tag as places that are none: the contrast sides and increment words (新建 is a
 * contrast word) and the words listed as no places (上市).
 */
export function notPlacesOf(intents: Intents): Set<string> {
  return new Set([...intents.contrasts.flat(), ...intents.incrementWords, ...intents.notPlaces]);
}

/** Loads and validates the synonym files and intents/question.json. */
export function loadIntents(): Intents {
  const synonyms = SYNONYM_FILES.flatMap((file) => load(file, SynonymsSchema).groups);
  const question = load("question.json", QuestionSchema);
  return {
    synonyms,
    questionWords: question.questionWords,
    unitFamilies: question.unitFamilies,
    hintWords: question.hintWords,
    softWords: question.softWords,
    strictHints: question.strictHints,
    anchorWords: question.anchorWords,
    totalWords: question.totalWords,
    incrementWords: question.incrementWords,
    notPlaces: question.notPlaces,
    changeWords: question.changeWords,
    earlierWords: question.earlierWords,
    targetWords: question.targetWords,
    negationWords: question.negationWords,
    contrasts: question.contrasts,
    places: question.places,
    fillerPhrases: question.fillerPhrases,
    kindWords: question.kindWords,
  };
}

/** A district's own language (seeds/district.json), added to the general intents. */
export interface DistrictLanguage {
  places: string[];
  synonyms: string[][];
  contrasts: string[][];
  /** How people name the district itself ("某某区", "某某"): cut out of questions. */
  aliases: string[];
}

/** The intents with one district's places, words and name added. */
export function withDistrict(intents: Intents, district: DistrictLanguage): Intents {
  return {
    ...intents,
    places: [...intents.places, ...district.places],
    synonyms: [...intents.synonyms, ...district.synonyms],
    contrasts: [...intents.contrasts, ...district.contrasts],
    fillerPhrases: [...intents.fillerPhrases, ...district.aliases.filter((a) => a.length >= 2)],
  };
}
