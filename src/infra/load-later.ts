// Loading a module of this project on first use (a heavy dependency behind it: telegraf,
// exceljs). The tests and most commands run the code as ESM, where import() loads it. `npm start`
// runs the bot as CommonJS under tsx's require hooks (src/start.cjs), where import() of a .ts
// file finds nothing and `require` loads it.

/**
 * Loads a module later: `esm` is `() => import("./x.js")` and `commonJs` is
 * `() => require("./x.js")`, both written where the module is needed, so the path is relative to it.
 */
export async function loadLater<T>(esm: () => Promise<T>, commonJs: () => unknown): Promise<T> {
  try {
    return await esm();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ERR_MODULE_NOT_FOUND") throw error;
    try {
      return commonJs() as T;
    } catch (requireError) {
      // Both errors: one of them names what is missing (a dependency not installed, say).
      throw new AggregateError([error, requireError], "module not loaded, as ESM nor as CommonJS");
    }
  }
}
