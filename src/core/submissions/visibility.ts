// Who sees townships' submitted figures (issue 13, item 3): admins and viewers every township's,
// a liaison their own township's, everyone else the report's figure and a line saying why.
// Submitters are named as the office recorded them at binding, or by a neutral label: never by a
// platform id, never by a display name a person chose for themselves.
import type { Access, Roles } from "../access/roles.js";
import type { FormDeps } from "../forms/deps.js";
import type { BindingStore } from "../../store/bindings.js";

/** How a submitter is shown: a name or a neutral label. */
export type SubmitterName = (identity: string) => string;

/** What answers about submitted figures need: the form's deps and how submitters are named. */
export interface AnswerDeps extends FormDeps {
  names: SubmitterName;
}

/** Texts of answers withheld. */
export const VISIBILITY_TEXTS = {
  forRegistered: "乡镇上报的数字只向登记用户（区办公室、区领导和本乡镇联络员）显示。",
  ownOnly: (township: string) => `您可以查看${township}上报的数字；其他乡镇的请向区办公室了解。`,
  progressForRegistered: "各乡镇的填报情况只向登记用户（区办公室、区领导和乡镇联络员）显示。",
  office: "区办公室",
  liaison: "联络员",
} as const;

/** The line that says why submitted figures are not shown to `access`. */
export function withheldNote(access: Access): string {
  return access.role === "liaison" && access.township
    ? VISIBILITY_TEXTS.ownOnly(access.township)
    : VISIBILITY_TEXTS.forRegistered;
}

/**
 * Names submitters by their binding's name (given by the office with the invite), else "区办公室"
 * for admins, else "联络员".
 */
export function submitterNames(bindings: BindingStore, roles?: Roles): SubmitterName {
  return (identity) => {
    const bound = bindings.bindings().find((b) => b.identity === identity);
    if (bound?.name) return bound.name;
    if (roles?.accessOf(identity).role === "admin") return VISIBILITY_TEXTS.office;
    return VISIBILITY_TEXTS.liaison;
  };
}
