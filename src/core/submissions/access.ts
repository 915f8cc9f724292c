// Who may submit for which township: admins for any (their bound township is the default),
// bound liaisons for their own, a console operator acting as a liaison (`/as`) for that one only.
import type { CommandContext } from "../engine.js";
import type { BindingStore } from "../../store/bindings.js";

/** What a person may submit. */
export interface Reporter {
  /** The township used when none is named. */
  township?: string;
  /** True for admins not acting as a liaison: they may name any township. */
  anyTownship: boolean;
}

/** The reporter behind a message, or undefined when this person may only ask questions. */
export function reporterOf(context: CommandContext, bindings: BindingStore): Reporter | undefined {
  const acting = context.admin ? context.conversation.actingAs : undefined;
  if (acting) return { township: acting, anyTownship: false };
  const bound = bindings.townshipOf(context.identity);
  if (context.admin) return bound ? { township: bound, anyTownship: true } : { anyTownship: true };
  return bound ? { township: bound, anyTownship: false } : undefined;
}

/** True when the reporter may submit for `township`. */
export function mayReport(reporter: Reporter, township: string): boolean {
  return reporter.anyTownship || reporter.township === township;
}
