import { describe, expect, it } from "vitest";
import {
  choiceData,
  choiceKeyboard,
  choiceText,
  renderReply,
  splitText,
} from "../../../src/channels/telegram/render.js";

describe("choiceData / choiceText", () => {
  it("should send a short value as it is", () => {
    expect(choiceData({ label: "是", value: "确认" }, 0)).toBe("确认");
    expect(choiceText("确认")).toBe("确认");
  });

  it("should number a value over 64 bytes and turn the number back into the typed text", () => {
    const value = "农".repeat(22); // 66 bytes in UTF-8
    expect(choiceData({ label: "x", value }, 2)).toBe("#3");
    expect(choiceText("#3")).toBe("3");
  });

  it("should number a value that starts with # so decoding stays unambiguous", () => {
    expect(choiceData({ label: "x", value: "#5" }, 0)).toBe("#1");
  });

  it("should keep a value of exactly 64 bytes", () => {
    const value = "a".repeat(64);
    expect(choiceData({ label: "x", value }, 0)).toBe(value);
  });
});

describe("choiceKeyboard", () => {
  it("should put short labels two to a row", () => {
    const keyboard = choiceKeyboard(["是", "否", "取消"].map((label) => ({ label, value: label })));
    expect(keyboard.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([
      ["是", "否"],
      ["取消"],
    ]);
  });

  it("should put long labels one to a row", () => {
    const labels = ["农村居民人均可支配收入", "是"];
    const keyboard = choiceKeyboard(labels.map((label) => ({ label, value: label })));
    expect(keyboard.inline_keyboard.map((row) => row.length)).toEqual([1, 1]);
  });
});

describe("renderReply", () => {
  it("should put the keyboard on the last message of a long text", () => {
    const text = `${"一".repeat(4000)}\n${"二".repeat(500)}`;
    const parts = renderReply({ text, choices: [{ label: "好", value: "好" }] });
    expect(parts.map((p) => p.kind === "text" && p.keyboard !== undefined)).toEqual([false, true]);
  });

  it("should prompt when a reply has choices but no text", () => {
    const [part] = renderReply({ text: "", choices: [{ label: "好", value: "好" }] });
    expect(part).toMatchObject({ kind: "text", text: "请选择：" });
  });

  it("should send nothing for an empty text and a file after the text", () => {
    expect(renderReply({ text: " " })).toEqual([]);
    const parts = renderReply({ text: "导出：", file: { path: "/tmp/a.xlsx", name: "a.xlsx" } });
    expect(parts.map((p) => p.kind)).toEqual(["text", "file"]);
  });

  const image = { path: "/tmp/chart.png", name: "chart.png" };

  it("should carry a short text as the photo's caption, the keyboard on the photo", () => {
    const choices = [{ label: "好", value: "好" }];
    const parts = renderReply({ text: "产量图：", choices, image });
    expect(parts).toEqual([
      { kind: "photo", image, caption: "产量图：", keyboard: choiceKeyboard(choices) },
    ]);
  });

  it("should send a photo alone, without caption, for an empty text", () => {
    expect(renderReply({ text: "", image })).toEqual([
      { kind: "photo", image, caption: undefined, keyboard: undefined },
    ]);
  });

  it("should send a text over 1024 characters first and the photo after it, then the file", () => {
    const file = { path: "/tmp/a.xlsx", name: "a.xlsx" };
    const parts = renderReply({ text: "x".repeat(1025), image, file });
    expect(parts.map((p) => p.kind)).toEqual(["text", "photo", "file"]);
    expect(parts[1]).toEqual({ kind: "photo", image });
  });
});

describe("splitText", () => {
  it("should split at a line break within the limit", () => {
    expect(splitText("aaaa\nbbbb\ncc", 10)).toEqual(["aaaa\nbbbb", "cc"]);
  });

  it("should cut a line without breaks at the limit but never inside a surrogate pair", () => {
    expect(splitText("abcdefghij", 4)).toEqual(["abcd", "efgh", "ij"]);
    expect(splitText("abc😀def", 4)).toEqual(["abc", "😀de", "f"]);
  });
});
