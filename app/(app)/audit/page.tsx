import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { can } from "@/lib/auth/permissions";
import { getAuditPage } from "@/lib/audit/get-audit-page";
import { PageHeader } from "@/components/ui/page-header";
import { Forbidden } from "@/components/ui/forbidden";
import { AuditFiltersForm } from "@/components/audit/audit-filters-form";
import { AuditTable } from "@/components/audit/audit-table";
import { ChainStatus } from "@/components/audit/chain-status";

export const metadata: Metadata = { title: "Audit trail" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const session = await requirePageSession();
  if (!can(session.ctx.actor, "audit:read")) return <Forbidden what="read the audit trail" />;
  const params = await searchParams;
  const { list, report } = await getAuditPage({ ctx: session.ctx, input: params });
  const query = new URLSearchParams(Object.entries(params).filter(([k, v]) => v && k !== "verify") as [string, string][]);
  query.set("verify", "1");
  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Every change in this organisation, in order. Each event stores the SHA-256 of its content and of the event before it, so any edit or deletion breaks the chain."
        actions={
          <div className="flex gap-2">
            <Link href="/audit/sign-ins" className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50">
              Sign-in log
            </Link>
            <Link href={`/audit?${query}`} className="rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white hover:bg-slate-700">
              Verify chain
            </Link>
          </div>
        }
      />
      {report && <ChainStatus report={report} />}
      <AuditFiltersForm filters={list.filters} />
      <AuditTable list={list} params={params} />
    </>
  );
}
