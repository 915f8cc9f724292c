// A data folder written by the JSON-file versions is moved into the database at start, once.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openBindingStore } from "../../src/store/bindings.js";
import { openConversationStore } from "../../src/store/db/conversations.js";
import { closeAllDatabases } from "../../src/store/db/database.js";
import { prepareDataDir } from "../../src/store/db/import-json.js";
import { openInbox } from "../../src/store/db/inbox.js";
import { StoreError } from "../../src/store/errors.js";
import { createSubmissionStore } from "../../src/store/submissions.js";
import { openLedger } from "../../src/reminders/ledger.js";
import { tempDirs } from "./fixtures.js";

const dirs = tempDirs();
afterEach(() => dirs.cleanup());
const quiet = { info: () => undefined };

/** Writes the files an earlier version left behind, in its own formats. */
function oldDataDir(): string {
  const dir = dirs.make();
  const write = (name: string, data: unknown) => {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), JSON.stringify(data));
  };
  const by = { identity: "wecom:zhangsan", name: "张三" };
  const base = { taskId: "monthly", township: "下营镇", by, channel: "wecom", late: false };
  write("submissions/2026-11.json", {
    version: 1,
    period: "2026-11",
    lastSeq: 3,
    submissions: [
      {
        ...base,
        receipt: "R202611-0001",
        entries: [{ field: "new-homestays", value: 10, unit: "户" }],
        raw: "上报 新建民宿 10户",
        at: "2026-11-05T02:00:00.000Z",
      },
      {
        ...base,
        receipt: "R202611-0003",
        entries: [
          { field: "new-homestays", value: 12, unit: "户" },
          { field: "hogs-sold", value: 300, unit: "头" },
        ],
        raw: "更正",
        at: "2026-11-06T02:00:00.000Z",
      },
    ],
  });
  write("bindings.json", {
    version: 1,
    invites: [
      {
        code: "ABCD2345",
        township: "渔阳镇",
        createdBy: "telegram:1",
        createdAt: "2026-11-01T00:00:00.000Z",
        expiresAt: "2026-11-08T00:00:00.000Z",
      },
    ],
    bindings: [
      { identity: "wecom:zhangsan", township: "下营镇", boundAt: "2026-11-01T00:00:00.000Z" },
    ],
  });
  write("conversations.json", {
    version: 1,
    conversations: { "wecom:zhangsan:zhangsan": { actingAs: "下营镇" } },
  });
  write("reminders/ledger.json", {
    version: 1,
    entries: {
      "monthly|2026-11|t-3d|office:console": {
        task: "monthly",
        period: "2026-11",
        reminder: "t-3d",
        recipient: "office:console",
        state: "sent",
        at: "2026-11-22T01:00:00.000Z",
        late: false,
      },
    },
  });
  write("wecom-app-seen.json", { ids: ["1001", "1002"] });
  write("telegram-seen.json", { ids: ["telegram:77"] });
  return dir;
}

describe("a data folder of the JSON versions", () => {
  it("is moved into the database once, with a backup, and numbering goes on", async () => {
    const dir = oldDataDir();
    const before = readFileSync(join(dir, "submissions", "2026-11.json"), "utf8");
    prepareDataDir(dir, quiet);

    const submissions = createSubmissionStore({ dir });
    expect(submissions.latest("2026-11", "下营镇", "new-homestays")?.value).toBe(12);
    expect(submissions.history("2026-11", "下营镇", "new-homestays")).toHaveLength(2);
    expect(submissions.submission("R202611-0003")?.entries).toHaveLength(2);
    const next = await submissions.submit({
      taskId: "monthly",
      period: "2026-11",
      township: "下营镇",
      entries: [{ field: "new-homestays", value: 13, unit: "户" }],
      by: { identity: "wecom:zhangsan" },
      channel: "wecom",
      raw: "x",
      at: new Date("2026-11-07T00:00:00Z"),
      late: false,
    });
    expect(next.receipt).toBe("R202611-0004");

    const bindings = openBindingStore(dir);
    expect(bindings.townshipOf("wecom:zhangsan")).toBe("下营镇");
    const bound = await bindings.bind("abcd2345", "wecom:lisi", undefined, new Date("2026-11-02"));
    expect(bound).toEqual({ ok: true, township: "渔阳镇" });
    expect(openConversationStore(dir).get("wecom:zhangsan:zhangsan")).toEqual({
      actingAs: "下营镇",
    });
    expect(openLedger(dir).entries()).toHaveLength(1);
    // Handled platform ids stay handled: a redelivery after the upgrade is refused.
    const inbox = openInbox(dir);
    const again = { door: "wecom-app", key: "1001", chat: "c", payload: {} };
    expect(inbox.take(again, new Date())).toBeUndefined();
    expect(inbox.take({ ...again, door: "telegram", key: "telegram:77" }, new Date())).toBe(
      undefined,
    );

    // The originals are gone from the folder and kept, byte for byte, in the backup.
    expect(existsSync(join(dir, "submissions", "2026-11.json"))).toBe(false);
    const backup = readdirSync(dir).find((name) => name.startsWith("backup-json-"))!;
    expect(readFileSync(join(dir, backup, "submissions", "2026-11.json"), "utf8")).toBe(before);

    // A second start imports nothing again.
    closeAllDatabases();
    prepareDataDir(dir, quiet);
    expect(
      createSubmissionStore({ dir }).history("2026-11", "下营镇", "new-homestays"),
    ).toHaveLength(3);
  });

  it("refuses a broken file by name and changes nothing", () => {
    const dir = oldDataDir();
    const file = join(dir, "bindings.json");
    writeFileSync(file, '{"version":1,"invites":[],"bindings":[{"identity":"nobody"');
    const before = readFileSync(file, "utf8");
    expect(() => prepareDataDir(dir, quiet)).toThrow(StoreError);
    expect(() => prepareDataDir(dir, quiet)).toThrow(file);
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(existsSync(join(dir, "submissions", "2026-11.json"))).toBe(true);
    expect(createSubmissionStore({ dir }).periods()).toEqual([]);
    expect(readdirSync(dir).some((name) => name.startsWith("backup-json-"))).toBe(false);
  });

  it("finishes moving the files away when a crash came after the import", () => {
    const dir = oldDataDir();
    prepareDataDir(dir, quiet);
    // As if the process died before removing the originals: they are back in place.
    const backup = readdirSync(dir).find((name) => name.startsWith("backup-json-"))!;
    mkdirSync(join(dir, "submissions"), { recursive: true });
    writeFileSync(
      join(dir, "submissions", "2026-11.json"),
      readFileSync(join(dir, backup, "submissions", "2026-11.json")),
    );
    closeAllDatabases();
    prepareDataDir(dir, quiet);
    expect(
      createSubmissionStore({ dir }).history("2026-11", "下营镇", "new-homestays"),
    ).toHaveLength(2);
    expect(existsSync(join(dir, "submissions", "2026-11.json"))).toBe(false);
  });
});
