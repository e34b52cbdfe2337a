import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { Role } from "@/lib/auth/roles";
import { invitationStatus } from "./invitation-token";

export type InvitationRow = { id: string; email: string; name: string; role: Role; createdAt: string; expiresAt: string; status: "pending" | "expired" };

/** Invitations not yet accepted or revoked (pending, and expired ones still to clean up), newest first. */
export async function listInvitations({ ctx }: { ctx: ServiceContext }): Promise<InvitationRow[]> {
  assertCan(ctx, "member:manage");
  const rows = await (ctx.tx ?? db).invitation.findMany({
    where: { orgId: ctx.orgId, acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, email: true, name: true, role: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true },
  });
  const now = new Date();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    role: r.role,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    status: invitationStatus(r, now) === "expired" ? "expired" : "pending",
  }));
}
