import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { loadCardSource } from "./internal";
import { renderHfCard } from "./render-hf-card";
import { buildMctCard } from "./build-mct-card";
import type { ModelCardFormat } from "./schemas";

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "model"
  );
}

/**
 * The model card of an AI system, or of one of its model components: a Hugging Face README.md ("hf") or
 * Model Card Toolkit v0.0.2 JSON ("mct"), generated from the inventory and the latest scanner import.
 */
export async function getModelCard({ ctx, input }: { ctx: ServiceContext; input: { systemId: string; componentId?: string; format: ModelCardFormat } }) {
  assertCan(ctx, "inventory:read");
  const source = await loadCardSource(ctx.tx ?? db, ctx, input.systemId, input.componentId);
  if (source.component && source.component.kind !== "model")
    throw new AppError("VALIDATION", "A model card is for a model component, not a dataset or service.", [
      { path: "componentId", message: "Not a model component" },
    ]);
  const base = `${slug(source.component?.name ?? source.system.name)}-model-card`;
  if (input.format === "mct") {
    const card = buildMctCard(source);
    return { filename: `${base}.json`, contentType: "application/json", content: `${JSON.stringify(card, null, 2)}\n` };
  }
  return { filename: `${base}.md`, contentType: "text/markdown; charset=utf-8", content: renderHfCard(source) };
}
