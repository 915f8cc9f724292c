// The question sets, scored in process as ../shared/eval/score.mjs scores `npm run ask`. Each
// set was written by someone who had not seen the code; the first-run scores are in the notes.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildIndicatorStore } from "../../src/extract/index.js";
import { memoryLibrary } from "../../src/reports/library.js";
import { loadIntents } from "../../src/search/intents.js";
import { ReportsAnswerer } from "../../src/search/reports-answerer.js";
import { fixtureAnswerer } from "../helpers/reports.js";
import { score } from "../helpers/score.js";

const file = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

// The fixture district's sets, each with the accuracy it must reach (0.9 for the hardest).
const DISTRICT_SETS: [string, number][] = [
  ["public", 0.95],
  ["paraphrase", 0.95],
  ["heldout2", 0.95],
  ["heldout3", 0.9],
  ["heldout4", 0.95],
  ["heldout5", 0.95],
  ["heldout6", 0.9],
  ["heldout7", 0.95],
  ["heldout8", 0.95],
];

describe("question answering on the fixture district's report", () => {
  it.each(DISTRICT_SETS)("reaches the minimum on the %s set", (name, minimum) => {
    const result = score(fixtureAnswerer(), file(`questions.${name}.jsonl`));
    expect(result.accuracy, result.misses.join("\n")).toBeGreaterThanOrEqual(minimum);
  });

  // Rounds of fresh paraphrase sets, each written by helpers who saw neither code nor earlier
  // sets, scored pooled against floors: [sets, questions, least accuracy, most wrong numbers].
  it.each([
    // First runs 0.527, 0.709 and 0.617; 0.935 pooled after the general fixes from their misses.
    [["final-a", "final-b", "final-c"], 170, 0.9, 5],
    // Written after the last matching change of an earlier 2026-12-02 round: first runs 0.717,
    // 0.717 and 0.800 (pooled 0.744, 13 wrong numbers of 180).
    [["final-d", "final-e", "final-f"], 180, 0.75, 13],
    // Written after the part-of-a-whole rule: first runs 0.850 (final-g, whose brief named
    // "X里头，Y" among its near misses) and 0.817 (final-h, the neutral brief), one wrong each.
    [["final-g", "final-h"], 120, 0.83, 2],
    // This round: final-j and final-k before its changes (first runs 0.883 and 0.833, 1 wrong
    // number of 120), final-l and final-m after its matching changes up to 48c9ff9 (first runs
    // 0.867 and 0.850, 3 wrong of 120).
    [["final-j", "final-k", "final-l", "final-m"], 240, 0.88, 5],
    // Written after the matching changes up to 0caef09: first runs 0.933 (final-o, 2 wrong of 60)
    // and 0.883 (final-p, 3 wrong of 60), top-3 0.967 and 0.983.
    [["final-o", "final-p"], 120, 0.91, 4],
  ])("keeps the fresh paraphrase sets %j at their level", (sets, total, minimum, maxWrong) => {
    const results = sets.map((s) => score(fixtureAnswerer(), file(`questions.${s}.jsonl`)));
    const sum = (key: "total" | "right" | "wrong") => results.reduce((n, r) => n + r[key], 0);
    expect(sum("total")).toBe(total);
    expect(sum("right") / total).toBeGreaterThanOrEqual(minimum);
    expect(sum("wrong")).toBeLessThanOrEqual(maxWrong);
  });

  // Written after the last change of 2026-12-02 (养鱼/卖出栏 language data) with the neutral
  // brief: first run 0.850, 2 wrong numbers of 60, top-3 0.967.
  it("keeps the last fresh paraphrase set at its first-run level", () => {
    const result = score(fixtureAnswerer(), file("questions.final-i.jsonl"));
    expect(result.total).toBe(60);
    expect(result.accuracy, result.misses.join("\n")).toBeGreaterThanOrEqual(0.85);
    expect(result.wrong).toBeLessThanOrEqual(2);
  });

  // Each written right after a matching change of 2026-12-02 by a helper who saw neither code
  // nor earlier sets: final-n after 6ba0bba (first run 0.900, 1 wrong number of 60, top-3
  // 0.983), final-q after b18be9a (0.933, 1 wrong, top-3 1.000), final-r after 02b6c8d (0.933,
  // 1 wrong, top-3 1.000) and final-s after 60ef568, the session's last (0.983, 0 wrong).
  it.each([
    ["final-n", 0.9, 1],
    ["final-q", 0.93, 1],
    ["final-r", 0.93, 1],
    ["final-s", 0.98, 0],
    // Written after the last matching change of a later 2026-12-02 round (the heading rule of
    // 福建省-2026): first run 0.850, 2 wrong numbers of 60, top-3 0.967; the round's starting
    // commit scored the same.
    ["final-t", 0.85, 2],
    // Written after the round's later matching changes (up to d043c84): first run 0.783, 2 wrong
    // of 60, top-3 0.933 (the round's starting commit: 0.783, 1 wrong). Below the 0.85.
    ["final-u", 0.78, 2],
    // Written after the round's last matching change (d93491f): first run 0.867, 2 wrong of 60,
    // top-3 0.950 (the round's starting commit: 0.850, 1 wrong).
    ["final-v", 0.86, 2],
    // Written after 4a12aa2: first run 0.867, 5 wrong of 60, top-3 0.933 (starting commit: the
    // same).
    ["final-w", 0.86, 5],
    // Written after 947ef8b: first run 0.967, 1 wrong of 60,
    // top-3 1.000 (starting commit: 0.933, 2 wrong).
    ["final-x", 0.96, 1],
    // Written after 7f101c9: first run 0.850, 3 wrong of 60, top-3 0.983 (starting commit: 0.850,
    // 2 wrong).
    ["final-y", 0.85, 3],
    // Written after 53da722, the session's last matching change: first run 0.933, 3 wrong of 60,
    // top-3 0.967 (starting commit: 0.900, 4 wrong).
    ["final-z", 0.93, 3],
    // Written after 42cc1dc (a later session's first matching change): first run 0.950, 2 wrong
    // of 60, top-3 0.967.
    ["final-aa", 0.95, 2],
    // Written after 3833932: first run 0.917, 2 wrong of 60, top-3 0.983.
    ["final-ab", 0.91, 2],
    // Written after 4656190: first run 0.850, 3 wrong of 60, top-3 0.950.
    ["final-ac", 0.85, 3],
    // Written after fc97794: first run 0.850, 2 wrong of 60, top-3 0.967.
    ["final-ad", 0.85, 2],
    // Written after 1b66c17: first run 0.883, 2 wrong of 60, top-3 0.967 (the session's starting
    // commit: the same).
    ["final-ae", 0.88, 2],
    // Written after d92be7c: first run 0.900, 1 wrong of 60, top-3 1.000 (the session's starting
    // commit: the same).
    ["final-af", 0.9, 1],
    // Written after 3f09c16, the session's last matching change: first run 0.983, 0 wrong of 60,
    // top-3 1.000 (the session's starting commit: the same).
    ["final-ag", 0.98, 0],
    // A later session: written after d850682, its starting commit: first run 0.867, 1 wrong of 60,
    // top-3 0.967 (official scorer).
    ["final-ah", 0.86, 1],
    // Written after 6e93f17, a matching change of that session: first run 0.833, 1 wrong of 60,
    // top-3 0.967 (the session's starting commit: the same).
    ["final-ai", 0.83, 1],
    // Written after 2974743, the session's matching change before it: first run 0.867, 0 wrong
    // of 60, top-3 0.967 (the session's starting commit: the same).
    ["final-aj", 0.86, 0],
    // Written after 6f422bb, the session's last matching change: first run 0.933, 0 wrong of 60,
    // top-3 0.967 (the session's starting commit: the same).
    ["final-ak", 0.93, 0],
    // Written after ba2636e: first run 0.817, 3 wrong of 60, top-3 0.967 (the session's starting
    // commit: 0.800, 4 wrong, top-3 0.933). Below the 0.85.
    ["final-al", 0.81, 3],
    // Written after 1e89ddf: first run 0.867, 2 wrong of 60, top-3 0.967 (the session's starting
    // commit: the same).
    ["final-am", 0.86, 2],
    // Written after 1b79dad: first run 0.850, 1 wrong of 60, top-3 0.983 (the session's starting
    // commit: the same).
    ["final-an", 0.85, 1],
    // Written after d64f5ab, the session's last matching change: first run 0.967, 1 wrong of 60,
    // top-3 0.967 (the session's starting commit: the same).
    ["final-ao", 0.96, 1],
    // Written after 0e1370b, this session's start: first run 0.917, 0 wrong of 60, top-3 0.983.
    ["final-ap", 0.91, 0],
    // Written after 811ee40, the session's then last matching change: first run 0.933, 1 wrong of
    // 60, top-3 0.983 (the session's starting commit: the same).
    ["final-aq", 0.93, 0],
    // Written after 0878fee: first run 0.933, 1 wrong of 60, top-3 0.983 (the session's starting
    // commit: the same).
    ["final-ar", 0.93, 1],
    // Written after 5c4dc75: first run 0.833, 1 wrong of 60, top-3 0.950 (the session's starting
    // commit: 0.817, 1 wrong). Below the 0.85: a newcomer's everyday words.
    ["final-as", 0.86, 1],
    // Written after 09c6565, the session's then last matching change: first run 0.933, 2 wrong of
    // 60, top-3 0.967 (the session's starting commit: the same).
    ["final-at", 0.95, 1],
    // Written after a583aef, the session's then last matching change: first run 0.950, 1 wrong of
    // 60, top-3 0.967 (the session's starting commit: the same).
    ["final-au", 0.95, 1],
    // Written after 6d9437a, the session's last change: first run 0.950, 0 wrong of 60, top-3
    // 1.000 (the session's starting commit: the same).
    ["final-av", 0.95, 0],
    // A later session (2026-12-03): written after 3deaaba, its start: first run 0.883, 4 wrong of
    // 60, top-3 0.950 (official scorer).
    ["final-aw", 0.9, 3],
    // Written after a0088ee: first run 0.917, 0 wrong of 60, top-3 0.967 (official scorer).
    ["final-ax", 0.95, 0],
    // Written after cfce5ce: first run 0.917, 1 wrong of 60, top-3 0.983 (official scorer).
    ["final-ay", 0.93, 0],
    // Written after be047ee: first run 0.950, 0 wrong of 60, top-3 1.000 (official scorer).
    ["final-az", 0.95, 0],
    // Written after 4c456df: first run 0.967, 1 wrong of 60, top-3 0.983 (official scorer; the
    // session's starting commit the same).
    ["final-ba", 0.96, 0],
    // Written after bb34841, the session's last change: first run 0.967, 0 wrong of 60, top-3
    // 1.000 (official scorer).
    ["final-bb", 0.96, 0],
    // A later session (2026-12-03): written after cbc25b2, its start: first run 0.950, 0 wrong of
    // 60, top-3 0.983 (official scorer).
    ["final-bc", 0.95, 0],
    // Written after eec9a37 (a newcomer's plain words): first run at f143839 0.917, 0 wrong of 60,
    // top-3 1.000 (official scorer; the session's starting commit the same).
    ["final-bd", 0.91, 0],
    // Written after 2321cc9: first runs 0.950 (final-be) and 0.867 (final-bf, a leader's busy
    // group chat), none wrong of 60, top-3 1.000 each (official scorer; the starting commit
    // 0.933 and 0.867).
    ["final-be", 0.95, 0],
    ["final-bf", 0.93, 0],
    // Written after 30728af: first runs 0.983, 1 wrong (final-bg) and 0.933, 2 wrong (final-bh,
    // a liaison who has not read the report), top-3 0.983 each (official scorer; the starting
    // commit 0.983 and 0.917, the same wrong numbers).
    ["final-bg", 0.98, 1],
    ["final-bh", 0.95, 1],
    // Written after dd38900: first run 0.967, 0 wrong of 60, top-3 0.983 (official scorer; the
    // starting commit the same).
    ["final-bi", 0.96, 0],
    // Written after d3bdcaf, the session's last change: first run 0.950, 0 wrong of 60, top-3
    // 1.000 (official scorer; the starting commit the same).
    ["final-bj", 0.95, 0],
    // Written after 618425b: first runs 1.000, 0 wrong, top-3 1.000 (final-bk, liaisons in a work
    // chat) and 0.917, 1 wrong, top-3 0.983 (final-bl, a deputy head's words; official scorer).
    // The wrong number (a count of villages for 总投资) led to the 投资…多少 rule.
    ["final-bk", 0.98, 0],
    ["final-bl", 0.93, 0],
    // Written after 8d4458f: first run 0.950, 1 wrong, top-3 0.983 (final-bm, a city bureau's
    // staff who say what they do not want), the wrong number (an area of filings for 设施农业's)
    // leading to cff108f; written after 8928779: first run 0.967, 0 wrong, top-3 1.000
    // (final-bn, a secretary drafting speeches). Official scorer; the starting commit the same.
    ["final-bm", 0.96, 0],
    ["final-bn", 0.96, 0],
    // Written after a36b812: first run 0.883, 1 wrong, top-3 0.950
    // (final-bo, a district work group's mixed voices; official scorer; the starting commit the
    // same). The wrong number: the whole's 7315.2亩 for "住宅类那部分占用了多少亩" (the report
    // gives the residential part only in 宗).
    ["final-bo", 0.88, 1],
    // Written after 6b9d824, the session's last change: first run 0.950, 1 wrong, top-3 1.000
    // (final-bp, township officials at an evening meeting; official scorer; the starting commit
    // the same). The wrong number: 生猪存栏's 99% for "出栏的年度任务完成率…别给我存栏的" (right
    // since 别给我 rules out what follows).
    ["final-bp", 0.95, 0],
    // Written after 440749f: first run 0.883, 0 wrong, top-3 0.983 (final-bq, officials of a
    // neighbouring county on a study visit); written after 99ba622: first run 0.883, 0 wrong,
    // top-3 0.983 (final-br, a county TV journalist's feature questions). Official scorer.
    ["final-bq", 0.9, 0],
    ["final-br", 0.93, 0],
    // Written after 29a9f85: first run 0.883, 4 wrong, top-3 0.950 (final-bs, discipline
    // inspection and audit staff; official scorer). The wrong numbers: a signed amount for what
    // was invested ("签约额先放一边"), the sites being chosen for those built ("…别算"), a count
    // of centres (家) for 床位数, and a count of villages for 改革资金.
    ["final-bs", 0.95, 0],
    // Written after f4ed351, the change before the last: first run 0.900, 1 wrong, top-3 0.967
    // (final-bt, village Party secretaries in a WeChat group; official scorer). The wrong number:
    // all livestock's 90.41万头 for "养殖业保险里单说生猪承保了多少头" (the report gives no pigs'
    // part), answered "no such figure" since (里单说 asks a part).
    ["final-bt", 0.9, 0],
    // Written after 73103bc, the change before the last: first run 0.933, 1 wrong, top-3 0.967
    // (final-bu, people's-congress and CPPCC deputies; official scorer; the starting commit the
    // same). The wrong number: the two towns' joint 6570万元 for "…其中下营镇投了多少" (offered as
    // their joint figure since).
    ["final-bu", 0.93, 0],
    // Written after b9e3079: first run 0.983, 1 wrong, top-3 0.983
    // (final-bv, the city bureau's staff compiling a summary; official scorer; the starting
    // commit the same). The wrong number: 稻鱼综合种养's 100% completion rate for 水产品产量's.
    ["final-bv", 0.98, 1],
    // Written after b9e3079: first run 0.883, 0 wrong, top-3 1.000 (final-bw, a newly appointed
    // deputy district head; official scorer). "生猪出栏多少头？…别给我存栏数" said "no such
    // figure" until 别给我 ruled out what follows it.
    ["final-bw", 0.9, 0],
    // Written after 38ccb4c: first run 0.917, 2 wrong, top-3 0.967 (final-bx, township liaisons
    // in a busy work chat; official scorer). The wrong numbers: 21个 built for "乡村旅游的有几个？
    // 总数别给" (right since 别给 closes a clause), and a planned 100个 for the 81个 built.
    ["final-bx", 0.93, 1],
    // Written after 0d6b4ad, the session's last change: first run 0.933, 1 wrong, top-3 0.983
    // (final-by, finance and statistics bureau staff; official scorer; the starting commit the
    // same). The wrong number: 养殖业保险保费 4544.65万元 for what was paid out to 养殖业.
    ["final-by", 0.93, 1],
    // Written after 2409e99 (the last session's last commit; its last matching change 0d6b4ad):
    // first run 0.950, 0 wrong, top-3 0.983 (final-bz, a provincial supervision team checking
    // figures; official scorer). "How many 全科网格 … across the district's 27 townships?" said
    // "no such figure" until unknown English words stopped being glued to the number after them.
    ["final-bz", 0.96, 0],
    // Written after 66f8d55: first run 0.950, 1 wrong, top-3 0.967 (final-ca, the district
    // office's staff answering journalists and partners, more mixed English; official scorer).
    // The wrong number: 1266个 全科网格 for "How many 网格员 …" (people counted with 个 are in 名
    // since).
    ["final-ca", 0.96, 0],
    // Written after c642702: first run 0.900, 1 wrong, top-3 0.983 (final-cb, township leaders
    // who say why they ask; official scorer). The wrong number: 386户 for "…放了多少贷款？" of
    // "发放贷款386户16090万元" (多少贷款 asks money since).
    ["final-cb", 0.91, 0],
    // Written after 6730091: first run 0.900, 1 wrong, top-3 0.983 (final-cc, the agriculture
    // bureau's section chiefs in a work chat; official scorer; the starting commit 0.883, 2
    // wrong). The wrong number: 31名 who arrived for the 61位 sent ("派出数，不是到岗数").
    ["final-cc", 0.9, 1],
    // Written after f255c78: first run 0.950, 1 wrong, top-3 0.983 (final-cd, everyday users
    // with lead-ins; official scorer; the starting commit 0.933, 1 wrong). The wrong number: the
    // 支农资金 total 128605万元 for what 农村人居环境整治 got, which the report does not say.
    ["final-cd", 0.95, 1],
    // Written after 9455170, the session's last matching change: first run 0.917, 2 wrong, top-3
    // 0.967 (final-ce, the neutral brief; official scorer; the starting commit 0.933, 1 wrong).
    // The wrong numbers: 15场 for the job positions offered at "the district's own 50 job fairs"
    // (English words not known are passed over since 66f8d55) and the 78家 合作社 reviewed for
    // 市级农业产业化龙头企业, which the sentence names without a count.
    ["final-ce", 0.91, 2],
    // The next session (also 2026-12-03). Written at 7e7856a, the session's start: first run 0.950,
    // 0 wrong, top-3 1.000 (final-cf, the agriculture bureau preparing a year-end review).
    ["final-cf", 0.95, 0],
    // Written after 8b00f65: first run 0.883, 4 wrong, top-3 0.967 (final-cg, a deputy head and
    // her secretary on their phones; the starting commit the same). The wrong numbers: the 31名
    // who arrived for the 61位 sent, the plan's 2145万元 for what the 4 projects had spent (not
    // fixed); 11731人 for "how many households" and 386户 for "how much was lent" (fixed: an
    // English unit word after how many names the unit, lent asks money).
    ["final-cg", 0.95, 2],
    // Written after b77b92c: first run 0.883, 3 wrong, top-3 0.967 (final-ch, the neutral brief;
    // official scorer; the starting commit the same). The wrong numbers: 61位 sent for the 31名
    // who arrived (fixed: 目前已经 is passed over whole), the 支农资金 total for what was spent,
    // and 949个 for the 村两委 members elected, asked in English.
    ["final-ch", 0.9, 2],
    // Written after aed904f: first run 0.917, 0 wrong, top-3 0.983 (final-ci, village cadres and
    // township liaisons in plain spoken Chinese; official scorer; the starting commit 0.900, 1
    // wrong).
    ["final-ci", 0.91, 0],
    // Written after 6294499: first run 0.917, 0 wrong, top-3 0.983 (final-cj, the neutral brief;
    // official scorer; the starting commit 0.900, 0 wrong).
    ["final-cj", 0.91, 0],
    // Written after e072d61, the session's last matching change: first run 0.950, 0 wrong, top-3
    // 1.000 (final-ck, the neutral brief; official scorer; the starting commit 0.933, 0 wrong).
    ["final-ck", 0.95, 0],
    // Written after 35942c1 (the next session's start): first run 0.867, 2 wrong, top-3 0.950
    // (final-cl, a neighbouring county's office and a people's congress deputy; official scorer):
    // 1500个 job positions for "how many workers" (fixed: how many people, workers … asks people)
    // and 949个 villages for the 879个 that cleaned up, asked in English (not fixed).
    ["final-cl", 0.91, 1],
    // Written after 963b26f, the session's last matching change: first run 0.933, 0 wrong, top-3
    // 0.983 (final-cm, the neutral brief; official scorer; the session's starting commit 35942c1
    // scored it too, see the closing note).
    ["final-cm", 0.93, 0],
    // Written after 4c522ac, the session's last matching change: first run 0.850, 2 wrong, top-3
    // 0.983 (final-cn, a city bureau compiling every district's figures and a journalist;
    // official scorer; the starting commit the same): 61位 sent for the 31名 who arrived, and 2个
    // towns for the 29户 homestays they built, asked in English (neither fixed).
    ["final-cn", 0.85, 2],
    // Written after 3d740f3 (the next session's start): first run 0.867, 0 wrong, top-3 0.983
    // (final-co, a newly appointed township liaison in plain words and a provincial inspection
    // team; official scorer).
    ["final-co", 0.88, 0],
    // Written after e9dc5bb, the session's first matching change: first run 0.950, 1 wrong, top-3
    // 0.983 (final-cp, the neutral brief; official scorer; the starting commit the same): 3个 for
    // the 17202批次 of quick tests, asked in English (fixed: "batches" asks 批次, "quick tests" is
    // 快速检测).
    ["final-cp", 0.95, 0],
    // Written after 8e71390: first run 0.967, 1 wrong, top-3 0.983 (final-cq, office staff on
    // their phones; official scorer; the starting commit 0.983, 0 wrong): 1.75万吨 more summer
    // grain for a grain output target the report does not set (fixed: a target of a level is no
    // change).
    ["final-cq", 0.96, 0],
    // Written after ccfaaa4, the session's last matching change: first run 0.933, 1 wrong, top-3
    // 0.983 (final-cr, the neutral brief; official scorer; the starting commit the same): 50场 job
    // fairs for the 18941个 positions they offered, asked in English (fixed: "job positions" is
    // 就业岗位).
    ["final-cr", 0.95, 0],
    // Written after dac0ca4, the session's last matching change: first run 0.900, 0 wrong, top-3
    // 1.000 (final-cs, a township party secretary preparing a speech and a city analyst mixing in
    // English; official scorer; the starting commit the same).
    ["final-cs", 0.9, 0],
    // Written after d0614d6, the session's last matching change: first run 0.967, 0 wrong, top-3
    // 0.983 (final-ct, the neutral brief; official scorer; the starting commit 0.950, 0 wrong).
    // Since: "emergency shelters" is 紧急避难场所.
    ["final-ct", 0.98, 0],
    // Written after 50fcbb3, the session's last matching change: first run 0.967, 0 wrong, top-3
    // 0.983 (final-cu, the neutral brief; official scorer; the starting commit 0.933, 1 wrong).
    ["final-cu", 0.96, 0],
    // Written after 4718195, the next session's start: first run 0.933, 1 wrong, top-3 0.983
    // (final-cv, township liaisons on their phones and office staff preparing a briefing;
    // official scorer): 27个 townships for the 33名 cadres moved to township leadership posts,
    // asked in English (fixed: "cadres" is 干部, "leadership posts" 领导岗位).
    ["final-cv", 0.95, 0],
    // Written after e82dd5b, the session's first matching change: first run 0.933, 2 wrong, top-3
    // 0.950 (final-cw, the neutral brief; official scorer): 34.2万亩 harvested for "夏粮总共能收
    // 多少" (fixed: 能收 hints a weight) and 68226万元 spent for "What percentage of the … funding
    // has been spent" (fixed: "percentage" asks a percentage).
    ["final-cw", 0.96, 0],
    // Written after 07ba8de (the session's last matching change, "cadres", was before it): first
    // run 0.967, 0 wrong, top-3 0.983 (final-cx, a district deputy head preparing for a
    // supervision visit and village cadres typing fast; official scorer).
    ["final-cx", 0.96, 0],
    // Written after b1dd5cd, the session's last matching change: first run 0.917, 0 wrong, top-3
    // 1.000 (final-cy, the neutral brief; official scorer).
    ["final-cy", 0.91, 0],
    // Written after a4b0afa (ca88d23 the session's last matching change): first run 0.967, 0
    // wrong, top-3 1.000 (final-cz, a city bureau comparing counties and a liaison mixing in
    // English; official scorer).
    ["final-cz", 0.96, 0],
    // Written after f5aea0c (no matching change since ca88d23), official scorer: first runs
    // 0.900, 2 wrong, top-3 0.967 (final-da, a township liaison on the phone and a county
    // finance-bureau analyst) and 0.950, 2 wrong, top-3 0.983 (final-db, the neutral brief).
    // Wrong: 27个 乡镇街 for the grids drawn ("网格划了多少个": 划 was "repaired" to 网格化), 178处
    // for "How much money was spent on 黑臭水体治理", 7家 firms for the "signed contract value
    // (签约额)" (all three fixed) and 61位 sent for the 31名 who arrived (not fixed).
    ["final-da", 0.95, 0],
    ["final-db", 1, 0],
    // Written after 2db916c (this session's first matching change), official scorer: first runs
    // 0.967, 0 wrong, top-3 1.000 (final-dc, a party secretary's aide and a village accountant
    // mixing in English) and 0.950, 2 wrong, top-3 0.967 (final-dd, the neutral brief): 4个
    // projects for the "planned scale" of new 高标准农田 (1.43万亩; not fixed) and 58场次 for the
    // "followers" of the official account (fixed: followers 粉丝, official account 公众号).
    ["final-dc", 0.96, 0],
    ["final-dd", 0.96, 1],
    // Written after 7c7eeda, official scorer: first runs 0.933, 0 wrong, top-3 0.983 (final-de, a
    // graduate village official and a provincial auditor) and 0.917, 2 wrong, top-3 0.983
    // (final-df, the neutral brief): 61位 sent for the 31名 who arrived (fixed: the clause that
    // asks names what is counted) and 4504名 cadres for their "average age" (fixed: average age
    // is 年龄, which asks in years).
    ["final-de", 0.93, 0],
    ["final-df", 0.95, 0],
    // Written after bb0696e, official scorer: first runs 0.967, 0 wrong, top-3 1.000 (final-dg,
    // a city bureau comparing districts and a liaison typing fast) and 0.883, 3 wrong, top-3
    // 0.983 (final-dh, the neutral brief): 73.46万元 for 古浪县 alone "separately from 天祝"
    // (fixed: English that rules out), 949个 villages for "how many new … cadres" (fixed: a unit
    // word a few words after how many) and 16笔 published for the 14笔 completed (not fixed).
    ["final-dg", 0.96, 0],
    ["final-dh", 0.91, 1],
    // Written after 989d815, the session's last matching change, official scorer: first runs
    // 0.950, 2 wrong, top-3 0.967 (final-di, a people's congress deputy and a cooperative
    // manager) and 0.967, 1 wrong, top-3 0.983 (final-dj, the neutral brief). Not tuned on.
    ["final-di", 0.95, 2],
    ["final-dj", 0.96, 1],
  ])("keeps %s, written after the last change, at its first-run level", (name, least, most) => {
    const result = score(fixtureAnswerer(), file(`questions.${name}.jsonl`));
    expect(result.total).toBe(60);
    expect(result.accuracy, result.misses.join("\n")).toBeGreaterThanOrEqual(least);
    expect(result.wrong).toBeLessThanOrEqual(most);
  });

  it("states a wrong number for at most 1% of the district's questions", () => {
    const sets = DISTRICT_SETS.map(([name]) =>
      score(fixtureAnswerer(), file(`questions.${name}.jsonl`)),
    );
    const total = sets.reduce((n, s) => n + s.total, 0);
    const wrong = sets.reduce((n, s) => n + s.wrong, 0);
    expect(wrong / total).toBeLessThanOrEqual(0.01);
  });

  // Issue 9's bar, over every set of the district's report on file (fresh sets included once
  // tuned on): accuracy at least 0.95 with at most 1% wrong numbers.
  it("reaches 0.95 with at most 1% wrong numbers over all the district's sets", () => {
    const names = readdirSync(file("")).filter((n) => /^questions\..+\.jsonl$/.test(n));
    const sets = names.map((name) => score(fixtureAnswerer(), file(name)));
    const total = sets.reduce((n, s) => n + s.total, 0);
    const right = sets.reduce((n, s) => n + s.right, 0);
    const wrong = sets.reduce((n, s) => n + s.wrong, 0);
    expect(total).toBe(7664);
    expect(right / total).toBeGreaterThanOrEqual(0.95);
    expect(wrong / total).toBeLessThanOrEqual(0.01);
  });
});

// Reports of other places (test/fixtures/reports), each with its own question sets.
const REPORTS = readdirSync(file("reports/")).filter((n) => n.endsWith(".txt"));
const intents = loadIntents();

function answererFor(report: string, folder = "reports"): ReportsAnswerer {
  const text = readFileSync(file(`${folder}/${report}`), "utf8");
  return new ReportsAnswerer(memoryLibrary([buildIndicatorStore(text, report)]), intents);
}

describe("question answering on reports of other places", () => {
  const pooled = { total: 0, right: 0, wrong: 0 };
  it.each(REPORTS)("answers the questions on %s", (report) => {
    const base = report.replace(/\.txt$/, "");
    const answerer = answererFor(report);
    for (const set of [`reports/${base}.questions.jsonl`]) {
      const result = score(answerer, file(set));
      pooled.total += result.total;
      pooled.right += result.right;
      pooled.wrong += result.wrong;
    }
  });

  it("reaches 0.92 pooled with at most 2% wrong numbers", () => {
    expect(pooled.total).toBeGreaterThan(250);
    expect(pooled.right / pooled.total).toBeGreaterThanOrEqual(0.92);
    expect(pooled.wrong / pooled.total).toBeLessThanOrEqual(0.02);
  });

  // The held-back sets, measured once on their first run (holdout 0.754, holdout2 0.694,
  // holdout3 0.901; 0.915, 0.898 and 0.945 after later general fixes): floors against
  // regressions, not targets.
  // holdout4: a fresh set on one of these reports, written on 2026-12-02 (first run 0.875).
  it.each([
    ["holdout", 130, 0.88, 0.04],
    // holdout2: 3 wrong of 98 since 分别 lists take a pair before them whole (广东省-2016 and
    // 海拉尔区-2019 each lost a wrong number; "工业企业COD排放" now gets the pair's SO2 figure,
    // whose name keeps the modifier 主要工业企业 the COD figure's does not).
    ["holdout2", 98, 0.86, 0.031],
    ["holdout3", 91, 0.92, 0.02],
    ["holdout4", 40, 0.9, 0],
  ])("keeps the %s sets at their level", (set, total, minimum, maxWrong) => {
    const held = { total: 0, right: 0, wrong: 0 };
    for (const report of REPORTS) {
      const base = report.replace(/\.txt$/, "");
      const questions = file(`reports/${set}/${base}.${set}.jsonl`);
      if (!existsSync(questions)) continue; // counted: the total below must still match
      const result = score(answererFor(report), questions);
      held.total += result.total;
      held.right += result.right;
      held.wrong += result.wrong;
    }
    expect(held.total).toBe(total);
    expect(held.right / held.total).toBeGreaterThanOrEqual(minimum);
    expect(held.wrong / held.total).toBeLessThanOrEqual(maxWrong);
  });
});

// Reports the bot had not seen when their sets were written (test/fixtures/reports-unseen), each
// set by a helper who saw neither code nor earlier sets. First runs on 2026-12-02: 四川省-2026
// 0.625 with 7 wrong numbers of 40 at the session's start; 云南省-2026 0.875 and 河北省-2023 0.825
// (4 wrong of 80); 湖南省-2026 0.875 and 河南省-2026 0.800 (6 wrong of 80); 江西省-2026 and
// 黑龙江省-2026 0.800 each (8 wrong of 80); after the last matching change (6ba0bba), 贵州省-2026
// 0.750 and 山西省-2026 0.900 (5 wrong of 80); after 0caef09, 安徽省-2026 0.725 and
// 广西壮族自治区-2026 0.800 (8 wrong of 80); after 02b6c8d, 浙江省-2026 0.750 and 辽宁省-2026
// 0.550 (4 wrong of 80; 0.775 and 0.875 once a heading naming 十五五 and 2026 was read as the
// year's plans). A later round: 吉林省, 山东省, 湖北省 and 陕西省-2026 at its start (first runs
// 0.725, 0.875, 0.775, 0.875: 0.813 pooled, 10 wrong of 160); 内蒙古自治区, 宁夏回族自治区,
// 福建省 and 重庆市-2026 after its matching changes up to a7592fc (0.850, 0.850, 0.575, 0.850:
// 0.781 pooled, 7 wrong of 160; the round's starting commit 0.756, 9 wrong); 青海省, 海南省,
// 广东省 and 新疆维吾尔自治区-2026 after a3052a5 (0.900, 0.875, 0.700, 0.825: 0.825 pooled, 11
// wrong of 160; starting commit 0.806, 12 wrong); 北京市, 天津市, 江苏省 and 西藏自治区-2026 after
// d043c84 (0.825, 0.350, 0.825, 0.850: 0.713 pooled, 9 wrong of 160; starting commit 0.688, 10
// wrong; 天津市 0.775 once an item's heading kept its part's kind); 上海市-2026 after d93491f, the
// round's last matching change (0.725, 2 wrong of 40; starting commit 0.400, 3 wrong). 保定市-2025,
// 河北省-2024 and 河北省-2026 after 2c30bbc (0.700, 0.875, 0.875: 0.817 pooled, 3 wrong of 120);
// 河北省-2021, -2022 and -2025 after b0f4a29 (0.875, 0.925, 0.975: 0.925 pooled, 1 wrong of 120);
// 高阳县-2015, -2018 and -2019 after 64bb5c9 (0.875, 0.900, 0.775: 0.850 pooled, 1 wrong of 120);
// 保定市-2021 and 河北省-2019 after 64bb5c9 (0.775 and 0.825, 2 wrong of 80; 保定市-2021 0.725 as
// first delivered, without its title and dateline); 保定市-2014, 河北省-2010 and 河北省-2011 after
// 3f88c03 (0.850, 0.850, 0.800: 0.833 pooled, 3 wrong of 120); 河北省-2007 and -2009 after bc9f2a7
// (0.825 and 0.800, 2 wrong of 80); 海拉尔区-2013 and -2018 after fc97794 (0.800 each, 6 wrong of 80);
// 海拉尔区-2015, -2017 and -2019 after 1b66c17 (0.825, 0.850, 0.675: 0.783 pooled, 3 wrong of 120; the
// session's starting commit the same); 海拉尔区-2012 and -2014 after a44178d (0.850 and 0.800, 4 wrong
// of 80; the starting commit 0.812, 4 wrong). A later session: 盐田区-2019, 盐田区-2020, 龙岗区-2016
// and 坪山区-2019, pasted from "各位代表：" on with no title, at d850682 (0.700, 0.675, 0.525,
// 0.800: 0.675 pooled, 7 wrong of 160; the session's starting commit the same); 南山区-2015,
// 罗湖区-2018, 大鹏新区-2025 (a management committee's report) and 宝安区-2020 after 6e93f17
// (0.825, 0.750, 0.825, 0.625: 0.756 pooled, 6 wrong of 160; the starting commit 0.738, 6 wrong);
// 光明新区-2017 (a management committee's report), 福田区-2023, 南山区-2014 and 龙华区-2021 after
// 2974743 (0.825, 0.725, 0.850, 0.675: 0.769 pooled, 10 wrong of 160; the starting commit 0.744,
// 11 wrong); 南山区-2018, 龙岗区-2015, 坪山区-2024 and 龙岗区-2022 after 6f422bb (0.825, 0.825,
// 0.800, 0.750: 0.800 pooled, 3 wrong of 160; the starting commit 0.781, 4 wrong); 光明区-2019 and
// 南山区-2017 after ba2636e (0.700 and 0.675, 5 wrong of 80; the starting commit the same);
// 深圳市-2020, 深圳市-2021 (the city), 深圳市-2022 and 罗湖区-2019 after 0e1370b (0.850, 0.800,
// 0.650, 0.750: 0.7625 pooled, 10 wrong of 160); 深圳市-2018 and 福田区-2022 after 923a7e1 (0.800,
// 0.900: 0.850 pooled, 2 wrong of 80; the starting commit 0.8375, 2 wrong); 广东省-2015 (a
// province, 60 questions) after 923a7e1 (0.650, 5 wrong; the starting commit 0.633, 5 wrong);
// 广东省-2018 and 深圳市-2019 (50 questions) after 0878fee, first run at 4df5228 (0.725 and
// 0.720: 0.722 pooled, 1 wrong of 90; the starting commit 0.667, 4 wrong); 广东省-2016 and
// 深圳市-2017 after 5c4dc75, first run at 4c81356 (0.725 and 0.900: 0.8125 pooled, 5 wrong of 80;
// the starting commit the same); 广东省-2017 and 坪山区-2021 after 09c6565, first run at dfd15fc
// (0.750 and 0.625: 0.6875 pooled, 2 wrong of 80; the starting commit 0.6375, 4 wrong);
// 深圳市-2016 and 盐田区-2021 after 6d9437a, the session's last change (0.800 and 0.825: 0.8125
// pooled, 3 wrong of 80; the starting commit 0.825, 4 wrong). A later session (2026-12-03), at its
// start 3deaaba: 光明区-2021 and 坪山区-2022 (0.775 and 0.725: 0.750 pooled, 5 wrong of 80),
// 罗湖区-2022 and 宝安区-2017 (0.825 each, 2 wrong of 80); 大鹏新区-2022 (a management committee's
// plans) and 福田区-2021 after a0088ee, first run at d6cb892 (0.875 each, 1 wrong of 80; the
// starting commit 0.8625, 2 wrong); 南山区-2023 and 龙华区-2023 after a0088ee, first run at
// cfce5ce (0.925 and 0.850, none wrong of 80; the starting commit the same); 宝安区-2021 and
// 坪山区-2023, first run at 56a76e5 (0.550 and 0.975: 0.7625 pooled, 1 wrong of 80; the starting
// commit the same; 宝安区-2021 0.775 once a long numbered heading opened its year's plans);
// 光明区-2023 (a term's review) and 罗湖区-2020, first run at 07c2447 (0.675 and 0.800: 0.7375
// pooled, 5 wrong of 80; the starting commit the same); 龙华区-2024 and 大鹏新区-2017, first run at
// dcd13eb (0.825 and 0.875: 0.850 pooled, 4 wrong of 80; the starting commit 0.8375, 4 wrong);
// 南山区-2024 and 坪山区-2018, first run at dcd13eb (0.825 and 0.875: 0.850 pooled, 1 wrong of 80;
// the starting commit 0.8375, 2 wrong); 坪山区-2025 and 龙华区-2022, first run at be2a3d8 (0.825
// and 0.850: 0.8375 pooled, 1 wrong of 80; the starting commit the same); 南山区-2022 and
// 罗湖区-2023, first run at be2a3d8 (0.925 each, 1 wrong of 80; the starting commit 2 wrong);
// 宝安区-2023 and 大鹏新区-2023, first run at fa03ed6 (0.800 and 0.750: 0.775 pooled, 6 wrong of
// 80; the starting commit 7 wrong); 坪山区-2020 and 光明区-2025, first run at fa03ed6 (0.875 and
// 0.900: 0.8875 pooled, 1 wrong of 80; the starting commit the same); 罗湖区-2024 and 宝安区-2022
// after 4c456df (0.825 each, 3 wrong of 80; the starting commit 0.8125, 4 wrong); 龙华区-2025 after
// bb34841, the session's last change (0.800, 1 wrong of 40; the starting commit 0.825, 1 wrong).
// A later session (2026-12-03): 南山区-2025 and 宝安区-2024, written after cbc25b2, first run at
// 8eacab5 (0.850 and 0.775: 0.8125 pooled, 4 wrong of 80; the starting commit the same);
// 罗湖区-2025 and 大鹏新区-2024 written after eec9a37, first run at 2db50e4 (0.825 and 0.850:
// 0.8375 pooled, 3 wrong of 80; the starting commit the same); 宝安区-2025 and 南山区-2021 (a
// term's review and plans, given in October) written after 2321cc9, first run at 30728af (0.925
// and 0.625: 0.775 pooled, 4 wrong of 80; the starting commit 0.7625, 4 wrong); 光明区-2022 and
// 罗湖区-2021 written after d3bdcaf, the session's last change (0.875 and 0.775: 0.825 pooled, 1
// wrong of 80; the starting commit 0.8125, 1 wrong). A later session (2026-12-03), all written
// after 618425b: 光明区-2024 and 宝安区-2018, first run at 0baa77d (0.900 and 0.875: 0.8875
// pooled, 2 wrong of 80; the starting commit 0.875, 2 wrong); 大鹏新区-2021 and 南山区-2016, first
// run at 0baa77d (0.850 and 0.825: 0.8375 pooled, 3 wrong of 80; the starting commit the same);
// 光明区-2020 and 罗湖区-2017, first run at cff108f (0.850 and 0.700: 0.775 pooled, 3 wrong of 80;
// the starting commit the same); 坪山新区-2016 and 宝安区-2015 written after 8928779, first run at
// f4be899 (0.850 and 0.825: 0.8375 pooled, 2 wrong of 80; the starting commit 0.825, 3 wrong);
// 坪山新区-2015 and 罗湖区-2015 written after a36b812 (0.750 and 0.850:
// 0.800 pooled, 2 wrong of 80; the starting commit the same); 大鹏新区-2016 and 罗湖区-2014
// written after 6b9d824, the session's last change (0.900 and 0.825: 0.8625 pooled, 3 wrong of
// 80; the starting commit the same). Written after 440749f: 光明新区-2016 and 坪山新区-2014 (0.650
// and 0.800: 0.725 pooled, 2 wrong of 80), 大鹏新区-2015 and 广东省-2019 (0.750 and 0.875: 0.8125
// pooled, 3 wrong of 80); written after 99ba622, first run at 15637a4: 宝安区-2016 and 罗湖区-2016
// (0.725 and 0.675: 0.700 pooled, 6 wrong of 80), 大鹏新区-2014 and 广东省-2020 (0.925 and 0.900:
// 0.9125 pooled, 1 wrong of 80); written after 29a9f85, first run at 643ac56: 宝安区-2016-六届一次
// and 广东省-2021 (0.700 and 0.875: 0.7875 pooled, 0 wrong of 80); written after f4ed351, the
// change before the last: 宝安区-2021-七届一次 and 广东省-2022 (0.900 and 0.850: 0.875 pooled, 0 wrong
// of 80); written after 73103bc: 广东省-2023 and 福田区-2021-八届一次 (0.650
// and 0.725: 0.6875 pooled, 3 wrong of 80; the starting commit 0.700, 2 wrong); written after
// b9e3079: 坪山区-2017 and 广东省-2025, first run at bf2bb94 (0.750 and 0.900: 0.825 pooled, 3 wrong
// of 80), 广东省-2024 (0.775, 6 wrong of 40; the starting commit 0.750, 7
// wrong). A later session (2026-12-03), written after 2409e99 and first run there: 广东省-2014 and
// 国务院-2019 (0.850 and 0.700: 0.775 pooled, 4 wrong of 80), 国务院-2016 and 国务院-2022 (the
// country's reports: 0.575 and 0.700, 0.6375 pooled, 4 wrong of 80; 0.650 and 0.800 once 全国 and
// 我国 were read as the country's report's own place and unknown English words passed over);
// 国务院-2018 and 国务院-2024 written after 66f8d55 and first run there (0.700 each, 3 wrong of 80);
// 国务院-2021 and 国务院-2025 written after c642702, first run at 6730091 (0.625 and 0.650: 0.6375,
// 3 wrong of 80; the starting commit 0.5875, 3 wrong); 国务院-2017 and 国务院-2023 the same way
// (0.750 and 0.925: 0.8375, 5 wrong of 80; the starting commit 0.7125, 2 wrong); 国务院-2015 and
// 国务院-2020 written after 6730091 and first run there (0.850 and 0.750: 0.800, 5 wrong of 80; the
// starting commit 0.7125, 6 wrong); 国务院-2014 written after f255c78 and first run there (0.575, 3
// wrong of 40; the starting commit 0.550, 3 wrong); 光明区-2022-法治政府建设情况的报告 written after
// 9455170 and first run there (0.675, 7 wrong of 40, four of them 760宗 for "760余宗"; the
// starting commit 0.650, 6 wrong). The next session (also 2026-12-03), written at 7e7856a's answers and
// first run at 3256d94 (the same answers): 深圳市-2006 and 深圳市-2023 (0.650 and 0.900: 0.775
// pooled, 2 wrong of 40), 深圳市-2012 and 深圳市-2015 (0.900 and 0.700: 0.800 pooled, 1 wrong of 40);
// 深圳市-2009 and 深圳市-2010 written after 3256d94, first run at 8b00f65 (0.850 and 0.700: 0.775, 0
// wrong of 40; the starting commit 0.750, 1 wrong); written after 8b00f65 and first run there:
// 龙岗区-2017 and 福田区-2019 (0.800 and 0.900: 0.850, 2 wrong of 40), 盐田区-2016 and 龙岗区-2021
// (1.000 and 0.900: 0.950, 0 wrong of 40); the starting commit the same on both. Written after
// b77b92c and first run there: 龙岗区-2019 and 福田区-2017 (0.800 and 0.900: 0.850, 0 wrong of 40),
// 龙岗区-2023 and 盐田区-2023 (0.750 and 0.800: 0.775, 1 wrong of 40); the starting commit the same.
// 深圳市-2014 and 深圳市-2024 written after aed904f, first run at 6294499 (0.800 each: 0.800, 2 wrong
// of 40; the starting commit 0.775, 2 wrong). The next session (2026-12-03), written after 35942c1
// and first run there: 深圳市-2025 and 福田区-2020 (0.600 and 0.950: 0.775, 3 wrong of 40), 龙岗区-2024
// and 盐田区-2022 (0.800 and 0.900: 0.850, 2 wrong of 40); written after 963b26f and first run there:
// 福田区-2018 and 盐田区-2024 (0.850 and 0.750: 0.800, 2 wrong of 40), 龙岗区-2018 and 龙华区-2020
// (0.800 and 0.850: 0.825, 1 wrong of 40); written after 4c522ac, the last matching change, and first
// run there: 盐田区-2025 and 龙岗区-2025 (0.850 and 0.800: 0.825, 1 wrong of 40), 福田区-2016 and
// 盐田区-2018 (0.750 and 0.800: 0.775, 2 wrong of 40); the starting commit the same on all four.
// The next session (2026-12-03), written after 3d740f3 and first run there: 盐田区-2017 and
// 福田区-2014 (0.775 and 0.400: 0.5875, 3 wrong of 40; 福田区-2014 was read as a report of "区委区",
// the office named on its last line), 龙岗区-2020 and 盐田区-2015 (0.775 and 0.825: 0.800, 1 wrong);
// written after e9dc5bb and first run there: 盐田区-2010 and 龙岗区-2014 (0.700 and 0.575: 0.6375, 3
// wrong of 40; the starting commit the same); 河北省-2002 (0.800, 0 wrong; the starting commit the
// same), written after dac0ca4 and first run there. The next session (2026-12-04), written after
// 4718195 and first run there: 河北省-2001 and 河北省-2004 (0.700 and 0.825: 0.7625, 1 wrong of 40:
// 12.5亿美元 of foreign direct investment for the imports the report does not give); 河北省-2003,
// written after 07ba8de and first run at b1dd5cd, the last matching change (0.675, 1 wrong of 40:
// 10% of fiscal revenue's yearly growth for the five-year average growth of GDP, 9.5%). The next
// session (also 2026-12-04), written after 2db916c and first run there: 河北省-2005 and
// 河北省-2006 (0.725 and 0.600: 0.6625, 5 wrong of 80; both stored in part, 河北省-2006 twice);
// written after bb0696e and first run there: 河北省-2000 and 河北省-2008 (0.725 and 0.700: 0.7125,
// 5 wrong of 80; both stored in part).
// Tuned on since their first runs: floors.
const UNSEEN = readdirSync(file("reports-unseen/")).filter((n) => n.endsWith(".txt"));

describe("question answering on reports first met in a fresh set", () => {
  // Scored report by report (each well within the test timeout), checked pooled at the end.
  const pooled = { total: 0, right: 0, wrong: 0 };
  it.each(UNSEEN)("answers the questions on %s", (report) => {
    const base = report.replace(/\.txt$/, "");
    const result = score(
      answererFor(report, "reports-unseen"),
      file(`reports-unseen/${base}.questions.jsonl`),
    );
    pooled.total += result.total;
    pooled.right += result.right;
    pooled.wrong += result.wrong;
  });

  it("keeps the unseen reports' sets at their level", () => {
    expect(pooled.total).toBe(7710);
    expect(pooled.right / pooled.total).toBeGreaterThanOrEqual(0.854);
    expect(pooled.wrong).toBeLessThanOrEqual(115);
  });
});
