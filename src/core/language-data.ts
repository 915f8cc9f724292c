// Language data shipped as JSON modules (intents/*.json), checked with zod when first read: a
// broken file stops the bot with the file's name and the place of the problem.
import type { z } from "zod";

/** `json` checked against `schema`; throws naming `file` and the first problem. */
export function checkedLanguageData<S extends z.ZodType>(
  schema: S,
  json: unknown,
  file: string,
): z.infer<S> {
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join(".") || "(root)";
  throw new Error(`${file} does not match its schema at ${where}: ${issue?.message}`);
}
