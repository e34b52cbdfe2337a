import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/validation/parse-input";
import { AppError, type FieldIssue } from "@/lib/errors";
import { actorId, type ServiceContext } from "@/lib/context";
import { getAtlasView } from "@/lib/atlas/get-atlas-view";
import { addThreatProfileEntriesSchema, type AddThreatProfileEntriesInput, type ThreatProfile } from "./schemas";
import { assertCanEditProfile, findProfileSystemOrThrow, indexTechniques } from "./internal";
import { listThreatProfile } from "./list-threat-profile";

/**
 * Adds techniques to a system's threat profile, each with a rationale. All or nothing: a technique
 * that is not in the organisation's current ATLAS release, or listed twice, is a VALIDATION error
 * naming `entries.<n>.techniqueId`; one already in the profile is a CONFLICT naming the same path.
 * One "threat.add" audit event lists every added technique. Returns the updated profile.
 */
export async function addThreatProfileEntries({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { systemId: string } & AddThreatProfileEntriesInput;
}): Promise<ThreatProfile> {
  assertCanOnSome(ctx, "threat:write");
  const { entries, source } = parseInput(addThreatProfileEntriesSchema, { entries: input.entries, source: input.source });
  const firstIndex = new Map<string, number>();
  const repeated: FieldIssue[] = [];
  entries.forEach((entry, i) => {
    if (firstIndex.has(entry.techniqueId))
      repeated.push({ path: `entries.${i}.techniqueId`, message: `${entry.techniqueId} is listed twice (also entries.${firstIndex.get(entry.techniqueId)})` });
    else firstIndex.set(entry.techniqueId, i);
  });
  if (repeated.length > 0) throw new AppError("VALIDATION", "A technique is listed more than once.", repeated);

  await withTransaction(ctx, async (tx) => {
    const system = await findProfileSystemOrThrow(tx, ctx, input.systemId);
    assertCanEditProfile(ctx, system);
    const view = await getAtlasView({ ctx: { ...ctx, tx } });
    const techniques = indexTechniques(view);
    const unknown = entries.map((e, i) => ({ ...e, path: `entries.${i}.techniqueId` })).filter((e) => !techniques.byId.has(e.techniqueId));
    if (unknown.length > 0) {
      throw new AppError(
        "VALIDATION",
        `Not a technique of MITRE ATLAS ${view.source.version} (the organisation's current release): ${unknown.map((e) => e.techniqueId).join(", ")}.`,
        unknown.map((e) => ({ path: e.path, message: `${e.techniqueId} is not a technique of MITRE ATLAS ${view.source.version}` })),
      );
    }

    const present = await tx.threatProfileEntry.findMany({
      where: { orgId: ctx.orgId, systemId: system.id, techniqueId: { in: entries.map((e) => e.techniqueId) } },
      select: { techniqueId: true },
    });
    if (present.length > 0) {
      const ids = new Set(present.map((p) => p.techniqueId));
      const duplicates = entries.map((e, i) => ({ ...e, path: `entries.${i}.techniqueId` })).filter((e) => ids.has(e.techniqueId));
      throw new AppError(
        "CONFLICT",
        `Already in this system's threat profile: ${duplicates.map((e) => `${e.techniqueId} (${e.path})`).join(", ")}. Nothing was added.`,
        duplicates.map((e) => ({ path: e.path, message: `${e.techniqueId} is already in the threat profile` })),
      );
    }

    const createdById = actorId(ctx.actor);
    await tx.threatProfileEntry.createMany({
      data: entries.map((e) => ({
        orgId: ctx.orgId,
        systemId: system.id,
        techniqueId: e.techniqueId,
        techniqueName: techniques.displayName(e.techniqueId)!,
        atlasVersion: view.source.version,
        rationale: e.rationale,
        source,
        createdById,
      })),
    });
    await recordAudit(tx, ctx, {
      action: "threat.add",
      entityType: "threat_profile",
      entityId: system.id,
      subjectId: system.id,
      changes: {
        techniqueIds: { before: null, after: entries.map((e) => e.techniqueId) },
        rationales: { before: null, after: entries.map((e) => `${e.techniqueId}: ${e.rationale}`) },
        source: { before: null, after: source },
        atlasVersion: { before: null, after: view.source.version },
      },
    });
  });
  return listThreatProfile({ ctx, input: { systemId: input.systemId } });
}
