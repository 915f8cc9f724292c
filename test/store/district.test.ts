// The district is data: its name, level, roster, seed report and own words live in the seed
// folder, and nothing in src/ or intents/ names one district's places.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { seedStore } from "../../src/extract/store-file.js";
import { loadDistrict } from "../../src/store/district.js";
import { loadRoster } from "../../src/store/roster.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe("the shipped district", () => {
  const district = loadDistrict();

  it("is named only in the seed folder, not in code or language data", () => {
    const roster = loadRoster(district.rosterFile).map((t) => t.name);
    // Township names with and without their suffix, the district's names and places.
    const names = [
      ...roster,
      ...roster.map((n) => n.replace(/(镇|乡|街道)$/, "")).filter((n) => n.length >= 2),
      ...district.aliases,
      ...district.places,
    ];
    const offending: string[] = [];
    for (const file of [...filesUnder(join(root, "src")), ...filesUnder(join(root, "intents"))]) {
      const text = readFileSync(file, "utf8");
      for (const name of names) if (text.includes(name)) offending.push(`${file}: ${name}`);
    }
    expect(offending).toEqual([]);
  });
});

describe("another district", () => {
  it("loads from its own folder: level, area word, names and seed report", () => {
    const folder = mkdtempSync(join(tmpdir(), "district-"));
    writeFileSync(
      join(folder, "district.json"),
      JSON.stringify({
        name: "东山县",
        level: "县",
        report: "report.txt",
        roster: "townships.json",
        places: ["西河村"],
      }),
    );
    writeFileSync(
      join(folder, "townships.json"),
      JSON.stringify({
        townships: [
          { name: "城关镇", kind: "镇" },
          { name: "南岭乡", kind: "乡" },
        ],
      }),
    );
    writeFileSync(
      join(folder, "report.txt"),
      "东山县乡村振兴工作进展情况\n一、产业发展\n全县新建高标准农田2.5万亩，新建民宿12户。\n东山县农业农村局\n2026年7月10日\n",
    );
    const district = loadDistrict(folder);
    expect(district).toMatchObject({
      area: "全县",
      aliases: ["东山县", "东山"],
      places: ["西河村"],
    });
    expect(loadRoster(district.rosterFile).map((t) => t.name)).toEqual(["城关镇", "南岭乡"]);
    const store = seedStore(district);
    expect(store.source).toMatchObject({ date: "2026-07-10", period: "2026年" });
    expect(store.indicators.map((i) => `${i.value}${i.unit}`)).toEqual(["2.5万亩", "12户"]);
  });

  it("names the broken file when district.json is missing or wrong", () => {
    const folder = mkdtempSync(join(tmpdir(), "district-"));
    expect(() => loadDistrict(folder)).toThrow(/district\.json/);
    writeFileSync(join(folder, "district.json"), JSON.stringify({ name: "东山县", level: "乡镇" }));
    expect(() => loadDistrict(folder)).toThrow(/district\.json/);
  });
});
