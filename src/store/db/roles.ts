// Viewers granted by admins (/grant, /revoke), in the store database.
import { z } from "zod";
import type { ViewerGrant, ViewerGrants } from "../../core/access/roles.js";
import { IdentitySchema } from "../identity.js";
import { parseInput } from "../input-error.js";
import { memoryDatabase, openDatabase, type Database } from "./database.js";

const GrantInputSchema = z.object({ identity: IdentitySchema, by: IdentitySchema, at: z.date() });

/** Viewer grants in a store database. */
export function sqlViewerGrants(db: Database): ViewerGrants {
  const { q } = db;
  const has = (identity: string) =>
    db.first(q.selectFrom("viewer_grants").select("identity").where("identity", "=", identity)) !==
    undefined;
  return {
    has,
    list: () =>
      db
        .all(q.selectFrom("viewer_grants").selectAll().orderBy("granted_at"))
        .map((row): ViewerGrant => ({
          identity: row.identity,
          grantedBy: row.granted_by,
          grantedAt: new Date(row.granted_at),
        })),
    async grant(identity, by, at) {
      const input = parseInput(GrantInputSchema, { identity, by, at }, "viewer grant");
      return db.transaction(
        () =>
          db.run(
            q
              .insertInto("viewer_grants")
              .values({
                identity: input.identity,
                granted_by: input.by,
                granted_at: input.at.toISOString(),
              })
              .onConflict((c) => c.column("identity").doNothing()),
          ) > 0,
        { durable: true },
      );
    },
    revoke: async (identity) =>
      db.transaction(
        () => db.run(q.deleteFrom("viewer_grants").where("identity", "=", identity)) > 0,
        { durable: true },
      ),
  };
}

/** The viewer grants of a data folder's database. */
export function openViewerGrants(dataDir: string): ViewerGrants {
  return sqlViewerGrants(openDatabase(dataDir));
}

/** Viewer grants in memory (tests). */
export function memoryViewerGrants(): ViewerGrants {
  return sqlViewerGrants(memoryDatabase());
}
