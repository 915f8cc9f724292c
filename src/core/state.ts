// Conversation state per (channel, chat, user): its shape and the interface of its store. The
// store itself (SQLite) comes in from outside; the core imports no storage. Versioned: a deploy
// that changes the shape drops old state instead of misreading it.
import { z } from "zod";

/** Bump when `ConversationSchema` changes shape incompatibly. */
export const STATE_VERSION = 1;

const ChoiceSchema = z.object({ label: z.string(), value: z.string() });

/** An open multi-step conversation (a submission form). */
export const FlowSchema = z.object({
  name: z.string(),
  /** Flow-specific data, validated by the flow itself. */
  data: z.unknown(),
  /** ISO time of the last message in the flow (for idle expiry). */
  updatedAt: z.string(),
});
export type FlowState = z.infer<typeof FlowSchema>;

/** What the bot remembers of one conversation. */
export const ConversationSchema = z.object({
  /** Choices last offered, so a typed number selects one. */
  choices: z.array(ChoiceSchema).optional(),
  flow: FlowSchema.optional(),
  /** The last question when it had no figure: a pick among its choices is logged beside it. */
  unanswered: z.string().optional(),
  /** Figures that also fit the last question, shown on "不是这个". */
  others: z.array(ChoiceSchema).optional(),
  /** The last question answered, the topic of follow-ups ("那存栏呢") for 10 minutes. */
  lastQuestion: z.object({ text: z.string(), at: z.string() }).optional(),
  /** Console operator acting as a township's liaison (`/as 某某镇`). */
  actingAs: z.string().optional(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** Conversation state behind a small interface. */
export interface ConversationStore {
  get(key: string): Conversation;
  /** Replaces one conversation's state; resolves once it is stored. */
  set(key: string, conversation: Conversation): Promise<void>;
  /** Keys of conversations with an open flow (for idle expiry). */
  withFlows(): string[];
}

/** True when a conversation holds nothing worth keeping (its row can go). */
export function isEmptyConversation(conversation: Conversation): boolean {
  return (
    !conversation.choices?.length &&
    !conversation.flow &&
    !conversation.actingAs &&
    !conversation.lastQuestion
  );
}
