// Row types of the store's tables, as kysely sees them. Times are ISO strings, flags 0/1.
import type { Generated } from "kysely";

/** One inbound platform message, stored before it is acknowledged. */
export interface InboxTable {
  id: Generated<number>;
  /** Which door it came through ("wecom-app", "wecom-robot", "telegram"). */
  door: string;
  /** The platform's id (MsgId, the robot's msgid, update_id): unique per door. */
  key: string;
  /** Handling is serial per (door, chat). */
  chat: string;
  /** The door's own JSON of the message. */
  payload: string;
  received_at: string;
  /** "new" until handled, then "done" (or "failed" when handling threw twice). */
  state: string;
  attempts: number;
  done_at: string | null;
  error: string | null;
}

/** One outgoing send, recorded before it is made. */
export interface OutboxTable {
  id: Generated<number>;
  inbox_id: number | null;
  door: string;
  /** The door's address: a chat id, a user id, a response_url. */
  target: string;
  /** The door's JSON of what to send. */
  body: string;
  /** "pending" → "sending" → "sent"; "unsure" when a send may or may not have arrived; "failed". */
  state: string;
  attempts: number;
  created_at: string;
  sent_at: string | null;
  error: string | null;
}

export interface ConversationTable {
  key: string;
  data: string;
  updated_at: string;
}

export interface SubmissionTable {
  receipt: string;
  period: string;
  seq: number;
  task_id: string;
  township: string;
  by_identity: string;
  by_name: string | null;
  channel: string;
  raw: string;
  at: string;
  late: number;
  /** The draft it closed: a draft is stored once, whatever retries and crashes happen. */
  draft_id: string | null;
}

export interface SubmissionEntryTable {
  receipt: string;
  pos: number;
  period: string;
  seq: number;
  township: string;
  field: string;
  value: number;
  unit: string;
}

export interface ReceiptCounterTable {
  period: string;
  last_seq: number;
}

export interface BindingTable {
  identity: string;
  township: string;
  name: string | null;
  bound_at: string;
}

export interface InviteTable {
  code: string;
  township: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_by: string | null;
  used_at: string | null;
  /** The liaison's name as the office gave it with the invite (v2). */
  name: string | null;
}

export interface ReminderLedgerTable {
  key: string;
  task: string;
  period: string;
  reminder: string;
  recipient: string;
  state: string;
  at: string;
  late: number;
  done_at: string | null;
  error: string | null;
}

/** Facts about the database itself ("json-import": when a JSON data folder was moved in). */
export interface MetaTable {
  key: string;
  value: string;
}

/** A viewer (district leader) granted by an admin (v2). */
export interface ViewerGrantTable {
  identity: string;
  granted_by: string;
  granted_at: string;
}

/** One admin action: who, in which role, what, when (v2). */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  role: string;
  action: string;
  detail: string;
}

/** One wrong invite code typed (v2). */
export interface BindFailureTable {
  id: Generated<number>;
  identity: string;
  at: string;
}

export interface Tables {
  meta: MetaTable;
  inbox: InboxTable;
  outbox: OutboxTable;
  conversations: ConversationTable;
  submissions: SubmissionTable;
  submission_entries: SubmissionEntryTable;
  receipt_counters: ReceiptCounterTable;
  bindings: BindingTable;
  invites: InviteTable;
  reminder_ledger: ReminderLedgerTable;
  viewer_grants: ViewerGrantTable;
  audit_log: AuditLogTable;
  bind_failures: BindFailureTable;
}
