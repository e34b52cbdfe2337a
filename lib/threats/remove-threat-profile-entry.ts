import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/validation/parse-input";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { techniqueRefSchema } from "./schemas";
import { assertCanEditProfile, findProfileSystemOrThrow } from "./internal";

/** Removes one technique from a system's threat profile; the "threat.remove" event keeps what was removed. */
export async function removeThreatProfileEntry({ ctx, input }: { ctx: ServiceContext; input: { systemId: string; techniqueId: string } }): Promise<void> {
  assertCanOnSome(ctx, "threat:write");
  const { techniqueId } = parseInput(techniqueRefSchema, { techniqueId: input.techniqueId });
  await withTransaction(ctx, async (tx) => {
    const system = await findProfileSystemOrThrow(tx, ctx, input.systemId);
    assertCanEditProfile(ctx, system);
    const entry = await tx.threatProfileEntry.findFirst({
      where: { orgId: ctx.orgId, systemId: system.id, techniqueId },
      select: { id: true, techniqueName: true, atlasVersion: true, rationale: true, source: true },
    });
    if (!entry) throw new AppError("NOT_FOUND", `${techniqueId} is not in this system's threat profile.`);
    await tx.threatProfileEntry.delete({ where: { id: entry.id } });
    await recordAudit(tx, ctx, {
      action: "threat.remove",
      entityType: "threat_profile",
      entityId: system.id,
      subjectId: system.id,
      changes: {
        techniqueId: { before: techniqueId, after: null },
        techniqueName: { before: entry.techniqueName, after: null },
        rationale: { before: entry.rationale, after: null },
        source: { before: entry.source, after: null },
        atlasVersion: { before: entry.atlasVersion, after: null },
      },
    });
  });
}
