// The font charts are drawn with: Noto Sans SC (Simplified Chinese) Regular from the npm package
// @embedpdf/fonts-sc (SIL Open Font License 1.1). resvg loads fonts only from the files it is
// given, never from the system, so every machine draws the same glyphs; without a CJK font the
// Chinese text of a chart would come out as empty boxes.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The family name inside the font file (its name table says "Noto Sans S Chinese"). */
export const CHART_FONT_FAMILY = "Noto Sans S Chinese";

const FONT_PACKAGE = "@embedpdf/fonts-sc";
const FONT_FILE_NAME = "NotoSansHans-Regular.otf";

/** Thrown when the chart font file is missing. */
export class ChartFontError extends Error {
  override name = "ChartFontError";
  constructor(
    readonly file: string,
    options?: ErrorOptions,
  ) {
    super(
      `Chart font not found at ${file}: run \`npm install\` (package ${FONT_PACKAGE})`,
      options,
    );
  }
}

let resolved: string | undefined;

/**
 * The path of the chart font file. The package's export map hides its font folder, so the
 * folder is found beside its entry point (dist/index.cjs → ../fonts/).
 */
export function chartFontFile(): string {
  if (resolved) return resolved;
  let file = join("node_modules", FONT_PACKAGE, "fonts", FONT_FILE_NAME);
  try {
    const entry = createRequire(import.meta.url).resolve(FONT_PACKAGE);
    file = join(dirname(dirname(entry)), "fonts", FONT_FILE_NAME);
  } catch (error) {
    throw new ChartFontError(file, { cause: error });
  }
  if (!existsSync(file)) throw new ChartFontError(file);
  resolved = file;
  return file;
}
