// Schemas for values the core and the stores share: who someone is and short display texts.
import { z } from "zod";

/** A channel name: "telegram", "wecom", "console". */
export const ChannelSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be a lowercase channel name such as "wecom"');

/** A person on a channel, "channel:userId" ("telegram:12345", "wecom:zhangsan"). */
export const IdentitySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,31}:\S{1,128}$/, 'must look like "channel:userId"');
export type Identity = z.infer<typeof IdentitySchema>;

/** A short single-line text people see (a name, a township, a unit): no control characters. */
export function shortText(max: number) {
  return z
    .string()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+$/u, "must be one line without control characters")
    .refine((text) => text.trim() === text, "must not start or end with spaces");
}

/** A person's display name as stored: one line of 1–64 characters (emoji joiners allowed). */
export const PersonNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(
    /^(?:[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]|\u200d)+$/u,
    "must be one line without control characters",
  )
  .refine((text) => text.trim() === text, "must not start or end with spaces");

/** A township name as stored (1–32 characters, one line). */
export const TownshipNameSchema = shortText(32);

/**
 * A platform display name made storable: line breaks become spaces, invisible format characters
 * (bidi overrides, zero-width spaces; the emoji joiner stays) are dropped, the rest is trimmed and
 * cut to 64 UTF-16 units. Names come from WeCom and Telegram profiles: tidy them, never refuse them.
 */
export function cleanName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const flat = name
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, " ")
    .replace(/(?!\u200d)\p{Cf}/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  let cut = "";
  for (const char of flat) {
    if (cut.length + char.length > 64) break;
    cut += char;
  }
  return cut.trim() || undefined;
}

/** A display name as given by a caller, tidied by `cleanName`; empty means none. */
export const DisplayNameSchema = z
  .string()
  .max(10_000)
  .optional()
  .transform(cleanName)
  .pipe(PersonNameSchema.optional());
