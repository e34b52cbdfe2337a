import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { assertCan, assertCanOnSome } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { findingListSelect } from "./finding-list-select";

// Loading a finding to read or triage it; shared with lib/risks (a risk created from a finding).

type Tx = Prisma.TransactionClient;

/** A finding of the context's organisation or NOT_FOUND, with its system's owner (for "own" grants). */
export async function findFindingOrThrow(client: Tx, ctx: ServiceContext, findingId: string) {
  const row = await client.finding.findFirst({
    where: { id: findingId, orgId: ctx.orgId },
    select: { ...findingListSelect, statusReason: true, system: { select: { name: true, ownerId: true, archivedAt: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND", "Finding not found.");
  return row;
}

/** The finding to triage: "finding:triage" on its system (risk owners: own systems), active system, current version. */
export async function loadTriageFinding(client: Tx, ctx: ServiceContext, findingId: string, version: number) {
  assertCanOnSome(ctx, "finding:triage");
  const row = await findFindingOrThrow(client, ctx, findingId);
  assertCan(ctx, "finding:triage", row.system);
  if (row.system.archivedAt) throw new AppError("CONFLICT", "This AI system is archived; restore it before triaging its findings.");
  if (row.version !== version) throw new AppError("CONFLICT", "This finding was changed by someone else. Reload it and try again.");
  return row;
}
