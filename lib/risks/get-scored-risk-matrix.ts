import type { ServiceContext } from "@/lib/context";
import { assertCan } from "@/lib/auth/permissions";
import type { RiskMatrixResponse } from "./schemas";
import { getRiskMatrix } from "./get-risk-matrix";
import { scoreMatrixCells } from "./score-risk";
import { toScoreDto } from "./internal";

/** The organisation's matrix with all 25 cells scored by scoreRisk: the matrix page and GET /risk-matrix. */
export async function getScoredRiskMatrix({ ctx }: { ctx: ServiceContext }): Promise<RiskMatrixResponse> {
  assertCan(ctx, "inventory:read");
  const matrix = await getRiskMatrix({ ctx });
  return { ...matrix, cells: scoreMatrixCells(matrix).map(toScoreDto) };
}
