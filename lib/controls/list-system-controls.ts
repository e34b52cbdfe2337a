import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { controlKey, indexEvidenceByControl } from "./control-evidence";
import { systemControlSelect, toControlView } from "./control-view";
import { applicableForSystem, loadDecidedClassifications, memberNames } from "./internal";
import { findControlSystemOrThrow } from "./control-system";
import { loadSystemEvidence } from "@/lib/evidence/evidence-summary";
import { listSystemControlsSchema, type ListSystemControlsInput, type SystemControlList } from "./schemas";

/**
 * The applicable controls of one AI system (optionally of one framework), each with the reason it applies,
 * its stored status (default not_started), owner, review date, justification, and its evidence: attached
 * directly, or available via a crosswalked control (marked "via …").
 */
export async function listSystemControls({ ctx, input }: { ctx: ServiceContext; input: ListSystemControlsInput }): Promise<SystemControlList> {
  assertCan(ctx, "inventory:read");
  const { systemId, framework } = parseInput(listSystemControlsSchema, input);
  const client = ctx.tx ?? db;
  const system = await findControlSystemOrThrow(client, ctx, systemId);
  const classification = (await loadDecidedClassifications(client, ctx, [system.id])).get(system.id);
  const all = applicableForSystem(system, classification);
  const applicableKeys = new Set(all.map((control) => controlKey(control.framework, control.controlId)));
  const applicable = all.filter((control) => framework === undefined || control.framework === framework);
  const stored = await client.systemControl.findMany({
    where: { orgId: ctx.orgId, systemId: system.id, ...(framework && { framework }) },
    select: systemControlSelect,
  });
  const evidence = await loadSystemEvidence(client, ctx, system.id);
  const names = await memberNames(
    client,
    ctx,
    stored.map((row) => row.ownerId),
  );
  const rows = new Map(stored.map((row) => [controlKey(row.framework, row.controlId), row]));
  const direct = indexEvidenceByControl(evidence);
  return {
    system: {
      id: system.id,
      name: system.name,
      riskTier: system.riskTier,
      euAiActRole: system.euAiActRole,
      lifecycleStage: system.lifecycleStage,
      archived: system.archivedAt !== null,
      ownerId: system.ownerId,
    },
    classification: classification ? { assessmentId: classification.assessmentId, decidedAt: classification.decidedAt?.toISOString() ?? null } : null,
    controls: applicable.map((control) => toControlView(control, rows.get(controlKey(control.framework, control.controlId)), direct, names, applicableKeys)),
  };
}
