import { describe, expect, it } from "vitest";
import { renderReply, splitUtf8 } from "../../../src/channels/wecom/render.js";

describe("renderReply", () => {
  it("renders choices as numbered lines followed by the hint", () => {
    const text = renderReply({
      text: "请选择指标：",
      choices: [
        { label: "脱贫户数", value: "a" },
        { label: "夏粮单产", value: "b" },
      ],
    });
    expect(text).toBe("请选择指标：\n\n1. 脱贫户数\n2. 夏粮单产\n\n回复数字选择");
  });

  it("leaves a reply without choices untouched", () => {
    expect(renderReply({ text: "好的" })).toBe("好的");
  });
});

describe("splitUtf8", () => {
  it("keeps every part within the byte limit without breaking characters", () => {
    const text = "乡村振兴".repeat(300);
    const parts = splitUtf8(text, 2048);
    expect(parts.every((p) => Buffer.byteLength(p) <= 2048)).toBe(true);
    expect(parts.join("")).toBe(text);
  });

  it("prefers to cut at a line break", () => {
    expect(splitUtf8("aaaa\nbbbb", 6)).toEqual(["aaaa", "bbbb"]);
  });
});
