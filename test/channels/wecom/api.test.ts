import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inspect } from "node:util";
import { AxiosError, AxiosHeaders, type AxiosResponse } from "axios";
import { afterEach, describe, expect, it } from "vitest";
import { createWecomApi, WecomApiError } from "../../../src/channels/wecom/index.js";
import {
  callWithBackoff,
  WecomDeliveryUnknownError,
} from "../../../src/channels/wecom/http-call.js";
import { startFakeWecom, type FakeWecom } from "../../helpers/fake-wecom.js";
import { CORP_ID, fakeClock, SECRET } from "./support.js";

let fake: FakeWecom | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(options: { tokenDelayMs?: number; secret?: string } = {}) {
  const clock = fakeClock();
  fake = await startFakeWecom({
    corpId: CORP_ID,
    secret: SECRET,
    now: clock.now,
    tokenDelayMs: options.tokenDelayMs,
  });
  const api = createWecomApi({
    apiBase: fake.url,
    corpId: CORP_ID,
    secret: options.secret ?? SECRET,
    now: clock.now,
    sleep: clock.sleep,
  });
  return { api, fake, clock };
}

const text = (touser: string, content = "hi") => ({
  touser,
  agentid: 1,
  msgtype: "text",
  text: { content },
});

async function failure(promise: Promise<unknown>): Promise<WecomApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WecomApiError) return error;
    throw error;
  }
  throw new Error("expected a WecomApiError");
}

describe("WeCom API client", () => {
  it("fetches one token for concurrent first calls and reuses it", async () => {
    const { api, fake } = await setup({ tokenDelayMs: 30 });
    await Promise.all(["a", "b", "c"].map((u) => api.sendMessage(text(u))));
    await api.sendMessage(text("d"));
    expect(fake.tokenRequests).toBe(1);
    expect(fake.messages).toHaveLength(4);
  });

  it("fetches a new token once the cached one nears its 7200 s expiry", async () => {
    const { api, fake, clock } = await setup();
    await api.sendMessage(text("a"));
    clock.t += 7200_000 - 299_000;
    await api.sendMessage(text("b"));
    expect(fake.tokenRequests).toBe(2);
  });

  it("refreshes an expired token once for concurrent senders (42001, single flight) and delivers all", async () => {
    const { api, fake } = await setup({ tokenDelayMs: 30 });
    await api.sendMessage(text("warmup"));
    fake.expireTokens();
    await Promise.all(["a", "b", "c", "d", "e"].map((u) => api.sendMessage(text(u))));
    expect(fake.tokenRequests).toBe(2);
    expect(fake.messages.map((m) => m.body.touser).sort()).toEqual([
      "a",
      "b",
      "c",
      "d",
      "e",
      "warmup",
    ]);
  });

  it("backs off and retries on 45009 (frequency limit), delivering once", async () => {
    const { api, fake, clock } = await setup();
    fake.failNext("/cgi-bin/message/send", { errcode: 45009 }, 2);
    await api.sendMessage(text("a"));
    expect(fake.messages).toHaveLength(1);
    expect(clock.sleeps).toEqual([1000, 2000]);
  });

  it("does not send message/send again after HTTP 5xx, since WeCom may have taken it", async () => {
    const { api, fake, clock } = await setup();
    fake.failNext("/cgi-bin/message/send", { status: 502 });
    const error = await failure(api.sendMessage(text("a")));
    expect(error).toBeInstanceOf(WecomDeliveryUnknownError);
    expect(error.status).toBe(502);
    expect(clock.sleeps).toEqual([]);
  });

  it("backs off and retries gettoken (a GET) on HTTP 5xx", async () => {
    const { api, fake, clock } = await setup();
    fake.failNext("/cgi-bin/gettoken", { status: 502 });
    await api.sendMessage(text("a"));
    expect(fake.messages).toHaveLength(1);
    expect(clock.sleeps).toEqual([1000]);
  });

  it("retries message/send answered HTTP 429, which proves WeCom did not take it", async () => {
    const { api, fake, clock } = await setup();
    fake.failNext("/cgi-bin/message/send", { status: 429 });
    await api.sendMessage(text("a"));
    expect(fake.messages).toHaveLength(1);
    expect(clock.sleeps).toEqual([1000]);
  });

  it("gives up after four attempts with a WecomApiError carrying the errcode", async () => {
    const { api, fake, clock } = await setup();
    fake.failNext("/cgi-bin/message/send", { errcode: 45033 }, 10);
    const error = await failure(api.sendMessage(text("a")));
    expect(error).toMatchObject({
      name: "WecomApiError",
      errcode: 45033,
      endpoint: "cgi-bin/message/send",
    });
    expect(clock.sleeps).toEqual([1000, 2000, 4000]);
    expect(fake.messages).toHaveLength(0);
  });

  it("does not retry an error a retry cannot cure", async () => {
    const { api, fake, clock } = await setup();
    fake.failNext("/cgi-bin/message/send", { errcode: 40003 });
    expect((await failure(api.sendMessage(text("nobody")))).errcode).toBe(40003);
    expect(clock.sleeps).toEqual([]);
  });

  it("keeps the secret and tokens out of errors, even when inspected deeply", async () => {
    const { api } = await setup({ secret: "wrong-secret-value" });
    const error = await failure(api.sendMessage(text("a")));
    expect(error.errcode).toBe(40001);
    expect(inspect(error, { depth: 10 })).not.toMatch(/wrong-secret-value|corpsecret|access_token/);
    await fake!.close();
    const unreachable = await failure(api.sendMessage(text("a")));
    expect(inspect(unreachable, { depth: 10 })).not.toMatch(
      /wrong-secret-value|corpsecret|access_token/,
    );
  });

  it("uploads a file as multipart and returns its media_id", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wecom-upload-"));
    try {
      const path = join(dir, "a.csv");
      writeFileSync(path, "a,b\n1,2\n");
      const { api, fake } = await setup();
      expect(await api.uploadFile({ path, name: "报表.csv" })).toBe("MEDIA-1");
      expect(fake.uploads[0]?.filename).toBe("报表.csv");
      expect(fake.requestLog.at(-1)).toMatch(/type=file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("callWithBackoff", () => {
  const timeout = (method: string) =>
    new AxiosError("timeout of 10000ms exceeded", "ECONNABORTED", {
      method,
      headers: new AxiosHeaders(),
    });
  const refused = () =>
    new AxiosError("connect ECONNREFUSED", "ECONNREFUSED", { headers: new AxiosHeaders() });
  const ok = { status: 200, data: { errcode: 0 }, config: { method: "post" } } as AxiosResponse;

  function sender(failures: unknown[]) {
    const calls = { count: 0 };
    const send = async () => {
      calls.count++;
      const failure = failures.shift();
      if (failure !== undefined) throw failure;
      return ok;
    };
    return { calls, send };
  }

  it("sends a POST that timed out once, logs it once and marks it as possibly delivered", async () => {
    const { calls, send } = sender([timeout("post"), timeout("post")]);
    const warnings: string[] = [];
    const clock = fakeClock();
    const call = callWithBackoff("cgi-bin/message/send", send, {
      sleep: clock.sleep,
      log: { warn: (m) => warnings.push(m) },
    });
    await expect(call).rejects.toBeInstanceOf(WecomDeliveryUnknownError);
    await expect(call).rejects.toMatchObject({ deliveryUnknown: true });
    expect(calls.count).toBe(1);
    expect(warnings).toEqual([
      "wecom: cgi-bin/message/send got no answer (ECONNABORTED). Not sent again: WeCom may have taken it.",
    ]);
  });

  it("repeats a GET that timed out, and a POST its caller marks safe to repeat", async () => {
    const clock = fakeClock();
    const get = sender([timeout("get")]);
    await callWithBackoff("cgi-bin/gettoken", get.send, { sleep: clock.sleep });
    expect(get.calls.count).toBe(2);
    const post = sender([timeout("post")]);
    await callWithBackoff("cgi-bin/media/upload", post.send, {
      sleep: clock.sleep,
      repeatAfterTimeout: true,
    });
    expect(post.calls.count).toBe(2);
  });

  it("retries a POST refused before it was taken: connection refused, errcode -1", async () => {
    const clock = fakeClock();
    const busy = { status: 200, data: { errcode: -1, errmsg: "system busy" } } as AxiosResponse;
    let calls = 0;
    const answers: (AxiosResponse | AxiosError)[] = [refused(), busy];
    await callWithBackoff(
      "cgi-bin/message/send",
      async () => {
        calls++;
        const next = answers.shift() ?? ok;
        if (next instanceof AxiosError) throw next;
        return next;
      },
      { sleep: clock.sleep },
    );
    expect(calls).toBe(3);
    expect(clock.sleeps).toEqual([1000, 2000]);
  });
});
