// Chinese texts of the identity and office commands and of answers about submitted figures.
import { formatPeriod, formatShanghai } from "../period.js";

/** How channels are named to people. */
export const CHANNEL_NAMES: Record<string, string> = {
  wecom: "企业微信",
  telegram: "Telegram",
  console: "控制台",
};

/** Fixed texts and small templates of the commands. */
export const COMMAND_TEXTS = {
  inviteUsage: "用法：/invite 乡镇名，例如 /invite 某某镇",
  invited: (township: string, code: string, expiresAt: Date) =>
    `已为${township}生成邀请码：${code}\n` +
    `有效期至 ${formatShanghai(expiresAt, { weekday: true })}，只能使用一次。\n` +
    `请转告联络员私聊我发送：/bind ${code}`,
  bindUsage: "用法：/bind 邀请码，例如 /bind ABCD2345（邀请码向区办公室索取）",
  bound: (township: string, before?: string) =>
    `绑定成功：您现在是${township}的联络员。` +
    (before && before !== township ? `（原绑定的${before}已解除）` : "") +
    "\n私聊我发送“上报”即可填报本月数据。",
  unbindUsage: "用法：/unbind telegram:123456（解除某人）或 /unbind 某某镇（解除该乡镇全部联络员）",
  unboundOne: (identity: string, township: string) => `已解除 ${identity} 与${township}的绑定。`,
  notBound: (identity: string) => `${identity} 没有绑定任何乡镇。`,
  unboundTownship: (township: string, identities: string[]) =>
    `已解除${township}的 ${identities.length} 位联络员：${identities.join("、")}`,
  townshipHasNone: (township: string) => `${township}目前没有绑定的联络员。`,
  whoami: (identity: string, admin: boolean) => `您的身份：${identity}${admin ? "（管理员）" : ""}`,
  boundTo: (township: string) => `绑定乡镇：${township}`,
  unboundLine: "绑定乡镇：无",
  actingLine: (township: string) => `正在以${township}联络员身份操作（发送 /as 恢复）`,
  canAny: "可以为任何乡镇填报（上报时写明乡镇，例如：上报 某某镇 新建民宿 35户）。",
  canOwn: (township: string) => `可以填报${township}的数据：私聊我发送“上报”。`,
  askOnly: "可以向我提问；如需填报，请向区办公室索取邀请码后私聊我发送“/bind 邀请码”。",
  actingAs: (township: string) =>
    `现在以${township}联络员的身份操作，上报只能填${township}。发送 /as 恢复管理员身份。`,
  actingCleared: "已恢复管理员身份。",
  notActing: "您当前没有代理任何乡镇。用法：/as 某某镇",
  noDraft: "当前没有正在填报的草稿。",
  periodRefused: (error: string) => `${error}。`,
  exported: (period: string, title: string, csv: string, xlsx: string) =>
    `已导出${formatPeriod(period)}“${title}”：\nCSV：${csv}\nExcel：${xlsx}`,
} as const;
