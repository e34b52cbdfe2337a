import type { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { evalResultSchema, type EvalResult } from "./schemas";

// What a generated card is made of, loaded once for the card verbs (private to lib/model-cards).

export const cardComponentSelect = {
  id: true,
  kind: true,
  name: true,
  version: true,
  sourceUrl: true,
  licence: true,
  sha256: true,
  baseModels: true,
  languages: true,
  datasets: true,
  pipelineTag: true,
  libraryName: true,
  evalResults: true,
  cardText: true,
  cardMetadata: true,
} satisfies Prisma.SystemComponentSelect;

export type CardComponent = Omit<Prisma.SystemComponentGetPayload<{ select: typeof cardComponentSelect }>, "evalResults" | "cardMetadata"> & {
  evalResults: EvalResult[];
  cardMetadata: Record<string, unknown>;
};

export type CardSystem = {
  id: string;
  name: string;
  description: string;
  purpose: string;
  deploymentContext: string;
  affectedPersons: string;
  humanOversight: string;
  vendor: string;
  foundationModel: string;
  modelType: string;
  dataCategories: string[];
  riskTier: string;
  euAiActRole: string;
  ownerName: string | null;
  ownerEmail: string | null;
  ownerId: string | null;
  archived: boolean;
};

/** The scanner run whose results a card reports: the system's latest completed import. */
export type CardScan = { importId: string; tool: string | null; toolVersion: string | null; completedAt: string | null; fileName: string };

export type CardSource = {
  system: CardSystem;
  components: CardComponent[];
  /** The model component the card is for; null: the card of the whole system. */
  component: CardComponent | null;
  scan: CardScan | null;
  /** Attack success rate per scanner test of `scan` (failed / evaluated outputs). */
  scanResults: EvalResult[];
};

export const ATTACK_SUCCESS_METRIC = "attack_success_rate";
export const ATTACK_SUCCESS_METRIC_NAME = "Attack success rate (failed / evaluated outputs; lower is better)";

/** Evaluation results stored as JSON: rows that do not match the shape (hand-edited data) are left out. */
export function storedEvalResults(value: Prisma.JsonValue): EvalResult[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((row) => {
    const parsed = evalResultSchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export function storedMetadata(value: Prisma.JsonValue): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function toCardComponent(row: Prisma.SystemComponentGetPayload<{ select: typeof cardComponentSelect }>): CardComponent {
  return { ...row, evalResults: storedEvalResults(row.evalResults), cardMetadata: storedMetadata(row.cardMetadata) };
}

/**
 * Loads a system of the context's organisation with its components and the attack success rates of its
 * latest completed scanner import (NOT_FOUND for another organisation's system or component).
 */
export async function loadCardSource(tx: Prisma.TransactionClient, ctx: ServiceContext, systemId: string, componentId?: string): Promise<CardSource> {
  const row = await tx.aISystem.findFirst({
    where: { id: systemId, orgId: ctx.orgId },
    select: {
      id: true,
      name: true,
      description: true,
      purpose: true,
      deploymentContext: true,
      affectedPersons: true,
      humanOversight: true,
      vendor: true,
      foundationModel: true,
      modelType: true,
      dataCategories: true,
      riskTier: true,
      euAiActRole: true,
      ownerId: true,
      archivedAt: true,
      owner: { select: { name: true, email: true } },
      components: { select: cardComponentSelect, orderBy: { createdAt: "asc" } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND", "AI system not found.");
  const components = row.components.map(toCardComponent);
  let component: CardComponent | null = null;
  if (componentId !== undefined) {
    component = components.find((c) => c.id === componentId) ?? null;
    if (!component) throw new AppError("NOT_FOUND", "Component not found.");
  }
  const latest = await tx.findingImport.findFirst({
    where: { orgId: ctx.orgId, systemId, status: "completed", duplicateOfId: null },
    orderBy: [{ completedAt: "desc" }, { createdAt: "desc" }],
    select: { id: true, tool: true, toolVersion: true, completedAt: true, fileName: true },
  });
  let scanResults: EvalResult[] = [];
  if (latest) {
    const groups = await tx.testResult.groupBy({
      by: ["tool", "testId"],
      where: { orgId: ctx.orgId, importId: latest.id, evaluated: { gt: 0 } },
      _sum: { evaluated: true, failed: true },
      orderBy: [{ tool: "asc" }, { testId: "asc" }],
    });
    scanResults = groups.flatMap((g) => {
      const evaluated = g._sum.evaluated ?? 0;
      if (evaluated <= 0) return [];
      const rate = Math.round(((g._sum.failed ?? 0) / evaluated) * 10_000) / 10_000;
      return [
        {
          task: "text-generation",
          taskName: `Security scan (${g.tool})`,
          dataset: `${g.tool}:${g.testId}`,
          datasetName: g.testId,
          metric: ATTACK_SUCCESS_METRIC,
          metricName: ATTACK_SUCCESS_METRIC_NAME,
          value: rate,
          sourceName: `${g.tool} import ${latest.fileName || latest.id}`,
        },
      ];
    });
  }
  const { owner, archivedAt, components: _rows, ...system } = row;
  return {
    system: { ...system, ownerName: owner?.name ?? null, ownerEmail: owner?.email ?? null, archived: archivedAt !== null },
    components,
    component,
    scan: latest
      ? {
          importId: latest.id,
          tool: latest.tool,
          toolVersion: latest.toolVersion,
          completedAt: latest.completedAt?.toISOString() ?? null,
          fileName: latest.fileName,
        }
      : null,
    scanResults,
  };
}
