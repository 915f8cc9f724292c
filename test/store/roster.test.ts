import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { StoreError } from "../../src/store/errors.js";
import { findTownship, loadRoster, matchTownships } from "../../src/store/roster.js";
import { FIXTURE_ROSTER_FILE } from "../helpers/reports.js";
import { tempDirs } from "./fixtures.js";

const dirs = tempDirs();
afterEach(() => dirs.cleanup());
const roster = loadRoster(FIXTURE_ROSTER_FILE);

describe("loadRoster", () => {
  it("should load the 27 townships of the seed roster", () => {
    expect(roster).toHaveLength(27);
    expect(roster.filter((t) => t.kind === "街道").map((t) => t.name)).toEqual(["文昌街道"]);
  });

  it("should refuse a roster with a duplicated name, naming the file", () => {
    const file = join(dirs.make(), "townships.json");
    const twice = { name: "下营镇", kind: "镇" };
    writeFileSync(file, JSON.stringify({ townships: [twice, twice] }));
    expect(() => loadRoster(file)).toThrow(StoreError);
    expect(() => loadRoster(file)).toThrow(file);
  });

  it("should refuse a missing roster file", () => {
    expect(() => loadRoster(join(dirs.make(), "none.json"))).toThrow(/missing/);
  });
});

describe("findTownship", () => {
  it.each([
    ["下营镇", "下营镇"],
    ["下营", "下营镇"],
    [" 下营 ", "下营镇"],
    ["下营乡", "下营镇"],
    ["文昌", "文昌街道"],
    ["文昌街", "文昌街道"],
    ["孙各庄", "孙各庄满族乡"],
    ["孙各庄满族乡", "孙各庄满族乡"],
    ["西龙虎峪", "西龙虎峪镇"],
    ["东赵", "东赵各庄镇"],
  ])("should read %s as %s", (text, name) => {
    expect(findTownship(roster, text)?.name).toBe(name);
  });

  it.each(["下", "东", "", "北京", "镇"])("should not guess from %j", (text) => {
    expect(findTownship(roster, text)).toBeUndefined();
  });

  it("should list every candidate when a short form fits two townships", () => {
    const twins = [
      { name: "上仓镇", kind: "镇" as const },
      { name: "上仓乡", kind: "乡" as const },
    ];
    expect(matchTownships(twins, "上仓").map((t) => t.name)).toEqual(["上仓镇", "上仓乡"]);
    expect(findTownship(twins, "上仓")).toBeUndefined();
    expect(findTownship(twins, "上仓乡")?.name).toBe("上仓乡");
  });
});
