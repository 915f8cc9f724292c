import { describe, expect, it } from "vitest";
import { Recent } from "../../src/infra/recent.js";

describe("Recent", () => {
  it("makes a result once per key while it is remembered", () => {
    const recent = new Recent<string, number>(2);
    let made = 0;
    const make = () => ++made;
    expect(recent.get("a", make)).toBe(1);
    expect(recent.get("a", make)).toBe(1);
    expect(made).toBe(1);
  });

  it("forgets the oldest key past its size", () => {
    const recent = new Recent<string, string>(2);
    const seen: string[] = [];
    const make = (key: string) => () => (seen.push(key), key.toUpperCase());
    recent.get("a", make("a"));
    recent.get("b", make("b"));
    recent.get("c", make("c")); // "a" goes
    expect(recent.get("b", make("b"))).toBe("B");
    expect(recent.get("a", make("a"))).toBe("A");
    expect(seen).toEqual(["a", "b", "c", "a"]);
  });

  it("remembers an undefined result too", () => {
    const recent = new Recent<string, undefined>();
    let made = 0;
    recent.get("x", () => void made++);
    recent.get("x", () => void made++);
    expect(made).toBe(1);
  });
});
