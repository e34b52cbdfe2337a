import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { RiskDetail } from "./schemas";
import { getRiskMatrix } from "./get-risk-matrix";
import { detailWithPeople, findRiskOrThrow } from "./internal";

/** One risk with its inherent and residual scores from the organisation's matrix. */
export async function getRisk({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<RiskDetail> {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  const [row, matrix] = await Promise.all([findRiskOrThrow(client, ctx, input.id), getRiskMatrix({ ctx })]);
  return detailWithPeople(client, row, matrix);
}
