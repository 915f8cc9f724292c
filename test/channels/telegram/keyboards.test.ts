// Inline keyboards expire: a press removes its buttons and acts once; a press on an older
// keyboard, or a second press, gets a short notice and does nothing.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTelegramChannel } from "../../../src/channels/telegram/index.js";
import { EXPIRED_CHOICE } from "../../../src/channels/telegram/updates.js";
import { startFakeBotApi, type FakeCall } from "../../helpers/telegram-emulator.js";
import { CHOICES, fakeCore, memoryLog } from "./fake-core.js";

const TOKEN = "123456:keyboard-test-token";
const USER = { id: 71, is_bot: false, first_name: "张" };

describe("Telegram keyboards", () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function rig() {
    let nextId = 500;
    const api = await startFakeBotApi((call: FakeCall) =>
      call.method === "sendMessage"
        ? {
            body: {
              ok: true,
              result: { message_id: nextId++, date: 0, chat: { id: 71, type: "private" } },
            },
          }
        : undefined,
    );
    const core = fakeCore();
    const channel = createTelegramChannel({
      token: TOKEN,
      apiRoot: api.apiRoot,
      core,
      log: memoryLog(),
    });
    cleanups.push(api.stop, channel.stop);
    let updateId = 9000;
    const press = (messageId: number, data: string) =>
      channel.handleUpdate({
        update_id: updateId++,
        callback_query: {
          id: `cb${updateId}`,
          from: USER,
          data,
          message: { message_id: messageId, date: 0, chat: { id: 71, type: "private" } },
        },
      });
    return { api, core, channel, press };
  }

  const calls = (api: { calls: FakeCall[] }, method: string) =>
    api.calls.filter((c) => c.method === method);

  it("takes a press on the newest keyboard once and removes its buttons", async () => {
    const { api, core, channel, press } = await rig();
    await channel.sendTo("71", { text: "请选择：", choices: CHOICES });
    await press(500, CHOICES[0]!.value);
    expect(core.received.map((m) => m.text)).toEqual([CHOICES[0]!.value]);
    expect(calls(api, "editMessageReplyMarkup")[0]?.body).toMatchObject({
      chat_id: "71",
      message_id: 500,
    });
    // The same keyboard pressed again: a notice, no action.
    await press(500, CHOICES[1]!.value);
    expect(core.received).toHaveLength(1);
    await vi.waitFor(() =>
      expect(calls(api, "answerCallbackQuery").at(-1)?.body).toMatchObject({
        text: EXPIRED_CHOICE,
      }),
    );
  });

  it("takes a press after a restart once, then refuses a second one", async () => {
    const { api, channel } = await rig();
    await channel.sendTo("71", { text: "请选择：", choices: CHOICES });
    await channel.stop();
    // A new process: it has not seen the keyboard, so the first press is taken.
    const core = fakeCore();
    const restarted = createTelegramChannel({
      token: TOKEN,
      apiRoot: api.apiRoot,
      core,
      log: memoryLog(),
      flood: { chatIntervalMs: 0 },
    });
    cleanups.push(restarted.stop);
    const press = (id: number, data: string) =>
      restarted.handleUpdate({
        update_id: id,
        callback_query: {
          id: `cb-r${id}`,
          from: USER,
          data,
          message: { message_id: 500, date: 0, chat: { id: 71, type: "private" } },
        },
      });
    await press(9901, CHOICES[0]!.value);
    await press(9902, CHOICES[1]!.value);
    expect(core.received.map((m) => m.text)).toEqual([CHOICES[0]!.value]);
    expect(calls(api, "editMessageReplyMarkup")).toHaveLength(1);
  });

  it("refuses a press on an older keyboard once a newer one was sent", async () => {
    const { api, core, channel, press } = await rig();
    await channel.sendTo("71", { text: "第一次：", choices: CHOICES });
    await channel.sendTo("71", { text: "第二次：", choices: CHOICES });
    await press(500, CHOICES[0]!.value);
    expect(core.received).toHaveLength(0);
    await vi.waitFor(() =>
      expect(calls(api, "answerCallbackQuery").at(-1)?.body).toMatchObject({
        text: EXPIRED_CHOICE,
      }),
    );
    await press(501, CHOICES[0]!.value);
    expect(core.received).toHaveLength(1);
  });
});
