import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { importerNames, releaseSummarySelect, toReleaseSummary } from "./internal";
import type { AtlasReleaseSummary } from "./schemas";

/** The organisation's imported ATLAS releases, newest import first, with counts and what each changed. */
export async function listAtlasReleases({ ctx }: { ctx: ServiceContext }): Promise<AtlasReleaseSummary[]> {
  assertCan(ctx, "inventory:read");
  const client = ctx.tx ?? db;
  const rows = await client.atlasRelease.findMany({
    where: { orgId: ctx.orgId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 500,
    select: releaseSummarySelect,
  });
  const names = await importerNames(
    client,
    rows.map((r) => r.importedById),
  );
  return rows.map((row) => toReleaseSummary(row, names.get(row.importedById) ?? "Former member"));
}
