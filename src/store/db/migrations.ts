// Numbered schema migrations: MIGRATIONS[n - 1] takes a database from `user_version` n - 1 to n.
// Never edit a released step; add a new one.
import type { Compilable } from "kysely";
import { sqliteBuilder } from "./builder.js";

const schema = sqliteBuilder<unknown>().schema;

/** One migration: statements run in order, in one transaction. */
export type Migration = Compilable<unknown>[];

const v1: Migration = [
  schema
    .createTable("meta")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull()),
  schema
    .createTable("inbox")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("door", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("chat", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("received_at", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("done_at", "text")
    .addColumn("error", "text")
    .addUniqueConstraint("inbox_door_key", ["door", "key"]),
  schema.createIndex("inbox_state").on("inbox").columns(["state", "id"]),
  schema.createIndex("inbox_received").on("inbox").column("received_at"),
  schema
    .createTable("outbox")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("inbox_id", "integer")
    .addColumn("door", "text", (c) => c.notNull())
    .addColumn("target", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("error", "text"),
  schema.createIndex("outbox_state").on("outbox").columns(["state", "id"]),
  schema.createIndex("outbox_target").on("outbox").columns(["door", "target", "id"]),
  schema
    .createTable("conversations")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull()),
  schema
    .createTable("submissions")
    .addColumn("receipt", "text", (c) => c.primaryKey())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("task_id", "text", (c) => c.notNull())
    .addColumn("township", "text", (c) => c.notNull())
    .addColumn("by_identity", "text", (c) => c.notNull())
    .addColumn("by_name", "text")
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("raw", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("late", "integer", (c) => c.notNull())
    .addColumn("draft_id", "text", (c) => c.unique())
    .addUniqueConstraint("submissions_period_seq", ["period", "seq"]),
  schema
    .createTable("submission_entries")
    .addColumn("receipt", "text", (c) => c.notNull().references("submissions.receipt"))
    .addColumn("pos", "integer", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("township", "text", (c) => c.notNull())
    .addColumn("field", "text", (c) => c.notNull())
    .addColumn("value", "real", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("submission_entries_pk", ["receipt", "field"]),
  schema
    .createIndex("entries_figure")
    .on("submission_entries")
    .columns(["period", "township", "field", "seq"]),
  schema
    .createIndex("entries_township_field")
    .on("submission_entries")
    .columns(["township", "field", "period"]),
  schema
    .createTable("receipt_counters")
    .addColumn("period", "text", (c) => c.primaryKey())
    .addColumn("last_seq", "integer", (c) => c.notNull()),
  schema
    .createTable("bindings")
    .addColumn("identity", "text", (c) => c.primaryKey())
    .addColumn("township", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("bound_at", "text", (c) => c.notNull()),
  schema.createIndex("bindings_township").on("bindings").columns(["township", "bound_at"]),
  schema
    .createTable("invites")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("township", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_by", "text")
    .addColumn("used_at", "text"),
  schema
    .createTable("reminder_ledger")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("task", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("reminder", "text", (c) => c.notNull())
    .addColumn("recipient", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("late", "integer", (c) => c.notNull())
    .addColumn("done_at", "text")
    .addColumn("error", "text"),
  schema.createIndex("ledger_task_period").on("reminder_ledger").columns(["task", "period"]),
];

/**
 * Who sees and does what (issue 13): viewers granted by admins, the audit log of admin actions,
 * wrong invite codes (kept here, not in memory, so a restart neither clears a cool-down nor the
 * hour the office alert counts over), and the name the office gives a liaison with an invite.
 */
const v2: Migration = [
  schema
    .createTable("viewer_grants")
    .addColumn("identity", "text", (c) => c.primaryKey())
    .addColumn("granted_by", "text", (c) => c.notNull())
    .addColumn("granted_at", "text", (c) => c.notNull()),
  schema
    .createTable("audit_log")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("detail", "text", (c) => c.notNull()),
  schema.createIndex("audit_at").on("audit_log").column("at"),
  schema
    .createTable("bind_failures")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("identity", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull()),
  schema.createIndex("bind_failures_identity").on("bind_failures").columns(["identity", "at"]),
  schema.createIndex("bind_failures_at").on("bind_failures").column("at"),
  schema.alterTable("invites").addColumn("name", "text"),
];

/** Every migration, oldest first. */
export const MIGRATIONS: Migration[] = [v1, v2];
