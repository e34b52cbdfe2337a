import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { systemViewerPermissions } from "@/lib/systems/viewer-permissions";
import { loadCardSource } from "./internal";
import { renderHfCard } from "./render-hf-card";

/**
 * The model card page of an AI system: its components with their model card fields, the Hugging Face
 * card of the system or of the chosen model component (as text, for a preview), the scanner run it
 * reports, and what the viewer may do.
 */
export async function getSystemModelCardPage({ ctx, input }: { ctx: ServiceContext; input: { systemId: string; componentId?: string } }) {
  assertCan(ctx, "inventory:read");
  const tx = ctx.tx ?? db;
  const all = await loadCardSource(tx, ctx, input.systemId);
  const chosen = all.components.find((c) => c.id === input.componentId && c.kind === "model") ?? null;
  const source = { ...all, component: chosen };
  const viewer = systemViewerPermissions(ctx.actor, { ownerId: all.system.ownerId, archived: all.system.archived });
  return {
    system: { id: all.system.id, name: all.system.name, archived: all.system.archived },
    viewer,
    components: all.components.map((c) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      version: c.version,
      licence: c.licence,
      sha256: c.sha256,
      baseModels: c.baseModels,
      languages: c.languages,
      datasets: c.datasets,
      pipelineTag: c.pipelineTag,
      libraryName: c.libraryName,
      evalResults: c.evalResults,
      hasImportedCard: c.cardText.trim() !== "" || Object.keys(c.cardMetadata).length > 0,
      keptKeys: Object.keys(c.cardMetadata).filter((key) => key !== "tags" && key !== "model-index"),
    })),
    selectedComponentId: chosen?.id ?? null,
    preview: renderHfCard(source),
    scan: all.scan,
    scanResultCount: all.scanResults.length,
  };
}
