// Finding task fields by the names people type: labels and aliases, longest first, so that
// "生猪出栏量" is one name and not "生猪出栏" followed by "量".
import type { Task, TaskField } from "../../store/tasks.js";

/** A field name found in a text: where it starts and ends. */
export interface FieldMention {
  field: TaskField;
  start: number;
  end: number;
}

/** Every (name, field) pair of a task, longest name first. */
function namesOf(task: Task): { name: string; field: TaskField }[] {
  return task.fields
    .flatMap((field) => [field.label, ...field.aliases].map((name) => ({ name, field })))
    .sort((a, b) => b.name.length - a.name.length);
}

/** Field names in `text`, left to right, never overlapping. `text` should be NFKC-normalised. */
export function findFieldMentions(text: string, task: Task): FieldMention[] {
  const names = namesOf(task);
  const found: FieldMention[] = [];
  let i = 0;
  while (i < text.length) {
    const hit = names.find(({ name }) => text.startsWith(name, i));
    if (hit) {
      found.push({ field: hit.field, start: i, end: i + hit.name.length });
      i += hit.name.length;
    } else {
      i += 1;
    }
  }
  return found;
}

/** "户，整数，累计数": how a field is counted, for prompts. */
export function describeField(field: TaskField): string {
  const parts = [field.unit];
  if (field.integer) parts.push("整数");
  if (field.cumulative) parts.push("累计数");
  return parts.join("，");
}

/** A number without floating-point noise: 0.1 + 0.2 → "0.3". */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

/** A value with its unit: 35 → "35户", 1.2 → "1.2亩". */
export function formatValue(value: number, unit: string): string {
  return `${formatNumber(value)}${unit}`;
}
