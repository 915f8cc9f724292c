// Schemas for values several stores share: who someone is and short display texts.
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

/** A person's display name as stored (1–64 characters, one line). */
export const PersonNameSchema = shortText(64);

/** A township name as stored (1–32 characters, one line). */
export const TownshipNameSchema = shortText(32);

/** Trims a display name and drops it when empty; callers then validate the result. */
export function cleanName(name: string | undefined): string | undefined {
  const trimmed = name?.normalize("NFC").trim();
  return trimmed ? trimmed : undefined;
}
