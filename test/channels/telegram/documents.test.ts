// The Telegram document fetcher against a local fake of getFile and the file download.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createTelegramChannel,
  DocumentFetchError,
  type TelegramChannel,
} from "../../../src/channels/telegram/index.js";
import type { Message } from "../../../src/core/types.js";
import {
  startFakeTelegramFiles,
  type FakeTelegramFiles,
} from "../../helpers/fake-telegram-files.js";
import { fakeCore, memoryLog } from "./fake-core.js";

const TOKEN = "123456:documents-test-token";
const KB = 1024;

/** A message as the translator builds it for a document sent privately. */
function documentMessage(ref: string, size?: number): Message {
  return {
    channel: "telegram",
    chatId: "7",
    userId: "7",
    chatType: "private",
    text: "",
    document: { name: "上半年报告.docx", size, ref },
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

describe("Telegram documents", () => {
  let fake: FakeTelegramFiles;
  let channel: TelegramChannel;
  const log = memoryLog();

  beforeAll(async () => {
    fake = await startFakeTelegramFiles(TOKEN);
    channel = createTelegramChannel({
      token: TOKEN,
      apiRoot: fake.apiRoot,
      core: fakeCore(),
      log,
    });
  });

  afterAll(async () => {
    await fake?.close();
  });

  it("should download a document with getFile and the file URL under the apiRoot", async () => {
    const bytes = Buffer.from("二〇二六年上半年乡村振兴工作报告\n粮食总产量 12.3 万吨\n");
    fake.addFile("file-ok", { bytes });
    const got = await channel.documents.fetch(documentMessage("file-ok", bytes.length), 64 * KB);
    expect(Buffer.from(got).equals(bytes)).toBe(true);
    expect(fake.getFileCalls).toContain("file-ok");
    const path = fake.downloads.at(-1)?.path;
    expect(fake.requestLog).toContain(`GET /file/bot${TOKEN}/${path}`);
  });

  it("should refuse a document the update says is too big, before any call", async () => {
    const calls = fake.requestLog.length;
    const error = await rejection(
      channel.documents.fetch(documentMessage("file-x", 900 * KB), 500 * KB),
    );
    expect(error.reason).toBe("too-large");
    expect(error.message).toBe(
      "文件「上半年报告.docx」有 900 KB，超过 500 KB 的上限，请压缩或拆分后再发送。",
    );
    expect(fake.requestLog.length).toBe(calls);
  });

  it("should refuse a document getFile says is too big, before downloading", async () => {
    fake.addFile("file-big", { bytes: Buffer.alloc(300 * KB, 7) });
    const downloads = fake.downloads.length;
    const error = await rejection(channel.documents.fetch(documentMessage("file-big"), 100 * KB));
    expect(error.reason).toBe("too-large");
    expect(fake.getFileCalls).toContain("file-big");
    expect(fake.downloads.length).toBe(downloads);
  });

  it("should explain the Bot API's own 20 MB limit when getFile refuses the file", async () => {
    fake.addFile("file-huge", { bytes: Buffer.alloc(1), tooBig: true });
    const error = await rejection(
      channel.documents.fetch(documentMessage("file-huge"), 50 * 1024 * KB),
    );
    expect(error.reason).toBe("too-large");
    expect(error.message).toContain("20 MB");
  });

  it("should stop downloading and reject once the body passes the limit", async () => {
    // getFile gives no size and the body never ends: only the running count can stop it.
    fake.addFile("file-endless", {
      bytes: Buffer.alloc(16 * KB, 1),
      reportedSize: null,
      mode: "endless",
    });
    const error = await rejection(
      channel.documents.fetch(documentMessage("file-endless"), 200 * KB),
    );
    expect(error.reason).toBe("too-large");
    expect(error.message).toBe("文件「上半年报告.docx」超过 200 KB 的上限，请压缩或拆分后再发送。");
    const served = fake.downloads.at(-1)!;
    await served.done;
    expect(served.completed).toBe(false);
  });

  it("should reject an unknown file with a short Chinese line and keep the token out of logs", async () => {
    const error = await rejection(channel.documents.fetch(documentMessage("file-gone"), 100 * KB));
    expect(error.reason).toBe("failed");
    expect(error.message).toBe("文件「上半年报告.docx」下载失败，请稍后重新发送。");
    expect(log.lines.some((line) => line.includes("getFile"))).toBe(true);
    expect(log.lines.join("\n")).not.toContain(TOKEN);
  });

  it("should reject a message that carries no document", async () => {
    const message = { ...documentMessage("x"), document: undefined };
    expect((await rejection(channel.documents.fetch(message, KB))).reason).toBe("missing");
  });
});
