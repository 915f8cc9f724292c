// Idle drafts: after 30 minutes without a message a draft is dropped and its owner told so.
// Runs outside the engine's per-chat queue: reading, checking and clearing a conversation happen
// in one synchronous stretch (the store applies a change before its first await), so a message
// handled meanwhile sees either the draft or its absence, never half of each.
import type { ConversationStore } from "../state.js";
import type { Reply } from "../types.js";
import { FLOW_NAME, IDLE_MS, clearDraft, readDraft } from "../forms/draft.js";
import { draftPlace } from "../forms/form.js";
import { TEXTS } from "../forms/texts.js";
import type { Task } from "../../store/tasks.js";

/** A notice to send to the chat of an expired draft. */
export interface ExpiryNotice {
  /** Conversation key, "channel:chatId:userId". */
  key: string;
  channel: string;
  chatId: string;
  reply: Reply;
}

/** Clears every submission draft idle for 30 minutes by `now`; returns the notices to send. */
export async function expireIdleDrafts(
  conversations: ConversationStore,
  task: Task,
  now: Date,
): Promise<ExpiryNotice[]> {
  const notices: ExpiryNotice[] = [];
  const writes: Promise<void>[] = [];
  for (const key of conversations.withFlows()) {
    const conversation = conversations.get(key);
    const flow = conversation.flow;
    if (flow?.name !== FLOW_NAME || !idle(flow.updatedAt, now)) continue;
    const read = readDraft(conversation, task);
    clearDraft(conversation);
    writes.push(conversations.set(key, conversation));
    const where = read.ok ? TEXTS.expired(draftPlace(read.draft)) : TEXTS.expired();
    notices.push({
      key,
      ...addressOf(key, read.ok ? read.draft : undefined),
      reply: { text: where },
    });
  }
  await Promise.all(writes);
  return notices;
}

/** An unreadable time counts as idle: such a draft can never be resumed anyway. */
function idle(updatedAt: string, now: Date): boolean {
  const at = Date.parse(updatedAt);
  return Number.isNaN(at) || now.getTime() - at >= IDLE_MS;
}

/** Channel and chat of a draft, or parsed from the key when the draft is unreadable. */
function addressOf(key: string, draft?: { channel: string; chatId: string }) {
  if (draft) return { channel: draft.channel, chatId: draft.chatId };
  const channel = key.slice(0, key.indexOf(":"));
  const chatId = key.slice(channel.length + 1, key.lastIndexOf(":"));
  return { channel, chatId };
}
