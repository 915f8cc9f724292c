// Figures a new value is compared with (the township's last report, the report's district
// baseline) and the reasons a value looks implausible enough to ask for a confirmation.
import { formatFigure } from "../../search/format.js";
import type { TaskField } from "../../store/tasks.js";
import type { FigureVersion } from "../../store/submissions.js";
import { formatPeriod } from "../period.js";
import type { FormDeps } from "./deps.js";
import { formatValue } from "./fields.js";
import { convertToUnit } from "./units.js";

/** A value this far off the one earlier report (×10 or ÷10) asks for a confirmation. */
export const FAR_RATIO = 10;
/** With several earlier reports, a value this far outside their range asks (×3 or ÷3). */
export const RANGE_RATIO = 3;
/** How many earlier periods make a township's usual range, and how many are needed for one. */
const HISTORY_PERIODS = 6;
const RANGE_MIN_PERIODS = 3;

/** What a field's value is compared with. */
export interface References {
  /** The township's value in the nearest earlier period, in the field's unit. */
  previous?: { value: number; period: string };
  /** The township's usual range: lowest and highest of its latest earlier periods' values. */
  range?: { low: number; high: number; periods: number };
  /** The township's current value in this period (a new one corrects it). */
  current?: FigureVersion;
  /** The report's district figure: as written ("1.8万亩"), in the field's unit, and its period. */
  /** The report figure, the period it is of, and how the report names its area (全区). */
  baseline?: { text: string; value: number; period: string; area: string };
}

/** Where a township's figure stands before a new value is entered. */
export interface Place {
  township: string;
  period: string;
}

/** The township's earlier figures and the report baseline of `field`. */
export function referencesOf(deps: FormDeps, place: Place, field: TaskField): References {
  const refs: References = {};
  const { submissions } = deps;
  const previous = submissions.previousValue(place.township, field.key, place.period);
  const value = previous && inUnit(previous.value, previous.unit, field.unit);
  if (previous && value !== undefined) refs.previous = { value, period: previous.period };
  const history = submissions
    .recentValues(place.township, field.key, place.period, HISTORY_PERIODS)
    .flatMap((v) => inUnit(v.value, v.unit, field.unit) ?? []);
  if (history.length >= RANGE_MIN_PERIODS) {
    refs.range = { low: Math.min(...history), high: Math.max(...history), periods: history.length };
  }
  const current = submissions.latest(place.period, place.township, field.key);
  if (current) refs.current = current;
  const indicator = deps.answerer.baselineOf([field.label, ...field.aliases]);
  const base = indicator && inUnit(indicator.value, indicator.unit, field.unit);
  if (indicator && base !== undefined) {
    refs.baseline = {
      text: formatFigure(indicator),
      value: base,
      period: indicator.period,
      area: deps.area,
    };
  }
  return refs;
}

/** Why `value` looks wrong for `field`; empty when it looks plausible. */
export function implausibility(
  value: number,
  field: TaskField,
  refs: References,
  period?: string,
): string[] {
  const reasons: string[] = [];
  const shown = formatValue(value, field.unit);
  const { previous, range, baseline } = refs;
  if (previous) {
    const before = `上次（${formatPeriod(previous.period)}）${formatValue(previous.value, field.unit)}`;
    if (field.cumulative && value < previous.value) {
      reasons.push(`${field.label}是累计数，${shown}比${before}还少`);
    } else if (range && outsideRange(value, range)) {
      // The township's own usual range speaks first: several months say more than one.
      const span = `${formatValue(range.low, field.unit)}–${formatValue(range.high, field.unit)}`;
      const side = value > range.high ? "远高于" : "远低于";
      reasons.push(`${shown}${side}本镇近${range.periods}次填报（${span}），${before}`);
    } else if (!range && far(value, previous.value)) {
      reasons.push(`${shown}${ratioText(value, previous.value, before)}`);
    }
  }
  // The report's district figure is only an upper bound, and only for its own year: a part
  // above the whole is a slip (a unit, an extra digit).
  if (baseline && baseline.value > 0 && value > baseline.value && sameYear(baseline, period)) {
    reasons.push(`${shown}超过了报告中${baseline.area}合计${baseline.text}`);
  }
  return reasons;
}

function outsideRange(value: number, range: { low: number; high: number }): boolean {
  if (value <= 0) return false;
  return value > range.high * RANGE_RATIO || (range.low > 0 && value < range.low / RANGE_RATIO);
}

/** True when the report figure's period names the year of `period` ("2026年上半年", "2026-05"). */
function sameYear(baseline: { period: string }, period: string | undefined): boolean {
  const year = /(\d{4})/.exec(baseline.period)?.[1];
  return period !== undefined && year !== undefined && period.startsWith(year);
}

/** True when both are positive and one is at least FAR_RATIO times the other. */
function far(a: number, b: number): boolean {
  if (a <= 0 || b <= 0) return false;
  return Math.max(a, b) / Math.min(a, b) >= FAR_RATIO;
}

/** "是<other>的12倍" or "只有<other>的1/12". */
function ratioText(a: number, b: number, other: string): string {
  const ratio = a >= b ? a / b : b / a;
  const shown = ratio >= 100 ? String(Math.round(ratio)) : String(Number(ratio.toFixed(1)));
  return a >= b ? `是${other}的${shown}倍` : `只有${other}的1/${shown}`;
}

function inUnit(value: number, from: string, to: string): number | undefined {
  const converted = convertToUnit(value, from, to);
  return converted.ok ? converted.value : undefined;
}
