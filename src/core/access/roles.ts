// Who is who, stated once (issue 13): the office's admins (ADMINS, and the terminal operator),
// viewers (district leaders: VIEWERS, or granted by an admin), liaisons (bound to a township by
// an invite), and everyone else. What each may see and do is decided from here.

/** A person's role. */
export type Role = "admin" | "viewer" | "liaison" | "public";

/** A person's role, and the township they are bound to (admins and viewers may be bound too). */
export interface Access {
  role: Role;
  township?: string;
}

/** A viewer granted by an admin. */
export interface ViewerGrant {
  identity: string;
  grantedBy: string;
  grantedAt: Date;
}

/** Viewers granted with /grant, kept by the store (`src/store/db/roles.ts`). */
export interface ViewerGrants {
  has(identity: string): boolean;
  /** Every grant, oldest first. */
  list(): ViewerGrant[];
  /** Grants `identity`; false when it already was a viewer. */
  grant(identity: string, grantedBy: string, at: Date): Promise<boolean>;
  /** Takes a grant back; false when there was none. */
  revoke(identity: string): Promise<boolean>;
}

/** The township an identity is bound to (the binding store fits). */
export interface TownshipLookup {
  townshipOf(identity: string): string | undefined;
}

/** Options of `createRoles`. */
export interface RolesOptions {
  /** Admin identities ("telegram:12345", "wecom:alice"; default: none). */
  admins?: readonly string[];
  /** Viewers from the configuration (VIEWERS; default: none). */
  viewers?: readonly string[];
  /** Viewers granted by admins (default: none can be granted). */
  grants?: ViewerGrants;
  /** Bindings to townships (default: nobody is a liaison). */
  bindings?: TownshipLookup;
}

/** Decides people's roles. */
export interface Roles {
  accessOf(identity: string): Access;
  /** Viewers named in the configuration (they cannot be revoked in the chat). */
  readonly configuredViewers: readonly string[];
  readonly configuredAdmins: readonly string[];
  readonly grants?: ViewerGrants;
}

/**
 * The user id the channels give a sender they cannot tell apart (Telegram's anonymous group
 * admins share one sender): such a person holds no role and no binding.
 */
export const ANONYMOUS_USER = "anonymous";

/** Creates the role rules over the given lists and stores. */
export function createRoles(options: RolesOptions = {}): Roles {
  const admins = new Set(options.admins ?? []);
  const viewers = new Set(options.viewers ?? []);
  return {
    accessOf(identity) {
      if (isAnonymous(identity)) return { role: "public" };
      const township = options.bindings?.townshipOf(identity);
      const bound = township === undefined ? {} : { township };
      if (identity.startsWith("console:") || admins.has(identity))
        return { role: "admin", ...bound };
      if (viewers.has(identity) || options.grants?.has(identity))
        return { role: "viewer", ...bound };
      if (township !== undefined) return { role: "liaison", township };
      return { role: "public" };
    },
    configuredViewers: [...viewers],
    configuredAdmins: [...admins],
    grants: options.grants,
  };
}

/** True for an identity that stands for whoever sent it ("telegram:anonymous"). */
export function isAnonymous(identity: string): boolean {
  return identity.slice(identity.indexOf(":") + 1) === ANONYMOUS_USER;
}

/** Admins and viewers see every township's submitted figures, who reported and receipts. */
export function seesAllTownships(access: Access): boolean {
  return access.role === "admin" || access.role === "viewer";
}

/** Those who see `township`'s submitted figures: admins, viewers and that township's liaisons. */
export function seesTownship(access: Access, township: string): boolean {
  return seesAllTownships(access) || (access.role === "liaison" && access.township === township);
}

/** Registered users (anyone but the public) see who has and has not reported. */
export function isRegistered(access: Access): boolean {
  return access.role !== "public";
}

/** How a role is named to people. */
export const ROLE_NAMES: Record<Role, string> = {
  admin: "管理员",
  viewer: "查看人（区领导）",
  liaison: "联络员",
  public: "普通用户",
};
