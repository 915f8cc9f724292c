// What a chart shows, in plain data: the core builds these from submissions and reports, and
// `render.ts` draws them. Texts arrive already formatted for people (periods, deadlines).

/** One township's figure; `value` undefined when the township has not reported it. */
export interface TownshipValue {
  name: string;
  value: number | undefined;
}

/** (a) One field per township for a period. */
export interface TownshipChartSpec {
  /** The field's label ("新建民宿"). */
  field: string;
  /** Its unit ("户"). */
  unit: string;
  /** The period as people read it ("2026年11月"). */
  period: string;
  /** The deadline as people read it ("2026年11月25日（周三）17:00"). */
  deadline: string;
  /** How the whole district is named (default: 全区). */
  area?: string;
  /** Every township the task asks, in roster order. */
  townships: readonly TownshipValue[];
}

/** One completion rate, in percent (60 for 60%). */
export interface RateValue {
  name: string;
  value: number;
}

/** (b) Completion rates as horizontal bars with a line at 100%. */
export interface RateChartSpec {
  title: string;
  /** A second title line (the report and its period). */
  subtitle?: string;
  rates: readonly RateValue[];
}

/** One period of a trend: the district total and how many townships it sums. */
export interface TrendPoint {
  /** The period as people read it ("2026年11月"). */
  period: string;
  /** Undefined when no township reported the field that period. */
  total: number | undefined;
  /** Townships that reported it. */
  townships: number;
}

/** (c) A field's district total over periods, oldest first. */
export interface TrendChartSpec {
  field: string;
  unit: string;
  /** How the whole district is named (default: 全区). */
  area?: string;
  /** Townships the task asks (the denominator of "已报 20/27"). */
  townshipCount: number;
  points: readonly TrendPoint[];
}

/** "34.8万" for 348000, "1.25" for 1.25: short enough to sit above a bar. */
export function shortNumber(value: number): string {
  if (Math.abs(value) >= 10_000) return `${trim(value / 10_000, 1)}万`;
  return trim(value, 2);
}

/** A total as written in a title: every digit, no floating-point noise (0.1 + 0.2 → "0.3"). */
export function fullNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function trim(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}
