// The delivery loop between the doors and the core. A door stores each inbound message with
// `take` (committed before the platform gets its ack), and the loop handles it from the store:
// the core's answer, the conversation state it leaves and the replies to send are recorded in one
// transaction that also marks the message done. Replies are sent from the outbox, each marked as
// being sent before the attempt, so a crash never repeats a send that may have arrived (unless
// the platform itself drops repeats, as WeCom's duplicate check does). After a restart, `resume`
// sends what was recorded and handles what was stored and not yet handled.
import type { Conversation, ConversationStore } from "../core/state.js";
import type { Core, Message, Reply } from "../core/types.js";
import { createKeyedQueue, createLimitedQueue } from "../infra/keyed-queue.js";
import { settleWithin } from "../infra/sleep.js";
import { plainTurns, type TurnGate } from "../channels/turns.js";
import type { InboundItem, InboxStore, StoredInbound, StoredOutgoing } from "./types.js";

/** How the loop speaks to one door. */
export interface DoorHandler {
  /**
   * What a stored payload asks of the core: a message, or replies the door gives itself (an
   * unsupported message type), or nothing to answer.
   */
  read(payload: unknown): Promise<{ message: Message } | { replies: Reply[] } | undefined>;
  /** Where the replies to this payload go. */
  target(payload: unknown): string;
  /** The sends that carry these replies (one per reply, or all of them in one). */
  pack(replies: Reply[]): unknown[];
  /** Makes one send; rejects when it failed. */
  send(target: string, body: unknown): Promise<void>;
  /** Whether the platform drops a repeated send, so one that may have arrived can be made again. */
  dropsRepeats: boolean;
  /** Whether an error means the send did not arrive (refused) rather than that nobody knows. */
  refused?(error: unknown): boolean;
}

/**
 * A conversation store for one handled message: reads see its own writes, and the writes wait
 * for the message's transaction.
 */
function collecting(base: ConversationStore): {
  store: ConversationStore;
  writes: Map<string, Conversation>;
} {
  const writes = new Map<string, Conversation>();
  return {
    writes,
    store: {
      get: (key) => structuredClone(writes.get(key) ?? base.get(key)),
      set: async (key, conversation) => {
        writes.set(key, structuredClone(conversation));
      },
      withFlows: () => base.withFlows(),
    },
  };
}

/** A minimal logger. */
export interface DeliveryLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Options of `createDelivery`. */
export interface DeliveryOptions {
  inbox: InboxStore;
  core: Core;
  /**
   * The core's conversation store, and how to write one conversation inside the finishing
   * transaction. Without them the core writes its state itself, outside the transaction (tests).
   */
  conversations?: {
    store: ConversationStore;
    put(key: string, conversation: Conversation): void;
  };
  /** Sent when handling a message threw. */
  apology: Reply;
  /** Messages handled at the same time, over all chats (default: 4). */
  concurrency?: number;
  /**
   * Stored messages taken into memory for handling at a time (default: 128); the rest wait in the
   * store until there is room.
   */
  window?: number;
  log?: DeliveryLogger;
  now?: () => Date;
  /**
   * When deferred work (committing a batch, handling a message) runs: a later turn of the event
   * loop, after the HTTP server has accepted a burst of connections (default: the next turn).
   */
  turns?: Pick<TurnGate, "next" | "accepting" | "quiet">;
}

/** The delivery loop. */
export interface Delivery {
  /** Registers how to read, address and send for a door. */
  register(door: string, handler: DoorHandler): void;
  /**
   * Stores an inbound message and queues its handling; resolves once it is committed. Messages
   * arriving together are committed in one transaction (one disk sync for a burst). False when
   * it was stored before (a redelivery: acknowledge it and do nothing). Rejects when it cannot be
   * stored; then do not acknowledge, so the platform delivers it again.
   */
  take(item: InboundItem): Promise<boolean>;
  /**
   * Call before a door's own work on a request (verifying, decrypting, parsing): undefined when it
   * may go ahead now, else a promise of a later turn, while a burst of connections is accepted.
   */
  ready(): Promise<void> | undefined;
  /** Sends what was recorded and not sent, and handles what was stored and not handled. */
  resume(): void;
  /** Resolves once nothing is being handled or sent. */
  idle(): Promise<void>;
  /** Stops taking new work; resolves when work in flight ends or after `graceMs`. */
  stop(graceMs: number): Promise<void>;
}

/** Creates the delivery loop. */
export function createDelivery(options: DeliveryOptions): Delivery {
  const { inbox, core, log = console } = options;
  const now = options.now ?? (() => new Date());
  const turns = options.turns ?? plainTurns;
  const doors = new Map<string, DoorHandler>();
  const chats = createKeyedQueue();
  // Chats keep their order in `chats`; this bounds how many are handled at once, so a burst of
  // thousands of chats never fills one turn of the event loop and acks keep flowing.
  const workers = createLimitedQueue(options.concurrency ?? 4);
  // Handling starts one message per turn of the event loop (sends of others go on meanwhile):
  // a turn that also answers a few hundred acks is not made longer by several answers at once.
  // While requests are in flight it waits for a turn without any (at most the gate's bound):
  // acks go first, since the platform redelivers what is not acknowledged within seconds.
  const nextHandling = paced(turns);
  // Stored messages come into memory a window at a time, oldest first. During a burst of
  // thousands, the rest wait in the store, not as queued tasks on the heap: every garbage
  // collection in the burst would copy those, and the acks wait for it.
  const window = options.window ?? 128;
  let cursor = 0; // the highest id taken into the window
  let inWindow = 0;
  let more = false; // messages above the cursor may be waiting in the store
  let stopping = false;
  let batch: { item: InboundItem; done: (stored: boolean) => void; fail: (e: unknown) => void }[] =
    [];

  const doorOf = (name: string) => {
    const door = doors.get(name);
    if (!door) throw new Error(`no door "${name}" is registered`);
    return door;
  };

  /** Handles one stored message and records its effects and replies in one transaction. */
  async function handle(item: StoredInbound): Promise<StoredOutgoing[]> {
    const door = doorOf(item.door);
    let replies: Reply[];
    let writes = new Map<string, Conversation>();
    try {
      const asked = await door.read(item.payload);
      if (!asked) replies = [];
      else if ("replies" in asked) replies = asked.replies;
      else {
        const state = options.conversations;
        if (state) {
          const scope = collecting(state.store);
          replies = await core.handle(asked.message, { conversations: scope.store });
          writes = scope.writes;
        } else {
          replies = await core.handle(asked.message);
        }
      }
    } catch (error) {
      log.error(`${item.door} message ${item.key}: handling failed: ${describe(error)}`);
      replies = [options.apology];
      writes = new Map();
    }
    const target = door.target(item.payload);
    const outgoing = door.pack(replies).map((body) => ({ door: item.door, target, body }));
    return inbox.finish(
      item.id,
      outgoing,
      () => {
        for (const [key, conversation] of writes) options.conversations?.put(key, conversation);
      },
      now(),
    );
  }

  /** Makes one recorded send, marking it before and after. */
  async function send(row: StoredOutgoing, label: string): Promise<void> {
    const door = doorOf(row.door);
    if (row.state === "sending" && !door.dropsRepeats) {
      // An attempt began before a restart: it may have arrived, and a repeat would show twice.
      log.warn(`${label}: a send interrupted by a restart is not repeated`);
      inbox.unsure(row.id, "interrupted by a restart");
      return;
    }
    inbox.sending(row.id);
    try {
      await door.send(row.target, row.body);
      inbox.sent(row.id, now());
    } catch (error) {
      const refused = door.refused?.(error) ?? false;
      log.error(`${label}: send failed: ${describe(error)}`);
      if (refused) inbox.failed(row.id, describe(error));
      else inbox.unsure(row.id, describe(error));
    }
  }

  async function process(item: StoredInbound): Promise<void> {
    // Let acks, new connections and other chats go first: handling never holds the event loop
    // for a whole burst.
    await nextHandling();
    let sends: StoredOutgoing[];
    try {
      sends = await handle(item);
    } catch (error) {
      // The transaction failed: the message stays "new" and is handled after a restart.
      log.error(`${item.door} message ${item.key}: not recorded: ${describe(error)}`);
      return;
    }
    for (const row of sends) await send(row, `${item.door} message ${item.key}`);
  }

  /** Takes stored messages into the window while there is room, and queues them by chat. */
  function pull(): void {
    while (more && !stopping && inWindow < window) {
      const room = window - inWindow;
      const items = inbox.unfinished(cursor, room);
      if (items.length < room) more = false;
      for (const item of items) {
        cursor = item.id;
        if (!doors.has(item.door)) {
          log.warn(`${item.door} message ${item.key}: no such door configured; left stored`);
          continue;
        }
        inWindow += 1;
        void chats
          .run(`${item.door}\u0000${item.chat}`, () => workers(() => process(item)))
          .finally(() => {
            inWindow -= 1;
            pull();
          });
      }
    }
  }

  /** Commits the messages taken in this turn of the event loop, then answers their doors. */
  function flush(): void {
    const taken = batch;
    batch = [];
    let ids: (number | undefined)[];
    try {
      ids = inbox.takeAll(
        taken.map((t) => t.item),
        now(),
      );
    } catch (error) {
      for (const t of taken) t.fail(error);
      return;
    }
    taken.forEach((t, i) => {
      if (ids[i] !== undefined) more = true;
      t.done(ids[i] !== undefined);
    });
    pull();
  }

  return {
    register(door, handler) {
      doors.set(door, handler);
    },
    ready: () => (turns.accepting() ? turns.next() : undefined),
    take(item) {
      if (stopping) return Promise.reject(new Error("delivery is stopping"));
      doorOf(item.door);
      return new Promise<boolean>((done, fail) => {
        if (batch.length === 0) void turns.next().then(flush);
        batch.push({ item, done, fail });
      });
    },
    resume() {
      for (const row of inbox.unsent()) {
        const label = `${row.door} outbox ${row.id}`;
        void chats.run(`${row.door}\u0000${row.target}\u0000out`, () => send(row, label));
      }
      cursor = 0;
      more = true;
      pull();
    },
    async idle() {
      // A message ending lets the next one into the window in its own turn: wait for those too.
      await chats.idle();
      while (inWindow > 0 || (more && !stopping)) {
        await new Promise((resolve) => setImmediate(resolve));
        await chats.idle();
      }
    },
    async stop(graceMs) {
      stopping = true;
      await settleWithin(graceMs, chats.idle());
    },
  };
}

/** Lets one waiter go per quiet turn of `turns`, in call order. */
function paced(turns: Pick<TurnGate, "quiet">): () => Promise<void> {
  const waiting: (() => void)[] = [];
  let pumping = false;
  async function pump(): Promise<void> {
    pumping = true;
    while (waiting.length > 0) {
      await turns.quiet();
      waiting.shift()?.();
    }
    pumping = false;
  }
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      if (!pumping) void pump();
    });
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
