// The district the bot serves (seeds/district.json): its name and level, its seed report and
// roster, and the places and words of its reports. Everything that names one district lives
// in the seed folder, so another district replaces the folder and changes no code.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { readRequiredJsonFile } from "./json-doc.js";

const Word = z.string().trim().min(1);

/** seeds/district.json. */
export const DistrictSchema = z.object({
  note: z.string().optional(),
  /** "某某区". */
  name: Word,
  /** "某某市某某区". */
  fullName: Word.optional(),
  /** 区, 县, 市 or 旗: replies say 全区, 全县 … by it. */
  level: z.enum(["区", "县", "市", "旗", "州", "省"]),
  /** The seed report's file name, in the seed folder. */
  report: Word,
  /** The township roster's file name, in the seed folder. */
  roster: Word,
  /** Places the reports name besides the townships (villages, partner counties, rivers). */
  places: z.array(Word).default([]),
  /** This district's own words for things (synonym groups, the report's word first). */
  synonyms: z.array(z.array(Word).min(2)).default([]),
  /** Words of this district's reports that exclude each other. */
  contrasts: z.array(z.array(Word).min(2)).default([]),
});
export type DistrictFile = z.infer<typeof DistrictSchema>;

/** A loaded district, with its files' paths. */
export interface District extends DistrictFile {
  folder: string;
  reportFile: string;
  rosterFile: string;
  /** "全区": how replies name the whole district. */
  area: string;
  /** How people name the district itself ("某某区", "某某"): in a question it narrows nothing. */
  aliases: string[];
}

/** The shipped seed folder. */
export const SEED_DIR = fileURLToPath(new URL("../../seeds/", import.meta.url));

/** Loads and validates a district folder (default: the shipped seeds). */
export function loadDistrict(folder = SEED_DIR): District {
  const file = readRequiredJsonFile(
    join(folder, "district.json"),
    DistrictSchema,
    "restore seeds/district.json",
  );
  const short = file.name.replace(/(新区|自治县|自治州|区|县|市|旗|州)$/, "");
  return {
    ...file,
    folder,
    reportFile: join(folder, file.report),
    rosterFile: join(folder, file.roster),
    area: `全${file.level}`,
    aliases: [...new Set([file.name, short, file.fullName ?? file.name])].filter(
      (a) => a.length >= 2,
    ),
  };
}
