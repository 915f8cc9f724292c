import { describe, expect, it } from "vitest";
import { officeText, reminderLabel } from "../../src/reminders/texts.js";
import { FIELDS, TASK, at } from "./support.js";

describe("reminderLabel", () => {
  it("should name each default reminder the way the office says it", () => {
    expect(TASK.reminders.map(reminderLabel)).toEqual([
      "截止前3天",
      "截止前1天",
      "截止前2小时",
      "逾期提醒",
    ]);
  });
});

describe("officeText", () => {
  it("should say once that no missing township can be reached directly", () => {
    const ctx = { task: TASK, period: "2026-06", deadline: at("2026-06-25 17:00"), overdue: false };
    const text = officeText(
      { ...ctx, late: true, label: "截止前1天提醒" },
      [
        { township: "下营镇", missing: FIELDS },
        { township: "渔阳镇", missing: [] },
      ],
      ["下营镇"],
    );
    expect(text.split("\n")).toEqual([
      "（补发）【月度进度填报·2026年6月】截止前1天提醒",
      "截止时间：2026年6月25日（周四）17:00",
      "已报 1/2",
      "未报（1）：",
      "下营镇",
      "以上乡镇均未绑定联络员，无法私信提醒",
    ]);
  });
});
