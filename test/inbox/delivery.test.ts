// The delivery loop over a real core and the SQL stores: a message is handled from the store,
// its effects and replies recorded with it, and a crash anywhere repeats nothing.
import { describe, expect, it, vi } from "vitest";
import { createDelivery, type DoorHandler } from "../../src/inbox/delivery.js";
import type { InboxStore } from "../../src/inbox/types.js";
import type { Message, Reply } from "../../src/core/types.js";
import { sqlConversationStore } from "../../src/store/db/conversations.js";
import { memoryDatabase } from "../../src/store/db/database.js";
import { sqlInbox } from "../../src/store/db/inbox.js";
import { sqlSubmissionStore } from "../../src/store/submissions.js";
import { harness, LIAISON, message, TASK } from "../core/submissions/harness.js";

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A bot process over one database: a harness core, a delivery loop and a recording door. */
function processOver(db: ReturnType<typeof memoryDatabase>, inbox: InboxStore = sqlInbox(db)) {
  const conversations = sqlConversationStore(db);
  const submissions = sqlSubmissionStore(db, { tasks: [TASK] });
  const h = harness({ conversations, submissions });
  const sent: string[] = [];
  const delivery = createDelivery({
    inbox,
    core: h.core,
    conversations: { store: conversations, put: (k, c) => conversations.put(k, c) },
    apology: { text: "抱歉" },
    log: quiet,
  });
  const door: DoorHandler = {
    read: async (payload) => ({ message: payload as Message }),
    target: (payload) => (payload as Message).chatId,
    pack: (replies) => replies,
    send: async (_, body) => {
      sent.push((body as Reply).text);
    },
    dropsRepeats: false,
  };
  delivery.register("test", door);
  let n = 0;
  const take = (text: string) =>
    delivery.take({
      door: "test",
      key: `m${++n}-${text}`,
      chat: "c",
      payload: message(text, LIAISON),
    });
  return { h, delivery, sent, take, submissions, inbox };
}

describe("the delivery loop", () => {
  it("handles stored messages in order and records their replies", async () => {
    const db = memoryDatabase();
    const p = processOver(db);
    await p.h.bindLiaison();
    await p.take("上报 新建民宿 35户");
    await p.take("确认");
    await p.delivery.idle();
    expect(p.sent.join("\n")).toContain("回执号");
    expect(p.inbox.counts()).toEqual({ inbox: { done: 2 }, outbox: { sent: 2 } });
  });

  it("stores a confirmation once when the process dies before the message is marked done", async () => {
    const db = memoryDatabase();
    const real = sqlInbox(db);
    // The first process dies inside the finishing transaction of the 确认: the submission was
    // committed by the store, the draft's closing and the message's "done" were not.
    let dieOnConfirm = true;
    const dying: InboxStore = {
      ...real,
      finish(id, outgoing, effects, now) {
        const text = JSON.stringify(outgoing);
        if (dieOnConfirm && text.includes("回执号")) throw new Error("SIGKILL");
        return real.finish(id, outgoing, effects, now);
      },
    };
    const first = processOver(db, dying);
    await first.h.bindLiaison();
    await first.take("上报 新建民宿 35户");
    await first.take("确认");
    await first.delivery.idle();
    expect(first.sent.join("\n")).not.toContain("回执号");
    expect(first.submissions.history("2026-11", "下营镇", "new-homestays")).toHaveLength(1);

    // The restarted process handles the 确认 again: the same receipt, no second submission.
    dieOnConfirm = false;
    const second = processOver(db, dying);
    await second.h.bindLiaison();
    second.delivery.resume();
    await second.delivery.idle();
    expect(second.sent.join("\n")).toContain("回执号 R202611-0001");
    expect(second.submissions.history("2026-11", "下营镇", "new-homestays")).toHaveLength(1);
    expect(real.unfinished()).toEqual([]);
  });

  it("refuses a redelivered key and does not repeat a send a restart interrupted", async () => {
    const db = memoryDatabase();
    const p = processOver(db);
    const item = { door: "test", key: "k1", chat: "c", payload: message("你好", LIAISON) };
    expect(await p.delivery.take(item)).toBe(true);
    expect(await p.delivery.take(item)).toBe(false);
    await p.delivery.idle();
    // A send marked as begun, with no outcome, as a kill mid-send leaves it.
    const [row] = p.inbox.finish(
      p.inbox.take({ ...item, key: "k2" }, new Date())!,
      [{ door: "test", target: "c", body: { text: "半途" } }],
      () => undefined,
      new Date(),
    );
    p.inbox.sending(row!.id);
    const after = processOver(db);
    after.delivery.resume();
    await after.delivery.idle();
    expect(after.sent).toEqual([]);
    expect(after.inbox.counts().outbox).toMatchObject({ unsure: 1 });
  });

  it("takes a burst from the store a window at a time and handles all of it", async () => {
    const inbox = sqlInbox(memoryDatabase());
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let reading = 0;
    let mostReading = 0;
    const sent: string[] = [];
    const delivery = createDelivery({
      inbox,
      core: { handle: async (m) => [{ text: `答 ${m.text}` }] },
      apology: { text: "抱歉" },
      log: quiet,
      window: 3,
    });
    delivery.register("test", {
      async read(payload) {
        reading += 1;
        mostReading = Math.max(mostReading, reading);
        await gate;
        reading -= 1;
        return { message: payload as Message };
      },
      target: (payload) => (payload as Message).chatId,
      pack: (replies) => replies,
      send: async (_, body) => {
        sent.push((body as Reply).text);
      },
      dropsRepeats: false,
    });
    const texts = Array.from({ length: 10 }, (_, i) => `问题${i}`);
    await Promise.all(
      texts.map((text, i) =>
        delivery.take({
          door: "test",
          key: `k${i}`,
          chat: `c${i}`,
          payload: message(text, { ...LIAISON, userId: `u${i}` }),
        }),
      ),
    );
    // Four may be handled at once, but only three were taken into memory, and no more come in
    // while they wait.
    await vi.waitFor(() => expect(reading).toBe(3));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(mostReading).toBe(3);
    expect(inbox.counts().inbox).toEqual({ new: 10 });
    release();
    await delivery.idle();
    expect(sent.sort()).toEqual(texts.map((t) => `答 ${t}`).sort());
    expect(inbox.counts().inbox).toEqual({ done: 10 });
  });
});
