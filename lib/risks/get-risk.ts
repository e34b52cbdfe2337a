import { db } from "@/lib/db/client";
import { assertCan, can } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { RiskDetail } from "./schemas";
import { getRiskMatrix } from "./get-risk-matrix";
import { detailWithPeople, findRiskOrThrow } from "./internal";

/**
 * One risk with its inherent and residual scores from the organisation's matrix, and what the viewer may
 * do to it (`viewer.canEdit`: risk:write on its system, as updateRisk, acceptRisk and deleteRisk check;
 * for pages, REST leaves it out of the response).
 */
export async function getRisk({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<RiskDetail & { viewer: { canEdit: boolean } }> {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  const [row, matrix] = await Promise.all([findRiskOrThrow(client, ctx, input.id), getRiskMatrix({ ctx })]);
  return { ...(await detailWithPeople(client, row, matrix)), viewer: { canEdit: can(ctx.actor, "risk:write", row.system) } };
}
