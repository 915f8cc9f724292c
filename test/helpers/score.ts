// Scores question sets in process, the way ../shared/eval/score.mjs scores `npm run ask`: a
// question is right when the answer's value and unit equal an accepted figure (万/亿/千 folded
// into the value, ㎡ = 平方米, 百分点 = 个百分点), or, for a "none" question, when there is no
// answer. A wrong number is an answer that is not accepted.
import { readFileSync } from "node:fs";
import type { QuestionAnswerer } from "../../src/search/reports-answerer.js";

interface Figure {
  value: number;
  unit: string;
}
interface Case {
  q: string;
  accept?: Figure[];
  none?: boolean;
}

/** A set's figures. */
export interface Score {
  total: number;
  right: number;
  wrong: number;
  accuracy: number;
  wrongShare: number;
  misses: string[];
}

const MULTIPLIERS: [string, number][] = [
  ["亿", 1e8],
  ["万", 1e4],
  ["千", 1e3],
];
const ALIASES: Record<string, string> = {
  "㎡": "平方米",
  m2: "平方米",
  "m²": "平方米",
  "％": "%",
  百分点: "个百分点",
};

function normalise({ value, unit }: Figure): Figure {
  let u = ALIASES[unit.trim()] ?? unit.trim();
  let v = Number(value);
  for (const [prefix, factor] of MULTIPLIERS) {
    if (u.length > 1 && u.startsWith(prefix)) {
      u = u.slice(prefix.length);
      v *= factor;
      break;
    }
  }
  return { value: v, unit: ALIASES[u] ?? u };
}

function same(a: Figure, b: Figure): boolean {
  const x = normalise(a);
  const y = normalise(b);
  return x.unit === y.unit && Math.abs(x.value - y.value) <= 1e-9 * Math.max(1, Math.abs(y.value));
}

/** Reads a JSONL question set. */
export function readCases(file: string): Case[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
}

/** Scores `answerer` on the questions of `file`. */
export function score(answerer: QuestionAnswerer, file: string): Score {
  const cases = readCases(file);
  let right = 0;
  let wrong = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const answer = answerer.ask(c.q).answer;
    const ok = c.none ? answer === null : answer !== null && c.accept!.some((a) => same(answer, a));
    if (ok) right++;
    else {
      if (answer !== null) wrong++;
      const expected = c.none ? "none" : c.accept!.map((a) => `${a.value}${a.unit}`).join("|");
      misses.push(
        `${c.q}: expected ${expected}, got ${answer ? `${answer.value}${answer.unit}` : "none"}`,
      );
    }
  }
  const total = cases.length;
  return { total, right, wrong, accuracy: right / total, wrongShare: wrong / total, misses };
}
