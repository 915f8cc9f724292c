// What the chart command says. Replies go with the picture (a Telegram caption, a WeCom text
// before the image), so they stay short.

/** Texts of /chart. */
export const CHART_TEXTS = {
  /** A township or trend chart asked by someone not entitled to townships' submitted figures. */
  notEntitled:
    "各乡镇上报数字的图表仅供区办公室和查看人员使用。报告中的完成率图表可以发送“/chart 完成率”查看。",
  /** The usage line, naming the fields of the task. */
  usage: (fields: readonly string[]) =>
    `用法：/chart 指标（本月各乡镇）、/chart 指标 趋势（历月全区合计）、/chart 指标 10月、/chart 完成率（最新报告）。指标：${fields.join("、")}`,
  unknownField: (typed: string, fields: readonly string[]) =>
    `没有“${typed}”这一填报项。${CHART_TEXTS.usage(fields)}`,
  township: (p: {
    period: string;
    field: string;
    area: string;
    total: string;
    reported: number;
    count: number;
    deadline: string;
  }) => {
    const missing = p.count - p.reported;
    const tail = missing > 0 ? `未报 ${missing} 个（图中虚线空柱）。` : "已全部报齐。";
    return `${p.period}各乡镇${p.field}：${p.area}合计 ${p.total}，已报 ${p.reported}/${p.count}（截止 ${p.deadline}），${tail}`;
  },
  noneReported: (period: string, field: string, deadline: string, lastMonth: string) =>
    `${period}还没有乡镇上报${field}（截止 ${deadline}）。看上个月：/chart ${field} ${lastMonth}`,
  trend: (field: string, area: string, months: number, span: string) =>
    `${field}${area}合计，${span}共 ${months} 个月（各月为当月已报乡镇之和）。`,
  noTrend: (field: string) => `还没有乡镇上报过${field}，没有可画的趋势。`,
  rates: (title: string, period: string, count: number, shown: number) =>
    `《${title}》（${period}）中的 ${count} 项完成率${shown < count ? `（图中为前 ${shown} 项）` : ""}，红线为 100%。`,
  noRates: (title: string) => `最新报告《${title}》里没有完成率数字。`,
  noReport: "还没有导入任何报告，画不了完成率。",
} as const;
