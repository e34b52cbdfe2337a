import type { Prisma } from "@/generated/prisma/client";
import { getFrameworkItem } from "@/lib/catalogs/get-framework-item";
import type { ApplicableControl } from "./applicable-controls";
import { evidenceAlsoCountsFor, evidenceForControl, type EvidenceByControl } from "./control-evidence";
import type { SystemControlView } from "./schemas";

// The DTO of one applicable control of a system: catalog title, reason, stored status (or the defaults)
// and its evidence. Private to lib/controls.

export const systemControlSelect = {
  id: true,
  framework: true,
  controlId: true,
  status: true,
  justification: true,
  ownerId: true,
  reviewDate: true,
  version: true,
  updatedAt: true,
} satisfies Prisma.SystemControlSelect;
export type SystemControlRow = Prisma.SystemControlGetPayload<{ select: typeof systemControlSelect }>;

export function toControlView(
  control: ApplicableControl,
  row: SystemControlRow | undefined,
  direct: EvidenceByControl,
  names: ReadonlyMap<string, string>,
  applicableKeys: ReadonlySet<string>,
): SystemControlView {
  const item = getFrameworkItem(control.framework, control.controlId);
  const evidence = evidenceForControl({ framework: control.framework, controlId: control.controlId }, direct);
  const ownerId = row?.ownerId ?? null;
  return {
    framework: control.framework,
    controlId: control.controlId,
    title: item?.title ?? control.controlId,
    groupLabel: item?.groupLabel ?? "",
    reason: control.reason,
    status: row?.status ?? "not_started",
    justification: row?.justification ?? "",
    ownerId,
    owner: ownerId ? { id: ownerId, name: names.get(ownerId) ?? "Former member" } : null,
    reviewDate: row?.reviewDate ? row.reviewDate.toISOString().slice(0, 10) : null,
    version: row?.version ?? null,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    evidenced: evidence.length > 0,
    evidence,
    alsoCountsFor: evidenceAlsoCountsFor({ framework: control.framework, controlId: control.controlId }, applicableKeys),
  };
}
