import { assertCan, can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import type { EvidenceExcerpt } from "./parsers/types";
import { findingIdSchema, type FindingListItem } from "./schemas";
import { findFindingOrThrow, toFindingListItem } from "./internal";

export type FindingRun = {
  importId: string;
  fileName: string;
  createdAt: string;
  runId: string | null;
  target: string | null;
  evaluated: number | null;
  failed: number | null;
  attackSuccessRate: number | null;
  failing: boolean;
  suppressed: boolean;
};

export type FindingPage = {
  finding: FindingListItem & { statusReason: string; systemOwnerId: string | null };
  /** Evidence excerpts of the latest failing results (prompt and output as text: never render as HTML). */
  evidence: (EvidenceExcerpt & { importId: string; location: string })[];
  /** Every import with a result for this test, oldest first: the attack-success history. */
  runs: FindingRun[];
  messages: string[];
  notReproducedIn: { importId: string; fileName: string; createdAt: string } | null;
  linkedRisk: { id: string; title: string; status: string } | null;
  /** The system's risks a finding can be linked to. */
  risks: { id: string; title: string }[];
  viewer: { canTriage: boolean; canCreateRisk: boolean };
};

/** One finding with its evidence, attack-success history, the imports that touched it and the risks it can link to. */
export async function getFindingPage({ ctx, input }: { ctx: ServiceContext; input: Unparsed<{ findingId: string }> }): Promise<FindingPage> {
  assertCan(ctx, "inventory:read");
  const { findingId } = parseInput(findingIdSchema, input);
  const client = ctx.tx ?? db;
  const row = await findFindingOrThrow(client, ctx, findingId);
  const [results, risks] = await Promise.all([
    client.testResult.findMany({
      where: { orgId: ctx.orgId, findingId: row.id },
      select: { importId: true, evaluated: true, failed: true, score: true, suppressed: true, evidence: true, location: true, message: true, createdAt: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: 5000,
    }),
    client.risk.findMany({ where: { orgId: ctx.orgId, systemId: row.systemId }, select: { id: true, title: true, status: true }, orderBy: { title: "asc" } }),
  ]);
  const importIds = [...new Set(results.map((r) => r.importId))];
  const imports = new Map(
    (
      await client.findingImport.findMany({
        where: { orgId: ctx.orgId, id: { in: importIds } },
        select: { id: true, fileName: true, createdAt: true, runId: true, targetName: true, targetType: true },
      })
    ).map((i) => [i.id, i]),
  );
  const runs = new Map<string, FindingRun>();
  for (const result of results) {
    const meta = imports.get(result.importId);
    const run = runs.get(result.importId) ?? {
      importId: result.importId,
      fileName: meta?.fileName ?? "",
      createdAt: (meta?.createdAt ?? result.createdAt).toISOString(),
      runId: meta?.runId ?? null,
      target: meta ? (meta.targetName ?? meta.targetType) : null,
      evaluated: null,
      failed: null,
      attackSuccessRate: null,
      failing: false,
      suppressed: result.suppressed,
    };
    if (!result.suppressed && result.evaluated !== null && result.failed !== null) {
      run.evaluated = (run.evaluated ?? 0) + result.evaluated;
      run.failed = (run.failed ?? 0) + result.failed;
      run.attackSuccessRate = run.evaluated ? run.failed / run.evaluated : null;
    }
    if (!result.suppressed && (result.failed !== null ? result.failed > 0 : result.score !== null && result.score < 1)) run.failing = true;
    runs.set(result.importId, run);
  }
  const evidence: FindingPage["evidence"] = [];
  for (let i = results.length - 1; i >= 0 && evidence.length < 3; i--) {
    const items = Array.isArray(results[i].evidence) ? (results[i].evidence as unknown as EvidenceExcerpt[]) : [];
    for (const item of items) if (evidence.length < 3) evidence.push({ ...item, importId: results[i].importId, location: results[i].location });
  }
  const messages = [...new Set(results.map((r) => r.message).filter((m): m is string => !!m))].slice(-5);
  const notReproduced = row.notReproducedImportId ? imports.get(row.notReproducedImportId) : undefined;
  const linked = row.riskId ? risks.find((risk) => risk.id === row.riskId) : undefined;
  const active = !row.system.archivedAt;
  return {
    finding: { ...toFindingListItem({ ...row, system: { name: row.system.name } }), statusReason: row.statusReason, systemOwnerId: row.system.ownerId },
    evidence,
    runs: [...runs.values()],
    messages,
    notReproducedIn: notReproduced ? { importId: notReproduced.id, fileName: notReproduced.fileName, createdAt: notReproduced.createdAt.toISOString() } : null,
    linkedRisk: linked ? { id: linked.id, title: linked.title, status: linked.status } : null,
    risks: risks.map(({ id, title }) => ({ id, title })),
    viewer: {
      canTriage: active && can(ctx.actor, "finding:triage", row.system),
      canCreateRisk: active && can(ctx.actor, "finding:triage", row.system) && can(ctx.actor, "risk:write", row.system),
    },
  };
}
