// Reply texts of importing and listing reports.

export const REPORT_TEXTS = {
  notAdmin: "只有办公室管理员可以导入报告。如需更新报告，请联系办公室。",
  privateOnly: "请在与机器人的私聊中发送报告文件。",
  tooLarge: (name: string, limitMb: number) =>
    `“${name}”超过 ${limitMb} MB，未下载。请压缩图片或只发送正文后再试。`,
  fetchFailed: (name: string) => `下载“${name}”失败，请稍后重新发送。`,
  duplicate: (title: string) => `这份报告已经导入过（《${title}》），不会重复保存。`,
  askConfirm: "回复“确认”发布，回复“取消”放弃。",
  confirmWord: "确认",
  cancelWord: "取消",
  published: (title: string, period: string, count: number) =>
    `已发布《${title}》（${period}），${count} 个数字。今后的问题默认按最新的报告回答。`,
  dropped: "已放弃导入，报告库未改动。",
  gone: "待确认的报告已不在，请重新发送文件。",
  pendingHint: "有一份报告等待确认：回复“确认”发布，回复“取消”放弃。",
  empty: "还没有导入任何报告。管理员在私聊中发送报告文件即可导入。",
  listHead: (count: number) => `共 ${count} 份报告（新的在前）：`,
  listTail: "管理员可用“/reports remove 序号”删除一份。",
  removeUsage: "用法：/reports remove 序号（序号见 /reports 列表）",
  removeAsk: (title: string) =>
    `确认删除《${title}》？删除后不再用它回答问题。回复“确认”删除，回复“取消”保留。`,
  removed: (title: string) => `已删除《${title}》。`,
  kept: "已取消，报告保留。",
};
