import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges, type Changes } from "@/lib/audit/diff-changes";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { readBom } from "@/lib/bom/read-bom";
import { BOM_FIELDS } from "@/lib/bom/bom-component";
import { assertCanEditSystem } from "./internal";

const select = {
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
} as const;

export type ImportBomResult = {
  specVersion: string;
  created: { id: string; kind: string; name: string }[];
  updated: { id: string; kind: string; name: string; changes: Changes }[];
  unchanged: number;
  skipped: { name: string; type: string }[];
};

/**
 * Imports a CycloneDX BOM (JSON text) into an AI system's components: an entry whose bom-ref is one of
 * this system's components (`component:<id>`, as exported), or else a component of the same kind and
 * name, is updated with what the BOM states; any other model, dataset or service is created. Components
 * the BOM does not mention are kept. One audit event lists what was created and what changed.
 */
export async function importBom({ ctx, input }: { ctx: ServiceContext; input: { systemId: string; text: string } }): Promise<ImportBomResult> {
  assertCanOnSome(ctx, "system:update"); // refuse before reading the BOM
  if (typeof input.text !== "string" || !input.text.trim())
    throw new AppError("VALIDATION", "The BOM is empty.", [{ path: "(body)", message: "Send a CycloneDX JSON document" }]);
  const bom = await readBom(input.text);
  return withTransaction(ctx, async (tx) => {
    await assertCanEditSystem(tx, ctx, input.systemId);
    const existing = await tx.systemComponent.findMany({ where: { orgId: ctx.orgId, systemId: input.systemId }, select, orderBy: { createdAt: "asc" } });
    const result: ImportBomResult = { specVersion: bom.specVersion, created: [], updated: [], unchanged: 0, skipped: bom.skipped };
    const seen = new Set<string>();
    for (const { bomRef, ...entry } of bom.components) {
      if (!entry.name) {
        result.skipped.push({ name: "", type: entry.kind });
        continue;
      }
      const byRef = bomRef?.startsWith("component:") ? existing.find((c) => `component:${c.id}` === bomRef) : undefined;
      const match = byRef ?? existing.find((c) => !seen.has(c.id) && c.kind === entry.kind && c.name.toLowerCase() === entry.name.toLowerCase());
      if (!match) {
        const row = await tx.systemComponent.create({ data: { ...entry, orgId: ctx.orgId, systemId: input.systemId }, select });
        result.created.push({ id: row.id, kind: row.kind, name: row.name });
        continue;
      }
      seen.add(match.id);
      const changes = diffChanges(match, { ...match, ...entry }, ["name", "kind", ...BOM_FIELDS]);
      if (Object.keys(changes).length === 0) {
        result.unchanged += 1;
        continue;
      }
      await tx.systemComponent.updateMany({ where: { id: match.id, orgId: ctx.orgId }, data: entry });
      result.updated.push({ id: match.id, kind: entry.kind, name: entry.name, changes });
    }
    await recordAudit(tx, ctx, {
      action: "component.import_bom",
      entityType: "system",
      entityId: input.systemId,
      subjectId: input.systemId,
      changes: {
        created: { before: null, after: result.created.map((c) => `${c.kind}: ${c.name}`) },
        updated: { before: null, after: result.updated.map((c) => ({ name: c.name, fields: c.changes })) },
        unchanged: { before: null, after: result.unchanged },
      },
    });
    return result;
  });
}
