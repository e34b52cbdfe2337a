import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { getInventoryStats } from "@/lib/systems/get-inventory-stats";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard } from "@/components/ui/stat-card";
import { TierChart } from "@/components/charts/tier-chart";
import { EmptyState } from "@/components/ui/empty-state";
import { LIFECYCLE_LABELS, RISK_TIER_LABELS } from "@/components/labels";
import { Card } from "@/components/ui/card";

export default async function DashboardPage() {
  const session = await requirePageSession();
  const stats = await getInventoryStats({ ctx: session.ctx });
  const high = stats.byTier.find((t) => t.tier === "high")?.count ?? 0;
  const prohibited = stats.byTier.find((t) => t.tier === "prohibited")?.count ?? 0;
  return (
    <>
      <PageHeader title="Dashboard" description={`${session.active.orgName}: the AI-system inventory at a glance.`} />
      {stats.total === 0 ? (
        <EmptyState title="No AI systems in the inventory yet">
          <Link className="underline" href="/systems/new">
            Add the first one
          </Link>
        </EmptyState>
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="stats">
            <StatCard label="AI systems in the inventory" value={stats.total} href="/systems" />
            <StatCard label="High risk" value={high} href="/systems?tier=high" tone={high ? "warn" : undefined} />
            <StatCard label="Prohibited practices" value={prohibited} href="/systems?tier=prohibited" tone={prohibited ? "bad" : undefined} />
            <StatCard label="Not yet classified" value={stats.unclassified} href="/systems?tier=unclassified" tone={stats.unclassified ? "warn" : undefined} />
            <StatCard label="Without an owner" value={stats.withoutOwner} tone={stats.withoutOwner ? "warn" : undefined} />
            <StatCard label="Processing special-category data" value={stats.processingSpecialCategories} />
            <StatCard label="Archived" value={stats.archived} href="/systems?status=archived" />
          </div>
          <div className="mt-6 grid gap-6 lg:grid-cols-2">
            <Card as="section" aria-labelledby="tier-h">
              <h2 id="tier-h" className="text-base font-semibold">
                Systems by EU AI Act tier
              </h2>
              <TierChart data={stats.byTier.map((t) => ({ key: t.tier, label: RISK_TIER_LABELS[t.tier], count: t.count }))} />
            </Card>
            <Card as="section" aria-labelledby="stage-h">
              <h2 id="stage-h" className="text-base font-semibold">
                Systems by lifecycle stage
              </h2>
              <ul className="mt-3 space-y-2 text-sm">
                {stats.byStage.map((s) => (
                  <li key={s.stage} className="flex items-center gap-3">
                    <Link href={`/systems?stage=${s.stage}`} className="w-28 text-brand-700 hover:underline">
                      {LIFECYCLE_LABELS[s.stage]}
                    </Link>
                    <span className="h-3 rounded bg-brand-600" style={{ width: `${stats.total ? (s.count / stats.total) * 70 : 0}%` }} aria-hidden />
                    <span>{s.count}</span>
                  </li>
                ))}
              </ul>
            </Card>
          </div>
        </>
      )}
    </>
  );
}
