// Which commands answer only in a private chat, and which are recorded in the audit log: the
// rules of issue 13 items 4 and 6 in one place, applied by the engine to every feature's commands.

/**
 * Commands that show data (lists of liaisons, files, progress, the audit log, questions people
 * asked): in a group they answer with a pointer to the private chat, whoever asks.
 */
export const PRIVATE_DATA_COMMANDS: ReadonlySet<string> = new Set([
  "export",
  "status",
  "unbind",
  "invite",
  "remind",
  "reports",
  "unanswered",
  "lessons",
  "audit",
  "grant",
  "revoke",
]);

/** An audited command: the action's name in the log and what of it is written down. */
export interface AuditRule {
  action: string;
  /** The detail to record from the arguments and the first reply line (default: the arguments). */
  detail?: (args: string, reply: string) => string;
  /** Only runs that change something are actions (default: every run). */
  when?: (args: string, reply: string) => boolean;
}

/** A change, not a listing: arguments other than 列表/list. */
const changes = (args: string) => !/^(|list|列表)$/i.test(args.trim());

/** Commands whose runs are admin actions (or, for /bind, a person taking a township). */
export const AUDITED_COMMANDS: Readonly<Record<string, AuditRule>> = {
  invite: { action: "invite" },
  // A binding made: the code is not written down, the reply names the township. Wrong codes
  // are counted by the bind guard instead (a guesser would flood this log).
  bind: {
    action: "bind",
    detail: (_args, reply) => reply,
    when: (_args, reply) => reply.startsWith("绑定成功"),
  },
  unbind: { action: "unbind" },
  grant: { action: "grant" },
  revoke: { action: "revoke" },
  export: { action: "export" },
  remind: { action: "remind", detail: (_args, reply) => reply },
  teach: { action: "teach" },
  forget: { action: "forget" },
  holidays: { action: "holidays", when: changes },
  reports: { action: "reports", when: (args) => /^(remove|删除)/i.test(args.trim()) },
  as: { action: "as" },
};

/** Flows whose end (确认 or 取消) is an admin action: publishing or removing a report. */
export const AUDITED_FLOWS: Readonly<Record<string, string>> = {
  "report-import": "import",
  "report-remove": "reports-remove",
};

/** The longest detail kept in the audit log. */
export const AUDIT_DETAIL_MAX = 120;
