import type PgBoss from "pg-boss";
import { parseJobPayload, type AnyJobDefinition, type JobRegistry } from "./job-names";
import { createJobQueue, ensureQueue, getJobQueue, stopJobQueue } from "./job-queue";

export type WorkerOptions = {
  /** The jobs to work (default: the application's). */
  jobs?: JobRegistry;
  /**
   * What SIGTERM / SIGINT do. `drain` (`npm run worker`): stop taking jobs, let running ones finish for up to
   * WORKER_SHUTDOWN_TIMEOUT_SECONDS (default 60), hand back the rest to the queue, exit. `release` (inside
   * `next start`, which exits by itself as soon as open requests are answered): stop taking jobs and hand
   * running ones back at once. `none`: the caller stops the worker (tests).
   */
  onSignal?: "drain" | "release" | "none";
  /** How often an idle worker looks for jobs (default 2 s; pg-boss's minimum is 0.5 s). */
  pollingIntervalSeconds?: number;
};

export type RunningWorker = {
  queue: PgBoss;
  /** Stops taking jobs; waits up to `timeoutMs` (default 30 s; 0: not at all) for running ones, then hands them back to the queue (retried later). */
  stop(options?: { timeoutMs?: number }): Promise<void>;
};

const globalForWorker = globalThis as unknown as { jobWorker?: Promise<RunningWorker> };

/**
 * Starts this process's worker on DATABASE_URL (once; a second call returns the first): creates the queues
 * and works every job in the registry, one job at a time per queue. Instances share the queue through
 * PostgreSQL (`FOR UPDATE SKIP LOCKED`), so each job is taken by one worker (docs/decisions/012-background-jobs.md).
 */
export function startWorker(options: WorkerOptions = {}): Promise<RunningWorker> {
  if (!globalForWorker.jobWorker) {
    const started = getJobQueue().then(async (queue) => {
      await workJobs(queue, options);
      if (!options.jobs) startRecovery();
      const worker: RunningWorker = {
        queue,
        stop: async ({ timeoutMs = 30_000 } = {}) => {
          globalForWorker.jobWorker = undefined;
          await stopJobQueue(stopOptions(timeoutMs));
        },
      };
      handleSignals(worker, options.onSignal ?? "none");
      return worker;
    });
    globalForWorker.jobWorker = started;
    started.catch(() => {
      if (globalForWorker.jobWorker === started) globalForWorker.jobWorker = undefined;
    });
  }
  return globalForWorker.jobWorker;
}

/**
 * A worker with its own pg-boss instance and connection pool, as a second application instance would
 * have: the tests run two against one database. `startWorker` is what the application uses.
 */
export async function startSeparateWorker(connectionString: string, options: Omit<WorkerOptions, "onSignal"> = {}): Promise<RunningWorker> {
  const queue = await createJobQueue(connectionString).start();
  await workJobs(queue, options);
  return { queue, stop: ({ timeoutMs = 30_000 } = {}) => queue.stop(stopOptions(timeoutMs)) };
}

// pg-boss waits at least a second when graceful; "hand back at once" is a non-graceful stop (which still
// marks running jobs failed, so they are retried, before it closes its connections).
function stopOptions(timeoutMs: number): PgBoss.StopOptions {
  return timeoutMs > 0 ? { graceful: true, timeout: timeoutMs, wait: true } : { graceful: false, wait: true };
}

async function workJobs(queue: PgBoss, options: WorkerOptions) {
  const jobs = options.jobs ?? (await import("./job-handlers")).createJobRegistry();
  for (const job of jobs.values()) {
    await ensureQueue(queue, job.name, job);
    await queue.work(job.name, { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, (batch) => runBatch(job, batch));
  }
}

// pg-boss marks the job completed when this resolves and failed (retried while attempts remain) when it
// throws; a payload that fails its schema throws too, and is failed after its retries rather than lost.
async function runBatch(job: AnyJobDefinition, batch: PgBoss.Job<unknown>[]) {
  for (const item of batch) {
    const data = parseJobPayload(job.name, job, item.data);
    try {
      await job.handler(data, { id: item.id });
    } catch (error) {
      console.error(`[jobs] ${job.name} ${item.id} failed`, error);
      throw error;
    }
  }
}

/** Every 5 minutes (and now): finding imports whose job was never sent (the process died after the upload committed). */
function startRecovery() {
  const sweep = () =>
    import("@/lib/findings/requeue-queued-imports")
      .then(({ requeueQueuedImports }) => requeueQueuedImports())
      .then((count) => {
        if (count > 0) console.info(`[jobs] queued ${count} waiting finding import(s) again`);
      })
      .catch((error) => console.error("[jobs] re-queueing waiting finding imports failed", error));
  void sweep();
  setInterval(sweep, 5 * 60_000).unref();
}

function handleSignals(worker: RunningWorker, mode: NonNullable<WorkerOptions["onSignal"]>) {
  if (mode === "none") return;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (mode === "release") {
      if (!stopping) void worker.stop({ timeoutMs: 0 }).catch((error) => console.error("[jobs] stopping the worker failed", error));
      stopping = true;
      return; // next start exits on its own
    }
    if (stopping) {
      console.error(`[jobs] ${signal} again: exiting; running jobs are retried once they expire`);
      process.exit(1);
    }
    stopping = true;
    const timeoutMs = Number(process.env.WORKER_SHUTDOWN_TIMEOUT_SECONDS ?? 60) * 1000;
    console.info(`[jobs] ${signal}: finishing running jobs (up to ${timeoutMs / 1000} s), then stopping`);
    worker.stop({ timeoutMs }).then(
      () => process.exit(0),
      (error) => {
        console.error("[jobs] stopping the worker failed", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
