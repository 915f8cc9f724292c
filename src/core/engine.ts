// The conversation engine: routes a message to a command, an open flow, or the question
// answerer, and returns replies. Imports no platform package.
import { FOLLOW_UP_MS } from "../search/follow-up.js";
import type { UnansweredLog } from "./teaching.js";
import type { QuestionAnswerer } from "../search/reports-answerer.js";
import { type AuditLog } from "./access/audit.js";
import { ACCESS_TEXTS, accessCommands } from "./access/commands.js";
import {
  AUDIT_DETAIL_MAX,
  AUDITED_COMMANDS,
  AUDITED_FLOWS,
  PRIVATE_DATA_COMMANDS,
} from "./access/policy.js";
import { createRoles, type Access, type Role, type Roles } from "./access/roles.js";
import { describeError } from "./describe-error.js";
import { loadCommandIntents, matchCommand, type CommandIntents } from "./intents.js";
import { createKeyedQueue } from "./keyed-queue.js";
import type { Conversation, ConversationStore } from "./state.js";
import type { Core, Message, Reply } from "./types.js";

/** What a command or flow sees of a message. */
export interface CommandContext {
  message: Message;
  /** "channel:userId". */
  identity: string;
  /** The person's role and bound township (core/access/roles.ts). */
  access: Access;
  /** Shorthand for `access.role === "admin"`. */
  admin: boolean;
  /** Text after the command word. */
  args: string;
  /** This conversation's state; changes are saved after the handler returns. */
  conversation: Conversation;
  now: Date;
}

/** A command's handler. */
export type CommandHandler = (context: CommandContext) => Promise<Reply[]> | Reply[];

/** A multi-step conversation (a submission form) that owns the chat while it is open. */
export interface Flow {
  name: string;
  /** Handles a message while the flow is open (the flow closes itself by clearing state). */
  onMessage(context: CommandContext, text: string): Promise<Reply[]>;
}

/** Answers a question from another source than the report, or returns undefined to pass. */
export type AnswerHook = (
  context: CommandContext,
  question: string,
) => Promise<Reply[] | undefined> | Reply[] | undefined;

/** Rules of a command beyond its handler. */
export interface CommandSpec {
  run: CommandHandler;
  /** Refused in groups with a pointer to a private chat (default: false). */
  privateOnly?: boolean;
  /** Only for admins (default: false). */
  adminOnly?: boolean;
  /** Only for these roles (default: everyone; `adminOnly` wins). */
  allow?: readonly Role[];
}

/** A minimal logger (console fits). */
export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

/** Options of `createCore`. */
export interface CoreOptions {
  answerer: QuestionAnswerer;
  conversations: ConversationStore;
  /** Admin identities ("telegram:12345"); the console operator is always an admin. */
  admins?: string[];
  /**
   * Who is admin, viewer, liaison or public (default: `admins` alone, nobody else has a role);
   * given, it decides admins too.
   */
  roles?: Roles;
  /** Where admin actions are recorded (`/audit` lists them; default: nowhere). */
  audit?: AuditLog;
  /** Extra commands by name (names and words in intents/commands.json). */
  commands?: Record<string, CommandSpec>;
  flows?: Flow[];
  /**
   * Answerers tried before the report (e.g. townships' submitted figures); the first that
   * returns replies wins.
   */
  answerHooks?: AnswerHook[];
  /** Where questions answered with no figure are logged for the office (`/unanswered`). */
  unanswered?: UnansweredLog;
  /** Handles a message that carries a file (a report to import); without it files are ignored. */
  onDocument?: CommandHandler;
  intents?: CommandIntents;
  log?: Logger;
  /** Clock (default: the system clock). */
  now?: () => Date;
}

/** Creates the engine. */
export function createCore(options: CoreOptions): Core {
  const intents = options.intents ?? loadCommandIntents();
  const log = options.log ?? console;
  const now = options.now ?? (() => new Date());
  const roles = options.roles ?? createRoles({ admins: options.admins });
  const queue = createKeyedQueue();
  const flows = new Map((options.flows ?? []).map((f) => [f.name, f]));
  const commands: Record<string, CommandSpec> = {
    ...builtins(options.answerer, intents, options.unanswered),
    ...accessCommands(roles, options.audit),
    ...options.commands,
  };

  async function process(
    message: Message,
    key: string,
    conversations: ConversationStore,
  ): Promise<Reply[]> {
    const conversation = conversations.get(key);
    const identity = `${message.channel}:${message.userId}`;
    const access = roles.accessOf(identity);
    const context: CommandContext = {
      message,
      identity,
      access,
      admin: access.role === "admin",
      args: "",
      conversation,
      now: now(),
    };
    const text = selectChoice(message.text.trim(), conversation);
    const replies = await route(context, text);
    const offered = replies.findLast((r) => r.choices?.length)?.choices;
    context.conversation.choices = offered;
    await conversations.set(key, context.conversation);
    return replies;
  }

  async function route(context: CommandContext, text: string): Promise<Reply[]> {
    if (context.message.document) {
      return options.onDocument ? options.onDocument(context) : [];
    }
    const command = matchCommand(text, intents.commands);
    const flow = context.conversation.flow && flows.get(context.conversation.flow.name);
    if (flow && !command && isQuestion(text, intents)) {
      // A question in the middle of a form is answered; the form waits.
      return [...(await ask(context, text)), { text: intents.texts.draftOpen }];
    }
    if (flow && (!command || command.name === "cancel" || command.name === "report")) {
      const replies = await flow.onMessage(context, text);
      const action = AUDITED_FLOWS[flow.name];
      // Publishing or removing a report ends its flow (确认 or 取消).
      if (action && !context.conversation.flow) record(context, action, firstLine(replies));
      return replies;
    }
    if (!command) {
      // A bare number with nothing to choose from is not a question about a figure.
      return /^\d{1,2}$/.test(text) ? [{ text: intents.texts.unknownChoice }] : ask(context, text);
    }
    const spec = commands[command.name];
    if (!spec) return [{ text: intents.texts.notAvailable }];
    const group = context.message.chatType === "group";
    // Commands that show data answer only in a private chat, whoever asks (issue 13, item 4).
    if (group && PRIVATE_DATA_COMMANDS.has(command.name)) {
      return [{ text: ACCESS_TEXTS.privateData }];
    }
    if (spec.privateOnly && group) return [{ text: intents.texts.privateOnly }];
    if (spec.adminOnly && !context.admin) return [{ text: intents.texts.adminOnly }];
    if (spec.allow && !spec.allow.includes(context.access.role)) {
      return [{ text: ACCESS_TEXTS.notAllowed }];
    }
    const replies = await spec.run({ ...context, args: command.args });
    const rule = AUDITED_COMMANDS[command.name];
    const reply = firstLine(replies);
    if (rule && (rule.when?.(command.args, reply) ?? true)) {
      record(context, rule.action, rule.detail?.(command.args, reply) ?? command.args);
    }
    return replies;
  }

  /** Writes an action to the audit log; a failing log never costs the person their answer. */
  function record(context: CommandContext, action: string, detail: string): void {
    try {
      options.audit?.record({
        at: context.now,
        actor: context.identity,
        role: context.access.role,
        action,
        detail: detail.slice(0, AUDIT_DETAIL_MAX),
      });
    } catch (error) {
      log.error(`audit of ${action} by ${context.identity} failed: ${describeError(error)}`);
    }
  }

  async function ask(context: CommandContext, typed: string): Promise<Reply[]> {
    // Matching time grows with the text: a question is a sentence or two, never a document.
    if (typed.length > MAX_QUESTION) return [{ text: intents.texts.tooLong }];
    const text = followUpOf(context, typed);
    context.conversation.lastQuestion = { text, at: context.now.toISOString() };
    const understood = text === typed ? [] : [`（接上一问：${text}）`];
    for (const hook of options.answerHooks ?? []) {
      const replies = await hook(context, text);
      if (replies) return withNote(understood, replies);
    }
    const group = context.message.chatType === "group";
    const { answer, text: reply, choices, others } = options.answerer.ask(text, { short: group });
    context.conversation.others = others?.length ? others : undefined;
    // A question with no figure is logged, and what the person picks next is noted beside it.
    context.conversation.unanswered = answer ? undefined : typed;
    if (!answer) {
      await options.unanswered?.record({
        question: typed.slice(0, 200),
        at: context.now.toISOString(),
        choices: choices.map((c) => c.label),
      });
    }
    return withNote(understood, [{ text: reply, choices }]);
  }

  /** "那存栏呢" within 10 minutes of "生猪出栏多少": the whole question it asks. */
  function followUpOf(context: CommandContext, text: string): string {
    const last = context.conversation.lastQuestion;
    if (!last || !options.answerer.followUp) return text;
    if (context.now.getTime() - Date.parse(last.at) > FOLLOW_UP_MS) return text;
    return options.answerer.followUp(last.text, text) ?? text;
  }

  return {
    async handle(message, scope) {
      if ((!message.text.trim() && !message.document) || !addressed(message)) return [];
      const key = conversationKey(message);
      const conversations = scope?.conversations ?? options.conversations;
      return queue
        .run(key, () => process(message, key, conversations))
        .catch((error: unknown) => {
          log.error(
            `handling message ${message.messageId ?? "?"} from ${key} failed: ${describeError(error)}`,
          );
          return [{ text: intents.texts.apology }];
        });
    },
  };
}

/** Where a message's conversation state is kept: one per person and chat. */
export function conversationKey(message: Pick<Message, "channel" | "chatId" | "userId">): string {
  return `${message.channel}:${message.chatId}:${message.userId}`;
}

/** The longest question answered (characters). */
export const MAX_QUESTION = 500;

/** The first line of the first reply (what the audit log keeps of an outcome). */
function firstLine(replies: Reply[]): string {
  return replies[0]?.text.split("\n")[0] ?? "";
}

/** Puts a line before the first reply ("（接上一问：生猪存栏多少）"). */
function withNote(lines: string[], replies: Reply[]): Reply[] {
  if (!lines.length || !replies[0]) return replies;
  return [{ ...replies[0], text: `${lines.join("\n")}\n${replies[0].text}` }, ...replies.slice(1)];
}

/** In groups the bot speaks only when spoken to: commands, @mentions, replies to it. */
function addressed(message: Message): boolean {
  if (message.chatType === "private") return true;
  return message.text.trim().startsWith("/") || Boolean(message.mentioned || message.replyToBot);
}

/** A message with question marks ("多少", "吗") and no digits is not a form answer. */
function isQuestion(text: string, intents: CommandIntents): boolean {
  return !/[\d０-９]/.test(text) && intents.questionMarkers.some((m) => text.includes(m));
}

/** A bare number picks one of the choices last offered. */
function selectChoice(text: string, conversation: Conversation): string {
  const pick = /^\d{1,2}$/.test(text) ? Number(text) : 0;
  const choice = conversation.choices?.[pick - 1];
  return choice ? choice.value : text;
}

function builtins(
  answerer: QuestionAnswerer,
  intents: CommandIntents,
  unanswered: UnansweredLog | undefined,
): Record<string, CommandSpec> {
  return {
    start: { run: () => [{ text: intents.texts.welcome }] },
    help: { run: () => [{ text: intents.texts.help }] },
    show: {
      run: async ({ args, message, conversation }) => {
        const shown = answerer.show(args, { short: message.chatType === "group" });
        // Picked after "no such figure": a lesson the office may want to teach.
        if (shown?.answer && conversation.unanswered) {
          await unanswered?.picked(conversation.unanswered, shown.answer.name);
          conversation.unanswered = undefined;
        }
        return [shown ? { text: shown.text } : { text: intents.texts.unknownChoice }];
      },
    },
    // "不是这个": the figures offered with the last answer, again.
    others: {
      run: ({ conversation }) => {
        const offered = conversation.choices?.length ? conversation.choices : conversation.others;
        return offered?.length
          ? [{ text: intents.texts.others, choices: offered }]
          : [{ text: intents.texts.noOthers }];
      },
    },
  };
}
