// loadLater: import() where the code runs as ESM, require where import() finds no .ts file.
import { describe, expect, it, vi } from "vitest";
import { loadLater } from "../../src/infra/load-later.js";

const notFound = () =>
  Promise.reject(Object.assign(new Error("Cannot find module"), { code: "ERR_MODULE_NOT_FOUND" }));

describe("loadLater", () => {
  it("uses import() when it loads the module", async () => {
    const commonJs = vi.fn(() => ({ which: "require" }));
    await expect(loadLater(async () => ({ which: "import" }), commonJs)).resolves.toEqual({
      which: "import",
    });
    expect(commonJs).not.toHaveBeenCalled();
  });

  it("falls back to require when import() finds no module, and to nothing else", async () => {
    await expect(loadLater(notFound, () => ({ which: "require" }))).resolves.toEqual({
      which: "require",
    });
    const broken = () => Promise.reject(new SyntaxError("Unexpected token"));
    const commonJs = vi.fn();
    await expect(loadLater(broken, commonJs)).rejects.toThrow(SyntaxError);
    expect(commonJs).not.toHaveBeenCalled();
  });

  it("reports both errors when neither way loads the module", async () => {
    const missing = new Error("Cannot find module 'exceljs'");
    const failed = loadLater(notFound, () => {
      throw missing;
    });
    await expect(failed).rejects.toThrow(AggregateError);
    await failed.catch((error: AggregateError) => {
      expect(error.errors).toHaveLength(2);
      expect(error.errors[1]).toBe(missing);
    });
  });
});
