// The app-callback opener on a worker thread: the same messages and the same refusals as the
// inline opener, answers matched to their callbacks, and the door through it.
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer } from "../../../src/channels/http-server.js";
import { createWecomChannel } from "../../../src/channels/wecom/index.js";
import { createCallbackCrypto, type SignedQuery } from "../../../src/channels/wecom/crypto.js";
import { WecomCryptoError, WecomPayloadError } from "../../../src/channels/wecom/errors.js";
import { inlineOpener, type CallbackOpener } from "../../../src/channels/wecom/opener.js";
import { threadOpener } from "../../../src/channels/wecom/opener-thread.js";
import { WecomXmlError } from "../../../src/channels/wecom/xml.js";
import { startFakeWecom } from "../../helpers/fake-wecom.js";
import {
  APP_AES_KEY,
  APP_TOKEN,
  appEnvelope,
  appTextXml,
  CORP_ID,
  echoCore,
  SECRET,
  signed,
  wecomConfig,
} from "./support.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const APP = { token: APP_TOKEN, encodingAesKey: APP_AES_KEY, receiveId: CORP_ID };

/** The thread reads the real clock, so callbacks are signed now. */
function callback(plain: string, over: { timestamp?: number; receiveId?: string } = {}) {
  const s = signed(plain, {
    token: APP_TOKEN,
    aesKey: APP_AES_KEY,
    receiveId: over.receiveId ?? CORP_ID,
    timestamp: over.timestamp ?? Math.floor(Date.now() / 1000),
  });
  const query = Object.fromEntries(new URLSearchParams(s.query));
  return {
    query: {
      msgSignature: query.msg_signature ?? "",
      timestamp: query.timestamp ?? "",
      nonce: query.nonce ?? "",
    },
    body: appEnvelope(s.cipher),
    urlQuery: s.query,
  };
}

function opened(): CallbackOpener {
  const opener = threadOpener(APP);
  cleanups.push(() => opener.close());
  return opener;
}

/** What an opener made of a callback: its message, or the refusal's class and reason. */
async function outcome(opener: CallbackOpener, c: { query: SignedQuery; body: string }) {
  try {
    return await opener.open(c.query, c.body);
  } catch (error) {
    const reason = error instanceof WecomCryptoError ? error.reason : undefined;
    return { refused: (error as Error).constructor.name, reason };
  }
}

// Each test boots a worker thread through tsx (0.3–0.5 s alone, longer beside other test files).
const BOOTS = { timeout: 20_000 };

describe("the callback opener on a worker thread", BOOTS, () => {
  it("opens what the inline opener opens, and refuses what it refuses, with the same errors", async () => {
    const thread = opened();
    const inline = inlineOpener(createCallbackCrypto(APP));
    const text = callback(appTextXml("zhangsan", "夏粮单产多少", "7001"));
    const cases = [
      text,
      { ...text, query: { ...text.query, msgSignature: "0".repeat(40) } },
      callback(appTextXml("zhangsan", "问", "7002"), { timestamp: 1_000_000 }),
      callback(appTextXml("zhangsan", "问", "7003"), { receiveId: "ww-other-corp" }),
      { ...text, body: "<xml><nope/></xml>" },
      callback("<xml><MsgType>text</MsgType><Content>a</B></xml>"),
    ];
    const fromThread = await Promise.all(cases.map((c) => outcome(thread, c)));
    const fromInline = await Promise.all(cases.map((c) => outcome(inline, c)));
    expect(fromThread).toEqual(fromInline);
    expect(fromThread).toEqual([
      expect.objectContaining({ kind: "text", userId: "zhangsan", text: "夏粮单产多少" }),
      { refused: "WecomCryptoError", reason: "signature" },
      { refused: "WecomCryptoError", reason: "timestamp" },
      { refused: "WecomCryptoError", reason: "receiveid" },
      { refused: "WecomPayloadError", reason: undefined },
      { refused: "WecomXmlError", reason: undefined },
    ]);
    // The door tells 403 from 400 by these classes.
    await expect(thread.open(cases[4]!.query, cases[4]!.body)).rejects.toBeInstanceOf(
      WecomPayloadError,
    );
    await expect(thread.open(cases[5]!.query, cases[5]!.body)).rejects.toBeInstanceOf(
      WecomXmlError,
    );
  });

  it("gives each of many callbacks at once its own message", async () => {
    const thread = opened();
    const ids = Array.from({ length: 60 }, (_, i) => String(8000 + i));
    const messages = await Promise.all(
      ids.map((id) => {
        const c = callback(appTextXml(`user${id}`, `问题${id}`, id));
        return thread.open(c.query, c.body);
      }),
    );
    expect(messages.map((m) => m.kind === "text" && [m.userId, m.text, m.dedupeKey])).toEqual(
      ids.map((id) => [`user${id}`, `问题${id}`, id]),
    );
  });

  it("starts a new thread for the next callback after it was closed", async () => {
    const thread = opened();
    const first = callback(appTextXml("zhangsan", "问", "9001"));
    expect((await thread.open(first.query, first.body)).dedupeKey).toBe("9001");
    await thread.close();
    const second = callback(appTextXml("zhangsan", "问", "9002"));
    expect((await thread.open(second.query, second.body)).dedupeKey).toBe("9002");
  });

  it("opens in the request's turn, with one warning, once its thread fails", async () => {
    const warnings: string[] = [];
    // A thread that throws as it starts, and one that never answers and exits when asked.
    const failing = threadOpener(APP, {
      warn: (m) => warnings.push(m),
      start: () => new Worker("throw new Error('boom')", { eval: true }),
    });
    cleanups.push(() => failing.close());
    const first = callback(appTextXml("zhangsan", "问", "9201"));
    const second = callback(appTextXml("zhangsan", "问", "9202"));
    expect((await failing.open(first.query, first.body)).dedupeKey).toBe("9201");
    expect((await failing.open(second.query, second.body)).dedupeKey).toBe("9202");
    const forged = { ...second, query: { ...second.query, msgSignature: "0".repeat(40) } };
    await expect(failing.open(forged.query, forged.body)).rejects.toBeInstanceOf(WecomCryptoError);
    expect(warnings).toEqual([expect.stringContaining("boom")]);

    const ending = threadOpener(APP, {
      warn: (m) => warnings.push(m),
      start: () =>
        new Worker(
          `require("node:worker_threads").parentPort.once("message", () => process.exit(3));`,
          { eval: true },
        ),
    });
    cleanups.push(() => ending.close());
    const owed = await Promise.all(
      ["9301", "9302"].map((id) => {
        const c = callback(appTextXml("lisi", "问", id));
        return ending.open(c.query, c.body);
      }),
    );
    expect(owed.map((m) => m.dedupeKey)).toEqual(["9301", "9302"]);
    expect(warnings[1]).toContain("exit code 3");
  });

  it("refuses a malformed key at start, not on the first callback", () => {
    expect(() => threadOpener({ ...APP, encodingAesKey: "short" })).toThrow(WecomCryptoError);
  });
});

describe("the app door with its callbacks opened on a thread", BOOTS, () => {
  it("acknowledges a signed callback, answers it once and refuses a forged one with 403", async () => {
    const fake = await startFakeWecom({ corpId: CORP_ID, secret: SECRET });
    cleanups.push(() => fake.close());
    const core = echoCore();
    const channel = createWecomChannel({
      config: wecomConfig(fake.url),
      core,
      openOnThread: true,
      log: { error: () => undefined, warn: () => undefined },
    });
    cleanups.push(() => channel.close());
    const server = createHttpServer({ port: 0, host: "127.0.0.1", routes: channel.routes });
    const { port } = await server.listen();
    cleanups.push(() => server.close());
    const post = (c: ReturnType<typeof callback>, query = c.urlQuery) =>
      fetch(`http://127.0.0.1:${port}/wecom/app?${query}`, { method: "POST", body: c.body });

    const good = callback(appTextXml("zhangsan", "夏粮单产多少", "9101"));
    const ack = await post(good);
    expect([ack.status, await ack.text()]).toEqual([200, "success"]);
    const forged = callback(appTextXml("lisi", "问", "9102"));
    const bad = await post(
      forged,
      forged.urlQuery.replace(/msg_signature=\w+/, `msg_signature=${"0".repeat(40)}`),
    );
    expect(bad.status).toBe(403);
    await channel.idle();
    expect(core.calls.map((m) => [m.userId, m.text])).toEqual([["zhangsan", "夏粮单产多少"]]);
    expect(fake.messages.map((m) => m.body.touser)).toEqual(["zhangsan"]);
  });
});
