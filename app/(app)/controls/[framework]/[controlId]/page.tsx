import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageSession } from "@/lib/web/page-session";
import { FRAMEWORK_INFO, isFrameworkId } from "@/lib/catalogs/frameworks";
import { getFrameworkItem } from "@/lib/catalogs/get-framework-item";
import { relatedItems } from "@/lib/crosswalk/related-items";
import { equivalentControls } from "@/lib/crosswalk/equivalent-controls";
import { listControlSystems } from "@/lib/controls/list-control-systems";
import { decodePathParam } from "@/lib/web/control-path-param";
import { CONTROL_FRAMEWORK_IDS, CONTROL_FRAMEWORK_SHORT_NAMES } from "@/lib/controls/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { TierBadge } from "@/components/ui/tier-badge";
import { ControlStatusBadge } from "@/components/controls/control-status-badge";
import { CrosswalkList } from "@/components/controls/crosswalk-list";
import { Attribution } from "@/components/controls/attribution";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Control" };

export default async function ControlPage({ params }: { params: Promise<{ framework: string; controlId: string }> }) {
  const session = await requirePageSession();
  const raw = await params;
  const framework = decodePathParam(raw.framework);
  const controlId = decodePathParam(raw.controlId);
  if (!isFrameworkId(framework)) notFound();
  const item = getFrameworkItem(framework, controlId);
  if (!item) notFound();
  const info = FRAMEWORK_INFO[framework];
  const isControlFramework = (CONTROL_FRAMEWORK_IDS as readonly string[]).includes(framework);
  const related = relatedItems({ framework, id: controlId });
  const equivalents = isControlFramework ? equivalentControls({ framework, id: controlId }) : [];
  const systems = isControlFramework ? await listControlSystems({ ctx: session.ctx, input: { framework, controlId } }) : null;
  const implemented = systems?.filter((s) => s.status === "implemented").length ?? 0;
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: "Controls", href: "/controls" }, { label: info.name, href: `/controls/${framework}` }, { label: item.id }]}
        title={`${item.id} ${framework === "nist_ai_rmf" ? "" : item.title}`.trim()}
        description={
          <>
            {framework === "nist_ai_rmf" && <span className="block text-slate-800">{item.title}</span>}
            {item.groupLabel} · {info.name}
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-2">
        <Card as="section" aria-labelledby="crosswalk-h">
          <h2 id="crosswalk-h" className="text-base font-semibold">
            Crosswalk: also satisfies / related
          </h2>
          <p className="mb-3 text-sm text-slate-600">Each row names its source: a reference file (with the entry) or this project&apos;s rationale.</p>
          {equivalents.length > 0 && (
            <div className="mb-4" data-testid="equivalents">
              <h3 className="text-sm font-semibold text-slate-700">Evidence for this control also counts for</h3>
              <ul className="mt-1 flex flex-wrap gap-2 text-sm">
                {equivalents.map((e) => (
                  <li key={`${e.framework}:${e.id}`}>
                    <Link href={e.href} className="rounded bg-sky-50 px-2 py-0.5 text-sky-800 hover:underline" title={e.title}>
                      {CONTROL_FRAMEWORK_SHORT_NAMES[e.framework]} {e.id}
                    </Link>
                    {e.via && <span className="ml-1 text-xs text-slate-500">(through {e.via.id})</span>}
                  </li>
                ))}
              </ul>
            </div>
          )}
          <CrosswalkList groups={related} />
        </Card>
        {systems && (
          <Card as="section" aria-labelledby="systems-h" data-testid="control-systems">
            <h2 id="systems-h" className="text-base font-semibold">
              AI systems
            </h2>
            <p className="text-sm text-slate-600">
              Implemented in {implemented} of {systems.length} active system{systems.length === 1 ? "" : "s"} it applies to.
            </p>
            {systems.length > 0 && (
              <ul className="mt-3 divide-y divide-slate-100">
                {systems.map((s) => (
                  <li key={s.id} className="flex flex-wrap items-center gap-3 py-2 text-sm">
                    <Link href={`/systems/${s.id}/controls?framework=${framework}`} className="min-w-0 flex-1 text-brand-700 hover:underline">
                      {s.name}
                    </Link>
                    <TierBadge tier={s.riskTier} />
                    <ControlStatusBadge status={s.status} />
                    {s.evidenced && <span className="text-xs text-emerald-700">evidence</span>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}
      </div>
      <Attribution info={info} />
    </>
  );
}
