import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { FRAMEWORKS } from "@/lib/catalogs/frameworks";
import { listFrameworkItems } from "@/lib/catalogs/list-framework-items";
import { getCompliancePosture } from "@/lib/controls/get-compliance-posture";
import { CONTROL_FRAMEWORK_IDS } from "@/lib/controls/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { PostureBars } from "@/components/controls/posture-bars";

export const metadata: Metadata = { title: "Controls" };

export default async function ControlsPage() {
  const session = await requirePageSession();
  const posture = await getCompliancePosture({ ctx: session.ctx });
  const isControlFramework = (id: string) => (CONTROL_FRAMEWORK_IDS as readonly string[]).includes(id);
  return (
    <>
      <PageHeader
        title="Controls"
        description={`${session.active.orgName}: compliance posture across ${posture.systems} active AI system${posture.systems === 1 ? "" : "s"}. Percent = implemented / (applicable − not applicable); evidence is counted separately and never changes a status.`}
      />
      {posture.systems === 0 ? (
        <EmptyState title="No active AI systems yet">
          <Link className="underline" href="/systems/new">
            Add one to the inventory
          </Link>
          ; its applicable controls follow from its risk tier and role.
        </EmptyState>
      ) : (
        <PostureBars posture={posture} hrefFor={(framework) => `/controls/${framework}`} />
      )}
      <section className="mt-8" aria-labelledby="frameworks-h">
        <h2 id="frameworks-h" className="text-base font-semibold">
          Frameworks
        </h2>
        <p className="text-sm text-slate-600">
          Per-system controls with a status come from the first three; the OWASP lists and ATLAS mitigations are reference catalogs for risk treatment and
          threat modelling.
        </p>
        <ul className="mt-3 grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {FRAMEWORKS.map((f) => (
            <li key={f.id} className="rounded-xl border border-slate-200 bg-white p-4">
              <Link href={`/controls/${f.id}`} className="font-medium text-brand-700 hover:underline">
                {f.name}
              </Link>
              <p className="text-xs text-slate-500">
                {f.version} · {listFrameworkItems(f.id).length} items · {f.licence}
              </p>
              <p className="mt-1 text-xs text-slate-600">{isControlFramework(f.id) ? "Applied to AI systems as controls" : "Reference catalog"}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
