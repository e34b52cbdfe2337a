import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { listAuditEvents } from "./list-audit-events";
import { verifyAuditChain, type ChainReport } from "./verify-audit-chain";

export type AuditPage = {
  list: Awaited<ReturnType<typeof listAuditEvents>>;
  /** The chain verification, when asked for (`?verify=1`), else null. */
  report: ChainReport | null;
};

/** What the audit-trail page shows: URL state → the filtered page of events, and the chain check on request. */
export async function getAuditPage({ ctx, input }: { ctx: ServiceContext; input: Record<string, string | string[] | undefined> }): Promise<AuditPage> {
  assertCan(ctx, "audit:read");
  const [list, report] = await Promise.all([listAuditEvents({ ctx, input }), input.verify === "1" ? verifyAuditChain({ ctx }) : Promise.resolve(null)]);
  return { list, report };
}
