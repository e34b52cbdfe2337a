import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { AtlasView } from "@/lib/atlas/schemas";
import { techniqueDisplayName, type AtlasTechniqueRef } from "./atlas-matrix-source";

// Helpers private to lib/threats (not imported from outside the folder).

type Client = Prisma.TransactionClient;

export const profileSystemSelect = { id: true, name: true, ownerId: true, archivedAt: true } satisfies Prisma.AISystemSelect;

/** A system of the context's organisation, or NOT_FOUND (also for another organisation's id). */
export async function findProfileSystemOrThrow(client: Client, ctx: ServiceContext, systemId: string) {
  const system = await client.aISystem.findFirst({ where: { id: systemId, orgId: ctx.orgId }, select: profileSystemSelect });
  if (!system) throw new AppError("NOT_FOUND", "AI system not found.");
  return system;
}

/** threat:write on this system (risk owners: own systems only); archived systems are read-only. */
export function assertCanEditProfile(ctx: ServiceContext, system: { ownerId: string | null; archivedAt: Date | null }) {
  assertCan(ctx, "threat:write", system);
  if (system.archivedAt) throw new AppError("CONFLICT", "This AI system is archived; restore it before editing its threat profile.");
}

/** Techniques of a catalog view by id, with display names ("LLM Prompt Injection: Direct"). */
export function indexTechniques(view: Pick<AtlasView, "techniques">) {
  const byId = new Map<string, AtlasTechniqueRef>(view.techniques.map((t) => [t.id, t]));
  return {
    byId,
    displayName: (id: string) => {
      const technique = byId.get(id);
      return technique ? techniqueDisplayName(technique, byId) : null;
    },
  };
}

/** Code-unit order of ATLAS ids: every sub-technique right after its parent. */
export function byTechniqueId(a: { techniqueId: string }, b: { techniqueId: string }): number {
  return a.techniqueId < b.techniqueId ? -1 : a.techniqueId > b.techniqueId ? 1 : 0;
}

/** "AML.T0051" for "AML.T0051.001" (from the id alone, for techniques no longer in the catalog); null for a technique. */
export function parentIdOf(techniqueId: string): string | null {
  return techniqueId.match(/^(.+\.T\d{4})\.\d{3}$/)?.[1] ?? null;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}
