import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { hashPassword } from "@/lib/auth/hash-password";
import { mapPrismaError } from "@/lib/db/map-prisma-error";

export type CreateOrganizationInput = {
  name: string;
  slug: string;
  isDemo?: boolean;
  admin: { email: string; name: string; password: string };
};

/**
 * Bootstraps an organisation with its first admin (CLI `npm run admin:create` and the demo seed).
 * Runs as the system actor: there is no member yet who could be authorised.
 */
// @no-permission: bootstrap – there is no organisation or member yet to authorise; only the seed and the admin:create CLI call it
export async function createOrganization({ input }: { input: CreateOrganizationInput }) {
  const passwordHash = await hashPassword(input.admin.password);
  const email = input.admin.email.trim().toLowerCase();
  try {
    return await db.$transaction(async (tx: Prisma.TransactionClient) => {
      const org = await tx.organization.create({ data: { name: input.name, slug: input.slug, isDemo: input.isDemo ?? false }, select: { id: true } });
      const user = await tx.user.upsert({ where: { email }, update: {}, create: { email, name: input.admin.name, passwordHash }, select: { id: true } });
      await tx.membership.create({ data: { orgId: org.id, userId: user.id, role: "admin" }, select: { id: true } });
      const ctx = { orgId: org.id, actor: { type: "system" as const, label: "system (bootstrap)" } };
      await recordAudit(tx, ctx, {
        action: "organization.create",
        entityType: "organization",
        entityId: org.id,
        changes: { name: { before: null, after: input.name }, firstAdmin: { before: null, after: email } },
      });
      return { orgId: org.id, adminUserId: user.id };
    });
  } catch (error) {
    throw mapPrismaError(error);
  }
}
