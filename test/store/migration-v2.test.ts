// Migration v2 (issue 13) on a database written by the version before it: the old invites and
// bindings stay usable and the new tables are there.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { sqlBindingStore } from "../../src/store/bindings.js";
import { sqlAuditLog } from "../../src/store/db/audit.js";
import { closeAllDatabases, openDatabase } from "../../src/store/db/database.js";
import { MIGRATIONS } from "../../src/store/db/migrations.js";
import { sqlViewerGrants } from "../../src/store/db/roles.js";

const NOW = new Date("2026-11-20T02:00:00Z");
let dir = "";
afterEach(() => {
  closeAllDatabases();
  rmSync(dir, { recursive: true, force: true });
});

describe("migration v2", () => {
  it("should keep a v1 database's invites and bindings and add the new tables", async () => {
    dir = mkdtempSync(join(tmpdir(), "migrate-v2-"));
    const file = join(dir, "bot.sqlite");
    const v1 = new Sqlite(file);
    for (const step of MIGRATIONS[0]!) v1.exec(step.compile().sql);
    v1.pragma("user_version = 1");
    v1.prepare(
      "insert into invites (code, township, created_by, created_at, expires_at) values (?, ?, ?, ?, ?)",
    ).run("ABCD2345", "下营镇", "wecom:office", NOW.toISOString(), "2026-11-27T02:00:00.000Z");
    v1.prepare("insert into bindings (identity, township, name, bound_at) values (?, ?, ?, ?)").run(
      "wecom:old",
      "渔阳镇",
      null,
      NOW.toISOString(),
    );
    v1.close();

    const db = openDatabase(dir);
    const bindings = sqlBindingStore(db);
    expect(bindings.townshipOf("wecom:old")).toBe("渔阳镇");
    expect(await bindings.bind("abcd-2345", "wecom:new", undefined, NOW)).toEqual({
      ok: true,
      township: "下营镇",
    });
    await sqlViewerGrants(db).grant("wecom:leader", "wecom:office", NOW);
    sqlAuditLog(db).record({
      at: NOW,
      actor: "wecom:office",
      role: "admin",
      action: "grant",
      detail: "",
    });
    expect(sqlAuditLog(db).recent(1)).toHaveLength(1);
    const named = await bindings.createInvite("官庄镇", "wecom:office", NOW, "王五");
    await bindings.bind(named.code, "wecom:wangwu", "自选的名字", NOW);
    expect(bindings.bindings().find((b) => b.identity === "wecom:wangwu")?.name).toBe("王五");
  });
});
