// Question and text normalisation: full-width, traditional -> simplified, punctuation.
import * as OpenCC from "opencc-js/t2cn";

import { Recent } from "../infra/recent.js";

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });
/** A question is normalised once per report: the same text each time. */
const recent = new Recent<string, string>();

/** Folds full-width forms (NFKC), converts traditional to simplified and drops punctuation. */
export function normaliseText(text: string): string {
  return recent.get(text, () =>
    toSimplified(text.normalize("NFKC"))
      .toLowerCase()
      .replace(/[\s?？!！。，,、；;：:“”"'‘’（）()《》【】[\]…~～]/g, ""),
  );
}

/**
 * "新改建", "新（改）建", "改扩建" written apart ("新建改建"): a question names the sides one by one
 * ("新修和改建"), and a figure of both is of neither side alone.
 */
export function joinedVerbsApart(text: string): string {
  return text
    .replace(/新[（(]?改[）)]?扩?建/g, (m) => (m.includes("扩") ? "新建改建扩建" : "新建改建"))
    .replace(/改扩建/g, "改建扩建");
}
