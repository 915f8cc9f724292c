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

describe.skipIf(!existsSync(SCORER))("question answering accuracy", () => {
  it("is at least 0.95 on the public question set", () => {
    expect(accuracy()).toBeGreaterThanOrEqual(0.95);
  });

  it("is at least 0.95 on the independently written paraphrase set", () => {
    expect(accuracy("test/fixtures/questions.paraphrase.jsonl")).toBeGreaterThanOrEqual(0.95);
  });

  it("is at least 0.95 on the second independently written set (chat styles, near misses)", () => {
    expect(accuracy("test/fixtures/questions.heldout2.jsonl")).toBeGreaterThanOrEqual(0.95);
  });

  it("is at least 0.9 on the third set (jargon, paraphrases not in the report, near misses)", () => {
    expect(accuracy("test/fixtures/questions.heldout3.jsonl")).toBeGreaterThanOrEqual(0.9);
  });

  it("is at least 0.95 on the fourth set (plain questions over less prominent figures)", () => {
    expect(accuracy("test/fixtures/questions.heldout4.jsonl")).toBeGreaterThanOrEqual(0.95);
  });

  it("is at least 0.95 on the fifth set (the public set's style, other figures)", () => {
    expect(accuracy("test/fixtures/questions.heldout5.jsonl")).toBeGreaterThanOrEqual(0.95);
  });

  it("is at least 0.9 on the sixth set (figures named by what they mean, not the report's words)", () => {
    expect(accuracy("test/fixtures/questions.heldout6.jsonl")).toBeGreaterThanOrEqual(0.9);
  });

  it("is at least 0.95 on the seventh set (a twin of the public set)", () => {
    expect(accuracy("test/fixtures/questions.heldout7.jsonl")).toBeGreaterThanOrEqual(0.95);
  });

  it("is at least 0.95 on the eighth set (three officials' habits of speech)", () => {
    expect(accuracy("test/fixtures/questions.heldout8.jsonl")).toBeGreaterThanOrEqual(0.95);
  });
});
