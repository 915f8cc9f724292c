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
import { sql, type Selectable } from "kysely";
import { memoryDatabase, openDatabase, type Database } from "./db/database.js";
import type { BindingTable } from "./db/schema.js";

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
export type BindResult =
  { ok: true; township: string } | { ok: false; error: string; reason: keyof typeof BIND_ERRORS };

/** Invite codes and identity → township bindings. */
export interface BindingStore {
  /**
   * Creates a one-time code for `township`, valid 7 days from `now`; `name` is the liaison's name
   * as the office gives it, recorded with the binding the code makes.
   */
  createInvite(
    township: string,
    createdBy: string,
    now: Date,
    name?: string,
  ): Promise<{ code: string; expiresAt: Date }>;
  /**
   * Redeems a code: binds `identity` to its township, replacing any earlier binding of it. The
   * binding is named by the invite's name, else by `name`.
   */
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

/** A binding store over a store database. */
export function sqlBindingStore(db: Database, options: BindingStoreOptions = {}): BindingStore {
  const { q } = db;
  const all = () =>
    db.all(
      q
        .selectFrom("bindings")
        .selectAll()
        .orderBy("bound_at")
        .orderBy(sql`rowid`),
    );
  return {
    createInvite: async (township, createdBy, now, name) =>
      addInvite(db, checkInvite(township, createdBy, now, name, options), now),
    bind: async (code, identity, name, now) =>
      redeem(db, normaliseCode(code), checkBind(identity, name, now), now),
    unbind: async (identity) =>
      db.run(q.deleteFrom("bindings").where("identity", "=", identity)) > 0,
    townshipOf: (identity) =>
      db.first(q.selectFrom("bindings").select("township").where("identity", "=", identity))
        ?.township,
    liaisonsOf: (township) =>
      all()
        .filter((b) => b.township === township)
        .map((b) => b.identity),
    bindings: () => all().map(toBinding),
  };
}

/** The binding store of a data folder's database. */
export function openBindingStore(dataDir: string, options?: BindingStoreOptions): BindingStore {
  return sqlBindingStore(openDatabase(dataDir), options);
}

/** An in-memory binding store for tests. */
export function memoryBindingStore(options?: BindingStoreOptions): BindingStore {
  return sqlBindingStore(memoryDatabase(), options);
}

/** Upper-cases a typed code and drops spaces and dashes ("abcd-2345" → "ABCD2345"). */
export function normaliseCode(code: string): string {
  return code.normalize("NFKC").toUpperCase().replace(/[\s-]/g, "");
}

const InviteInputSchema = z.object({
  township: TownshipNameSchema,
  createdBy: IdentitySchema,
  now: z.date(),
  name: PersonNameSchema.optional(),
});
const BindInputSchema = z.object({
  identity: IdentitySchema,
  name: DisplayNameSchema,
  now: z.date(),
});

function checkInvite(
  township: string,
  createdBy: string,
  now: Date,
  name: string | undefined,
  options: BindingStoreOptions,
) {
  parseInput(InviteInputSchema, { township, createdBy, now, name }, "invite");
  if (options.townships && !options.townships.includes(township)) {
    throw new StoreInputError(`Refused invite: "${township}" is not in the roster`);
  }
  return { township, createdBy, name };
}

function checkBind(identity: string, name: string | undefined, now: Date) {
  const input = parseInput(BindInputSchema, { identity, name, now }, "binding");
  return { identity: input.identity, name: input.name };
}

function addInvite(
  db: Database,
  invite: { township: string; createdBy: string; name?: string },
  now: Date,
): { code: string; expiresAt: Date } {
  const { q } = db;
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  return db.transaction(
    () => {
      // Spent or expired invites are forgotten after a while; the table stays small.
      const forget = new Date(now.getTime() - INVITE_KEEP_MS).toISOString();
      db.run(
        q
          .deleteFrom("invites")
          .where(({ eb, or, and }) =>
            or([
              and([eb("used_at", "is not", null), eb("used_at", "<", forget)]),
              and([eb("used_at", "is", null), eb("expires_at", "<", forget)]),
            ]),
          ),
      );
      let code = randomCode();
      while (db.first(q.selectFrom("invites").select("code").where("code", "=", code)))
        code = randomCode();
      db.run(
        q.insertInto("invites").values({
          code,
          township: invite.township,
          created_by: invite.createdBy,
          created_at: now.toISOString(),
          expires_at: expiresAt.toISOString(),
          used_by: null,
          used_at: null,
          name: invite.name ?? null,
        }),
      );
      return { code, expiresAt };
    },
    { durable: true },
  );
}

/** Redeems a code in one transaction: of people racing for one code, one gets the binding. */
function redeem(
  db: Database,
  code: string,
  who: { identity: string; name: string | undefined },
  now: Date,
): BindResult {
  const { q } = db;
  return db.transaction(
    (): BindResult => {
      const invite = db.first(q.selectFrom("invites").selectAll().where("code", "=", code));
      if (!invite) return refused("invalid");
      if (invite.used_by !== null) {
        // A retried message from the same person is answered as the first one was.
        const bound = db.first(
          q.selectFrom("bindings").select("township").where("identity", "=", who.identity),
        );
        const again = invite.used_by === who.identity && bound?.township === invite.township;
        return again ? { ok: true, township: invite.township } : refused("used");
      }
      if (now.getTime() > Date.parse(invite.expires_at)) return refused("expired");
      // The office's name for the liaison, else the one the caller gave.
      const name = invite.name ?? who.name ?? null;
      db.run(
        q
          .updateTable("invites")
          .set({ used_by: who.identity, used_at: now.toISOString() })
          .where("code", "=", code),
      );
      db.run(
        q
          .insertInto("bindings")
          .values({
            identity: who.identity,
            township: invite.township,
            name,
            bound_at: now.toISOString(),
          })
          .onConflict((c) =>
            c.column("identity").doUpdateSet({
              township: invite.township,
              name,
              bound_at: now.toISOString(),
            }),
          ),
      );
      return { ok: true, township: invite.township };
    },
    { durable: true },
  );
}

function refused(reason: keyof typeof BIND_ERRORS): BindResult {
  return { ok: false, error: BIND_ERRORS[reason], reason };
}

function randomCode(): string {
  let code = "";
  for (let i = 0; i < INVITE_LENGTH; i++)
    code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

function toBinding(b: Selectable<BindingTable>): Binding {
  return {
    identity: b.identity,
    township: b.township,
    ...(b.name === null ? {} : { name: b.name }),
    boundAt: new Date(b.bound_at),
  };
}
