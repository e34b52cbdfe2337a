import type { Prisma } from "@/generated/prisma/client";
import type { ServiceContext } from "@/lib/context";
import type { ControlFrameworkId, EvidenceSummary } from "@/lib/controls/schemas";

// Evidence as the control pages and the evidence verbs show it (never its bytes). Shared by lib/evidence
// and lib/controls (a control lists the evidence attached to it).

type Client = Prisma.TransactionClient;

export const evidenceSummarySelect = {
  id: true,
  systemId: true,
  kind: true,
  title: true,
  url: true,
  fileName: true,
  mimeType: true,
  size: true,
  sha256: true,
  createdAt: true,
  links: { select: { framework: true, controlId: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
} satisfies Prisma.EvidenceSelect;
type EvidenceRow = Prisma.EvidenceGetPayload<{ select: typeof evidenceSummarySelect }>;

export function toEvidenceSummary(row: EvidenceRow): EvidenceSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    url: row.url,
    fileName: row.fileName,
    mimeType: row.mimeType,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.createdAt.toISOString(),
    links: row.links.map((link) => ({ framework: link.framework as ControlFrameworkId, controlId: link.controlId })),
  };
}

/** Every piece of evidence of one system (never its bytes), newest first. */
export async function loadSystemEvidence(client: Client, ctx: ServiceContext, systemId: string): Promise<EvidenceSummary[]> {
  const rows = await client.evidence.findMany({
    where: { orgId: ctx.orgId, systemId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: evidenceSummarySelect,
  });
  return rows.map(toEvidenceSummary);
}
