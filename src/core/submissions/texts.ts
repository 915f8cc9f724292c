// Chinese texts of the identity and office commands, of stray form words with no draft open, and
// of answers about who has reported.
import { formatShanghai } from "../period.js";

/** How channels are named to people. */
export const CHANNEL_NAMES: Record<string, string> = {
  wecom: "企业微信",
  telegram: "Telegram",
  console: "控制台",
};

/** Fixed texts and small templates of the commands. */
export const COMMAND_TEXTS = {
  inviteUsage: "用法：/invite 乡镇名 [联络员姓名]，例如 /invite 某某镇 张三",
  inviteNameRefused: "联络员姓名应为 1 到 20 个字，不含数字和符号。例如 /invite 某某镇 张三",
  invited: (township: string, code: string, expiresAt: Date, name?: string) =>
    `已为${township}${name ? `联络员${name}` : ""}生成邀请码：${code}\n` +
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
  actingAs: (township: string) =>
    `现在以${township}联络员的身份操作，上报只能填${township}。发送 /as 恢复管理员身份。`,
  actingCleared: "已恢复管理员身份。",
  notActing: "您当前没有代理任何乡镇。用法：/as 某某镇",
  noDraft: "当前没有正在填报的草稿。",
  nothingToConfirm: "现在没有待确认的填报。",
  nothingToModify: "现在没有待修改的填报。",
  startHint: "发“上报”开始填报。",
  correctHint: "要更正本月已报的数字，重新发“上报”填写即可，例如：上报 新建民宿 35户",
  privateHint: "填报请私聊我发“上报”。",
  periodRefused: (error: string) => `${error}。`,
} as const;

/** Answers about who has reported. */
export const STATUS_TEXTS = {
  townshipHead: (place: string, reported: number, fields: number) =>
    reported === fields
      ? `${place}已报齐 ${fields} 项：`
      : `${place}已报 ${reported}/${fields} 项：`,
  townshipNone: (place: string, deadline: string) => `${place}尚未上报，${deadline}。`,
  lastReported: (period: string) => `上次上报：${period}`,
  notReported: (labels: string) => `未报：${labels}`,
  reportedFields: (labels: string) => `已报：${labels}`,
  deadline: (at: string) => `截止 ${at}`,
  pastDeadline: (at: string) => `已过截止时间 ${at}`,
  noneDone: (when: string, verb: string, total: number) =>
    `${when}还没有乡镇${verb}（共 ${total} 个）。`,
  allDone: (when: string, verb: string, total: number) => `${when} ${total} 个乡镇都已${verb}。`,
  missingHead: (when: string, verb: string, count: number, total: number) =>
    `${when}未${verb}的乡镇 ${count} 个（共 ${total} 个）`,
  doneHead: (when: string, verb: string, count: number, total: number) =>
    `${when}已${verb}的乡镇 ${count} 个（共 ${total} 个）`,
  wholeListPrivately: "私聊我可看完整名单。",
  partialItem: (township: string, missing: number) => `${township}（缺 ${missing} 项）`,
  partialAmongDone: (items: string) => `其中未报齐：${items}`,
  partialAmongMissing: (items: string) => `其中部分已报：${items}`,
  partialBesides: (count: number, items: string) => `另有 ${count} 个乡镇部分已报：${items}`,
  partialCount: (count: number) => `其中 ${count} 个未报齐。`,
} as const;
