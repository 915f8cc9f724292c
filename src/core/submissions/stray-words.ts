// 确认 or 修改 (N) sent when no draft is open: left alone they would go to the report as questions
// ("报告里没有“确认”的数据"), so the person is told plainly there is nothing to confirm or modify,
// and how to start (or correct) a submission when they may report.
import type { AnswerHook, CommandContext } from "../engine.js";
import type { FormDeps } from "../forms/deps.js";
import { strayWord } from "../forms/words.js";
import { reporterOf } from "./access.js";
import { COMMAND_TEXTS as T } from "./texts.js";

/** The hook the engine tries first: answers a bare 确认 / 修改 (N) when no flow is open. */
export function createStrayWordHook(deps: FormDeps): AnswerHook {
  return (context, text) => {
    // With a flow open (a draft, a report import) the engine only asks hooks about questions.
    if (context.conversation.flow) return undefined;
    const word = strayWord(text, deps.words);
    if (!word) return undefined;
    const said = word === "confirm" ? T.nothingToConfirm : T.nothingToModify;
    const hint = hintFor(deps, context, word);
    return [{ text: hint ? `${said}${hint}` : said }];
  };
}

/** How to start or correct a submission, for people who may report. */
function hintFor(
  deps: FormDeps,
  context: CommandContext,
  word: "confirm" | "modify",
): string | undefined {
  if (!reporterOf(context, deps.bindings)) return undefined;
  if (context.message.chatType === "group") return T.privateHint;
  return word === "confirm" ? T.startHint : T.correctHint;
}
