// The township roster (seeds/townships.json): the 27 乡镇街 that report figures.
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { TownshipNameSchema } from "./identity.js";
import { readRequiredJsonFile } from "./json-doc.js";

/** One township of the roster. */
export const TownshipSchema = z.object({
  name: TownshipNameSchema,
  /** 镇, 乡 or 街道: also the suffix people may leave out when they type the name. */
  kind: z.enum(["镇", "乡", "街道"]),
});
export type Township = z.infer<typeof TownshipSchema>;

/** The roster file: a district and its townships, names unique. */
export const RosterFileSchema = z.object({
  district: z.string().optional(),
  note: z.string().optional(),
  townships: z
    .array(TownshipSchema)
    .min(1)
    .refine((list) => new Set(list.map((t) => t.name)).size === list.length, {
      message: "township names must be unique",
    }),
});

/** The default roster file. */
export const ROSTER_FILE = fileURLToPath(new URL("../../seeds/townships.json", import.meta.url));

/** Loads and validates the roster; a missing or broken file throws a StoreError naming it. */
export function loadRoster(file = ROSTER_FILE): Township[] {
  return readRequiredJsonFile(file, RosterFileSchema, "restore seeds/townships.json").townships;
}

/**
 * The township a person means: the full name ("东山镇"), the name with another or no suffix
 * ("东山", "东山乡"), or a unique beginning of at least two characters ("东山"). Undefined when
 * nothing or more than one township fits; `matchTownships` lists the candidates.
 */
export function findTownship(roster: readonly Township[], text: string): Township | undefined {
  const matches = matchTownships(roster, text);
  return matches.length === 1 ? matches[0] : undefined;
}

/** Every township `text` may mean, best first: an exact or short-form match wins over prefixes. */
export function matchTownships(roster: readonly Township[], text: string): Township[] {
  const typed = text.normalize("NFKC").replace(/\s+/g, "");
  if (!typed) return [];
  const exact = roster.filter((t) => t.name === typed);
  if (exact.length > 0) return exact;
  const core = stripSuffix(typed);
  const short = roster.filter((t) => shortName(t) === core);
  if (short.length > 0) return short;
  if ([...core].length < 2) return [];
  return roster.filter((t) => t.name.startsWith(core));
}

/** The name without its kind suffix: 东山镇 → 东山, 城关街道 → 城关, 某某满族乡 → 某某满族. */
function shortName(township: Township): string {
  return township.name.endsWith(township.kind)
    ? township.name.slice(0, -township.kind.length)
    : township.name;
}

function stripSuffix(text: string): string {
  return text.replace(/(街道|街|镇|乡)$/u, "") || text;
}
