// Who someone is: /invite and /bind tie a chat identity to a township, /unbind undoes it, /as
// lets the console operator act as a township's liaison (/whoami is the engine's, core/access).
import { z } from "zod";
import type { CommandContext, CommandSpec } from "../engine.js";
import type { FormDeps } from "../forms/deps.js";
import { clearDraft, FLOW_NAME, readDraft } from "../forms/draft.js";
import { draftPlace } from "../forms/form.js";
import { readTownship } from "../forms/one-line.js";
import { TEXTS } from "../forms/texts.js";
import type { Reply } from "../types.js";
import { IdentitySchema } from "../identity.js";
import type { BindGuard } from "../access/bind-guard.js";
import { COMMAND_TEXTS as T } from "./texts.js";

/** A liaison's name as the office gives it with `/invite 某某镇 张三`. */
const InviteNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}\d:：/]+$/u);

/** The identity commands by name; `guard` counts wrong invite codes. */
export function identityCommands(deps: FormDeps, guard: BindGuard): Record<string, CommandSpec> {
  return {
    // Codes are secrets: handed out in a private chat only (!)
    invite: { run: (c) => invite(deps, c), adminOnly: true, privateOnly: true },
    bind: { run: (c) => bind(deps, guard, c), privateOnly: true },
    unbind: { run: (c) => unbind(deps, c), adminOnly: true },
    as: { run: (c) => actAs(deps, c), adminOnly: true },
  };
}

function say(text: string): Reply[] {
  return [{ text }];
}

async function invite(deps: FormDeps, context: CommandContext): Promise<Reply[]> {
  const [place = "", ...rest] = context.args.split(/\s+/).filter(Boolean);
  if (!place) return say(T.inviteUsage);
  const township = readTownship(place, deps.roster);
  if (!township.ok || !township.name) return say(township.ok ? T.inviteUsage : township.error);
  const typedName = rest.join(" ");
  const name = typedName ? InviteNameSchema.safeParse(typedName) : undefined;
  if (name && !name.success) return say(T.inviteNameRefused);
  const { code, expiresAt } = await deps.bindings.createInvite(
    township.name,
    context.identity,
    context.now,
    name?.data,
  );
  return say(T.invited(township.name, code, expiresAt, name?.data));
}

async function bind(deps: FormDeps, guard: BindGuard, context: CommandContext): Promise<Reply[]> {
  if (!context.args) return say(T.bindUsage);
  const { identity, now } = context;
  // While cooling down no code is even tried: a right one found by guessing would not bind.
  const refusal = guard.refusal(identity, now);
  if (refusal) return say(refusal);
  const before = deps.bindings.townshipOf(identity);
  // No display name: a platform profile name is self-chosen, not an identity (issue 13); the
  // binding takes the name the office gave with the invite.
  const result = await deps.bindings.bind(context.args.slice(0, 64), identity, undefined, now);
  if (result.ok) return say(T.bound(result.township, before));
  if (result.reason !== "invalid") return say(result.error);
  const note = await guard.wrong(identity, now);
  return say(note ? `${result.error}${note}` : result.error);
}

async function unbind(deps: FormDeps, context: CommandContext): Promise<Reply[]> {
  const target = context.args.trim();
  if (!target) return say(T.unbindUsage);
  if (IdentitySchema.safeParse(target).success) {
    const township = deps.bindings.townshipOf(target);
    const removed = await deps.bindings.unbind(target);
    return say(removed && township ? T.unboundOne(target, township) : T.notBound(target));
  }
  const township = readTownship(target, deps.roster);
  if (!township.ok || !township.name) return say(township.ok ? T.unbindUsage : township.error);
  const identities = deps.bindings.liaisonsOf(township.name);
  for (const identity of identities) await deps.bindings.unbind(identity);
  return say(
    identities.length
      ? T.unboundTownship(township.name, identities)
      : T.townshipHasNone(township.name),
  );
}

function actAs(deps: FormDeps, context: CommandContext): Reply[] {
  if (!context.args) {
    const was = context.conversation.actingAs;
    delete context.conversation.actingAs;
    return say(was ? T.actingCleared : T.notActing);
  }
  const township = readTownship(context.args, deps.roster);
  if (!township.ok || !township.name) return say(township.ok ? T.notActing : township.error);
  // An open draft belongs to who the operator was acting as: it is named and dropped now,
  // never offered for another township later.
  const draft = readDraft(context.conversation, deps.task);
  const dropped = draft.ok ? [TEXTS.droppedForNew(draftPlace(draft.draft))] : [];
  if (context.conversation.flow?.name === FLOW_NAME) clearDraft(context.conversation);
  context.conversation.actingAs = township.name;
  return say([...dropped, T.actingAs(township.name)].join("\n"));
}
