// The audit log as the core sees it: admin actions with who, in which role and when (issue 13,
// item 6). The store keeps it (`src/store/db/audit.ts`); `/audit` lists the recent entries.
import { formatShanghai } from "../period.js";
import type { Role } from "./roles.js";
import { ROLE_NAMES } from "./roles.js";

/** One recorded action. */
export interface AuditEntry {
  at: Date;
  /** Who did it ("wecom:alice"). */
  actor: string;
  role: Role;
  /** What ("invite", "export", "grant" …). */
  action: string;
  /** Arguments or outcome, one line. */
  detail: string;
}

/** Where actions are recorded. */
export interface AuditLog {
  record(entry: AuditEntry): void;
  /** The newest `limit` entries, newest first. */
  recent(limit: number): AuditEntry[];
}

/** How many entries `/audit` shows. */
export const AUDIT_SHOWN = 30;

/** How actions are named to people. */
const ACTION_NAMES: Record<string, string> = {
  invite: "生成邀请码",
  bind: "绑定",
  unbind: "解除绑定",
  grant: "授予查看权限",
  revoke: "收回查看权限",
  export: "导出",
  remind: "催报",
  teach: "教说法",
  forget: "删除说法",
  holidays: "修改节假日",
  reports: "删除报告",
  "reports-remove": "删除报告",
  import: "导入报告",
  as: "代理乡镇",
};

/** The text of `/audit`: the recent entries, newest first, one a line. */
export function auditText(entries: readonly AuditEntry[]): string {
  if (!entries.length) return "还没有记录任何管理操作。";
  const lines = entries.map((e) => {
    const what = ACTION_NAMES[e.action] ?? e.action;
    const detail = e.detail ? `：${e.detail}` : "";
    return `${formatShanghai(e.at)} ${e.actor}（${ROLE_NAMES[e.role]}）${what}${detail}`;
  });
  return [`最近 ${entries.length} 条管理操作（新的在前）：`, ...lines].join("\n");
}

/** An audit log in memory (tests, and a core wired without a store). */
export function memoryAuditLog(): AuditLog {
  const entries: AuditEntry[] = [];
  return {
    record: (entry) => void entries.push(entry),
    recent: (limit) => entries.slice(-limit).reverse(),
  };
}
