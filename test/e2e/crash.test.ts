// Black-box crash test of the WeCom app door (the harness of `npm run crash`, smaller): 20 admins
// report, confirm in one burst, the bot is SIGKILLed mid-burst and restarted on the same data
// folder, WeCom's retries are resent. Every acknowledged `确认` must be answered and stored exactly
// once, and every receipt sent must be in the store. Spawns the bot as a child process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  crashRound,
  describeRound,
  startCrashRig,
  type CrashRig,
  type RoundResult,
} from "../../bench/support/crash-round.js";

const ROUNDS = 2;
const USERS = 20;

describe("a SIGKILL during a burst of 确认 through the WeCom app door", () => {
  let rig: CrashRig;
  const results: RoundResult[] = [];

  beforeAll(async () => {
    rig = await startCrashRig(USERS);
    for (let round = 0; round < ROUNDS; round++) {
      const result = await crashRound(rig, round);
      results.push(result);
      console.log(describeRound(result));
    }
  }, 60_000);

  afterAll(async () => {
    await rig?.close();
  }, 20_000);

  // Each check names the round (its describeRound line) and the users it failed for.
  const each = (check: (r: RoundResult) => void) => () => results.forEach(check);

  // What WeCom would see: it stops retrying once a callback is acknowledged.
  it(
    "acknowledges every 确认 once the bot is back",
    each((r) => {
      expect(r.noSummary, describeRound(r)).toEqual([]);
      expect(r.neverAcked, describeRound(r)).toEqual([]);
    }),
  );

  it(
    "answers every acknowledged 确认",
    each((r) => expect(r.unanswered, describeRound(r)).toEqual([])),
  );

  it(
    "stores every acknowledged confirmation exactly once",
    each((r) => {
      expect(r.notStored, describeRound(r)).toEqual([]);
      expect(r.storedTwice, describeRound(r)).toEqual([]);
    }),
  );

  it(
    "stores every receipt it sent, and sends one receipt per confirmation",
    each((r) => {
      expect(r.receiptsNotStored, describeRound(r)).toEqual([]);
      expect(r.receiptsTwice, describeRound(r)).toEqual([]);
    }),
  );
});
