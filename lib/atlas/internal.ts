import type { Prisma } from "@/generated/prisma/client";
import type { ServiceContext } from "@/lib/context";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import type { AtlasDiffItem } from "./diff-atlas-releases";
import type { AtlasCounts, AtlasObjectKind, AtlasReleaseChanges, AtlasReleaseSummary, JsonObject, JsonValue } from "./schemas";

// Helpers private to lib/atlas (not imported from outside the folder).

type Client = Prisma.TransactionClient;

export const releaseSummarySelect = {
  id: true,
  version: true,
  sha256: true,
  isCurrent: true,
  counts: true,
  changes: true,
  importedById: true,
  createdAt: true,
} satisfies Prisma.AtlasReleaseSelect;

type ReleaseSummaryRow = Prisma.AtlasReleaseGetPayload<{ select: typeof releaseSummarySelect }>;

export function toReleaseSummary(row: ReleaseSummaryRow, importerName: string): AtlasReleaseSummary {
  return {
    id: row.id,
    version: row.version,
    sha256: row.sha256,
    isCurrent: row.isCurrent,
    importedAt: row.createdAt.toISOString(),
    importedBy: { id: row.importedById, name: importerName },
    // written by importAtlasRelease only, in exactly these shapes
    counts: row.counts as unknown as AtlasCounts,
    changes: row.changes as unknown as AtlasReleaseChanges,
  };
}

/** Display names of the people who imported releases ("System" for the CLI and seed). */
export async function importerNames(client: Client, ids: readonly string[]): Promise<Map<string, string>> {
  const userIds = [...new Set(ids.filter((id) => id !== "system"))];
  const users = userIds.length ? await client.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [];
  const names = new Map<string, string>([["system", "System"]]);
  for (const user of users) names.set(user.id, user.name);
  return names;
}

/** The built-in catalog as diff input (the baseline of an organisation's first import). */
export function builtinDiffItems(): AtlasDiffItem[] {
  const catalog = getAtlasCatalog();
  return [
    ...catalog.tactics.map((t) => ({ kind: "tactic" as const, id: t.id, name: t.name, parentId: null, tacticIds: [] })),
    ...catalog.techniques.map((t) => ({
      kind: t.parentId ? ("subtechnique" as const) : ("technique" as const),
      id: t.id,
      name: t.name,
      parentId: t.parentId,
      tacticIds: t.tacticIds,
    })),
    ...catalog.mitigations.map((m) => ({ kind: "mitigation" as const, id: m.id, name: m.name, parentId: null, tacticIds: [] })),
    ...catalog.caseStudies.map((c) => ({ kind: "case-study" as const, id: c.id, name: c.name, parentId: null, tacticIds: [] })),
  ];
}

/** ATT&CK Navigator slug of a tactic name, as in the built-in catalog: "AI Model Access" → "ai-model-access". */
export function tacticSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** "" (the column default) is shown as "no description". */
export function descriptionOrNull(text: string): string | null {
  return text === "" ? null : text;
}

// ── looking an object up by its ATLAS id ───────────────────────────────────────────────────────

export const TECHNIQUE_KINDS: AtlasObjectKind[] = ["technique", "subtechnique"];

const foundSelect = {
  kind: true,
  externalId: true,
  name: true,
  description: true,
  parentId: true,
  tacticIds: true,
  techniqueIds: true,
  data: true,
  releaseId: true,
  release: { select: { version: true, isCurrent: true } },
} satisfies Prisma.AtlasObjectSelect;

export type FoundAtlasObject = Omit<Prisma.AtlasObjectGetPayload<{ select: typeof foundSelect }>, "data"> & { data: JsonObject };

export type Located =
  | { from: "release"; object: FoundAtlasObject; releaseVersion: string; inCurrentRelease: boolean }
  | { from: "builtin"; releaseVersion: string; inCurrentRelease: boolean };

/**
 * Finds an ATLAS object of the organisation: in its current release; else in the newest older release
 * that has it (so a threat-profile entry made against an old release still resolves); else in the
 * built-in catalog (`inBuiltin` decides whether it has it). Null when it is nowhere.
 */
export async function locateAtlasObject(
  client: Client,
  ctx: ServiceContext,
  kinds: AtlasObjectKind[],
  id: string,
  inBuiltin: boolean,
): Promise<Located | null> {
  const found = await client.atlasObject.findFirst({
    where: { orgId: ctx.orgId, externalId: id, kind: { in: kinds } },
    orderBy: [{ release: { isCurrent: "desc" } }, { release: { createdAt: "desc" } }],
    select: foundSelect,
  });
  if (found) {
    return {
      from: "release",
      object: { ...found, data: found.data as JsonObject },
      releaseVersion: found.release.version,
      inCurrentRelease: found.release.isCurrent,
    };
  }
  if (!inBuiltin) return null;
  // the built-in catalog is the organisation's catalog only while it has imported nothing
  const current = await client.atlasRelease.findFirst({ where: { orgId: ctx.orgId, isCurrent: true }, select: { id: true } });
  return { from: "builtin", releaseVersion: getAtlasCatalog().version, inCurrentRelease: current === null };
}

/** `lastSeenIn` is present only for an object that is not in the current catalog. */
export function provenance(located: Located): { releaseVersion: string; inCurrentRelease: boolean; lastSeenIn?: { version: string } } {
  return located.inCurrentRelease
    ? { releaseVersion: located.releaseVersion, inCurrentRelease: true }
    : { releaseVersion: located.releaseVersion, inCurrentRelease: false, lastSeenIn: { version: located.releaseVersion } };
}

// ── reading the free-form data column ──────────────────────────────────────────────────────────

export function textOf(data: JsonObject, key: string): string | null {
  const value = data[key];
  return typeof value === "string" ? value : null;
}

export function listOf(data: JsonObject, key: string): JsonValue[] {
  const value = data[key];
  return Array.isArray(value) ? value : [];
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
