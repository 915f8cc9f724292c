// Conversation state in the store database: one row per (channel, chat, user), JSON checked with
// the core's schema on the way in and out. A row of another state version, or one that no longer
// parses, is read as an empty conversation (and replaced on the next write).
import { z } from "zod";
import {
  ConversationSchema,
  STATE_VERSION,
  isEmptyConversation,
  type Conversation,
  type ConversationStore,
} from "../../core/state.js";
import { memoryDatabase, openDatabase, type Database } from "./database.js";

const RowSchema = z.object({ version: z.number().int(), conversation: ConversationSchema });

/** A conversation store that can also write inside a caller's transaction. */
export interface SqlConversationStore extends ConversationStore {
  /** Writes (or deletes, when empty) one conversation now, synchronously. */
  put(key: string, conversation: Conversation, now?: Date): void;
  /**
   * Forgets conversations untouched since `before` that hold no draft and no /as: what is left
   * of them (the last question, offered choices) is long stale. Returns how many went.
   */
  prune(before: Date): number;
}

/** Conversations in a store database. */
export function sqlConversationStore(db: Database): SqlConversationStore {
  const { q } = db;
  // Read and written for every handled message: compiled and prepared once.
  const remove = db.prepare<{ key: string }>((p) =>
    q.deleteFrom("conversations").where("key", "=", p("key")),
  );
  const upsert = db.prepare<{ key: string; data: string; updated_at: string }>((p) =>
    q
      .insertInto("conversations")
      .values({ key: p("key"), data: p("data"), updated_at: p("updated_at") })
      .onConflict((c) =>
        c.column("key").doUpdateSet({ data: p("data"), updated_at: p("updated_at") }),
      ),
  );
  const read = db.prepare<{ key: string }, { data: string }>((p) =>
    q.selectFrom("conversations").select("data").where("key", "=", p("key")),
  );
  const put = (key: string, conversation: Conversation, now = new Date()) => {
    if (isEmptyConversation(conversation)) {
      remove.run({ key });
      return;
    }
    const data = JSON.stringify({
      version: STATE_VERSION,
      conversation: ConversationSchema.parse(conversation),
    });
    upsert.run({ key, data, updated_at: now.toISOString() });
  };
  return {
    get(key) {
      const row = read.first({ key });
      if (!row) return {};
      const parsed = RowSchema.safeParse(safeJson(row.data));
      if (!parsed.success || parsed.data.version !== STATE_VERSION) return {};
      return parsed.data.conversation;
    },
    set: async (key, conversation) => put(key, conversation),
    put,
    prune: (before) =>
      db.run(
        q
          .deleteFrom("conversations")
          .where("updated_at", "<", before.toISOString())
          .where("data", "not like", '%"flow":%')
          .where("data", "not like", '%"actingAs":%'),
      ),
    // Read by the minute's draft expiry: only rows whose JSON holds a flow are parsed (a burst
    // of questions leaves thousands of rows with a last question only).
    withFlows: () =>
      db
        .all(
          q
            .selectFrom("conversations")
            .select(["key", "data"])
            .where("data", "like", '%"flow":%')
            .orderBy("key"),
        )
        .filter((row) => {
          const parsed = RowSchema.safeParse(safeJson(row.data));
          return parsed.success && parsed.data.conversation.flow !== undefined;
        })
        .map((row) => row.key),
  };
}

/** The conversation store of a data folder's database. */
export function openConversationStore(dataDir: string): SqlConversationStore {
  return sqlConversationStore(openDatabase(dataDir));
}

/** In-memory conversation state for tests. */
export function memoryConversationStore(): SqlConversationStore {
  return sqlConversationStore(memoryDatabase());
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
