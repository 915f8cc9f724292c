// Who reports for which township: one-time invite codes the office hands out, and the bindings
// of chat identities ("wecom:zhangsan") to townships that redeeming a code creates.
import { randomInt } from "node:crypto";
import { z } from "zod";
import {
  DisplayNameSchema,
  IdentitySchema,
  PersonNameSchema,
  TownshipNameSchema,
} from "./identity.js";
import { StoreInputError, parseInput } from "./input-error.js";
import { memoryDoc, openJsonDoc, type JsonDoc } from "./json-doc.js";
import { queueOf } from "./serial.js";

/** Letters and digits nobody confuses when reading them aloud or off a phone (no 0/O, 1/I/L). */
export const INVITE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
/** Length of an invite code: 31^8 ≈ 8.5e11 codes, far beyond guessing within a week. */
export const INVITE_LENGTH = 8;
/** How long an invite stays valid. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** Spent or expired invites are dropped this long after they stopped being usable. */
const INVITE_KEEP_MS = 90 * 24 * 60 * 60 * 1000;

const InviteSchema = z.object({
  code: z.string().regex(new RegExp(`^[${INVITE_ALPHABET}]{${INVITE_LENGTH}}$`)),
  township: TownshipNameSchema,
  createdBy: IdentitySchema,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  usedBy: IdentitySchema.optional(),
  usedAt: z.iso.datetime().optional(),
});

const BindingSchema = z.object({
  identity: IdentitySchema,
  township: TownshipNameSchema,
  name: PersonNameSchema.optional(),
  boundAt: z.iso.datetime(),
});

/** The bindings file: invites and current bindings, one binding per identity. */
export const BindingsDataSchema = z.object({
  version: z.literal(1),
  invites: z.array(InviteSchema),
  bindings: z
    .array(BindingSchema)
    .refine((list) => new Set(list.map((b) => b.identity)).size === list.length, {
      message: "an identity may be bound only once",
    }),
});
export type BindingsData = z.infer<typeof BindingsDataSchema>;

/** A chat identity reporting for a township. */
export interface Binding {
  identity: string;
  township: string;
  name?: string;
  boundAt: Date;
}

/** Outcome of redeeming an invite code; `error` is a Chinese sentence for the user. */
export type BindResult = { ok: true; township: string } | { ok: false; error: string };

/** Invite codes and identity → township bindings. */
export interface BindingStore {
  /** Creates a one-time code for `township`, valid 7 days from `now`. */
  createInvite(
    township: string,
    createdBy: string,
    now: Date,
  ): Promise<{ code: string; expiresAt: Date }>;
  /** Redeems a code: binds `identity` to its township, replacing any earlier binding of it. */
  bind(code: string, identity: string, name: string | undefined, now: Date): Promise<BindResult>;
  /** Removes the binding of `identity`; false when it had none. */
  unbind(identity: string): Promise<boolean>;
  /** The township `identity` reports for. */
  townshipOf(identity: string): string | undefined;
  /** Identities bound to `township`, in binding order. */
  liaisonsOf(township: string): string[];
  /** Every current binding. */
  bindings(): Binding[];
}

/** Options of the binding stores. */
export interface BindingStoreOptions {
  /** Township names invites may be created for (default: any name). */
  townships?: readonly string[];
}

/** Texts a liaison sees when a code does not work. */
export const BIND_ERRORS = {
  invalid: "邀请码无效，请核对后重新输入（字母不区分大小写）。",
  expired: "邀请码已过期，请联系区办公室重新生成。",
  used: "邀请码已被使用，请联系区办公室重新生成。",
} as const;

/** A binding store over a JSON document. */
export function createBindingStore(
  doc: JsonDoc<BindingsData>,
  options: BindingStoreOptions = {},
): BindingStore {
  const queue = queueOf(doc);
  const data = () => doc.data;
  return {
    createInvite: (township, createdBy, now) =>
      queue(() => addInvite(doc, checkInvite(township, createdBy, now, options), now)),
    bind: (code, identity, name, now) =>
      queue(() => redeem(doc, normaliseCode(code), checkBind(identity, name, now), now)),
    unbind: (identity) => queue(() => removeBinding(doc, identity)),
    townshipOf: (identity) => data().bindings.find((b) => b.identity === identity)?.township,
    liaisonsOf: (township) =>
      data()
        .bindings.filter((b) => b.township === township)
        .map((b) => b.identity),
    bindings: () => data().bindings.map(toBinding),
  };
}

const emptyBindings = (): BindingsData => ({ version: 1, invites: [], bindings: [] });

/** A binding store persisted in `file` (created on first write). */
export function openBindingStore(file: string, options?: BindingStoreOptions): BindingStore {
  return createBindingStore(openJsonDoc(file, BindingsDataSchema, emptyBindings), options);
}

/** An in-memory binding store for tests. */
export function memoryBindingStore(options?: BindingStoreOptions): BindingStore {
  return createBindingStore(memoryDoc(emptyBindings()), options);
}

/** Upper-cases a typed code and drops spaces and dashes ("abcd-2345" → "ABCD2345"). */
export function normaliseCode(code: string): string {
  return code.normalize("NFKC").toUpperCase().replace(/[\s-]/g, "");
}

const InviteInputSchema = z.object({
  township: TownshipNameSchema,
  createdBy: IdentitySchema,
  now: z.date(),
});
const BindInputSchema = z.object({
  identity: IdentitySchema,
  name: DisplayNameSchema,
  now: z.date(),
});

function checkInvite(township: string, createdBy: string, now: Date, options: BindingStoreOptions) {
  parseInput(InviteInputSchema, { township, createdBy, now }, "invite");
  if (options.townships && !options.townships.includes(township)) {
    throw new StoreInputError(`Refused invite: "${township}" is not in the roster`);
  }
  return { township, createdBy };
}

function checkBind(identity: string, name: string | undefined, now: Date) {
  const input = parseInput(BindInputSchema, { identity, name, now }, "binding");
  return { identity: input.identity, name: input.name };
}

async function addInvite(
  doc: JsonDoc<BindingsData>,
  invite: { township: string; createdBy: string },
  now: Date,
): Promise<{ code: string; expiresAt: Date }> {
  const taken = new Set(doc.data.invites.map((i) => i.code));
  let code = randomCode();
  while (taken.has(code)) code = randomCode();
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  await doc.update((data) => {
    data.invites = data.invites.filter((i) => !isStale(i, now));
    data.invites.push({
      code,
      ...invite,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
  });
  return { code, expiresAt };
}

async function redeem(
  doc: JsonDoc<BindingsData>,
  code: string,
  who: { identity: string; name: string | undefined },
  now: Date,
): Promise<BindResult> {
  const invite = doc.data.invites.find((i) => i.code === code);
  if (!invite) return { ok: false, error: BIND_ERRORS.invalid };
  if (invite.usedBy !== undefined) {
    // A retried message from the same person is answered as the first one was.
    const again =
      invite.usedBy === who.identity && isBoundTo(doc.data, who.identity, invite.township);
    return again ? { ok: true, township: invite.township } : { ok: false, error: BIND_ERRORS.used };
  }
  if (now.getTime() > Date.parse(invite.expiresAt))
    return { ok: false, error: BIND_ERRORS.expired };
  await doc.update((data) => {
    const target = data.invites.find((i) => i.code === code);
    if (target) Object.assign(target, { usedBy: who.identity, usedAt: now.toISOString() });
    data.bindings = data.bindings.filter((b) => b.identity !== who.identity);
    data.bindings.push({
      identity: who.identity,
      township: invite.township,
      ...(who.name === undefined ? {} : { name: who.name }),
      boundAt: now.toISOString(),
    });
  });
  return { ok: true, township: invite.township };
}

async function removeBinding(doc: JsonDoc<BindingsData>, identity: string): Promise<boolean> {
  if (!doc.data.bindings.some((b) => b.identity === identity)) return false;
  await doc.update((data) => {
    data.bindings = data.bindings.filter((b) => b.identity !== identity);
  });
  return true;
}

function isBoundTo(data: BindingsData, identity: string, township: string): boolean {
  return data.bindings.some((b) => b.identity === identity && b.township === township);
}

/** Whether an invite is spent or expired for long enough to forget it. */
function isStale(invite: z.infer<typeof InviteSchema>, now: Date): boolean {
  const end = Date.parse(invite.usedAt ?? invite.expiresAt);
  return now.getTime() - end > INVITE_KEEP_MS;
}

function randomCode(): string {
  let code = "";
  for (let i = 0; i < INVITE_LENGTH; i++)
    code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

function toBinding(b: z.infer<typeof BindingSchema>): Binding {
  return {
    identity: b.identity,
    township: b.township,
    ...(b.name === undefined ? {} : { name: b.name }),
    boundAt: new Date(b.boundAt),
  };
}
