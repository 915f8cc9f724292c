// What the submission form and its commands work with, gathered once by the feature factory.
import type { Logger } from "../engine.js";
import type { CommandIntents } from "../intents.js";
import type { DueOptions } from "../period.js";
import type { Indicator } from "../../extract/indicator.js";
import type { BindingStore } from "../../store/bindings.js";
import type { Township } from "../../store/roster.js";
import type { SubmissionStore } from "../../store/submissions.js";
import type { Task } from "../../store/tasks.js";
import type { FormWords } from "./words.js";

/**
 * The part of the report answerer the form needs: a field's baseline figure, by its names, and
 * (when the answerer offers it) the figures related to one, such as its completion rate.
 */
export interface IndicatorSource {
  baselineOf(names: string[]): Indicator | undefined;
  /** The figures listed in `indicator.related`, from the report it comes from. */
  relatedOf?(indicator: Indicator): Indicator[];
}

/** Stores, data and words shared by the form, the commands and the answer hook. */
export interface FormDeps {
  /** The reporting task people fill in. */
  task: Task;
  /** Townships the task asks, in roster order. */
  townships: string[];
  roster: readonly Township[];
  bindings: BindingStore;
  submissions: SubmissionStore;
  answerer: IndicatorSource;
  /** How replies name the whole district: 全区, 全县, 全市. */
  area: string;
  /** How people name the district ("某某区", "某某"): dropped from questions like 全区. */
  districtNames: string[];
  intents: CommandIntents;
  words: FormWords;
  log: Logger;
}

/** The task's deadline rule in the shape `period.ts` takes. */
export function dueOf(task: Task): DueOptions {
  return { day: task.schedule.dueDay, time: task.schedule.dueTime, holiday: task.schedule.holiday };
}

/** The townships a task asks: the roster's names, or the task's own list. */
export function taskTownships(task: Task, roster: readonly Township[]): string[] {
  const names = roster.map((t) => t.name);
  return task.townships === "all" ? names : task.townships.filter((n) => names.includes(n));
}
