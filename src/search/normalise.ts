// Question and text normalisation: full-width, traditional -> simplified, punctuation.
import * as OpenCC from "opencc-js/t2cn";

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

/** Folds full-width forms (NFKC), converts traditional to simplified and drops punctuation. */
export function normaliseText(text: string): string {
  return toSimplified(text.normalize("NFKC"))
    .toLowerCase()
    .replace(/[\s?？!！。，,、；;：:“”"'‘’（）()《》【】[\]…~～]/g, "");
}
