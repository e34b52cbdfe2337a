import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { classificationAnswersSchema } from "@/lib/classification/schemas";
import { deriveAnnexIiiPoints } from "@/lib/classification/rules/derive-annex-iii-points";
import { visibleAnswers } from "@/lib/classification/questionnaire/visible-answers";
import type { LegalBasis } from "@/lib/classification/types";
import { applicableControls, normaliseAnnexIiiPoint, type ApplicabilityClassification, type ApplicableControl } from "./applicable-controls";
import { controlKey } from "./control-evidence";
import type { ControlSystemRow } from "./control-system";

// Fetch helpers private to lib/controls (the import-boundaries lint rule keeps them here). What lib/evidence
// shares with the controls is in control-system.ts (the system an edit is about) and in
// lib/evidence/evidence-summary.ts (evidence as the control pages show it).

type Client = Prisma.TransactionClient;

export type DecidedClassification = { assessmentId: string; decidedAt: Date | null; facts: ApplicabilityClassification };

/**
 * What a stored classification found, as references: the proposal's basis and "also applies" refs, and
 * the Annex III points derived from the visible answers (carve-outs removed, implied points added), the
 * same way the proposal itself was computed.
 */
export function toClassificationFacts(answers: unknown, proposedBasis: unknown): ApplicabilityClassification {
  const stored = (proposedBasis ?? {}) as { basis?: LegalBasis[]; alsoApplies?: LegalBasis[] };
  const parsed = classificationAnswersSchema.safeParse(answers);
  const points = parsed.success ? deriveAnnexIiiPoints(visibleAnswers(parsed.data)).points.map((point) => normaliseAnnexIiiPoint(point.ref)) : [];
  return {
    basisRefs: (stored.basis ?? []).map((entry) => entry.ref),
    alsoAppliesRefs: (stored.alsoApplies ?? []).map((entry) => entry.ref),
    annexIIIPoints: points,
    ...(parsed.success && typeof visibleAnswers(parsed.data).public_body_or_public_service === "boolean"
      ? { publicBody: visibleAnswers(parsed.data).public_body_or_public_service }
      : {}),
  };
}

/**
 * The latest decided (accepted or overridden) classification of each system. Undecided proposals are
 * ignored: until someone decides, the system's tier did not come from them. An override keeps the
 * proposal's findings (Annex III points, duties found): the override changes the tier, not the facts.
 */
export async function loadDecidedClassifications(
  client: Client,
  ctx: ServiceContext,
  systemIds: readonly string[],
): Promise<Map<string, DecidedClassification>> {
  if (systemIds.length === 0) return new Map();
  const rows = await client.classificationAssessment.findMany({
    where: { orgId: ctx.orgId, systemId: { in: [...systemIds] }, decision: { not: null } },
    orderBy: [{ systemId: "asc" }, { createdAt: "desc" }, { id: "desc" }],
    distinct: ["systemId"],
    select: { id: true, systemId: true, answers: true, proposedBasis: true, decidedAt: true },
  });
  return new Map(
    rows.map((row) => [row.systemId, { assessmentId: row.id, decidedAt: row.decidedAt, facts: toClassificationFacts(row.answers, row.proposedBasis) }]),
  );
}

export function applicableForSystem(system: ControlSystemRow, classification: DecidedClassification | undefined): ApplicableControl[] {
  return applicableControls({
    riskTier: system.riskTier,
    euAiActRole: system.euAiActRole,
    lifecycleStage: system.lifecycleStage,
    archived: system.archivedAt !== null,
    classification: classification?.facts ?? null,
  });
}

/** An owner must be a member of the organisation. */
export async function assertMember(client: Client, ctx: ServiceContext, userId: string | null | undefined, path = "ownerId") {
  if (!userId) return;
  const member = await client.membership.findFirst({ where: { orgId: ctx.orgId, userId }, select: { id: true } });
  if (!member) throw new AppError("VALIDATION", "The owner must be a member of this organisation.", [{ path, message: "Not a member of this organisation" }]);
}

/** Names of the given users that are members of the organisation; others show as "Former member". */
export async function memberNames(client: Client, ctx: ServiceContext, userIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return new Map();
  const rows = await client.membership.findMany({ where: { orgId: ctx.orgId, userId: { in: ids } }, select: { user: { select: { id: true, name: true } } } });
  return new Map(rows.map((row) => [row.user.id, row.user.name]));
}

/** Which controls of each system have evidence attached (keys: controlKey), for the posture. */
export async function loadLinkedControlKeys(client: Client, ctx: ServiceContext, systemIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (systemIds.length === 0) return out;
  const rows = await client.evidenceLink.findMany({
    where: { orgId: ctx.orgId, systemId: { in: [...systemIds] } },
    select: { systemId: true, framework: true, controlId: true },
    distinct: ["systemId", "framework", "controlId"],
  });
  for (const row of rows) {
    const keys = out.get(row.systemId) ?? new Set<string>();
    keys.add(controlKey(row.framework, row.controlId));
    out.set(row.systemId, keys);
  }
  return out;
}
