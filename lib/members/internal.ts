import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";

export async function findMembershipOrThrow(tx: Prisma.TransactionClient, ctx: ServiceContext, userId: string) {
  const m = await tx.membership.findFirst({
    where: { orgId: ctx.orgId, userId },
    select: { id: true, role: true, user: { select: { email: true, name: true } } },
  });
  if (!m) throw new AppError("NOT_FOUND", "Member not found.");
  return m;
}

/** An organisation must keep at least one admin, or nobody could manage members and tokens again. */
export async function assertNotLastAdmin(tx: Prisma.TransactionClient, ctx: ServiceContext, currentRole: string) {
  if (currentRole !== "admin") return;
  // Lock the admin memberships, not just count them: otherwise two admins demoting or removing
  // each other at the same time both see two admins and both succeed, leaving none. The second
  // transaction now waits here and then sees only the admin rows that survived the first.
  const admins = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "Membership" WHERE "orgId" = ${ctx.orgId} AND role = 'admin' FOR UPDATE`;
  if (admins.length <= 1) throw new AppError("CONFLICT", "This is the organisation's last admin; make someone else admin first.");
}
