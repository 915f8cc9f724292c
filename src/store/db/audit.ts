// The audit log of admin actions, in the store database. Entries older than a year are dropped
// as new ones come, so the table stays small.
import { z } from "zod";
import type { AuditEntry, AuditLog } from "../../core/access/audit.js";
import type { Role } from "../../core/access/roles.js";
import { IdentitySchema } from "../identity.js";
import { parseInput } from "../input-error.js";
import { memoryDatabase, openDatabase, type Database } from "./database.js";

/** How long entries are kept. */
const KEEP_MS = 366 * 24 * 60 * 60 * 1000;

const RoleSchema = z.enum(["admin", "viewer", "liaison", "public"]);
const EntrySchema = z.object({
  at: z.date(),
  actor: IdentitySchema,
  role: RoleSchema,
  action: z.string().regex(/^[a-z-]{1,32}$/),
  detail: z.string().max(500),
});

/** An audit log in a store database. */
export function sqlAuditLog(db: Database): AuditLog {
  const { q } = db;
  return {
    record(entry) {
      const e = parseInput(EntrySchema, entry, "audit entry");
      const forget = new Date(e.at.getTime() - KEEP_MS).toISOString();
      db.transaction(() => {
        db.run(q.deleteFrom("audit_log").where("at", "<", forget));
        db.run(
          q.insertInto("audit_log").values({
            at: e.at.toISOString(),
            actor: e.actor,
            role: e.role,
            action: e.action,
            detail: e.detail,
          }),
        );
      });
    },
    recent: (limit) =>
      db
        .all(q.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(limit))
        .map((row): AuditEntry => ({
          at: new Date(row.at),
          actor: row.actor,
          role: (RoleSchema.safeParse(row.role).data ?? "public") as Role,
          action: row.action,
          detail: row.detail,
        })),
  };
}

/** The audit log of a data folder's database. */
export function openAuditLog(dataDir: string): AuditLog {
  return sqlAuditLog(openDatabase(dataDir));
}

/** An audit log in a private in-memory database (tests). */
export function memorySqlAuditLog(): AuditLog {
  return sqlAuditLog(memoryDatabase());
}
