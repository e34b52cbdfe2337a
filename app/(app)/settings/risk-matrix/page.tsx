import type { Metadata } from "next";
import { requirePageSession } from "@/lib/web/page-session";
import { can } from "@/lib/auth/permissions";
import { getScoredRiskMatrix } from "@/lib/risks/get-scored-risk-matrix";
import { PageHeader } from "@/components/ui/page-header";
import { RiskMatrixGrid } from "@/components/risks/risk-matrix-grid";
import { RiskMatrixForm } from "@/components/risks/risk-matrix-form";
import { updateRiskMatrixAction } from "./actions";

export const metadata: Metadata = { title: "Risk matrix" };

export default async function RiskMatrixPage() {
  const session = await requirePageSession();
  const matrix = await getScoredRiskMatrix({ ctx: session.ctx });
  const canManage = can(session.ctx.actor, "matrix:manage");
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Settings", href: "/settings" }, { label: "Risk matrix" }]}
        title="Risk matrix"
        description={
          <>
            The 5×5 matrix every risk is scored on ({matrix.version === 0 ? "the default matrix" : `version ${matrix.version}`}). Risks store likelihood and
            impact, never a level, so a change here re-scores every risk at once. {!canManage && "Only an admin can change it."}
          </>
        }
      />
      <div className="space-y-6">
        <RiskMatrixGrid matrix={matrix} />
        {canManage && <RiskMatrixForm action={updateRiskMatrixAction} matrix={matrix} />}
      </div>
    </>
  );
}
