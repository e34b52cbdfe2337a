import PgBoss from "pg-boss";
import type { JobSpec } from "./job-names";

/**
 * The PostgreSQL job queue (pg-boss, in its own schema `pgboss` beside Prisma's `public`), used when
 * DATABASE_URL is set. One started instance per process, shared by enqueueing and the worker
 * (globalThis survives Next dev hot reloads, like lib/db/client.ts).
 */
const globalForJobs = globalThis as unknown as { jobQueue?: Promise<PgBoss> };

/** A new, not yet started pg-boss instance on `connectionString` (the worker tests start two). */
export function createJobQueue(connectionString: string): PgBoss {
  // A small pool of its own: polling and job state updates, beside Prisma's pool for the handlers' queries.
  const boss = new PgBoss({ connectionString, max: 4, application_name: "aigov-jobs" });
  // pg-boss reports a lost connection or a failed poll here and carries on; without a listener the
  // EventEmitter would throw it instead.
  boss.on("error", (error) => console.error("[jobs] queue error", error));
  return boss;
}

/** The process's started queue on DATABASE_URL; creates the `pgboss` schema on first use. */
export function getJobQueue(): Promise<PgBoss> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("The job queue needs DATABASE_URL; on the embedded database jobs run in-process.");
  if (!globalForJobs.jobQueue) {
    const started = createJobQueue(url).start();
    globalForJobs.jobQueue = started;
    // a failed start is not cached: the next call tries again (e.g. once the database is reachable)
    started.catch(() => {
      if (globalForJobs.jobQueue === started) globalForJobs.jobQueue = undefined;
    });
  }
  return globalForJobs.jobQueue;
}

/** Stops the process's queue, if one was started (tests; the worker's shutdown). */
export async function stopJobQueue(options: PgBoss.StopOptions = {}): Promise<void> {
  const started = globalForJobs.jobQueue;
  globalForJobs.jobQueue = undefined;
  if (!started) return;
  const boss = await started.catch(() => undefined);
  await boss?.stop(options);
}

const ensuredQueues = new WeakMap<PgBoss, Set<string>>();

/**
 * Creates the job's queue if it does not exist yet and brings its retry policy up to date. A job with a
 * singleton key gets pg-boss's `stately` policy: at most one waiting and one running job per key.
 */
export async function ensureQueue(boss: PgBoss, name: string, spec: Pick<JobSpec<unknown>, "policy" | "singletonKey">): Promise<void> {
  const done = ensuredQueues.get(boss) ?? new Set<string>();
  ensuredQueues.set(boss, done);
  if (done.has(name)) return;
  const options: PgBoss.Queue = {
    name,
    policy: spec.singletonKey ? "stately" : "standard",
    retryLimit: spec.policy.retryLimit,
    retryDelay: spec.policy.retryDelaySeconds,
    retryBackoff: spec.policy.retryBackoff,
    expireInSeconds: spec.policy.expireInSeconds,
  };
  await boss.createQueue(name, options); // does nothing when the queue exists (also when another instance races us)
  await boss.updateQueue(name, options);
  done.add(name);
}
