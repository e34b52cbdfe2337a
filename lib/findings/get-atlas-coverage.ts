import { assertCan } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { parseInput, type Unparsed } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { coverageScopeSchema } from "./schemas";
import { loadAtlasCoverage, type AtlasCoverage } from "./internal";

/**
 * ATLAS coverage of one AI system: the techniques of its threat profile against those exercised by imported
 * tests and those with open findings, per technique and as figures ("12 of 18 profiled techniques tested, 5
 * failing, 6 never tested"). Without a system, of the whole organisation: every active system's profiles, tests
 * and open findings together (the matrix's organisation-wide "Findings coverage" overlay).
 */
export async function getAtlasCoverage({ ctx, input }: { ctx: ServiceContext; input: Unparsed<{ systemId?: string }> }): Promise<AtlasCoverage> {
  assertCan(ctx, "inventory:read");
  const { systemId } = parseInput(coverageScopeSchema, input);
  const client = ctx.tx ?? db;
  if (!systemId) return loadAtlasCoverage(client, ctx, null);
  const system = await client.aISystem.findFirst({ where: { id: systemId, orgId: ctx.orgId }, select: { id: true } });
  if (!system) throw new AppError("NOT_FOUND", "AI system not found.");
  return loadAtlasCoverage(client, ctx, system.id);
}
