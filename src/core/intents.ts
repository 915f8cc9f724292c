// Command words and fixed reply texts (intents/commands.json), validated when loaded. The file is
// language data shipped with the code, imported as a module: the core reads no files.
import { z } from "zod";
import commandsFile from "../../intents/commands.json" with { type: "json" };
import { checkedLanguageData } from "./language-data.js";

const CommandsFileSchema = z.object({
  note: z.string().optional(),
  commands: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  texts: z.object({
    welcome: z.string(),
    help: z.string(),
    apology: z.string(),
    privateOnly: z.string(),
    adminOnly: z.string(),
    unknownChoice: z.string(),
    notAvailable: z.string(),
    draftOpen: z.string(),
    /** A question over 500 characters. */
    tooLong: z.string(),
    /** "不是这个": the other figures offered last. */
    others: z.string(),
    noOthers: z.string(),
  }),
  /** Words that make a message a question even while a form is open ("多少", "吗"). */
  questionMarkers: z.array(z.string().min(1)),
});
/** Command words and reply texts. */
export type CommandIntents = z.infer<typeof CommandsFileSchema>;

/** The command words and texts of intents/commands.json; a broken file throws naming it. */
export function loadCommandIntents(): CommandIntents {
  return checkedLanguageData(CommandsFileSchema, commandsFile, "intents/commands.json");
}

/**
 * Splits a message into a command name and its argument text when it starts with one of the
 * command words ("/invite 某某镇", "上报 新建民宿 35户", "帮助").
 */
export function matchCommand(
  text: string,
  commands: CommandIntents["commands"],
): { name: string; args: string } | undefined {
  const trimmed = text.trim();
  for (const [name, words] of Object.entries(commands)) {
    for (const word of words) {
      if (!trimmed.toLowerCase().startsWith(word.toLowerCase())) continue;
      const rest = trimmed.slice(word.length);
      // "/helpme" is not "/help" and "进度怎么样" is a question, not "进度"; only 上报 may run
      // straight into its figures ("上报新建民宿35户").
      if (rest && !/^\s/.test(rest) && !(name === "report" && !word.startsWith("/"))) continue;
      return { name, args: rest.trim() };
    }
  }
  return undefined;
}
