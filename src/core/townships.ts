// Which township a person means, from how they type its name. Pure functions over the roster
// (which the store loads); the core reads no files.

/** What matching needs of a township: its full name and its kind (镇, 乡, 街道 …). */
export interface TownshipLike {
  name: string;
  kind: string;
}

/**
 * The township a person means: the full name ("东山镇"), the name with another or no suffix
 * ("东山", "东山乡"), or a unique beginning of at least two characters ("东山"). Undefined when
 * nothing or more than one township fits; `matchTownships` lists the candidates.
 */
export function findTownship<T extends TownshipLike>(
  roster: readonly T[],
  text: string,
): T | undefined {
  const matches = matchTownships(roster, text);
  return matches.length === 1 ? matches[0] : undefined;
}

/** Every township `text` may mean, best first: an exact or short-form match wins over prefixes. */
export function matchTownships<T extends TownshipLike>(roster: readonly T[], text: string): T[] {
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
function shortName(township: TownshipLike): string {
  return township.name.endsWith(township.kind)
    ? township.name.slice(0, -township.kind.length)
    : township.name;
}

function stripSuffix(text: string): string {
  return text.replace(/(街道|街|镇|乡)$/u, "") || text;
}
