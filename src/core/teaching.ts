// The office teaches the bot: questions it could not answer are logged (with what people picked
// instead), `/unanswered` shows them, `/teach 说法 = 指标` makes a phrase mean a figure in every
// report, `/lessons` lists lessons and `/forget 说法` removes one. Storage comes in through ports.
import type { CommandContext, CommandSpec } from "./engine.js";
import type { Reply } from "./types.js";

/** A phrase that means the figure of a name ("金字招牌" = "建成民宿总数"). */
export interface Lesson {
  phrase: string;
  name: string;
  /** Who taught it ("wecom:office") and when (ISO). */
  by: string;
  at: string;
}

export interface LessonStore {
  list(): Lesson[];
  add(lesson: Lesson): Promise<void>;
  remove(phrase: string): Promise<boolean>;
}

/** A question answered with no figure, what was offered, and what the person picked. */
export interface UnansweredEntry {
  question: string;
  at: string;
  choices: string[];
  picked?: string;
}

export interface UnansweredLog {
  record(entry: UnansweredEntry): Promise<void>;
  picked(question: string, name: string): Promise<void>;
  recent(): UnansweredEntry[];
}

/** What teaching needs of the answerer. */
export interface Teachable {
  /** The name of the figure a question or indicator name finds now, with its value. */
  figureFor(what: string): { name: string; shown: string } | undefined;
  /** Applies the lessons (replaces those applied before). */
  setLessons(lessons: { phrase: string; name: string }[]): void;
}

const MAX_PHRASE = 20;
const SHOWN = 15;

/** The teaching commands over `lessons`, `log` and `answerer`. */
export function createTeachingFeature(options: {
  lessons: LessonStore;
  log: UnansweredLog;
  answerer: Teachable;
}): { commands: Record<string, CommandSpec> } {
  const { lessons, log, answerer } = options;
  answerer.setLessons(lessons.list());

  async function teach({ args, identity, now }: CommandContext): Promise<Reply[]> {
    const m = /^(.+?)\s*[=＝]\s*(.+)$/.exec(args.trim());
    const phrase = m?.[1]?.trim() ?? "";
    const what = m?.[2]?.trim() ?? "";
    if (!phrase || !what)
      return [
        {
          text: "用法：/teach 说法 = 指标名称或一个能答出的问题，例如 /teach 金字招牌 = 建成民宿总数",
        },
      ];
    if (phrase.length > MAX_PHRASE) return [{ text: `说法太长了（最多 ${MAX_PHRASE} 个字）。` }];
    const figure = answerer.figureFor(what);
    if (!figure)
      return [
        {
          text: `没有找到“${what.slice(0, 30)}”对应的数字，没有记下。请写指标名称或一个我能答出的问题。`,
        },
      ];
    await lessons.add({ phrase, name: figure.name, by: identity, at: now.toISOString() });
    answerer.setLessons(lessons.list());
    return [{ text: `记住了：以后“${phrase}”指“${figure.name}”（现在是 ${figure.shown}）。` }];
  }

  async function forget({ args }: CommandContext): Promise<Reply[]> {
    const phrase = args.trim();
    if (!phrase) return [{ text: "用法：/forget 说法" }];
    if (!(await lessons.remove(phrase)))
      return [{ text: `没有“${phrase.slice(0, 30)}”这条说法。` }];
    answerer.setLessons(lessons.list());
    return [{ text: `已忘记“${phrase}”。` }];
  }

  function list(): Reply[] {
    const all = lessons.list();
    if (!all.length) return [{ text: "还没有教过任何说法。用 /teach 说法 = 指标 教我。" }];
    return [{ text: ["教过的说法：", ...all.map((l) => `· ${l.phrase} = ${l.name}`)].join("\n") }];
  }

  function unanswered(): Reply[] {
    const groups = new Map<string, { count: number; choices: string[]; picked: Set<string> }>();
    for (const entry of log.recent()) {
      const group = groups.get(entry.question) ?? {
        count: 0,
        choices: entry.choices,
        picked: new Set(),
      };
      group.count++;
      if (entry.picked) group.picked.add(entry.picked);
      groups.set(entry.question, group);
    }
    if (!groups.size) return [{ text: "最近没有答不上的问题。" }];
    const lines = [...groups]
      .sort((a, b) => b[1].count - a[1].count)
      .slice(0, SHOWN)
      .map(([question, g]) => {
        const offered = g.choices.length ? `；给出的选项：${g.choices.join("、")}` : "";
        const picked = [...g.picked];
        const suggestion = picked.length
          ? `\n  有人选了“${picked[0]}”，可教：/teach ${question} = ${picked[0]}`
          : "";
        return `· ${question}（${g.count} 次${offered}）${suggestion}`;
      });
    return [{ text: ["最近答不上的问题（多的在前）：", ...lines].join("\n") }];
  }

  return {
    commands: {
      teach: { run: teach, adminOnly: true },
      forget: { run: forget, adminOnly: true },
      lessons: { run: list, adminOnly: true },
      unanswered: { run: unanswered, adminOnly: true, privateOnly: true },
    },
  };
}
