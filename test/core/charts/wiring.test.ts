// The chart feature wired as src/app.ts is to wire it: over the data folder's stores and the
// report answerer, beside the submission feature, with /chart among the command words.
import { fileExporter } from "../../../src/store/export.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chartFiles } from "../../../src/store/chart-files.js";
import { createChartFeature } from "../../../src/core/charts/index.js";
import { createCore } from "../../../src/core/engine.js";
import { loadCommandIntents } from "../../../src/core/intents.js";
import { shanghaiInstant } from "../../../src/core/period.js";
import { memoryConversationStore } from "../../../src/store/db/conversations.js";
import { createSubmissionFeature } from "../../../src/core/submissions/index.js";
import { loadDistrict } from "../../../src/store/district.js";
import { openDataStores } from "../../../src/wiring.js";
import { FIXTURE_DISTRICT, fixtureAnswerer } from "../../helpers/reports.js";

const NOW = shanghaiInstant(2026, 11, 20, 10, 0);

function bot() {
  const dataDir = mkdtempSync(join(tmpdir(), "chart-wiring-"));
  const district = loadDistrict(FIXTURE_DISTRICT);
  const stores = openDataStores(dataDir, district);
  const answerer = fixtureAnswerer();
  const conversations = memoryConversationStore();
  const submissions = createSubmissionFeature({
    ...stores,
    answerer,
    area: district.area,
    districtNames: district.aliases,
    conversations,
    exporter: fileExporter(dataDir),
  });
  const charts = createChartFeature({
    ...stores,
    latestReport: () => answerer.reports().at(-1)?.store,
    output: chartFiles(join(dataDir, "charts")),
    area: district.area,
  });
  const intents = loadCommandIntents();
  const core = createCore({
    answerer,
    conversations,
    intents: { ...intents, commands: { ...intents.commands, chart: ["/chart", "图表"] } },
    commands: { ...submissions.commands, ...charts.commands },
    flows: submissions.flows,
    answerHooks: [...charts.answerHooks, ...submissions.answerHooks],
    now: () => NOW,
  });
  const say = (text: string) =>
    core.handle({
      channel: "console",
      chatId: "local",
      userId: "local",
      chatType: "private",
      text,
    });
  return { stores, say, dataDir };
}

describe("the chart feature in the bot", () => {
  it("draws what the office submitted, and leaves figure questions to the submissions", async () => {
    const { say, dataDir, stores } = bot();
    const task = stores.tasks[0]!;
    await stores.submissions.submit({
      taskId: task.id,
      period: "2026-11",
      township: stores.roster[5]!.name,
      entries: [{ field: "new-homestays", value: 35, unit: "户" }],
      by: { identity: "console:local" },
      channel: "console",
      raw: "上报 新建民宿 35户",
      at: NOW,
      late: false,
    });
    const [drawn] = await say("/chart 新建民宿");
    expect(drawn?.text).toContain("全区合计 35户，已报 1/27");
    expect(drawn?.image?.path.startsWith(join(dataDir, "charts"))).toBe(true);
    const [asked] = await say("各乡镇新建民宿 图");
    expect(asked?.image).toBeDefined();
    const [answer] = await say("新建民宿多少");
    expect(answer?.image).toBeUndefined();
    expect(answer?.text).toContain("各乡镇本月已报合计 35 户");
    const [rates] = await say("图表 完成率");
    expect(rates?.image?.name).toBe("完成率.png");
  });
});
