import { describe, expect, it } from "vitest";
import { controlWord, loadFormWords, strayWord } from "../../../src/core/forms/words.js";

const WORDS = loadFormWords();
const read = (text: string) => controlWord(text, WORDS);

describe("controlWord", () => {
  it("should read control words whatever the width, case, spaces and closing punctuation", () => {
    expect(read(" 跳过 ")).toEqual({ kind: "skip" });
    expect(read("上一步")).toEqual({ kind: "back" });
    expect(read("确认！")).toEqual({ kind: "confirm" });
    expect(read("Ｙ")).toEqual({ kind: "yes" });
    expect(read("不对")).toEqual({ kind: "no" });
    expect(read("放弃")).toEqual({ kind: "cancel" });
  });

  it("should read the item of 修改 N in its common spellings", () => {
    expect(read("修改 2")).toEqual({ kind: "modify", item: 2 });
    expect(read("改第3项")).toEqual({ kind: "modify", item: 3 });
    expect(read("修改２")).toEqual({ kind: "modify", item: 2 });
    expect(read("4")).toEqual({ kind: "number", item: 4 });
  });

  it("should leave figures and other text alone", () => {
    expect(read("35户")).toBeUndefined();
    expect(read("修改一下")).toBeUndefined();
    expect(read("是不是")).toBeUndefined();
  });
});

describe("strayWord", () => {
  const stray = (text: string) => strayWord(text, WORDS);

  it("should read 确认 and 修改 (N) as the form would, and nothing more", () => {
    expect(stray("确认")).toBe("confirm");
    expect(stray("提交。")).toBe("confirm");
    expect(stray("修改")).toBe("modify");
    expect(stray("修改 2")).toBe("modify");
    expect(stray("改第3项")).toBe("modify");
    expect(stray("好的")).toBeUndefined();
    expect(stray("是")).toBeUndefined();
    expect(stray("修改一下")).toBeUndefined();
    expect(stray("3")).toBeUndefined();
  });
});
