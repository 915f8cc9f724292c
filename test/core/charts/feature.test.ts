import { existsSync, mkdtempSync, readdirSync, readFileSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { createChartFeature, type ChartFeature } from "../../../src/core/charts/index.js";
import { chartFiles, pruneCharts } from "../../../src/store/chart-files.js";
import type { Role } from "../../../src/core/access/roles.js";
import type { CommandContext } from "../../../src/core/engine.js";
import { loadCommandIntents } from "../../../src/core/intents.js";
import { shanghaiInstant } from "../../../src/core/period.js";
import type { Message, Reply } from "../../../src/core/types.js";
import { memorySubmissionStore, type SubmissionStore } from "../../../src/store/submissions.js";
import { loadTasks } from "../../../src/store/tasks.js";
import { fixtureRoster, fixtureStore } from "../../helpers/reports.js";
import { realCore } from "../../helpers/real-core.js";
import { pngSize } from "../../charts/pixels.js";

const TASK = loadTasks()[0]!;
const ROSTER = fixtureRoster();
const NOW = shanghaiInstant(2026, 11, 20, 10, 0);
const HOMESTAYS = TASK.fields.find((f) => f.key === "new-homestays")!;

let dir: string;
let submissions: SubmissionStore;
let feature: ChartFeature;
let report: ReturnType<typeof fixtureStore> | undefined;

beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), "charts-")), "charts");
  submissions = memorySubmissionStore({ tasks: [TASK], townships: ROSTER.map((t) => t.name) });
  report = fixtureStore();
  feature = createChartFeature({
    tasks: [TASK],
    roster: ROSTER,
    submissions,
    latestReport: () => report,
    output: chartFiles(dir),
  });
});

/** Township `index` of the roster reports `value` new homestays in `period`. */
async function submit(period: string, index: number, value: number): Promise<void> {
  await submissions.submit({
    taskId: TASK.id,
    period,
    township: ROSTER[index]!.name,
    entries: [{ field: HOMESTAYS.key, value, unit: HOMESTAYS.unit }],
    by: { identity: "console:local" },
    channel: "console",
    raw: `上报 新建民宿 ${value}户`,
    at: NOW,
    late: false,
  });
}

function message(text: string): Message {
  return { channel: "console", chatId: "local", userId: "local", chatType: "private", text };
}

async function chart(args: string, role: Role = "admin"): Promise<Reply[]> {
  const context: CommandContext = {
    message: message(`/chart ${args}`),
    identity: "console:local",
    access: { role },
    admin: role === "admin",
    args,
    conversation: {},
    now: NOW,
  };
  return feature.commands.chart.run(context);
}

describe("who may see which chart", () => {
  it("draws townships' figures for admins and viewers only, the report's rates for anyone", async () => {
    await submit("2026-11", 0, 12);
    for (const role of ["public", "liaison"] as const) {
      const [refused] = await chart("新建民宿", role);
      expect(refused?.image).toBeUndefined();
      expect(refused?.text).toContain("仅供区办公室和查看人员使用");
      expect((await chart("新建民宿 趋势", role))[0]?.image).toBeUndefined();
    }
    expect((await chart("新建民宿", "viewer"))[0]?.image).toBeDefined();
    expect((await chart("完成率", "public"))[0]?.image).toBeDefined();
  });
});

/** The one reply's picture, checked to be a PNG on disk of at least 600×300. */
function pictureOf(replies: Reply[]): { path: string; name: string } {
  expect(replies).toHaveLength(1);
  const image = replies[0]!.image;
  expect(image).toBeDefined();
  expect(existsSync(image!.path)).toBe(true);
  const size = pngSize(readFileSync(image!.path));
  expect(size.width).toBeGreaterThanOrEqual(600);
  expect(size.height).toBeGreaterThanOrEqual(300);
  return image!;
}

describe("/chart 新建民宿", () => {
  it("draws this month's figure per township with the total, the count and the deadline", async () => {
    await submit("2026-11", 0, 30);
    await submit("2026-11", 1, 12);
    const replies = await chart("新建民宿");
    const image = pictureOf(replies);
    expect(image.path.startsWith(dir)).toBe(true);
    expect(image.name).toBe("2026年11月各乡镇新建民宿.png");
    expect(replies[0]!.text).toBe(
      "2026年11月各乡镇新建民宿：全区合计 42户，已报 2/27（截止 2026年11月25日（周三）17:00），未报 25 个（图中虚线空柱）。",
    );
  });

  it("draws a named month, and says so when no township has reported yet", async () => {
    await submit("2026-10", 3, 5);
    pictureOf(await chart("民宿新建 10月"));
    const none = await chart("新建民宿");
    expect(none).toEqual([
      {
        text: "2026年11月还没有乡镇上报新建民宿（截止 2026年11月25日（周三）17:00）。看上个月：/chart 新建民宿 2026年10月",
      },
    ]);
  });
});

describe("/chart 新建民宿 趋势", () => {
  it("draws the district total of every month with submissions", async () => {
    await submit("2026-09", 0, 10);
    await submit("2026-11", 0, 30);
    await submit("2026-11", 1, 12);
    const replies = await chart("新建民宿 趋势");
    expect(pictureOf(replies).name).toBe("新建民宿趋势.png");
    expect(replies[0]!.text).toBe(
      "新建民宿全区合计，2026年9月至2026年11月共 2 个月（各月为当月已报乡镇之和）。",
    );
  });

  it("says there is nothing to draw before anyone reports", async () => {
    expect(await chart("新建民宿 趋势")).toEqual([
      { text: "还没有乡镇上报过新建民宿，没有可画的趋势。" },
    ]);
  });
});

describe("/chart 完成率", () => {
  it("draws the completion rates of the latest report", async () => {
    const replies = await chart("完成率");
    expect(pictureOf(replies).name).toBe("完成率.png");
    const { title, period } = fixtureStore().source;
    expect(replies[0]!.text).toMatch(new RegExp(`^《${title}》（${period}）中的 \\d+ 项完成率`));
  });

  it("says so when no report is imported", async () => {
    report = undefined;
    expect(await chart("完成率")).toEqual([{ text: "还没有导入任何报告，画不了完成率。" }]);
  });
});

describe("a bad or unknown field", () => {
  it("gets a usage line listing the fields", async () => {
    const [reply] = await chart("粮食产量");
    expect(reply?.image).toBeUndefined();
    expect(reply?.text).toMatch(/^没有“粮食产量”这一填报项。用法：\/chart/);
    for (const field of TASK.fields) expect(reply?.text).toContain(field.label);
    expect((await chart(""))[0]?.text).toMatch(/^用法：/);
  });
});

describe("through the engine", () => {
  const intents = loadCommandIntents();
  const core = () =>
    realCore({
      intents: { ...intents, commands: { ...intents.commands, chart: ["/chart", "图表"] } },
      commands: feature.commands,
      answerHooks: feature.answerHooks,
      now: () => NOW,
    });

  it("answers /chart and 图表 with a picture, in a group too", async () => {
    await submit("2026-11", 0, 30);
    pictureOf(await core().handle(message("图表 新建民宿")));
    const group = { ...message("/chart 新建民宿 趋势"), chatId: "g1", chatType: "group" as const };
    pictureOf(await core().handle(group));
  });

  it("answers 各乡镇新建民宿 图 without the command and leaves questions to the report", async () => {
    await submit("2026-11", 0, 30);
    pictureOf(await core().handle(message("各乡镇新建民宿 图")));
    const [answer] = await core().handle(message("生猪出栏完成率多少"));
    expect(answer?.image).toBeUndefined();
    expect(answer?.text).toContain("53%");
  });
});

describe("pruneCharts", () => {
  it("removes chart files older than a day and keeps newer ones", async () => {
    await submit("2026-11", 0, 30);
    const old = pictureOf(await chart("新建民宿")).path;
    const day = 24 * 60 * 60;
    utimesSync(old, NOW.getTime() / 1000 - day - 60, NOW.getTime() / 1000 - day - 60);
    const fresh = pictureOf(await chart("新建民宿")).path;
    await pruneCharts(dir, NOW);
    expect(readdirSync(dir)).toEqual([fresh.slice(dir.length + 1)]);
  });
});
