import { AppError } from "@/lib/errors";
import type { Actor, ServiceContext, TokenScope } from "@/lib/context";
import type { Role } from "./roles";

/**
 * The permission table. It is the single source for the checks inside every domain verb, for
 * hiding UI controls, and for docs/permissions.md (a unit test keeps that page in sync).
 * "own" = only on AI systems whose owner is the acting user.
 */
export const PERMISSIONS = {
  "inventory:read": { admin: "any", compliance_officer: "any", risk_owner: "any", executive: "any", auditor: "any" },
  "system:create": { admin: "any", compliance_officer: "any" },
  "system:update": { admin: "any", compliance_officer: "any", risk_owner: "own" },
  "system:classify": { admin: "any", compliance_officer: "any", risk_owner: "own" },
  "system:archive": { admin: "any", compliance_officer: "any" },
  "threat:write": { admin: "any", compliance_officer: "any", risk_owner: "own" },
  "risk:write": { admin: "any", compliance_officer: "any", risk_owner: "own" },
  "risk:approve": { admin: "any", compliance_officer: "any", executive: "any" },
  "control:write": { admin: "any", compliance_officer: "any", risk_owner: "own" },
  "finding:import": { admin: "any", compliance_officer: "any", risk_owner: "own" },
  "finding:triage": { admin: "any", compliance_officer: "any", risk_owner: "own" },
  "finding:map": { admin: "any", compliance_officer: "any" },
  "catalog:import": { admin: "any" },
  "matrix:manage": { admin: "any" },
  "member:read": { admin: "any", compliance_officer: "any", risk_owner: "any", executive: "any", auditor: "any" },
  "member:manage": { admin: "any" },
  "token:manage": { admin: "any" },
  "audit:read": { admin: "any", auditor: "any" },
} as const satisfies Record<string, Partial<Record<Role, "any" | "own">>>;

export type Permission = keyof typeof PERMISSIONS;

/** What an organisation API token may do, by scope. Tokens never manage members, tokens or read the audit trail. */
export const TOKEN_SCOPE_PERMISSIONS: Record<TokenScope, Permission[]> = {
  read: ["inventory:read"],
  write: [
    "inventory:read",
    "system:create",
    "system:update",
    "system:classify",
    "system:archive",
    "threat:write",
    "risk:write",
    "control:write",
    "finding:import",
    "finding:triage",
  ],
};

export const PERMISSION_LABELS: Record<Permission, string> = {
  "inventory:read": "Read dashboards and the AI-system inventory",
  "system:create": "Create AI systems",
  "system:update": "Edit AI systems and their components",
  "system:classify": "Classify AI systems under the EU AI Act",
  "system:archive": "Archive and restore AI systems",
  "threat:write": "Edit AI systems' threat profiles (MITRE ATLAS)",
  "risk:write": "Create and edit risks in the risk register",
  "risk:approve": "Be named as the approver who accepts a risk",
  "control:write": "Set control status and attach evidence",
  "finding:import": "Import scanner results (garak, promptfoo, ModelScan, SARIF, CSV) on AI systems",
  "finding:triage": "Triage findings and link them to risks",
  "finding:map": "Map scanner tests to ATLAS techniques and OWASP items for the organisation",
  "catalog:import": "Import an official MITRE ATLAS release",
  "matrix:manage": "Edit the organisation's risk matrix",
  "member:read": "See the organisation's members",
  "member:manage": "Invite members (and revoke invitations), change roles, remove members",
  "token:manage": "Create and revoke API tokens",
  "audit:read": "Read and verify the audit trail, read the sign-in log",
};

/** The scope an actor holds for a permission: "any", "own" (owned systems only) or null. */
export function grantFor(actor: Actor, permission: Permission): "any" | "own" | null {
  if (actor.type === "system") return "any";
  if (actor.type === "token") return actor.scopes.some((s) => TOKEN_SCOPE_PERMISSIONS[s].includes(permission)) ? "any" : null;
  const row: Partial<Record<Role, "any" | "own">> = PERMISSIONS[permission];
  return row[actor.role] ?? null;
}

/**
 * True when the actor may act on a resource owned by `ownerId`. Fails closed: an "own" grant without a
 * resource is false (nothing to check ownership on). For "may this actor do it to at least some
 * resource" (a pre-check before loading, or showing a button on a list) use `canOnSome`.
 */
export function can(actor: Actor, permission: Permission, resource?: { ownerId: string | null }): boolean {
  const grant = grantFor(actor, permission);
  if (grant === "any") return true;
  if (grant === "own") return resource !== undefined && actor.type === "user" && resource.ownerId !== null && resource.ownerId === actor.userId;
  return false;
}

/** True when the actor holds the permission on some resource ("any", or "own" on systems they own); re-check with `can` once the resource is loaded. */
export function canOnSome(actor: Actor, permission: Permission): boolean {
  return grantFor(actor, permission) !== null;
}

function forbidden(permission: Permission): AppError {
  return new AppError("FORBIDDEN", `Your role does not allow this action (${PERMISSION_LABELS[permission].toLowerCase()}).`);
}

export function assertCan(ctx: ServiceContext, permission: Permission, resource?: { ownerId: string | null }): void {
  if (!can(ctx.actor, permission, resource)) throw forbidden(permission);
}

/** The early check of a verb whose permission may be ownership-scoped: refuses actors with no grant at all; the resource is checked with `assertCan` once loaded. */
export function assertCanOnSome(ctx: ServiceContext, permission: Permission): void {
  if (!canOnSome(ctx.actor, permission)) throw forbidden(permission);
}
