import { describe, expect, it } from "vitest";
import { readChartArgs, readChartQuestion } from "../../../src/core/charts/request.js";
import { shanghaiInstant } from "../../../src/core/period.js";
import { loadTasks } from "../../../src/store/tasks.js";

const FIELDS = loadTasks()[0]!.fields;
const NOW = shanghaiInstant(2026, 11, 20, 10, 0);
const read = (args: string) => readChartArgs(args, FIELDS, NOW);
const ask = (text: string) => readChartQuestion(text, FIELDS, NOW);
const key = (request: ReturnType<typeof read> | undefined) =>
  request && "field" in request ? `${request.kind}:${request.field.key}` : request?.kind;

describe("readChartArgs", () => {
  it("reads a field by its label or an alias, as this month's township chart", () => {
    expect(read("新建民宿")).toMatchObject({ kind: "township", period: undefined });
    expect(key(read("新建民宿"))).toBe("township:new-homestays");
    expect(key(read("民宿新建"))).toBe("township:new-homestays");
    expect(key(read("大棚"))).toBe("township:facility-farming");
    expect(key(read("各乡镇新建民宿"))).toBe("township:new-homestays");
  });

  it("reads a month after the field", () => {
    expect(read("新建民宿 10月")).toMatchObject({ kind: "township", period: "2026-10" });
    expect(read("新建民宿 上个月")).toMatchObject({ kind: "township", period: "2026-10" });
    expect(read("新建民宿 2026年9月")).toMatchObject({ kind: "township", period: "2026-09" });
    expect(read("新建民宿 13月")).toMatchObject({ kind: "badPeriod" });
  });

  it("reads a trend with or without a space", () => {
    expect(key(read("新建民宿 趋势"))).toBe("trend:new-homestays");
    expect(key(read("新建民宿趋势"))).toBe("trend:new-homestays");
    expect(key(read("生猪出栏 走势"))).toBe("trend:hogs-sold");
  });

  it("reads completion rates", () => {
    expect(read("完成率")).toEqual({ kind: "rates" });
    expect(read("年度任务完成率")).toEqual({ kind: "rates" });
  });

  it("asks for usage when nothing is named and names what it does not know", () => {
    expect(read("")).toEqual({ kind: "usage" });
    expect(read("趋势")).toEqual({ kind: "usage" });
    expect(read("粮食产量")).toEqual({ kind: "unknown", typed: "粮食产量" });
  });
});

describe("readChartQuestion", () => {
  it("takes a field or 完成率 ending in 图", () => {
    expect(key(ask("各乡镇新建民宿 图"))).toBe("township:new-homestays");
    expect(key(ask("新建民宿柱状图"))).toBe("township:new-homestays");
    expect(key(ask("画一张生猪出栏图"))).toBe("township:hogs-sold");
    expect(key(ask("新建民宿趋势图"))).toBe("trend:new-homestays");
    expect(key(ask("新建民宿 趋势 图"))).toBe("trend:new-homestays");
    expect(ask("完成率图表")).toEqual({ kind: "rates" });
  });

  it("leaves questions and unknown subjects to the other answerers", () => {
    expect(ask("新建民宿多少")).toBeUndefined();
    expect(ask("新建民宿")).toBeUndefined();
    expect(ask("粮食产量图")).toBeUndefined();
    expect(ask("规划图")).toBeUndefined();
  });
});
