import { afterEach, describe, expect, it } from "vitest";
import { createGroupWebhook, WecomApiError } from "../../../src/channels/wecom/index.js";
import { startFakeWecom, type FakeWecom } from "../../helpers/fake-wecom.js";
import {
  CORP_ID,
  eventually,
  fakeClock,
  manualClock,
  SECRET,
  START,
  WEBHOOK_KEY,
} from "./support.js";

let fake: FakeWecom | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe("group-robot webhook sender", () => {
  it("posts markdown to webhook/send with the key", async () => {
    fake = await startFakeWecom({ corpId: CORP_ID, secret: SECRET });
    const webhook = createGroupWebhook({ apiBase: fake.url, key: WEBHOOK_KEY });
    await webhook.send("**提醒**：<@lisi> 请于今天填报");
    expect(fake.webhookMessages[0]?.body).toEqual({
      msgtype: "markdown",
      markdown: { content: "**提醒**：<@lisi> 请于今天填报" },
    });
    expect(fake.webhookMessages[0]?.query.get("key")).toBe(WEBHOOK_KEY);
  });

  it("sends 20 of 21 messages now and queues the 21st until the minute has passed", async () => {
    const clock = manualClock();
    fake = await startFakeWecom({ corpId: CORP_ID, secret: SECRET, now: clock.now });
    const webhook = createGroupWebhook({
      apiBase: fake.url,
      key: WEBHOOK_KEY,
      now: clock.now,
      sleep: clock.sleep,
    });
    const all = Promise.all(Array.from({ length: 21 }, (_, i) => webhook.send(`消息${i + 1}`)));
    await eventually(() => fake!.webhookMessages.length === 20 && clock.waiting.length === 1);
    expect(clock.waiting[0]?.ms).toBe(60_000);
    expect(fake.webhookMessages).toHaveLength(20);
    clock.releaseAll();
    await all;
    expect(fake.webhookMessages).toHaveLength(21);
    expect(fake.webhookMessages[20]).toMatchObject({
      at: START + 60_000,
      body: { markdown: { content: "消息21" } },
    });
  });

  it("rejects with a named WecomApiError when WeCom answers errcode ≠ 0", async () => {
    const clock = fakeClock();
    fake = await startFakeWecom({ corpId: CORP_ID, secret: SECRET });
    fake.failNext("/cgi-bin/webhook/send", { errcode: 93000 });
    const webhook = createGroupWebhook({ apiBase: fake.url, key: WEBHOOK_KEY, sleep: clock.sleep });
    const error = await webhook.send("x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WecomApiError);
    expect(error).toMatchObject({ name: "WecomApiError", errcode: 93000 });
    expect(String((error as Error).message)).not.toContain(WEBHOOK_KEY);
  });

  it("splits markdown longer than 4096 bytes into several messages", async () => {
    fake = await startFakeWecom({ corpId: CORP_ID, secret: SECRET });
    const webhook = createGroupWebhook({ apiBase: fake.url, key: WEBHOOK_KEY });
    const lines = Array.from({ length: 200 }, (_, i) => `${i + 1}. 某某镇 尚未填报`).join("\n");
    await webhook.send(lines);
    expect(fake.webhookMessages.length).toBeGreaterThan(1);
    const contents = fake.webhookMessages.map(
      (m) => (m.body.markdown as { content: string }).content,
    );
    expect(contents.every((c) => Buffer.byteLength(c) <= 4096)).toBe(true);
    expect(contents.join("\n")).toBe(lines);
  });
});
