import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { DEFAULT_RISK_MATRIX, riskMatrixSchema, type RiskMatrix } from "./risk-matrix";

/** The organisation's matrix, or the default (version 0) until an admin edits it. Readable by every member and token. */
export async function getRiskMatrix({ ctx }: { ctx: ServiceContext }): Promise<RiskMatrix & { version: number }> {
  assertCan(ctx, "inventory:read");
  const row = await (ctx.tx ?? db).riskMatrix.findUnique({
    where: { orgId: ctx.orgId },
    select: { likelihoodLabels: true, impactLabels: true, levels: true, version: true },
  });
  if (!row) return { ...DEFAULT_RISK_MATRIX, version: 0 };
  return { ...riskMatrixSchema.parse({ likelihoodLabels: row.likelihoodLabels, impactLabels: row.impactLabels, levels: row.levels }), version: row.version };
}
