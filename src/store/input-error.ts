// One named error for values a store refuses to record (zod issues wrapped at the store edge).
import type { z } from "zod";

/**
 * A value handed to a store was refused and nothing was written. Callers validate user input
 * first and show their own message; reaching this error means a bug or a tampered request.
 */
export class StoreInputError extends Error {
  override name = "StoreInputError";
  constructor(
    message: string,
    /** What the zod schema (or a rule) complained about, as "path: message" lines. */
    readonly issues: string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Parses `value` with `schema` or throws a StoreInputError naming `what` and the first issue. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  throw new StoreInputError(`Refused ${what}: ${issues[0]}`, issues, { cause: parsed.error });
}
