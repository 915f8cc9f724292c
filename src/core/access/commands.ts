// The role commands: /whoami says who someone is and what they may do; admins /grant and
// /revoke viewers and read the audit log with /audit.
import { z } from "zod";
import type { CommandContext, CommandSpec } from "../engine.js";
import type { Reply } from "../types.js";
import { AUDIT_SHOWN, auditText, type AuditLog } from "./audit.js";
import { ROLE_NAMES, type Roles } from "./roles.js";

/** Someone to grant or revoke: a numeric Telegram id or a WeCom userid. */
const PersonSchema = z
  .string()
  .trim()
  .regex(/^telegram:\d{1,20}$|^wecom:[\w.@-]{1,64}$/);

/** Texts of the role commands. */
export const ACCESS_TEXTS = {
  whoami: (identity: string, role: string) => `您的身份：${role}\n账号：${identity}`,
  boundTo: (township: string) => `绑定乡镇：${township}`,
  unbound: "绑定乡镇：无",
  acting: (township: string) => `正在以${township}联络员身份操作（发送 /as 恢复）`,
  admin:
    "可以为任何乡镇填报（上报时写明乡镇，例如：上报 某某镇 新建民宿 35户），可查看各乡镇上报的数字；管理命令请私聊我使用。",
  viewer:
    "可以查看各乡镇上报的数字和填报进度（私聊我提问，例如“某某镇新建民宿多少”，或发 /status）。",
  liaison: (township: string) => `可以填报并查看${township}的数据：私聊我发送“上报”。`,
  public: "可以向我提问报告中的数字；如需填报，请向区办公室索取邀请码后私聊我发送“/bind 邀请码”。",
  grantUsage:
    "用法：/grant 身份，例如 /grant wecom:zhangsan 或 /grant telegram:123456（授予查看各乡镇上报数字的权限）",
  revokeUsage: "用法：/revoke 身份，例如 /revoke wecom:zhangsan",
  granted: (who: string) => `已授予 ${who} 查看权限：可查看各乡镇上报的数字和填报进度。`,
  alreadyViewer: (who: string) => `${who} 已有查看权限。`,
  isAdmin: (who: string) => `${who} 是管理员，无需授予。`,
  revoked: (who: string) => `已收回 ${who} 的查看权限。`,
  notViewer: (who: string) => `${who} 没有被授予查看权限。`,
  configured: (who: string) => `${who} 的查看权限写在配置 VIEWERS 中，请修改配置后重启机器人。`,
  noStore: "查看权限的记录未启用。",
  privateData: "这个命令会显示内部数据，请私聊我使用。",
  notAllowed: "这个命令只有办公室管理员和区领导可以使用。",
} as const;
const T = ACCESS_TEXTS;

/** The role commands over `roles` and `audit`. */
export function accessCommands(
  roles: Roles,
  audit: AuditLog | undefined,
): Record<string, CommandSpec> {
  return {
    whoami: { run: whoami },
    grant: { run: (c) => grant(roles, c), adminOnly: true },
    revoke: { run: (c) => revoke(roles, c), adminOnly: true },
    audit: {
      run: () => [{ text: auditText(audit?.recent(AUDIT_SHOWN) ?? []) }],
      adminOnly: true,
    },
  };
}

function say(text: string): Reply[] {
  return [{ text }];
}

function whoami(context: CommandContext): Reply[] {
  const { access, identity } = context;
  const acting = access.role === "admin" ? context.conversation.actingAs : undefined;
  const role =
    access.role === "liaison"
      ? `${ROLE_NAMES.liaison}（${access.township}）`
      : ROLE_NAMES[access.role];
  const lines = [T.whoami(identity, role)];
  lines.push(access.township ? T.boundTo(access.township) : T.unbound);
  if (acting) lines.push(T.acting(acting), T.liaison(acting));
  else if (access.role === "liaison" && access.township) lines.push(T.liaison(access.township));
  else lines.push(access.role === "liaison" ? T.public : T[access.role]);
  return say(lines.join("\n"));
}

async function grant(roles: Roles, context: CommandContext): Promise<Reply[]> {
  const who = PersonSchema.safeParse(context.args);
  if (!who.success) return say(T.grantUsage);
  if (!roles.grants) return say(T.noStore);
  const identity = who.data;
  if (roles.accessOf(identity).role === "admin") return say(T.isAdmin(identity));
  if (roles.configuredViewers.includes(identity)) return say(T.alreadyViewer(identity));
  const added = await roles.grants.grant(identity, context.identity, context.now);
  return say(added ? T.granted(identity) : T.alreadyViewer(identity));
}

async function revoke(roles: Roles, context: CommandContext): Promise<Reply[]> {
  const who = PersonSchema.safeParse(context.args);
  if (!who.success) return say(T.revokeUsage);
  const identity = who.data;
  if (roles.configuredViewers.includes(identity)) return say(T.configured(identity));
  if (!roles.grants) return say(T.noStore);
  return say((await roles.grants.revoke(identity)) ? T.revoked(identity) : T.notViewer(identity));
}
