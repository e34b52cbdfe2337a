import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import { actorId, type ServiceContext } from "@/lib/context";
import { createApiTokenSchema, type CreateApiTokenInput } from "./schemas";
import { hashToken, newTokenSecret } from "./hash-token";

/** Creates an organisation API token. The secret is returned exactly once; only its hash is stored. */
export async function createApiToken({ ctx, input }: { ctx: ServiceContext; input: Unparsed<CreateApiTokenInput> }): Promise<{ id: string; secret: string }> {
  assertCan(ctx, "token:manage");
  const data = parseInput(createApiTokenSchema, input);
  const secret = newTokenSecret();
  return withTransaction(ctx, async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        orgId: ctx.orgId,
        name: data.name,
        scopes: data.scopes,
        prefix: secret.slice(0, 12),
        tokenHash: hashToken(secret),
        createdById: actorId(ctx.actor),
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: "token.create",
      entityType: "api_token",
      entityId: row.id,
      changes: { name: { before: null, after: data.name }, scopes: { before: null, after: data.scopes } },
    });
    return { id: row.id, secret };
  });
}
