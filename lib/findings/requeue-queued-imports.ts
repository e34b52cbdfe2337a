import { db } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";

/**
 * Queues the `finding-import` job again for imports still `queued` after `olderThanMs` (default 2 minutes): the
 * job is sent after the upload's transaction commits, so a process that dies in between would otherwise leave the
 * import waiting for ever. Safe to run on every instance: a job still waiting for the same import is not queued
 * twice (singleton key), and a job that runs after another finished finds the import done (processFindingImport
 * claims it by status). Returns how many imports were queued again.
 */
export async function requeueQueuedImports({ olderThanMs = 2 * 60_000 }: { olderThanMs?: number } = {}): Promise<number> {
  const stale = await db.findingImport.findMany({
    where: { status: "queued", createdAt: { lt: new Date(Date.now() - olderThanMs) } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 1000,
  });
  for (const row of stale) await enqueueJob("finding-import", { importId: row.id });
  return stale.length;
}
