// Issue 13's rules through the real doors: WeCom's app (private) and smart robot (groups) with
// signed callbacks against the local fake API, Telegram updates against the emulator; behind
// them the core wired with roles, the audit log and the bind guard.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createHttpServer } from "../../src/channels/http-server.js";
import { createTelegramChannel } from "../../src/channels/telegram/index.js";
import { createWecomChannel } from "../../src/channels/wecom/index.js";
import { closeAllDatabases } from "../../src/store/db/database.js";
import type { Core } from "../../src/core/types.js";
import { startFakeWecom, type FakeWecom } from "../helpers/fake-wecom.js";
import { startEmulator, type Emulator } from "../helpers/telegram-emulator.js";
import {
  APP_AES_KEY,
  APP_TOKEN,
  appEnvelope,
  appTextXml,
  CORP_ID,
  eventually,
  ROBOT_AES_KEY,
  ROBOT_TOKEN,
  SECRET,
  signed,
  wecomConfig,
} from "../channels/wecom/support.js";
import { wiredCore } from "./wired.js";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  closeAllDatabases();
});

async function wecomRig(core: Core) {
  const fake: FakeWecom = await startFakeWecom({ corpId: CORP_ID, secret: SECRET });
  cleanups.push(() => fake.close());
  const log = { error: () => undefined, warn: () => undefined };
  const channel = createWecomChannel({ config: wecomConfig(fake.url), core, log });
  const server = createHttpServer({ port: 0, host: "127.0.0.1", routes: channel.routes });
  const { port } = await server.listen();
  cleanups.push(() => server.close());
  const base = `http://127.0.0.1:${port}`;
  let msgId = 5000;
  const timestamp = () => Math.floor(Date.now() / 1000);

  /** Everything the app sent `user` after they said `text` (until a short quiet). */
  async function say(user: string, text: string): Promise<string> {
    const to = () => fake.messages.filter((m) => m.body.touser === user);
    const before = to().length;
    const s = signed(appTextXml(user, text, String(msgId++)), {
      token: APP_TOKEN,
      aesKey: APP_AES_KEY,
      receiveId: CORP_ID,
      timestamp: timestamp(),
    });
    const res = await fetch(`${base}/wecom/app?${s.query}`, {
      method: "POST",
      body: appEnvelope(s.cipher),
    });
    expect(res.status).toBe(200);
    await eventually(() => to().length > before, 5000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    return to()
      .slice(before)
      .map((m) => JSON.stringify(m.body))
      .join("\n");
  }

  /** What the smart robot answered `user` in a group chat (its response_url post). */
  async function inGroup(user: string, text: string): Promise<string> {
    const code = `c${msgId++}`;
    const plain = JSON.stringify({
      msgid: `m${msgId}`,
      aibotid: "bot-1",
      chatid: "wrkGroup01",
      chattype: "group",
      from: { userid: user },
      response_url: fake.responseUrl(code),
      msgtype: "text",
      text: { content: `@进度机器人 ${text}` },
    });
    const s = signed(plain, {
      token: ROBOT_TOKEN,
      aesKey: ROBOT_AES_KEY,
      receiveId: "",
      timestamp: timestamp(),
    });
    const res = await fetch(`${base}/wecom/robot?${s.query}`, {
      method: "POST",
      body: JSON.stringify({ encrypt: s.cipher }),
    });
    expect(res.status).toBe(200);
    await eventually(() => fake.robotResponses.some((r) => r.code === code), 5000);
    return JSON.stringify(fake.robotResponses.filter((r) => r.code === code).map((r) => r.body));
  }
  return { fake, say, inGroup };
}

const codeIn = (text: string) => /\/bind ([A-Z0-9]{8})/.exec(text)?.[1] ?? "";

describe("through WeCom", () => {
  it("shows 官庄镇's figure to its liaison, a viewer and an admin only, by the office's name", async () => {
    const { core } = wiredCore();
    const { say } = await wecomRig(core);
    const carol = codeIn(await say("alice", "/invite 官庄镇 王五"));
    expect(await say("carol", `/bind ${carol}`)).toContain("绑定成功");
    const dave = codeIn(await say("alice", "/invite 下营镇"));
    expect(await say("dave", `/bind ${dave}`)).toContain("绑定成功");
    await say("carol", "上报 新建民宿 12户");
    const receipt = /R\d{6}-\d{4}/.exec(await say("carol", "确认"))?.[0] ?? "none";

    for (const who of ["carol", "leader", "alice"]) {
      const text = await say(who, "官庄镇新建民宿多少");
      expect(text, who).toContain("12户");
      expect(text, who).toContain("由 王五 于");
      expect(text, who).toContain(receipt);
      expect(text, who).not.toContain("wecom:carol");
    }
    for (const who of ["bob", "dave"]) {
      const text = await say(who, "官庄镇新建民宿多少");
      for (const secret of ["12户", "王五", "carol", receipt])
        expect(text, who).not.toContain(secret);
    }
    expect(await say("dave", "官庄镇新建民宿多少")).toContain("您可以查看下营镇上报的数字");
    expect(await say("leader", "/whoami")).toContain("查看人（区领导）");
    expect(await say("dave", "/whoami")).toContain("联络员（下营镇）");
  });

  it("answers each admin command in a group with a pointer, and sends no file", async () => {
    const { core } = wiredCore();
    const { inGroup, fake } = await wecomRig(core);
    for (const command of ["/export", "/status", "/unbind 官庄镇", "/invite 官庄镇", "/audit"]) {
      const text = await inGroup("alice", command);
      expect(text, command).toContain("请私聊我使用");
      expect(text, command).not.toMatch(/邀请码：|\.xlsx|\/tmp|wired-/);
    }
    expect(fake.uploads).toEqual([]);
  });

  it("stops a guesser after 5 wrong codes and logs the attempts", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    cleanups.push(() => warn.mockRestore());
    const { core } = wiredCore();
    const { say } = await wecomRig(core);
    const code = codeIn(await say("alice", "/invite 官庄镇"));
    for (let i = 0; i < 5; i++)
      expect(await say("mallory", `/bind ABCDEFG${i + 2}`)).toContain("邀请码无效");
    const refused = await say("mallory", `/bind ${code}`);
    expect(refused).toContain("邀请码输错次数过多");
    expect(await say("mallory", "/whoami")).toContain("普通用户");
    expect(warn.mock.calls.some((c) => String(c[0]).includes("wecom:mallory"))).toBe(true);
    // The code still works for the person it was meant for.
    expect(await say("carol", `/bind ${code}`)).toContain("绑定成功");
  });
});

describe("through Telegram", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(async () => {
    await emulator?.stop();
  });

  let updateId = 7000;
  function update(chat: { id: number; type: string }, fromId: number, text: string) {
    const from = { id: fromId, is_bot: false, first_name: "某人" };
    return { update_id: updateId++, message: { message_id: updateId, date: 0, chat, from, text } };
  }

  function channel(core: Core) {
    const created = createTelegramChannel({
      token: `1${updateId}:doors`,
      apiRoot: emulator.apiRoot,
      core,
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
      flood: { chatIntervalMs: 0 },
    });
    cleanups.push(() => created.stop());
    return created;
  }

  it("refuses a forged private chat and anonymous admins, answers a viewer", async () => {
    const { core } = wiredCore();
    const telegram = channel(core);
    await telegram.start();
    await telegram.handleUpdate(update({ id: 666, type: "private" }, 12345, "/invite 官庄镇"));
    await telegram.handleUpdate(update({ id: 666, type: "private" }, 12345, "/whoami"));
    expect(emulator.sentTo(666)).toEqual([]);
    const group = { id: -100555, type: "supergroup" };
    const anon = {
      update_id: updateId++,
      message: {
        message_id: 1,
        date: 0,
        chat: group,
        from: { id: 1087968824, is_bot: true, first_name: "Group", username: "GroupAnonymousBot" },
        sender_chat: group,
        text: "/whoami",
      },
    };
    await telegram.handleUpdate(anon);
    const [said] = await emulator.waitForSent(-100555, 1);
    expect(said?.text).toContain("普通用户");
    await telegram.handleUpdate(update({ id: 777, type: "private" }, 777, "/whoami"));
    expect((await emulator.waitForSent(777, 1))[0]?.text).toContain("查看人（区领导）");
    await telegram.handleUpdate(update({ id: 2002, type: "private" }, 2002, "/status"));
    expect((await emulator.waitForSent(2002, 1))[0]?.text).toContain("只有办公室管理员和区领导");
  });

  it("answers the admin's data commands in a group with a pointer", async () => {
    const { core } = wiredCore();
    const telegram = channel(core);
    await telegram.start();
    const group = { id: -100556, type: "group" };
    const commands = ["/export", "/status", "/invite 官庄镇", "/audit", "/grant telegram:5"];
    for (const command of commands) {
      await telegram.handleUpdate(update(group, 12345, command));
    }
    const sent = await emulator.waitForSent(-100556, commands.length);
    for (const reply of sent) expect(reply.text).toBe("这个命令会显示内部数据，请私聊我使用。");
  });
});
