// A small memo of the last results of a pure function: a question is read once per report, and
// the steps that do not depend on the report give the same result each time.

/** Remembers the last `size` results by key; the oldest goes first. Never grows past `size`. */
export class Recent<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly size = 256) {}

  /** The remembered result for `key`, else `make()`'s, remembered. */
  get(key: K, make: () => V): V {
    let found = this.entries.get(key);
    if (found === undefined && !this.entries.has(key)) {
      found = make();
      if (this.entries.size >= this.size) this.entries.delete(this.entries.keys().next().value!);
      this.entries.set(key, found);
    }
    return found as V;
  }
}
