// An independent count of a report's figures, for measuring extraction: every Arabic number
// followed by a unit, with dates, years, ordinals, ranges and ages left aside. Its unit list is
// its own (what reports write), not the extractor's, so a unit the extractor misses shows up.

const UNITS =
  "个百分点|百分点|个批次|个季度|个月|吨标准煤|千瓦时|平方公里|平方千米|平方米|立方米|人次|户次|批次|场次|架次|车次|班次|台次|标箱|千瓦|兆瓦|延米|千米|公顷|公里|公斤|千克|美元|欧元|港元|小时|分钟|亩|吨|元|头|只|羽|尾|匹|斤|人|户|个|宗|起|件|名|家|场|座|处|条|台|眼|次|期|笔|对|张|组|单|位|所|轮|项|批|间|栋|幢|套|册|本|部|辆|艘|架|倍|米|度|床|天|周|层|株|棵|盏|口|孔|道|支|队|份|种|村|年|㎡|%|％|‰";
const FIGURE = new RegExp(
  `(\\d+(?:\\.\\d+)?)\\s?(?:余|多)?(万亿|亿|万|千)?(?:余|多)?(${UNITS})(?:\\/(平方米|千瓦时|公斤|亩|头|人|月|年|吨|户|只|斤|天|度))?`,
  "g",
);
const ALIASES: Record<string, string> = { "％": "%", 百分点: "个百分点", 个批次: "批次" };

/** One figure of the text: its value and unit as written (magnitude included: "亿元"). */
export interface CountedFigure {
  value: number;
  unit: string;
  context: string;
}

/** The figures of a report text that an extractor must find. */
export function countFigures(text: string): CountedFigure[] {
  const body = text.split(/\n(?:名词解释|名词注释|注释)[：:]?\n/)[0]!;
  const figures: CountedFigure[] = [];
  for (const m of body.matchAll(FIGURE)) {
    const [whole, num, magnitude = "", unit, per] = m;
    const at = m.index;
    const before = body[at - 1] ?? "";
    const after = body[at + whole.length] ?? "";
    if (/[\d.\-－~～第—]/.test(before)) continue; // ordinals, ranges, parts of longer numbers
    if (unit === "年" && (Number(num) > 50 || /[月度底初以]/.test(after))) continue; // years
    if (/^[次期]$/.test(unit!) && after === "月") continue;
    if (/^[周届]$/.test(unit!) && /[年岁]/.test(after)) continue;
    if (/^[-－~～至]\d/.test(body.slice(at + whole.length))) continue; // "5-8个" ranges
    const full = magnitude + (ALIASES[unit!] ?? unit!) + (per ? `/${per}` : "");
    figures.push({
      value: Number(num),
      unit: full,
      context: body.slice(Math.max(0, at - 12), at + whole.length + 4),
    });
  }
  return figures;
}
