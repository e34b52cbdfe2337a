import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { withTransaction } from "@/lib/db/with-transaction";
import { assertCanOnSome } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { diffChanges } from "@/lib/audit/diff-changes";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { parseHfCard } from "@/lib/model-cards/parse-hf-card";
import { MODEL_CARD_MAX_BYTES, type ImportModelCardResult } from "@/lib/model-cards/schemas";
import { assertCanEditSystem, findComponentOrThrow } from "./internal";

// the card's text is recorded by its SHA-256 and length, not copied into the audit trail
const AUDITED_FIELDS = ["name", "licence", "baseModels", "languages", "datasets", "pipelineTag", "libraryName", "evalResults", "cardMetadata"] as const;

const select = {
  id: true,
  kind: true,
  name: true,
  licence: true,
  baseModels: true,
  languages: true,
  datasets: true,
  pipelineTag: true,
  libraryName: true,
  evalResults: true,
  cardText: true,
  cardMetadata: true,
} satisfies Prisma.SystemComponentSelect;

/**
 * Imports a Hugging Face model card (README.md text) into a model component of an AI system: the one named
 * by `componentId`, else the system's model component with the card's name, else a new one. What the card
 * states replaces the component's value (licence, base models, languages, datasets, pipeline, library,
 * evaluation results from a valid model-index, the text and the other front matter keys); what it does
 * not state is left as it was. Answers with what was read, the warnings and the fields that changed.
 */
export async function importModelCard({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { systemId: string; componentId?: string; text: string };
}): Promise<ImportModelCardResult> {
  assertCanOnSome(ctx, "system:update"); // refuse before reading the card
  if (typeof input.text !== "string" || !input.text.trim())
    throw new AppError("VALIDATION", "The model card is empty.", [{ path: "card", message: "Choose a README.md file or paste its text" }]);
  if (Buffer.byteLength(input.text, "utf8") > MODEL_CARD_MAX_BYTES)
    throw new AppError("VALIDATION", `The model card is larger than ${MODEL_CARD_MAX_BYTES / 1024} KB.`, [
      { path: "card", message: "Too large for a model card" },
    ]);
  const read = parseHfCard(input.text);
  return withTransaction(ctx, async (tx) => {
    await assertCanEditSystem(tx, ctx, input.systemId);
    let before: Prisma.SystemComponentGetPayload<{ select: typeof select }> | null = null;
    if (input.componentId) {
      const found = await findComponentOrThrow(tx, ctx, input.componentId);
      if (found.systemId !== input.systemId) throw new AppError("NOT_FOUND", "Component not found.");
      before = await tx.systemComponent.findFirstOrThrow({ where: { id: found.id, orgId: ctx.orgId }, select });
      if (before.kind !== "model")
        throw new AppError("VALIDATION", "A model card can only be imported into a model component.", [
          { path: "componentId", message: "Not a model component" },
        ]);
    } else if (read.modelName) {
      before = await tx.systemComponent.findFirst({
        where: { orgId: ctx.orgId, systemId: input.systemId, kind: "model", name: { equals: read.modelName.slice(0, 200), mode: "insensitive" } },
        orderBy: { createdAt: "asc" },
        select,
      });
    }
    const data = {
      ...(read.license ? { licence: (read.license === "other" && read.licenseName ? read.licenseName : read.license).slice(0, 100) } : {}),
      ...(read.baseModel.length ? { baseModels: read.baseModel } : {}),
      ...(read.languages.length ? { languages: read.languages } : {}),
      ...(read.datasets.length ? { datasets: read.datasets } : {}),
      ...(read.pipelineTag ? { pipelineTag: read.pipelineTag } : {}),
      ...(read.libraryName ? { libraryName: read.libraryName } : {}),
      ...(read.evalResults ? { evalResults: read.evalResults as Prisma.InputJsonValue } : {}),
      cardText: read.text,
      cardMetadata: read.metadata as Prisma.InputJsonObject,
    };
    let after: Prisma.SystemComponentGetPayload<{ select: typeof select }>;
    if (before) {
      await tx.systemComponent.updateMany({ where: { id: before.id, orgId: ctx.orgId }, data });
      after = await tx.systemComponent.findFirstOrThrow({ where: { id: before.id, orgId: ctx.orgId }, select });
    } else {
      const name = (read.modelName ?? "Imported model").slice(0, 200);
      after = await tx.systemComponent.create({ data: { ...data, name, kind: "model", orgId: ctx.orgId, systemId: input.systemId }, select });
    }
    const changes = diffChanges(before, after, AUDITED_FIELDS);
    if (before?.cardText !== after.cardText) {
      const describe = (text: string) => (text ? `${text.length} characters, SHA-256 ${createHash("sha256").update(text).digest("hex")}` : null);
      changes.cardText = { before: before ? describe(before.cardText) : null, after: describe(after.cardText) };
    }
    await recordAudit(tx, ctx, {
      action: "component.import_card",
      entityType: "component",
      entityId: after.id,
      subjectId: input.systemId,
      changes: { ...changes, ...(read.warnings.length ? { warnings: { before: null, after: read.warnings } } : {}) },
    });
    return {
      componentId: after.id,
      componentName: after.name,
      created: !before,
      frontMatter: read.frontMatter,
      license: read.license,
      baseModel: read.baseModel,
      libraryName: read.libraryName,
      pipelineTag: read.pipelineTag,
      languages: read.languages,
      datasets: read.datasets,
      tags: read.tags,
      evalResults: read.evalResults,
      keptKeys: read.keptKeys,
      warnings: read.warnings,
      changed: Object.keys(changes),
    };
  });
}
