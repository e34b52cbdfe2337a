import { createHash } from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/with-transaction";
import { assertCan } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/record-audit";
import { parseInput } from "@/lib/validation/parse-input";
import { actorId, type ServiceContext } from "@/lib/context";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { parseAtlasRelease, stripBom } from "./parse-atlas-release";
import { diffAtlasReleases, type AtlasDiffItem } from "./diff-atlas-releases";
import { compareAtlasVersions } from "./compare-atlas-versions";
import { builtinDiffItems, importerNames, releaseSummarySelect, toReleaseSummary } from "./internal";
import {
  atlasImportInputSchema,
  type AtlasBaseline,
  type AtlasCounts,
  type AtlasImportInput,
  type AtlasImportResult,
  type AtlasObjectKind,
  type AtlasReleaseChanges,
} from "./schemas";

/**
 * Imports an official MITRE ATLAS release file (ATLAS.yaml) into the organisation's catalog.
 *
 * The file is validated completely before anything is written. A file this organisation already
 * imported (same SHA-256) is a no-op: status "unchanged", no new release, no audit event. Otherwise,
 * in one transaction: a new AtlasRelease with one AtlasObject per tactic, technique, sub-technique,
 * mitigation and case study (bulk insert), marked current (the previous current release is kept, so
 * anything that refers to its techniques still resolves), its counts and what changed against the
 * catalog the organisation saw before (the previous current release, or the built-in catalog), and
 * one `atlas.import` audit event. An older version, or the same version with other content, may be
 * imported too: it becomes current, and `versionOrder` / `message` say so.
 */
export async function importAtlasRelease({ ctx, input }: { ctx: ServiceContext; input: AtlasImportInput }): Promise<AtlasImportResult> {
  assertCan(ctx, "catalog:import");
  const { yaml } = parseInput(atlasImportInputSchema, input);
  const release = parseAtlasRelease(yaml);
  const sha256 = createHash("sha256").update(stripBom(yaml), "utf8").digest("hex");

  const known = await findBySha(ctx.tx ?? db, ctx.orgId, sha256);
  if (known) return unchanged(ctx.tx ?? db, known, release.warnings);

  return withTransaction(ctx, async (tx) => {
    // Imports of one organisation run one after another (the lock recordAudit takes anyway, taken
    // first): exactly one release stays current, and a concurrent import of the same file finds it.
    await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${ctx.orgId} FOR NO KEY UPDATE`;
    const raced = await findBySha(tx, ctx.orgId, sha256);
    if (raced) return unchanged(tx, raced, release.warnings);

    const previous = await tx.atlasRelease.findFirst({
      where: { orgId: ctx.orgId, isCurrent: true },
      select: { id: true, version: true, sha256: true, counts: true },
    });
    const baseline: AtlasBaseline = previous
      ? { kind: "imported", version: previous.version, releaseId: previous.id }
      : { kind: "builtin", version: getAtlasCatalog().version };
    const before: AtlasDiffItem[] = previous
      ? (
          await tx.atlasObject.findMany({
            where: { releaseId: previous.id },
            select: { kind: true, externalId: true, name: true, parentId: true, tacticIds: true },
          })
        ).map((o) => ({ kind: o.kind as AtlasObjectKind, id: o.externalId, name: o.name, parentId: o.parentId, tacticIds: o.tacticIds }))
      : builtinDiffItems();
    const objects = [...release.tactics, ...release.techniques, ...release.mitigations, ...release.caseStudies];
    const changes: AtlasReleaseChanges = { baseline, ...diffAtlasReleases(before, objects) };

    await tx.atlasRelease.updateMany({ where: { orgId: ctx.orgId, isCurrent: true }, data: { isCurrent: false } });
    const row = await tx.atlasRelease.create({
      data: {
        orgId: ctx.orgId,
        version: release.version,
        sha256,
        isCurrent: true,
        counts: release.counts as unknown as Prisma.InputJsonObject,
        changes: changes as unknown as Prisma.InputJsonObject,
        importedById: actorId(ctx.actor),
        // taken after the lock (a column default would be the transaction's start, which can be
        // earlier than a concurrent import that committed first): the history stays in import order
        createdAt: new Date(),
      },
      select: releaseSummarySelect,
    });
    await tx.atlasObject.createMany({
      data: objects.map((o) => ({
        releaseId: row.id,
        orgId: ctx.orgId,
        kind: o.kind,
        externalId: o.id,
        name: o.name,
        description: o.description,
        parentId: o.parentId,
        tacticIds: o.tacticIds,
        techniqueIds: o.techniqueIds,
        data: o.data as Prisma.InputJsonObject,
        position: o.position,
      })),
    });
    await recordAudit(tx, ctx, {
      action: "atlas.import",
      entityType: "atlas_release",
      entityId: row.id,
      changes: {
        version: { before: previous?.version ?? null, after: release.version },
        sha256: { before: previous?.sha256 ?? null, after: sha256 },
        counts: { before: (previous?.counts as AtlasCounts | undefined) ?? null, after: release.counts },
        changed: {
          before: null,
          after: {
            baseline: `${baseline.kind} ${baseline.version}`,
            added: changes.added.length,
            removed: changes.removed.length,
            renamed: changes.renamed.length,
            moved: changes.moved.length,
          },
        },
      },
    });

    const order = Math.sign(compareAtlasVersions(release.version, baseline.version));
    const versionOrder = order > 0 ? "newer" : order < 0 ? "older" : "same";
    return {
      status: "imported",
      release: toReleaseSummary(row, ctx.actor.type === "user" ? ctx.actor.label : "System"),
      versionOrder,
      message: importMessage(release.version, baseline, versionOrder),
      warnings: release.warnings,
    };
  });
}

function importMessage(version: string, baseline: AtlasBaseline, order: "newer" | "same" | "older"): string {
  const imported = `Imported MITRE ATLAS ${version}; it is now the organisation's current catalog`;
  if (baseline.kind === "builtin") {
    if (order === "same") return `${imported} (in place of the built-in catalog of the same version, now with descriptions).`;
    return `${imported} (in place of the built-in catalog ${baseline.version}, which is ${order === "newer" ? "older" : "newer"}).`;
  }
  if (order === "newer") return `${imported} (previously ${baseline.version}).`;
  if (order === "same") return `${imported}. Note: the previously current release has the same version ${baseline.version} but different content.`;
  return `${imported}. Note: it is OLDER than the previously current release ${baseline.version}, which is kept in the history.`;
}

async function findBySha(client: Prisma.TransactionClient, orgId: string, sha256: string) {
  return client.atlasRelease.findUnique({ where: { orgId_sha256: { orgId, sha256 } }, select: releaseSummarySelect });
}

async function unchanged(
  client: Prisma.TransactionClient,
  row: NonNullable<Awaited<ReturnType<typeof findBySha>>>,
  warnings: AtlasImportResult["warnings"],
): Promise<AtlasImportResult> {
  const names = await importerNames(client, [row.importedById]);
  const release = toReleaseSummary(row, names.get(row.importedById) ?? "Former member");
  const when = release.importedAt.slice(0, 10);
  const message = row.isCurrent
    ? `This file (MITRE ATLAS ${row.version}) was already imported on ${when} and is the current catalog. Nothing changed.`
    : `This file (MITRE ATLAS ${row.version}) was already imported on ${when}; it is in the history but not the current catalog. Nothing changed.`;
  return { status: "unchanged", release, versionOrder: null, message, warnings };
}
