import type { Prisma } from "@/generated/prisma/client";
import type { Severity } from "./parsers/types";
import type { FindingListItem } from "./schemas";

// The list shape of a finding, from its row.

export const findingListSelect = {
  id: true,
  systemId: true,
  tool: true,
  testId: true,
  detector: true,
  title: true,
  severity: true,
  status: true,
  techniqueIds: true,
  owaspIds: true,
  firstSeenAt: true,
  lastSeenAt: true,
  lastEvaluated: true,
  lastFailed: true,
  lastAttackSuccessRate: true,
  notReproducedImportId: true,
  riskId: true,
  version: true,
  system: { select: { name: true } },
} satisfies Prisma.FindingSelect;

export function toFindingListItem(row: Prisma.FindingGetPayload<{ select: typeof findingListSelect }>): FindingListItem {
  const { system, firstSeenAt, lastSeenAt, ...rest } = row;
  return {
    ...rest,
    severity: rest.severity as Severity,
    systemName: system.name,
    firstSeenAt: firstSeenAt.toISOString(),
    lastSeenAt: lastSeenAt.toISOString(),
  };
}
