// What the durable inbox and outbox keep, as the delivery loop sees them. The store behind these
// interfaces (SQLite) comes in from outside.

/** An inbound platform message as a door hands it over. */
export interface InboundItem {
  /** "wecom-app", "wecom-robot", "telegram". */
  door: string;
  /** The platform's id of the message, unique per door (MsgId, msgid, update_id). */
  key: string;
  /** Messages with the same `chat` are handled one at a time, in arrival order. */
  chat: string;
  /** The door's own JSON of the message. */
  payload: unknown;
}

/** An inbound message as stored. */
export interface StoredInbound extends InboundItem {
  id: number;
  attempts: number;
}

/** One send a door will make. */
export interface Outgoing {
  door: string;
  /** The door's address (chat id, user id, response_url). */
  target: string;
  body: unknown;
}

/** A send as recorded. "sending" means an attempt began and its outcome is unknown. */
export interface StoredOutgoing extends Outgoing {
  id: number;
  state: "pending" | "sending";
  attempts: number;
}

/** The inbox and the outbox, in one transactional store. */
export interface InboxStore {
  /**
   * Stores an inbound message, committed when this returns; undefined when the same (door, key)
   * was stored before (a redelivery). Throws when it cannot be stored.
   */
  take(item: InboundItem, now: Date): number | undefined;
  /** `take` for several messages in one transaction (one disk sync for a burst). */
  takeAll(items: InboundItem[], now: Date): (number | undefined)[];
  /**
   * Messages stored and not yet handled, oldest first: those with an id above `after` (default:
   * all), at most `limit` of them (default: no limit).
   */
  unfinished(after?: number, limit?: number): StoredInbound[];
  /**
   * In one transaction: `effects` (the handling's own writes), the sends recorded, the message
   * marked done. Returns the recorded sends in order.
   */
  finish(id: number, outgoing: Outgoing[], effects: () => void, now: Date): StoredOutgoing[];
  /** Sends recorded and not known to be made, oldest first. */
  unsent(): StoredOutgoing[];
  /** Records that an attempt begins (committed before the send). */
  sending(id: number): void;
  sent(id: number, now: Date): void;
  /** The send may or may not have arrived; it is not made again. */
  unsure(id: number, error: string): void;
  /** The platform refused the send; it is not made again. */
  failed(id: number, error: string): void;
  /** Forgets handled messages and made sends older than `before` (keeps the dedupe window). */
  prune(before: Date): number;
  /** Counts by state, for logs and benchmarks. */
  counts(): { inbox: Record<string, number>; outbox: Record<string, number> };
}
