import type { ServiceContext } from "@/lib/context";
import { assertCan } from "@/lib/auth/permissions";
import { listRisksSchema, type RiskFilters, type RiskHeatmap, type RiskList } from "./schemas";
import type { RiskMatrix } from "./risk-matrix";
import { getRiskMatrix } from "./get-risk-matrix";
import { levelRange } from "./score-risk";
import { listRisks } from "./list-risks";
import { getRiskHeatmap } from "./get-risk-heatmap";

export type RiskRegisterView = {
  matrix: RiskMatrix & { version: number };
  filters: RiskFilters;
  list: RiskList;
  heatmap: RiskHeatmap;
};

/**
 * What the register pages (/risks and /systems/{id}/risks) render: URL state → filters (a level the
 * matrix no longer has is dropped, as any invalid URL value is), the page of risks and the heatmap of
 * the same scope and basis. The pages only lay this out; the agreement tests read it from here.
 */
export async function loadRiskRegister({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<RiskRegisterView> {
  assertCan(ctx, "inventory:read");
  const parsed = listRisksSchema.parse(input ?? {});
  const matrix = await getRiskMatrix({ ctx });
  const filters: RiskFilters = { ...parsed, level: parsed.level && levelRange(matrix, parsed.level) ? parsed.level : undefined };
  const [list, heatmap] = await Promise.all([
    listRisks({ ctx, input: filters }),
    getRiskHeatmap({ ctx, input: { systemId: filters.systemId, basis: filters.basis } }),
  ]);
  return { matrix, filters, list, heatmap };
}
