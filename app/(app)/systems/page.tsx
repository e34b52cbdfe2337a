import type { Metadata } from "next";
import Link from "next/link";
import { requirePageSession } from "@/lib/web/page-session";
import { getSystemsPage } from "@/lib/systems/get-systems-page";
import { PageHeader } from "@/components/ui/page-header";
import { InventoryFilters } from "@/components/systems/inventory-filters";
import { InventoryTable } from "@/components/systems/inventory-table";
import { Pagination } from "@/components/ui/pagination";

export const metadata: Metadata = { title: "Inventory" };

export default async function InventoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await requirePageSession();
  const { filters, list, options, viewer } = await getSystemsPage({ ctx: session.ctx, input: await searchParams });
  return (
    <>
      <PageHeader
        title="AI-system inventory"
        description="Every AI system the organisation builds, buys or deploys, with its EU AI Act tier and owner."
        actions={
          viewer.canCreate && (
            <Link href="/systems/new" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
              New AI system
            </Link>
          )
        }
      />
      <InventoryFilters filters={filters} options={options} />
      <InventoryTable list={list} filters={filters} />
      <Pagination total={list.total} page={list.page} pageSize={list.pageSize} filters={filters} basePath="/systems" />
    </>
  );
}
