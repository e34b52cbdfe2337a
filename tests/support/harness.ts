import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { db } from "@/lib/db/client";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { PERMISSIONS, TOKEN_SCOPE_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { ServiceContext, TokenScope } from "@/lib/context";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { authenticateApiToken } from "@/lib/tokens/authenticate-api-token";
import type { TestOrg } from "@/scripts/support/create-test-org";

/**
 * The permission and tenant-isolation harness shared by the integration tests: who acts (every role of
 * the table and both token scopes), what the table says they may do (derived from PERMISSIONS and
 * TOKEN_SCOPE_PERMISSIONS only, never from `can`), and how a refusal or a foreign id must look.
 */

export const TOKEN_ACTORS = { read_token: ["read"], write_token: ["write"] } as const satisfies Record<string, TokenScope[]>;
export type TokenActor = keyof typeof TOKEN_ACTORS;
export type ActorKey = Role | TokenActor;
export const ACTORS: ActorKey[] = [...ROLES, "read_token", "write_token"];
/** Whose system a system-scoped verb acts on: the acting user's own, or another member's. */
export type Ownership = "own" | "other";
export type Outcome = "allowed" | "FORBIDDEN";

export const isToken = (key: ActorKey): key is TokenActor => key in TOKEN_ACTORS;
export const unique = () => randomBytes(4).toString("hex");
/** An id in the same shape as a real one that exists nowhere. */
export const randomId = () => `c${randomBytes(12).toString("hex")}`;

/** A context acting as `key` in `org` (tokens as an in-memory token actor; see tokenContexts for real ones). */
export function ctxFor(org: TestOrg, key: ActorKey): ServiceContext {
  if (isToken(key)) return { orgId: org.orgId, actor: { type: "token", tokenId: "t", scopes: [...TOKEN_ACTORS[key]], label: "t" } };
  return org.as(key);
}

/** "any" → allowed; "own" → allowed only on a system the acting user owns; absent → FORBIDDEN. */
export function expectedOutcome(key: ActorKey, permission: Permission, ownership: Ownership | null): Outcome {
  if (isToken(key)) return TOKEN_ACTORS[key].some((scope) => TOKEN_SCOPE_PERMISSIONS[scope].includes(permission)) ? "allowed" : "FORBIDDEN";
  const grant = (PERMISSIONS[permission] as Partial<Record<Role, "any" | "own">>)[key];
  if (grant === "any") return "allowed";
  if (grant === "own") {
    if (ownership === null) throw new Error(`"${permission}" is granted "own" to ${key}: give its verb a system target`);
    return ownership === "own" ? "allowed" : "FORBIDDEN";
  }
  return "FORBIDDEN";
}

/** True when the table lets the actor attempt the action at all ("any" or "own"). */
export function holds(key: ActorKey, permission: Permission): boolean {
  if (isToken(key)) return TOKEN_ACTORS[key].some((scope) => TOKEN_SCOPE_PERMISSIONS[scope].includes(permission));
  return (PERMISSIONS[permission] as Partial<Record<Role, string>>)[key] !== undefined;
}

export async function auditSeq(orgId: string): Promise<number> {
  return (await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { auditSeq: true } })).auditSeq;
}

/** The value or the AppError of a call; any other error fails the test. */
export async function settle(promise: Promise<unknown>): Promise<{ value?: unknown; error?: AppError }> {
  try {
    return { value: await promise };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { error };
  }
}

export async function expectAppError(promise: Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const { value, error } = await settle(promise);
  expect(value, `expected AppError ${code}, but the call succeeded`).toBeUndefined();
  expect(error?.code, error?.message).toBe(code);
  return error!;
}

/** A member of `org` with `role` who is none of the acting users (owns the "other" systems). */
export async function addBystander(org: TestOrg, role: Role = "risk_owner"): Promise<string> {
  const user = await db.user.create({ data: { email: `bystander-${unique()}@example.test`, name: "Bystander" }, select: { id: true } });
  await db.membership.create({ data: { orgId: org.orgId, userId: user.id, role } });
  return user.id;
}

/** Real API tokens of `org`, one per token actor, authenticated as a request would be (secrets included for HTTP calls). */
export async function tokenContexts(org: TestOrg): Promise<Record<TokenActor, { ctx: ServiceContext; secret: string }>> {
  const out = {} as Record<TokenActor, { ctx: ServiceContext; secret: string }>;
  for (const key of Object.keys(TOKEN_ACTORS) as TokenActor[]) {
    const { secret } = await createApiToken({ ctx: org.system, input: { name: key, scopes: [...TOKEN_ACTORS[key]] } });
    out[key] = { ctx: await authenticateApiToken(`Bearer ${secret}`), secret };
  }
  return out;
}

export type MatrixSpec = {
  /** The permission the verb checks (the expected outcome per actor is derived from it). */
  permission: Permission;
  /** Acts on one AI system, so "own" grants depend on who owns it. */
  targetsSystem: boolean;
};

export type MatrixCell<S> = { name: string; actor: ActorKey; ownership: Ownership | null; expected: Outcome; spec: S };

/**
 * One cell per actor, and for system-scoped verbs one on the acting user's own system and one on
 * another member's. Tokens own nothing, so they get one cell (on another member's system).
 */
export function matrixCells<S extends MatrixSpec>(specs: S[], label: (spec: S) => string, outcome = expectedOutcome): MatrixCell<S>[] {
  return specs.flatMap((spec) =>
    ACTORS.flatMap((actor) =>
      (spec.targetsSystem && !isToken(actor) ? (["own", "other"] as const) : [spec.targetsSystem ? ("other" as const) : null]).map((ownership) => {
        const expected = outcome(actor, spec.permission, ownership);
        const where = ownership === "own" ? " on own system" : ownership === "other" ? " on another's system" : "";
        return { name: `${label(spec)} as ${actor}${where} → ${expected}`, actor, ownership, expected, spec };
      }),
    ),
  );
}
