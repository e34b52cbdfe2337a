import type { Prisma } from "@/generated/prisma/client";
import type { FrameworkId } from "@/lib/catalogs/frameworks";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { RiskLevel, RiskMatrix } from "./risk-matrix";
import { scoreRisk, scoreRiskOrNull, type RiskScore } from "./score-risk";
import { controlTitle } from "./catalog-refs";
import type { RiskDetail, RiskLevelRef, RiskScoreDto, RiskSummary } from "./schemas";

// Fetch helpers and DTO shapes private to lib/risks (not imported from outside the folder).

export const riskSummarySelect = {
  id: true,
  title: true,
  category: true,
  techniqueIds: true,
  owaspIds: true,
  inherentLikelihood: true,
  inherentImpact: true,
  residualLikelihood: true,
  residualImpact: true,
  treatment: true,
  status: true,
  ownerId: true,
  dueDate: true,
  updatedAt: true,
  version: true,
  system: { select: { id: true, name: true } },
} satisfies Prisma.RiskSelect;

export const riskDetailSelect = {
  ...riskSummarySelect,
  systemId: true,
  description: true,
  treatmentPlan: true,
  acceptanceReason: true,
  acceptedById: true,
  acceptedAt: true,
  createdAt: true,
  system: { select: { id: true, name: true, ownerId: true } },
  controls: { select: { framework: true, controlId: true }, orderBy: [{ framework: "asc" }, { controlId: "asc" }] },
} satisfies Prisma.RiskSelect;

type SummaryRow = Prisma.RiskGetPayload<{ select: typeof riskSummarySelect }>;
export type RiskDetailRow = Prisma.RiskGetPayload<{ select: typeof riskDetailSelect }>;

/** People named on risks, by user id (owners, approvers). */
export type PeopleById = Map<string, { id: string; name: string }>;

export function levelRef(level: RiskLevel): RiskLevelRef {
  return { key: level.key, label: level.label, color: level.color };
}

export function toScoreDto(score: RiskScore): RiskScoreDto {
  return { likelihood: score.likelihood, impact: score.impact, score: score.score, level: levelRef(score.level) };
}

function dateOnly(value: Date | null): string | null {
  return value ? value.toISOString().slice(0, 10) : null;
}

function person(people: PeopleById, id: string | null) {
  if (!id) return null;
  return people.get(id) ?? { id, name: "Former member" };
}

export function toRiskSummary(row: SummaryRow, matrix: RiskMatrix, people: PeopleById): RiskSummary {
  const residual = scoreRiskOrNull(matrix, row.residualLikelihood, row.residualImpact);
  return {
    id: row.id,
    system: { id: row.system.id, name: row.system.name },
    title: row.title,
    category: row.category,
    techniqueIds: row.techniqueIds,
    owaspIds: row.owaspIds,
    inherent: toScoreDto(scoreRisk(matrix, row.inherentLikelihood, row.inherentImpact)),
    residual: residual && toScoreDto(residual),
    treatment: row.treatment,
    status: row.status,
    owner: person(people, row.ownerId),
    dueDate: dateOnly(row.dueDate),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

export function toRiskDetail(row: RiskDetailRow, matrix: RiskMatrix, people: PeopleById): RiskDetail {
  return {
    ...toRiskSummary(row, matrix, people),
    systemId: row.systemId,
    description: row.description,
    treatmentPlan: row.treatmentPlan,
    ownerId: row.ownerId,
    inherentLikelihood: row.inherentLikelihood,
    inherentImpact: row.inherentImpact,
    residualLikelihood: row.residualLikelihood,
    residualImpact: row.residualImpact,
    controls: row.controls.map((c) => ({
      framework: c.framework as FrameworkId,
      controlId: c.controlId,
      title: controlTitle(c.framework as FrameworkId, c.controlId),
    })),
    acceptance:
      row.acceptedById && row.acceptedAt
        ? { approver: person(people, row.acceptedById)!, reason: row.acceptanceReason, acceptedAt: row.acceptedAt.toISOString() }
        : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Names of the users the rows refer to. Users are global; the ids come from this organisation's rows. */
export async function loadPeople(client: Prisma.TransactionClient, ids: (string | null | undefined)[]): Promise<PeopleById> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const users = await client.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u]));
}

export async function detailWithPeople(client: Prisma.TransactionClient, row: RiskDetailRow, matrix: RiskMatrix): Promise<RiskDetail> {
  return toRiskDetail(row, matrix, await loadPeople(client, [row.ownerId, row.acceptedById]));
}

/** Loads a risk of the context's organisation or throws NOT_FOUND (also for other organisations' ids). */
export async function findRiskOrThrow(client: Prisma.TransactionClient, ctx: ServiceContext, id: string): Promise<RiskDetailRow> {
  const row = await client.risk.findFirst({ where: { id, orgId: ctx.orgId }, select: riskDetailSelect });
  if (!row) throw new AppError("NOT_FOUND", "Risk not found.");
  return row;
}

/** A system of the organisation (NOT_FOUND otherwise), with what risk permissions are checked against. */
export async function findRiskSystemOrThrow(client: Prisma.TransactionClient, ctx: ServiceContext, systemId: string) {
  const system = await client.aISystem.findFirst({
    where: { id: systemId, orgId: ctx.orgId },
    select: { id: true, name: true, ownerId: true, archivedAt: true },
  });
  if (!system) throw new AppError("NOT_FOUND", "AI system not found.");
  return system;
}

/** risk:write on this system: risk owners only on AI systems they own. */
export function assertCanWriteRisks(ctx: ServiceContext, system: { ownerId: string | null }) {
  assertCan(ctx, "risk:write", system);
}

/** A risk's owner must be a member of the organisation. */
export async function assertRiskOwnerIsMember(client: Prisma.TransactionClient, ctx: ServiceContext, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const member = await client.membership.findFirst({ where: { orgId: ctx.orgId, userId: ownerId }, select: { id: true } });
  if (!member)
    throw new AppError("VALIDATION", "The risk owner must be a member of this organisation.", [
      { path: "ownerId", message: "Not a member of this organisation" },
    ]);
}

/** "YYYY-MM-DD" → the UTC midnight the column stores. */
export function toDueDate(value: string | null | undefined): Date | null | undefined {
  if (value === undefined) return undefined;
  return value === null ? null : new Date(`${value}T00:00:00.000Z`);
}

/** Controls as sorted "framework:controlId" strings: compared and recorded in audit events by value. */
export function controlKeys(controls: readonly { framework: string; controlId: string }[]): string[] {
  return controls.map((c) => `${c.framework}:${c.controlId}`).sort();
}

/** The audited view of a risk row: every editable field, dates as strings, controls as keys. */
export function auditView(row: {
  title: string;
  description: string;
  category: string;
  techniqueIds: string[];
  owaspIds: string[];
  inherentLikelihood: number;
  inherentImpact: number;
  treatment: string;
  treatmentPlan: string;
  residualLikelihood: number | null;
  residualImpact: number | null;
  ownerId: string | null;
  dueDate: Date | null;
  status: string;
  controls: { framework: string; controlId: string }[];
  acceptedById?: string | null;
  acceptedAt?: Date | null;
  acceptanceReason?: string;
}): Record<string, unknown> {
  return {
    ...row,
    dueDate: dateOnly(row.dueDate),
    controls: controlKeys(row.controls),
    acceptedById: row.acceptedById ?? null,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    acceptanceReason: row.acceptanceReason ?? "",
  };
}

export const AUDITED_RISK_FIELDS = [
  "title",
  "description",
  "category",
  "techniqueIds",
  "owaspIds",
  "inherentLikelihood",
  "inherentImpact",
  "treatment",
  "treatmentPlan",
  "residualLikelihood",
  "residualImpact",
  "ownerId",
  "dueDate",
  "status",
  "controls",
  "acceptedById",
  "acceptedAt",
  "acceptanceReason",
] as const;
