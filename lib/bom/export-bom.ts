import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { buildBom } from "./build-bom";

/** An AI system's components as a CycloneDX 1.6 ML-BOM (JSON text) and the file name to save it under. */
export async function exportBom({ ctx, input }: { ctx: ServiceContext; input: { systemId: string } }) {
  assertCan(ctx, "inventory:read");
  const system = await (ctx.tx ?? db).aISystem.findFirst({
    where: { id: input.systemId, orgId: ctx.orgId },
    select: {
      id: true,
      name: true,
      components: {
        where: { orgId: ctx.orgId },
        orderBy: { createdAt: "asc" },
        select: {
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
        },
      },
    },
  });
  if (!system) throw new AppError("NOT_FOUND", "AI system not found.");
  const slug =
    system.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "system";
  return { filename: `${slug}.cdx.json`, content: buildBom(system, system.components) };
}
