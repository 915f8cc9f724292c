// The question sets scored the way ../shared/eval/score.mjs scores them (through `npm run ask`).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";

const SCORER = "../shared/eval/score.mjs";

function accuracy(set?: string): number {
  const args = [SCORER, ...(set ? [set] : [])];
  const run = spawnSync("node", args, { encoding: "utf8", timeout: 120_000 });
  const figure = /accuracy ([\d.]+)/.exec(run.stdout)?.[1];
  if (!figure) throw new Error(`scorer printed no accuracy:\n${run.stdout}\n${run.stderr}`);
  return Number(figure);
}

// Each set with the accuracy it must reach: 0.9 for the two written to be hardest.
const SETS: [string, string | undefined, number][] = [
  ["the public question set", undefined, 0.95],
  ["the paraphrase set", "paraphrase", 0.95],
  ["the second set (chat styles, near misses)", "heldout2", 0.95],
  ["the third set (jargon, paraphrases not in the report)", "heldout3", 0.9],
  ["the fourth set (plain questions over less prominent figures)", "heldout4", 0.95],
  ["the fifth set (the public set's style, other figures)", "heldout5", 0.95],
  ["the sixth set (figures named by what they mean)", "heldout6", 0.9],
  ["the seventh set (a twin of the public set)", "heldout7", 0.95],
  ["the eighth set (three officials' habits of speech)", "heldout8", 0.95],
];

describe.skipIf(!existsSync(SCORER))("question answering accuracy", () => {
  it.each(SETS)("reaches the minimum on %s", (_label, name, minimum) => {
    const file = name && `test/fixtures/questions.${name}.jsonl`;
    expect(accuracy(file)).toBeGreaterThanOrEqual(minimum);
  });
});
