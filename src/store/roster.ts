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

export { findTownship, matchTownships } from "../core/townships.js";
