// `npm run crash [-- ROUNDS [USERS]]`: SIGKILL the bot during bursts of `确认` through the WeCom
// app door, restart it, resend what WeCom would retry, and check from outside that every
// acknowledged confirmation was answered and stored exactly once and every receipt sent is stored.
// Defaults: 20 rounds, 200 users. Exits 1 on any violation.
import {
  crashRound,
  describeRound,
  roundOk,
  startCrashRig,
  type RoundResult,
} from "./support/crash-round.js";

const rounds = Number(process.argv[2] ?? 20);
const userCount = Number(process.argv[3] ?? 200);

async function main(): Promise<void> {
  console.log(`${rounds} rounds, ${userCount} admins each reporting then confirming in one burst`);
  const rig = await startCrashRig(userCount);
  const results: RoundResult[] = [];
  let failure: unknown;
  try {
    for (let round = 0; round < rounds; round++) {
      const result = await crashRound(rig, round);
      results.push(result);
      console.log(describeRound(result));
    }
  } catch (error) {
    // Most often the bot would not start again on the data folder it was killed over.
    failure = error;
    console.log(
      `round ${results.length}: ${error instanceof Error ? error.message : String(error)}`,
    );
    console.log(`data folder kept for a look: ${rig.dataDir}`);
  } finally {
    await rig.close(failure !== undefined);
  }
  const sum = (pick: (r: RoundResult) => number) => results.reduce((a, r) => a + pick(r), 0);
  const bad = results.filter((r) => !roundOk(r)).length;
  console.log(
    `\nsummary: ${results.length} rounds, ${bad} with violations` +
      (failure === undefined ? "; " : ", then the harness stopped (above); ") +
      `acknowledged 确认 lost (no reply) ${sum((r) => r.unanswered.length)}, ` +
      `not stored ${sum((r) => r.notStored.length)}, ` +
      `stored twice ${sum((r) => r.storedTwice.length)}, ` +
      `receipts sent but not stored ${sum((r) => r.receiptsNotStored.length)}, ` +
      `two receipts for one value ${sum((r) => r.receiptsTwice.length)}, ` +
      `never acknowledged ${sum((r) => r.neverAcked.length)}`,
  );
  process.exitCode = bad > 0 || failure !== undefined ? 1 : 0;
}

await main();
