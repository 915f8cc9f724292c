// Dates written in Chinese numerals, as official documents write them (二〇二六年一月二十七日).
import { parseChineseNumeral } from "../language/numeral.js";

const DATE =
  /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/;
const YEAR = /([〇零一二三四五六七八九]{4})年/;

/** "二〇二六" -> 2026: each character one digit (the one numeral parser reads them so). */
function digitsYear(text: string): number {
  return parseChineseNumeral(text) ?? 0;
}

/** The first date in Chinese numerals in `text`. */
export function chineseDate(
  text: string,
): { year: number; month: number; day: number } | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const month = parseChineseNumeral(m[2]!);
  const day = parseChineseNumeral(m[3]!);
  if (!month || !day) return undefined;
  return { year: digitsYear(m[1]!), month, day };
}

/** The first year in Chinese numerals in `text` ("二〇二六年" -> 2026). */
export function chineseYear(text: string): number | undefined {
  const m = YEAR.exec(text);
  return m ? digitsYear(m[1]!) : undefined;
}
