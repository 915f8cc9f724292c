// What the office teaches the bot (DATA_DIR/lessons.json) and the questions it could not answer
// (DATA_DIR/unanswered.json, bounded: the oldest are dropped). JSON documents, validated both ways.
import { join } from "node:path";
import { z } from "zod";
import type { Lesson, LessonStore, UnansweredEntry, UnansweredLog } from "../core/teaching.js";
import { memoryDoc, openJsonDoc, type JsonDoc } from "./json-doc.js";

/** How many unanswered questions are kept. */
export const UNANSWERED_LIMIT = 500;

const LessonSchema = z.object({
  phrase: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1),
  by: z.string(),
  at: z.string(),
});
const LessonsFileSchema = z.object({ lessons: z.array(LessonSchema) });

const EntrySchema = z.object({
  question: z.string().max(500),
  at: z.string(),
  choices: z.array(z.string()),
  picked: z.string().optional(),
});
const UnansweredFileSchema = z.object({ entries: z.array(EntrySchema) });

function lessonsOver(doc: JsonDoc<z.infer<typeof LessonsFileSchema>>): LessonStore {
  return {
    list: () => doc.data.lessons.map((l) => ({ ...l })),
    async add(lesson: Lesson) {
      await doc.update((data) => {
        data.lessons = [...data.lessons.filter((l) => l.phrase !== lesson.phrase), lesson];
      });
    },
    async remove(phrase: string) {
      const had = doc.data.lessons.some((l) => l.phrase === phrase);
      if (had)
        await doc.update(
          (data) => void (data.lessons = data.lessons.filter((l) => l.phrase !== phrase)),
        );
      return had;
    },
  };
}

function logOver(doc: JsonDoc<z.infer<typeof UnansweredFileSchema>>): UnansweredLog {
  return {
    async record(entry: UnansweredEntry) {
      await doc.update((data) => {
        data.entries = [...data.entries, entry].slice(-UNANSWERED_LIMIT);
      });
    },
    async picked(question: string, name: string) {
      await doc.update((data) => {
        const entry = data.entries.findLast((e) => e.question === question);
        if (entry) entry.picked = name;
      });
    },
    recent: () => doc.data.entries.map((e) => ({ ...e })),
  };
}

/** The lessons of a data folder. */
export function openLessons(dataDir: string): LessonStore {
  return lessonsOver(
    openJsonDoc(join(dataDir, "lessons.json"), LessonsFileSchema, () => ({ lessons: [] })),
  );
}

/** The unanswered questions of a data folder. */
export function openUnansweredLog(dataDir: string): UnansweredLog {
  return logOver(
    openJsonDoc(join(dataDir, "unanswered.json"), UnansweredFileSchema, () => ({ entries: [] })),
  );
}

/** In-memory twins for tests. */
export function memoryLessons(): LessonStore {
  return lessonsOver(memoryDoc({ lessons: [] }));
}
export function memoryUnansweredLog(): UnansweredLog {
  return logOver(memoryDoc({ entries: [] }));
}
