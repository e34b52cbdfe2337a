import { assertCan, can } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { listEntityHistory, type HistoryEntry } from "@/lib/audit/list-entity-history";
import type { RiskDetail } from "./schemas";
import { getRisk } from "./get-risk";
import { getRiskMatrix } from "./get-risk-matrix";
import { listRiskApprovers, type RiskApprover } from "./list-risk-approvers";
import { listRiskFilterOptions } from "./list-risk-filter-options";
import { atlasTechniqueName, listRiskCatalogOptions, owaspTitle } from "./catalog-refs";

export type RiskPage = {
  risk: RiskDetail;
  system: { id: string; name: string };
  /** The risk's change history, newest first. */
  history: HistoryEntry[];
  /** Names of the risk's ATLAS techniques and OWASP entries from the built-in catalogs (null when unknown). */
  names: { techniques: Record<string, string | null>; owasp: Record<string, string | null> };
  /** The edit form's choices: members, catalog entries and the matrix's scale labels. */
  formOptions: ReturnType<typeof listRiskCatalogOptions> & { members: { id: string; name: string }[]; likelihoodLabels: string[]; impactLabels: string[] };
  /** Who may be named as the acceptance's approver (only while the viewer may accept it). */
  approvers: RiskApprover[];
  /** What the viewer may do here (risk:write on the risk's system: edit, accept, delete). */
  viewer: { canEdit: boolean };
};

/** What a risk's page shows: the risk with its scores, its system, its history and the forms' choices. */
export async function getRiskPage({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<RiskPage> {
  assertCan(ctx, "inventory:read");
  const { viewer, ...risk } = await getRisk({ ctx, input: { id: input.id } }); // NOT_FOUND first, across organisations too
  const mayAccept = viewer.canEdit && risk.status !== "accepted" && can(ctx.actor, "member:read");
  const [history, matrix, options, approvers] = await Promise.all([
    listEntityHistory({ ctx, input: { entity: "risk", id: risk.id } }),
    getRiskMatrix({ ctx }),
    listRiskFilterOptions({ ctx }),
    mayAccept ? listRiskApprovers({ ctx }) : Promise.resolve([]),
  ]);
  return {
    risk,
    system: risk.system,
    history,
    names: {
      techniques: Object.fromEntries(risk.techniqueIds.map((id) => [id, atlasTechniqueName(id)])),
      owasp: Object.fromEntries(risk.owaspIds.map((id) => [id, owaspTitle(id)])),
    },
    formOptions: {
      members: options.members,
      ...listRiskCatalogOptions(),
      likelihoodLabels: matrix.likelihoodLabels,
      impactLabels: matrix.impactLabels,
    },
    approvers,
    viewer,
  };
}
