import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { getRiskMatrix } from "@/lib/risks/get-risk-matrix";
import { scoreRisk } from "@/lib/risks/score-risk";
import { systemViewerPermissions } from "@/lib/systems/viewer-permissions";
import { techniqueRefSchema, type ThreatSource } from "./schemas";

export type TechniqueReferences = {
  profileEntries: {
    systemId: string;
    systemName: string;
    ownerId: string | null;
    archived: boolean;
    /** May the viewer add a risk to this system (risk:write on it, not archived). */
    canAddRisk: boolean;
    rationale: string;
    source: ThreatSource;
    createdAt: string;
  }[];
  risks: {
    id: string;
    title: string;
    status: string;
    systemId: string;
    systemName: string;
    /** Residual rating when assessed, else inherent (as the matrix overlay), scored by scoreRisk. */
    score: { score: number; basis: "inherent" | "residual"; level: { key: string; label: string; color: string } };
  }[];
};

/**
 * Which of the organisation's AI systems have the technique in their threat profile, and which risks
 * of the risk register name it (Risk.techniqueIds, GIN-indexed). Exact id: a parent technique does not
 * list its sub-techniques' references.
 */
export async function listTechniqueReferences({ ctx, input }: { ctx: ServiceContext; input: { techniqueId: string } }): Promise<TechniqueReferences> {
  assertCan(ctx, "inventory:read");
  const { techniqueId } = parseInput(techniqueRefSchema, input);
  const client = ctx.tx ?? db;
  const [entries, risks, matrix] = await Promise.all([
    client.threatProfileEntry.findMany({
      where: { orgId: ctx.orgId, techniqueId },
      select: { rationale: true, source: true, createdAt: true, system: { select: { id: true, name: true, ownerId: true, archivedAt: true } } },
      orderBy: [{ system: { name: "asc" } }, { systemId: "asc" }],
    }),
    client.risk.findMany({
      where: { orgId: ctx.orgId, techniqueIds: { has: techniqueId } },
      select: {
        id: true,
        title: true,
        status: true,
        inherentLikelihood: true,
        inherentImpact: true,
        residualLikelihood: true,
        residualImpact: true,
        system: { select: { id: true, name: true } },
      },
      orderBy: [{ system: { name: "asc" } }, { title: "asc" }, { id: "asc" }],
    }),
    getRiskMatrix({ ctx }),
  ]);
  return {
    profileEntries: entries.map((e) => ({
      systemId: e.system.id,
      systemName: e.system.name,
      ownerId: e.system.ownerId,
      archived: e.system.archivedAt !== null,
      canAddRisk: systemViewerPermissions(ctx.actor, { ownerId: e.system.ownerId, archived: e.system.archivedAt !== null }).canWriteRisks,
      rationale: e.rationale,
      source: e.source as ThreatSource,
      createdAt: e.createdAt.toISOString(),
    })),
    risks: risks.map((r) => {
      const residual = r.residualLikelihood !== null && r.residualImpact !== null;
      const scored = residual ? scoreRisk(matrix, r.residualLikelihood!, r.residualImpact!) : scoreRisk(matrix, r.inherentLikelihood, r.inherentImpact);
      return {
        id: r.id,
        title: r.title,
        status: r.status,
        systemId: r.system.id,
        systemName: r.system.name,
        score: {
          score: scored.score,
          basis: residual ? "residual" : "inherent",
          level: { key: scored.level.key, label: scored.level.label, color: scored.level.color },
        },
      };
    }),
  };
}
