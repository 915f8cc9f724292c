// Figures a new value is compared with (the township's last report, the report's district
// baseline) and the reasons a value looks implausible enough to ask for a confirmation.
import { formatFigure } from "../../search/format.js";
import type { TaskField } from "../../store/tasks.js";
import type { FigureVersion } from "../../store/submissions.js";
import { formatPeriod } from "../period.js";
import type { FormDeps } from "./deps.js";
import { formatValue } from "./fields.js";
import { convertToUnit } from "./units.js";

/** A value this far off (×10 or ÷10) asks for a confirmation. */
export const FAR_RATIO = 10;

/** What a field's value is compared with. */
export interface References {
  /** The township's value in the nearest earlier period, in the field's unit. */
  previous?: { value: number; period: string };
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
export function implausibility(value: number, field: TaskField, refs: References): string[] {
  const reasons: string[] = [];
  const shown = formatValue(value, field.unit);
  const { previous, baseline } = refs;
  if (previous) {
    const before = `上次（${formatPeriod(previous.period)}）${formatValue(previous.value, field.unit)}`;
    if (field.cumulative && value < previous.value) {
      reasons.push(`${field.label}是累计数，${shown}比${before}还少`);
    } else if (far(value, previous.value)) {
      reasons.push(`${shown}${ratioText(value, previous.value, before)}`);
    }
  }
  if (baseline && baseline.value > 0 && value >= baseline.value * FAR_RATIO) {
    const district = `报告中${baseline.area}数字${baseline.text}`;
    reasons.push(`${shown}${ratioText(value, baseline.value, district)}`);
  }
  return reasons;
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
