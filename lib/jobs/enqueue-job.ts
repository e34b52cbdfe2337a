import { randomUUID } from "node:crypto";
import { isEmbeddedDatabase } from "@/lib/db/client";
import { isJobName, JOB_SPECS, parseJobPayload, type AnyJobDefinition, type JobName, type JobPayload, type JobRegistry, type JobSpec } from "./job-names";
import { ensureQueue, getJobQueue } from "./job-queue";

export type EnqueueOptions = {
  /** Not before this time (default: now). */
  startAfter?: Date;
  /** The jobs to look the name up in (default: the application's, JOB_SPECS); tests pass their own. */
  jobs?: JobRegistry;
};

/**
 * Queues a background job and returns its id. Call it after the transaction that created what the job
 * works on has committed: a worker on another instance may pick the job up at once.
 *
 * - DATABASE_URL set: the job goes into the PostgreSQL queue (pg-boss) and a worker on any instance runs it
 *   (`npm start` or `npm run worker`). Enqueueing a job whose singleton key (the import id for
 *   `finding-import`) is already waiting returns the waiting job's id instead of adding a second one.
 * - Embedded database: the handler runs in this process once the current request has been answered
 *   (setImmediate), with the job's retry policy; a failure is logged, never thrown at the caller.
 *
 * The payload is validated here (`AppError("VALIDATION")`), so a bad payload fails the request that made it.
 */
export function enqueueJob<N extends JobName>(name: N, payload: JobPayload<N>, options?: EnqueueOptions): Promise<string>;
export function enqueueJob(name: string, payload: unknown, options: EnqueueOptions & { jobs: JobRegistry }): Promise<string>;
export async function enqueueJob(name: string, payload: unknown, options: EnqueueOptions = {}): Promise<string> {
  const spec = findSpec(name, options.jobs);
  const data = parseJobPayload(name, spec, payload);
  if (isEmbeddedDatabase()) {
    const jobs = options.jobs ?? (await import("./job-handlers")).createJobRegistry();
    return runInProcess(jobs.get(name)!, data, options.startAfter);
  }
  return sendToQueue(name, spec, data, options.startAfter);
}

function findSpec(name: string, jobs: JobRegistry | undefined): JobSpec<unknown> {
  const spec = jobs ? jobs.get(name) : isJobName(name) ? (JOB_SPECS[name] as JobSpec<unknown>) : undefined;
  if (!spec) throw new Error(`Unknown job "${name}".`);
  return spec;
}

async function sendToQueue(name: string, spec: JobSpec<unknown>, data: unknown, startAfter: Date | undefined): Promise<string> {
  const boss = await getJobQueue();
  await ensureQueue(boss, name, spec);
  const singletonKey = spec.singletonKey?.(data);
  // The `stately` queue refuses a second waiting job with the same key (send returns null); then the
  // waiting one is the answer. It may have started in between, so try again (a started job does not block).
  for (let attempt = 0; attempt < 3; attempt++) {
    const id = await boss.send(name, data as object, { singletonKey, startAfter });
    if (id) return id;
    if (!singletonKey) break;
    const { rows } = await boss
      .getDb()
      .executeSql(`SELECT id FROM pgboss.job WHERE name = $1 AND singleton_key = $2 AND state = 'created' LIMIT 1`, [name, singletonKey]);
    if (rows[0]) return String(rows[0].id);
  }
  throw new Error(`Job "${name}" could not be queued.`);
}

// In-process jobs (embedded database): pending by singleton key, and every running one so tests and a
// shutdown can wait for them.
const globalForJobs = globalThis as unknown as { inProcessJobs?: { byKey: Map<string, string>; running: Set<Promise<void>> } };
const inProcess = (globalForJobs.inProcessJobs ??= { byKey: new Map(), running: new Set() });

function runInProcess(job: AnyJobDefinition, data: unknown, startAfter: Date | undefined): string {
  const key = job.singletonKey ? `${job.name}:${job.singletonKey(data)}` : undefined;
  const pending = key ? inProcess.byKey.get(key) : undefined;
  if (pending) return pending;
  const id = randomUUID();
  if (key) inProcess.byKey.set(key, id);
  const run = (async () => {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, (startAfter?.getTime() ?? 0) - Date.now())));
    await new Promise((resolve) => setImmediate(resolve)); // after the current request's response
    if (key) inProcess.byKey.delete(key); // from here on, enqueueing it again queues another run
    const { retryLimit, retryDelaySeconds, retryBackoff } = job.policy;
    for (let attempt = 0; attempt <= retryLimit; attempt++) {
      try {
        await job.handler(data, { id });
        return;
      } catch (error) {
        const final = attempt === retryLimit;
        console.error(`[jobs] ${job.name} ${id} failed (attempt ${attempt + 1} of ${retryLimit + 1}${final ? ", giving up" : ""})`, error);
        if (final) return;
        const delaySeconds = retryBackoff ? retryDelaySeconds * 2 ** attempt : retryDelaySeconds;
        await new Promise((resolve) => setTimeout(resolve, delaySeconds * 1000));
      }
    }
  })();
  inProcess.running.add(run);
  void run.finally(() => inProcess.running.delete(run));
  return id;
}

/** Resolves once every in-process job queued so far (and its retries) has finished. */
export async function waitForInProcessJobs(): Promise<void> {
  while (inProcess.running.size > 0) await Promise.allSettled([...inProcess.running]);
}
