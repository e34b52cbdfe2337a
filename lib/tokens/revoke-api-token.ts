import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";

export async function revokeApiToken({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  assertCan(ctx, "token:manage");
  return withTransaction(ctx, async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: input.id, orgId: ctx.orgId }, select: { id: true, name: true, revokedAt: true } });
    if (!token) throw new AppError("NOT_FOUND", "API token not found.");
    if (token.revokedAt) throw new AppError("CONFLICT", "This token is already revoked.");
    const revokedAt = new Date();
    // conditional: of two concurrent revocations only one matches (one audit event)
    const { count } = await tx.apiToken.updateMany({ where: { id: token.id, orgId: ctx.orgId, revokedAt: null }, data: { revokedAt } });
    if (count === 0) throw new AppError("CONFLICT", "This token is already revoked.");
    await recordAudit(tx, ctx, {
      action: "token.revoke",
      entityType: "api_token",
      entityId: token.id,
      changes: { revokedAt: { before: null, after: revokedAt.toISOString() } },
    });
  });
}
