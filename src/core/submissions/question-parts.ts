// Pieces every question about submitted figures is read with: the text without punctuation, the
// township it names (full or short name) and the month it names.
import { parsePeriod, periodOf } from "../period.js";
import type { Township } from "../../store/roster.js";

/** A month as people write it in a question: 10月, 2026年10月, 本月, 上个月, 2026-10. */
const MONTH =
  /(?:\d{4}年|今年|去年)?(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月份?|本月|这个月|这月|当月|上个?月|\d{4}-\d{2}/u;
const PUNCTUATION = /[\s？?。.!！，,、：:；;“”"']/gu;

/** The question folded to half width, without spaces and punctuation. */
export function cleanQuestion(question: string): string {
  return question.normalize("NFKC").replace(PUNCTUATION, "");
}

/** The township named in `text` by its full or short name (某某镇, 某某); the longest wins. */
export function townshipIn(
  text: string,
  roster: readonly Township[],
): { name: string; typed: string } | undefined {
  const found = roster.flatMap((t) => {
    const short = t.name.endsWith(t.kind) ? t.name.slice(0, -t.kind.length) : t.name;
    const names = [...new Set([t.name, short])].filter((n) => [...n].length >= 2);
    return names.filter((n) => text.includes(n)).map((typed) => ({ name: t.name, typed }));
  });
  return found.sort((a, b) => b.typed.length - a.typed.length)[0];
}

/** The period a question asks and the text without its month; undefined for a bad month. */
export function periodIn(
  text: string,
  now: Date,
): { period: string; current: boolean; rest: string } | undefined {
  const month = MONTH.exec(text)?.[0];
  if (!month) return { period: periodOf(now), current: true, rest: text };
  const period = parsePeriod(month, now);
  return period.ok
    ? { period: period.value, current: false, rest: text.replace(month, "") }
    : undefined;
}
