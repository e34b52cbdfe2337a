import type { ServiceContext } from "@/lib/context";
import { assertCan, can } from "@/lib/auth/permissions";
import { listRisksSchema, type RiskFilters, type RiskHeatmap, type RiskList } from "./schemas";
import type { RiskMatrix } from "./risk-matrix";
import { getRiskMatrix } from "./get-risk-matrix";
import { levelRange } from "./score-risk";
import { listRisks } from "./list-risks";
import { getRiskHeatmap } from "./get-risk-heatmap";
import { listRiskFilterOptions } from "./list-risk-filter-options";

export type RiskRegisterView = {
  matrix: RiskMatrix & { version: number };
  filters: RiskFilters;
  list: RiskList;
  heatmap: RiskHeatmap;
  /** The filters' and the risk form's choices: the organisation's AI systems and members. */
  options: Awaited<ReturnType<typeof listRiskFilterOptions>>;
  /** What the viewer may do from the register (matrix:manage → "Edit the risk matrix"). */
  viewer: { canManageMatrix: boolean };
};

/**
 * What the register pages (/risks and /systems/{id}/risks) render: URL state → filters (a level the
 * matrix no longer has is dropped, as any invalid URL value is), the page of risks and the heatmap of
 * the same scope and basis, and the filters' choices. The pages only lay this out; the agreement tests
 * read it from here.
 */
export async function loadRiskRegister({ ctx, input }: { ctx: ServiceContext; input: unknown }): Promise<RiskRegisterView> {
  assertCan(ctx, "inventory:read");
  const parsed = listRisksSchema.parse(input ?? {});
  const matrix = await getRiskMatrix({ ctx });
  const filters: RiskFilters = { ...parsed, level: parsed.level && levelRange(matrix, parsed.level) ? parsed.level : undefined };
  const [list, heatmap, options] = await Promise.all([
    listRisks({ ctx, input: filters }),
    getRiskHeatmap({ ctx, input: { systemId: filters.systemId, basis: filters.basis } }),
    listRiskFilterOptions({ ctx }),
  ]);
  return { matrix, filters, list, heatmap, options, viewer: { canManageMatrix: can(ctx.actor, "matrix:manage") } };
}
