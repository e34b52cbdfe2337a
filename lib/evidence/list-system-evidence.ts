import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import { parseInput } from "@/lib/validation/parse-input";
import type { ServiceContext } from "@/lib/context";
import { findControlSystemOrThrow } from "@/lib/controls/control-system";
import { loadSystemEvidence } from "./evidence-summary";
import type { EvidenceSummary } from "@/lib/controls/schemas";
import { listSystemEvidenceSchema } from "./schemas";

/** All evidence of one AI system (metadata, never the bytes), newest first, with the controls each is attached to. */
export async function listSystemEvidence({ ctx, input }: { ctx: ServiceContext; input: { systemId: string } }): Promise<EvidenceSummary[]> {
  assertCan(ctx, "inventory:read");
  const { systemId } = parseInput(listSystemEvidenceSchema, input);
  const client = ctx.tx ?? db;
  await findControlSystemOrThrow(client, ctx, systemId);
  return loadSystemEvidence(client, ctx, systemId);
}
