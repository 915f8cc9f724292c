// Chinese texts of the submission form. Deadlines are dates with weekday, never "明天": a message
// may be read on another day.
import { formatPeriod, formatShanghai } from "../period.js";
import type { Task } from "../../store/tasks.js";

const EXAMPLE = "例如：上报 新建民宿 35户";

/** Fixed texts and small templates of the form. */
/** What someone typed, quoted back short: a long paste is not echoed whole. */
function brief(typed: string): string {
  const chars = [...typed.trim()];
  return chars.length > 20 ? `${chars.slice(0, 20).join("")}…` : chars.join("");
}

export const TEXTS = {
  notReporter:
    "您还没有绑定乡镇，只能提问。乡镇联络员请向区办公室索取邀请码，然后私聊我发送“/bind 邀请码”。",
  onlyOwnTownship: (own: string) => `您只能填报${own}的数据。`,
  notInTask: (township: string) => `${township}不在本次填报的乡镇名单中。`,
  adminNeedsTownship: "请写明乡镇，例如：上报 某某镇 新建民宿 35户",
  intro: (task: Task, period: string, deadline: Date) =>
    `开始填报“${task.title}”${formatPeriod(period)}，共 ${task.fields.length} 项，` +
    `截止 ${formatShanghai(deadline, { weekday: true })}。`,
  chooseTownship: "请选择要填报的乡镇（回复序号或乡镇名）：",
  chooseTownshipFirst: "请先选择乡镇。",
  unknownTownship: (typed: string) => `没有找到乡镇“${brief(typed)}”。`,
  ambiguousTownship: (typed: string, names: string[]) =>
    `“${brief(typed)}”可能是：${names.join("、")}，请写全称。`,
  controlHint: "请输入数字，例如 35；可以回复：跳过、上一步、取消",
  /** The words the form's buttons send (each is among the control words of intents/forms.json). */
  skipWord: "跳过",
  backWord: "上一步",
  confirmWord: "确认",
  cancelWord: "取消",
  firstItem: "已经是第一项了。",
  skipped: (label: string) => `已跳过“${label}”。`,
  reenter: "好的，请重新输入。",
  confirmAsk: (what: string, reasons: string[]) =>
    [`请确认${what}：`, ...reasons.map((r) => `· ${r}`)].join("\n") +
    "\n回复“是”保留，“否”重新输入，也可以直接输入正确的数字。",
  yes: "是",
  no: "否",
  summaryHead: (township: string, task: Task, period: string) =>
    `请核对 ${township} ${formatPeriod(period)}“${task.title}”：`,
  notFilled: "未填（本次不报）",
  correcting: (old: string) => `（更正本月已报的 ${old}）`,
  lateWarning: (deadline: Date) =>
    `注意：已过截止时间 ${formatShanghai(deadline, { weekday: true })}，提交后将标记为逾期。`,
  summaryHelp: "回复“确认”提交，“修改 N”修改第 N 项，“取消”放弃。",
  summaryUnknown: "请回复“确认”、“修改 N”或“取消”。",
  noSuchItem: (n: number, count: number) => `没有第 ${n} 项，请写 1 到 ${count} 之间的序号。`,
  nothingFilled: "还没有填写任何一项，无法提交。请“修改 N”填写，或“取消”。",
  cancelled: "已取消，草稿已丢弃，没有提交任何数据。",
  expired: (where?: string) =>
    `您的填报草稿${where ? `（${where}）` : ""}超过 30 分钟没有操作，已作废，没有提交任何数据。需要时请重新发送“上报”。`,
  invalidDraft: "之前的填报草稿已无法继续（系统已更新），已丢弃。需要时请重新发送“上报”。",
  resume: "您有一份未完成的填报，继续：",
  /** A new 上报 while a draft is open: the draft is named and the person decides. */
  openDraft: (place: string, filled: number) =>
    `您有一份未完成的填报（${place}，已填 ${filled} 项）。回复“继续”接着填这一份，回复“放弃”丢弃它并开始新的填报。`,
  continueWord: "继续",
  dropWord: "放弃",
  openDraftAgain: "请回复“继续”或“放弃”。",
  droppedForNew: (place: string) => `已放弃之前的草稿（${place}）。`,
  noLongerAllowed: (township: string) =>
    `您已不能填报${township}的数据（绑定已变更），草稿已丢弃，没有提交任何数据。`,
  periodChanged: (period: string) =>
    `已进入新的月份，本次填报改为 ${formatPeriod(period)}，请核对后再确认。`,
  submitFailed: "提交没有成功，数据没有保存。请稍后回复“确认”重试。",
  receipt: (receipt: string, at: Date) => `已提交，回执号 ${receipt}（${formatShanghai(at)}）。`,
  receiptLate: "本次提交已过截止时间，已标记为逾期。",
  corrected: (items: string[]) => `其中更正了：${items.join("、")}，原值保留在历史记录中。`,
  lineRefused: (errors: string[]) =>
    ["没有保存，请改正后重新发送：", ...errors.map((e) => `· ${e}`), EXAMPLE].join("\n"),
  noFieldNamed: (task: Task) =>
    `没有认出要填报的项目。可以填报：${task.fields.map((f) => f.label).join("、")}。${EXAMPLE}`,
  valueMissing: (label: string) => `${label}后面缺少数字`,
  fieldTwice: (label: string) => `${label}填了两次，请只填一次`,
} as const;
