import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { descriptionOrNull, isJsonObject, listOf, locateAtlasObject, provenance, textOf } from "./internal";
import { atlasObjectIdInputSchema, type AtlasCaseStudyDetail, type AtlasObjectIdInput } from "./schemas";

/**
 * One case study with its summary, references and procedure (each step's tactic and technique named
 * as in the same release), resolved like getAtlasTechnique. The built-in catalog has names only.
 */
export async function getAtlasCaseStudy({ ctx, input }: { ctx: ServiceContext; input: AtlasObjectIdInput }): Promise<AtlasCaseStudyDetail> {
  assertCan(ctx, "inventory:read");
  const { id } = parseInput(atlasObjectIdInputSchema, input);
  const client = ctx.tx ?? db;
  const inBuiltin = getAtlasCatalog().caseStudies.find((c) => c.id === id);
  const located = await locateAtlasObject(client, ctx, ["case-study"], id, inBuiltin !== undefined);
  if (!located) throw new AppError("NOT_FOUND", `ATLAS case study ${id} not found.`);

  if (located.from === "builtin") {
    const c = inBuiltin!;
    return {
      caseStudy: {
        id: c.id,
        name: c.name,
        summary: null,
        incidentDate: null,
        incidentDateGranularity: null,
        type: null,
        target: null,
        actor: null,
        reporter: null,
        references: [],
        procedure: [],
      },
      ...provenance(located),
    };
  }

  const c = located.object;
  const steps = listOf(c.data, "procedure").filter(isJsonObject);
  const named = await client.atlasObject.findMany({
    where: { releaseId: c.releaseId, externalId: { in: [...c.tacticIds, ...c.techniqueIds] } },
    select: { externalId: true, name: true },
  });
  const names = new Map(named.map((o) => [o.externalId, o.name]));
  return {
    caseStudy: {
      id: c.externalId,
      name: c.name,
      summary: descriptionOrNull(c.description),
      incidentDate: textOf(c.data, "incident-date"),
      incidentDateGranularity: textOf(c.data, "incident-date-granularity"),
      type: textOf(c.data, "case-study-type"),
      target: textOf(c.data, "target"),
      actor: textOf(c.data, "actor"),
      reporter: textOf(c.data, "reporter"),
      references: listOf(c.data, "references")
        .filter(isJsonObject)
        .map((r) => ({ title: typeof r.title === "string" && r.title !== "" ? r.title : null, url: typeof r.url === "string" && r.url !== "" ? r.url : null })),
      procedure: steps.map((step) => {
        const tacticId = String(step.tactic ?? "");
        const techniqueId = String(step.technique ?? "");
        return {
          tacticId,
          tacticName: names.get(tacticId) ?? null,
          techniqueId,
          techniqueName: names.get(techniqueId) ?? null,
          description: String(step.description ?? ""),
        };
      }),
    },
    ...provenance(located),
  };
}
