// Who someone is: /invite and /bind tie a chat identity to a township, /unbind undoes it, /as
// lets the console operator act as a township's liaison (/whoami is the engine's, core/access).
import type { CommandContext, CommandSpec } from "../engine.js";
import type { FormDeps } from "../forms/deps.js";
import { readTownship } from "../forms/one-line.js";
import type { Reply } from "../types.js";
import { IdentitySchema } from "../../store/identity.js";
import { COMMAND_TEXTS as T } from "./texts.js";

/** The identity commands by name. */
export function identityCommands(deps: FormDeps): Record<string, CommandSpec> {
  return {
    // Codes are secrets: handed out in a private chat only (!)
    invite: { run: (c) => invite(deps, c), adminOnly: true, privateOnly: true },
    bind: { run: (c) => bind(deps, c), privateOnly: true },
    unbind: { run: (c) => unbind(deps, c), adminOnly: true },
    as: { run: (c) => actAs(deps, c), adminOnly: true },
  };
}

function say(text: string): Reply[] {
  return [{ text }];
}

async function invite(deps: FormDeps, context: CommandContext): Promise<Reply[]> {
  if (!context.args) return say(T.inviteUsage);
  const township = readTownship(context.args, deps.roster);
  if (!township.ok || !township.name) return say(township.ok ? T.inviteUsage : township.error);
  const { code, expiresAt } = await deps.bindings.createInvite(
    township.name,
    context.identity,
    context.now,
  );
  return say(T.invited(township.name, code, expiresAt));
}

async function bind(deps: FormDeps, context: CommandContext): Promise<Reply[]> {
  if (!context.args) return say(T.bindUsage);
  const before = deps.bindings.townshipOf(context.identity);
  // The store tidies platform display names (DisplayNameSchema).
  const { userName } = context.message;
  const result = await deps.bindings.bind(context.args, context.identity, userName, context.now);
  return say(result.ok ? T.bound(result.township, before) : result.error);
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
  context.conversation.actingAs = township.name;
  return say(T.actingAs(township.name));
}
