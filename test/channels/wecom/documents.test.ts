// Files sent to the self-built app: the signed callback reaches the core as a Message with a
// document, and `documents` downloads it from the fake's media/get within the size rules.
import { afterEach, describe, expect, it } from "vitest";
import { createHttpServer } from "../../../src/channels/http-server.js";
import {
  createWecomChannel,
  DocumentFetchError,
  fileNameOf,
  type WecomChannel,
} from "../../../src/channels/wecom/index.js";
import { parseAppMessage } from "../../../src/channels/wecom/xml.js";
import type { Core, Message } from "../../../src/core/types.js";
import { startFakeWecom, type FakeWecom } from "../../helpers/fake-wecom.js";
import {
  APP_AES_KEY,
  APP_TOKEN,
  appEnvelope,
  appFileXml,
  CORP_ID,
  echoCore,
  fakeClock,
  SECRET,
  signed,
  START,
  wecomConfig,
} from "./support.js";

const KB = 1024;
const REPORT = Buffer.from("二〇二六年上半年乡村振兴工作报告\n粮食总产量 12.3 万吨\n");

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Rig {
  base: string;
  fake: FakeWecom;
  channel: WecomChannel;
  logs: string[];
}

async function rig(core: Core): Promise<Rig> {
  const clock = fakeClock();
  const fake = await startFakeWecom({ corpId: CORP_ID, secret: SECRET, now: clock.now });
  cleanups.push(() => fake.close());
  const logs: string[] = [];
  const log = {
    error: (...a: unknown[]) => logs.push(a.join(" ")),
    warn: (...a: unknown[]) => logs.push(a.join(" ")),
  };
  const channel = createWecomChannel({
    config: wecomConfig(fake.url),
    core,
    now: clock.now,
    sleep: clock.sleep,
    log,
  });
  const server = createHttpServer({ port: 0, host: "127.0.0.1", routes: channel.routes });
  const { port } = await server.listen();
  cleanups.push(() => server.close());
  return { base: `http://127.0.0.1:${port}`, fake, channel, logs };
}

/** POSTs `plain` to the app door, signed and encrypted with @wecom/crypto. */
async function post(base: string, plain: string): Promise<number> {
  const s = signed(plain, {
    token: APP_TOKEN,
    aesKey: APP_AES_KEY,
    receiveId: CORP_ID,
    timestamp: Math.floor(START / 1000),
  });
  const res = await fetch(`${base}/wecom/app?${s.query}`, {
    method: "POST",
    body: appEnvelope(s.cipher),
  });
  await res.text();
  return res.status;
}

/** A message as the app door builds it for a file. */
function fileMessage(mediaId: string, size?: number): Message {
  return {
    channel: "wecom",
    chatType: "private",
    chatId: "zhangsan",
    userId: "zhangsan",
    text: "",
    document: { name: "上半年报告.docx", size, ref: mediaId },
  };
}

/** The DocumentFetchError `promise` rejects with within 3 s (a fetch that hangs fails the test). */
async function rejection(promise: Promise<unknown>): Promise<DocumentFetchError> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise((resolve) => {
    timer = setTimeout(() => resolve(new Error("the fetch did not settle within 3 s")), 3000);
  });
  const settled = promise.then(
    () => new Error("expected a rejection"),
    (reason: unknown) => reason,
  );
  const error = await Promise.race([settled, deadline]).finally(() => clearTimeout(timer));
  if (error instanceof DocumentFetchError) return error;
  throw error;
}

describe("WeCom app: files", () => {
  it("passes a signed file callback to the core as a Message with a document", async () => {
    const core = echoCore(() => []);
    const { base, fake, channel } = await rig(core);
    const xml = appFileXml("zhangsan", "MEDIA-R1", "2001", { name: "上半年报告.docx", size: 4096 });
    expect(await post(base, xml)).toBe(200);
    await channel.idle();
    expect(core.calls).toEqual([
      {
        channel: "wecom",
        chatType: "private",
        chatId: "zhangsan",
        userId: "zhangsan",
        text: "",
        messageId: "2001",
        document: { name: "上半年报告.docx", size: 4096, ref: "MEDIA-R1" },
      },
    ]);
    // Name and size came with the callback: nothing was asked of media/get.
    expect(fake.requestLog.some((line) => line.includes("media/get"))).toBe(false);
  });

  it("takes the name and size from media/get's headers when the callback gives none", async () => {
    const core = echoCore(() => []);
    const { base, fake, channel } = await rig(core);
    fake.addMedia("MEDIA-R2", { bytes: REPORT, filename: "下营镇2026年上半年报告.docx" });
    await post(base, appFileXml("zhangsan", "MEDIA-R2", "2002"));
    await channel.idle();
    expect(core.calls[0]?.document).toEqual({
      name: "下营镇2026年上半年报告.docx",
      size: REPORT.length,
      ref: "MEDIA-R2",
    });
    // Only the first byte was asked for.
    expect(fake.mediaDownloads.map((d) => d.range)).toEqual(["bytes=0-0"]);
  });

  it("still passes a file whose name cannot be learned, under a stand-in name", async () => {
    const core = echoCore(() => []);
    const { base, channel, logs } = await rig(core);
    await post(base, appFileXml("zhangsan", "MEDIA-GONE", "2003"));
    await channel.idle();
    expect(core.calls[0]?.document).toEqual({ name: "document", ref: "MEDIA-GONE" });
    expect(logs.some((line) => line.includes("40007"))).toBe(true);
  });

  it("lets the core download the file it was handed, once per MsgId", async () => {
    // The core holds the channel's fetcher, as the app's wiring does.
    const wired: { channel?: WecomChannel } = {};
    const core = echoCore(async (message) => {
      const bytes = await wired.channel!.documents.fetch(message, 64 * KB);
      return [{ text: `收到 ${bytes.length} 字节：${Buffer.from(bytes).toString("utf8")}` }];
    });
    const { base, fake, channel } = await rig(core);
    wired.channel = channel;
    fake.addMedia("MEDIA-R3", { bytes: REPORT });
    const xml = appFileXml("zhangsan", "MEDIA-R3", "2004", { name: "报告.txt" });
    await post(base, xml);
    await post(base, xml); // WeCom's retry of the same callback
    await channel.idle();
    expect(core.calls).toHaveLength(1);
    expect(fake.messages.map((m) => m.body.text)).toEqual([
      { content: `收到 ${REPORT.length} 字节：${REPORT.toString("utf8")}` },
    ]);
  });

  it("downloads bytes with media/get, refreshing an expired token once", async () => {
    const { fake, channel } = await rig(echoCore());
    fake.addMedia("MEDIA-D1", { bytes: REPORT, chunked: true });
    const first = await channel.documents.fetch(fileMessage("MEDIA-D1"), 64 * KB);
    expect(Buffer.from(first).equals(REPORT)).toBe(true);
    fake.expireTokens();
    const second = await channel.documents.fetch(fileMessage("MEDIA-D1"), 64 * KB);
    expect(Buffer.from(second).equals(REPORT)).toBe(true);
    expect(fake.tokenRequests).toBe(2);
  });

  it("refuses a file the callback says is too big, before any request", async () => {
    const { fake, channel } = await rig(echoCore());
    const error = await rejection(
      channel.documents.fetch(fileMessage("MEDIA-X", 900 * KB), 500 * KB),
    );
    expect(error.reason).toBe("too-large");
    expect(error.message).toBe(
      "文件「上半年报告.docx」有 900 KB，超过 500 KB 的上限，请压缩或拆分后再发送。",
    );
    expect(fake.requestLog).toEqual([]);
  });

  it("refuses by Content-Length before reading the body", async () => {
    const { fake, channel } = await rig(echoCore());
    // "stall": the fake sends the headers, then nothing until the client hangs up.
    fake.addMedia("MEDIA-BIG", { bytes: Buffer.alloc(300 * KB, 1), mode: "stall" });
    const error = await rejection(channel.documents.fetch(fileMessage("MEDIA-BIG"), 100 * KB));
    expect(error.reason).toBe("too-large");
    expect(error.message).toContain("300 KB");
    const served = fake.mediaDownloads[0]!;
    await served.done;
    expect(served.sentBytes).toBe(0);
  });

  it("stops reading and rejects once the body passes the limit", async () => {
    const { fake, channel } = await rig(echoCore());
    fake.addMedia("MEDIA-ENDLESS", { bytes: Buffer.alloc(16 * KB, 1), mode: "endless" });
    const error = await rejection(channel.documents.fetch(fileMessage("MEDIA-ENDLESS"), 200 * KB));
    expect(error.reason).toBe("too-large");
    expect(error.message).toBe("文件「上半年报告.docx」超过 200 KB 的上限，请压缩或拆分后再发送。");
    const served = fake.mediaDownloads[0]!;
    await served.done;
    expect(served.completed).toBe(false);
  });

  it("turns a JSON errcode answer into a rejection instead of bytes", async () => {
    const { fake, channel, logs } = await rig(echoCore());
    const expired = await rejection(channel.documents.fetch(fileMessage("MEDIA-NONE"), 64 * KB));
    expect(expired.reason).toBe("expired");
    expect(expired.message).toBe(
      "文件「上半年报告.docx」已失效（企业微信只保留三天），请重新发送。",
    );

    fake.addMedia("MEDIA-D2", { bytes: REPORT });
    fake.failNext("/cgi-bin/media/get", { errcode: 60020 });
    const failed = await rejection(channel.documents.fetch(fileMessage("MEDIA-D2"), 64 * KB));
    expect(failed.reason).toBe("failed");
    expect(failed.message).toBe("文件「上半年报告.docx」下载失败，请稍后重新发送。");
    expect(logs.some((line) => line.includes("60020"))).toBe(true);
    expect(logs.join("\n")).not.toMatch(/app-secret|TOKEN-|access_token/);
  });

  it("refuses to fetch when the self-built app is not configured", async () => {
    const channel = createWecomChannel({
      config: { apiBase: "http://127.0.0.1:9", robot: { token: "t", aesKey: APP_AES_KEY } },
      core: echoCore(),
    });
    const error = await rejection(channel.documents.fetch(fileMessage("MEDIA-1"), KB));
    expect(error.message).toBe("企业微信自建应用未配置，无法下载文件。");
  });
});

describe("file callbacks and names", () => {
  it("parses a file message, with or without name, size and MsgId", () => {
    expect(
      parseAppMessage(appFileXml("lisi", "M1", "3001", { name: " a.pdf ", size: 12 })),
    ).toEqual({
      kind: "file",
      userId: "lisi",
      mediaId: "M1",
      fileName: "a.pdf",
      fileSize: 12,
      dedupeKey: "3001",
    });
    const bare =
      "<xml><ToUserName>c</ToUserName><FromUserName>lisi</FromUserName><CreateTime>1</CreateTime>" +
      "<MsgType>file</MsgType><MediaId>M2</MediaId><FileSize>big</FileSize></xml>";
    expect(parseAppMessage(bare)).toEqual({
      kind: "file",
      userId: "lisi",
      mediaId: "M2",
      fileName: undefined,
      fileSize: undefined,
      dedupeKey: "media:M2",
    });
  });

  it("reads file names from Content-Disposition in the forms servers send", () => {
    const raw = Buffer.from("报告.docx").toString("latin1");
    expect(fileNameOf(`attachment; filename="${raw}"`)).toBe("报告.docx");
    expect(fileNameOf(`attachment; filename="%E6%8A%A5%E5%91%8A.pdf"`)).toBe("报告.pdf");
    expect(
      fileNameOf(`attachment; filename="x.doc"; filename*=UTF-8''%E6%8A%A5%E5%91%8A.doc`),
    ).toBe("报告.doc");
    expect(fileNameOf("attachment; filename=MEDIA_ID.jpg")).toBe("MEDIA_ID.jpg");
    expect(fileNameOf(`attachment; filename="../../etc/passwd"`)).toBe("passwd");
    expect(fileNameOf("attachment")).toBeUndefined();
    expect(fileNameOf(undefined)).toBeUndefined();
  });
});
