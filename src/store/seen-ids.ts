// Persisted set of handled platform ids (Telegram update_id, WeCom MsgId) so redeliveries are
// answered once. Bounded: only the most recent ids are kept.
import { z } from "zod";
import { memoryDoc, openJsonDoc, type JsonDoc } from "./json-doc.js";

const SeenSchema = z.object({ ids: z.array(z.string()) });
type Seen = z.infer<typeof SeenSchema>;

/** Remembers ids already handled. */
export interface SeenIds {
  has(id: string): boolean;
  /** Records an id; resolves once it is on disk. Returns false when it was already there. */
  add(id: string): Promise<boolean>;
}

/** Options of `createSeenIds`. */
export interface SeenIdsOptions {
  /** How many recent ids to keep (default: 5000). */
  capacity?: number;
}

function seenIdsOver(doc: JsonDoc<Seen>, options: SeenIdsOptions = {}): SeenIds {
  const capacity = options.capacity ?? 5000;
  const set = new Set(doc.data.ids);
  return {
    has: (id) => set.has(id),
    async add(id) {
      if (set.has(id)) return false;
      set.add(id);
      await doc.update((data) => {
        data.ids.push(id);
        if (data.ids.length > capacity) {
          for (const old of data.ids.splice(0, data.ids.length - capacity)) set.delete(old);
        }
      });
      return true;
    },
  };
}

/** A persisted id set in `file`. */
export function createSeenIds(file: string, options?: SeenIdsOptions): SeenIds {
  return seenIdsOver(
    openJsonDoc(file, SeenSchema, () => ({ ids: [] })),
    options,
  );
}

/** An in-memory id set for tests. */
export function memorySeenIds(options?: SeenIdsOptions): SeenIds {
  return seenIdsOver(memoryDoc<Seen>({ ids: [] }), options);
}
