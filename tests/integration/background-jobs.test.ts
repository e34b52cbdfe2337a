import { execFile, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, inject, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { enqueueJob, waitForInProcessJobs } from "@/lib/jobs/enqueue-job";
import { defineJob, jobRegistry, type JobPolicy } from "@/lib/jobs/job-names";
import { getJobQueue, stopJobQueue } from "@/lib/jobs/job-queue";
import { startSeparateWorker, type RunningWorker } from "@/lib/jobs/start-worker";
import { createJobRegistry } from "@/lib/jobs/job-handlers";
import { db } from "@/lib/db/client";
import { createSystem } from "@/lib/systems/create-system";
import { queueFindingImport } from "@/lib/findings/queue-finding-import";
import { getFindingImport } from "@/lib/findings/get-finding-import";
import { createTestOrg } from "@/scripts/support/create-test-org";
import { createTestDatabase } from "@/scripts/support/test-database";

// Background jobs (docs/decisions/012-background-jobs.md) against the scratch PostgreSQL database: two
// workers with their own pg-boss instances and connection pools stand in for two application instances.
// The jobs are the tests' own (registered through the injectable registry), so the assertions are about
// the queue, not about any one handler.

const ROOT = path.resolve(import.meta.dirname, "../..");
// what `npm run worker` runs (checked below), without npm in between, so the signal reaches the worker
const WORKER = ["--import", "tsx", "scripts/worker.ts"];
const DATABASE_URL = inject("databaseUrl");
const FAST: JobPolicy = { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: false, expireInSeconds: 60 };
const POLL = { pollingIntervalSeconds: 0.5 };

const workers: RunningWorker[] = [];
async function startWorkers(count: number, jobs: ReturnType<typeof jobRegistry>[]) {
  for (let i = 0; i < count; i++) workers.push(await startSeparateWorker(DATABASE_URL, { jobs: jobs[i], ...POLL }));
}

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop({ timeoutMs: 0 })));
});
afterAll(async () => {
  await stopJobQueue({ graceful: false });
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for the jobs");
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function jobStates(name: string): Promise<{ state: string; retryCount: number }[]> {
  const worker = workers[0];
  const { rows } = await worker.queue
    .getDb()
    .executeSql(`SELECT state, retry_count AS "retryCount" FROM pgboss.job WHERE name = $1 ORDER BY created_on`, [name]);
  return rows;
}

describe("background jobs on PostgreSQL (pg-boss)", () => {
  it("20 jobs with two workers on one database: each is handled exactly once, and both workers take jobs", async () => {
    const name = `test-count-${Date.now()}`;
    const handled: { n: number; worker: string; jobId: string }[] = [];
    const job = (worker: string) =>
      defineJob({
        name,
        payload: z.strictObject({ n: z.number().int() }),
        policy: FAST,
        handler: async ({ n }, { id }) => {
          await new Promise((r) => setTimeout(r, 50));
          handled.push({ n, worker, jobId: id });
        },
      });
    await startWorkers(2, [jobRegistry(job("A")), jobRegistry(job("B"))]);

    const ids = await Promise.all(Array.from({ length: 20 }, (_, n) => enqueueJob(name, { n }, { jobs: jobRegistry(job("enqueue")) })));
    expect(new Set(ids).size).toBe(20);
    await until(() => handled.length >= 20);
    await new Promise((r) => setTimeout(r, 1500)); // three more polls: nothing is handled a second time

    expect(handled.map((h) => h.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n));
    expect(new Set(handled.map((h) => h.jobId))).toEqual(new Set(ids));
    expect(new Set(handled.map((h) => h.worker))).toEqual(new Set(["A", "B"]));
    const states = await jobStates(name);
    expect(states).toHaveLength(20);
    expect(states.every((s) => s.state === "completed" && s.retryCount === 0)).toBe(true);
  });

  it("a job whose handler throws is retried retryLimit times, then kept as failed (not lost)", async () => {
    const name = `test-fail-${Date.now()}`;
    const attempts: string[] = [];
    const failing = defineJob({
      name,
      payload: z.strictObject({ importId: z.string() }),
      policy: FAST,
      handler: async (_payload, { id }) => {
        attempts.push(id);
        throw new Error("the scanner file is unreadable");
      },
    });
    vi.spyOn(console, "error").mockImplementation(() => {});
    await startWorkers(2, [jobRegistry(failing), jobRegistry(failing)]);

    const id = await enqueueJob(name, { importId: "imp_1" }, { jobs: jobRegistry(failing) });
    await until(async () => (await workers[0].queue.getJobById(name, id))?.state === "failed");

    expect(attempts).toEqual([id, id, id]); // the first attempt and two retries, of the same job
    const failed = await workers[0].queue.getJobById(name, id);
    expect(failed).toMatchObject({ state: "failed", retryCount: 2, data: { importId: "imp_1" } });
    expect(JSON.stringify(failed?.output)).toContain("the scanner file is unreadable");
    vi.restoreAllMocks();
  });

  it("enqueueing the same singleton key twice while it waits gives one job, handled once", async () => {
    const name = `test-singleton-${Date.now()}`;
    const handled: string[] = [];
    const importJob = defineJob({
      name,
      payload: z.strictObject({ importId: z.string() }),
      policy: FAST,
      singletonKey: (p) => p.importId,
      handler: async ({ importId }) => void handled.push(importId),
    });
    const jobs = jobRegistry(importJob);
    // no worker yet: both sends find the first job still waiting
    const first = await enqueueJob(name, { importId: "imp_same" }, { jobs });
    const second = await enqueueJob(name, { importId: "imp_same" }, { jobs });
    const other = await enqueueJob(name, { importId: "imp_other" }, { jobs });
    expect(second).toBe(first);
    expect(other).not.toBe(first);

    await startWorkers(2, [jobs, jobs]);
    await until(() => handled.length >= 2);
    await new Promise((r) => setTimeout(r, 1500));
    expect(handled.sort()).toEqual(["imp_other", "imp_same"]);
    expect(await jobStates(name)).toHaveLength(2);
  });

  it("stopping a worker lets its running job finish within the timeout; with no time left the job is handed back and another worker runs it", async () => {
    const name = `test-stop-${Date.now()}`;
    const finished: string[] = [];
    const started: string[] = [];
    const slow = (worker: string) =>
      defineJob({
        name,
        payload: z.strictObject({ n: z.number() }),
        policy: { ...FAST, retryDelaySeconds: 0 },
        handler: async ({ n }) => {
          started.push(`${worker}:${n}`);
          await new Promise((r) => setTimeout(r, 1500));
          finished.push(`${worker}:${n}`);
        },
      });
    const jobs = jobRegistry(slow("enqueue"));
    vi.spyOn(console, "error").mockImplementation(() => {});

    // finish: the job completes before stop() returns
    await startWorkers(1, [jobRegistry(slow("A"))]);
    const drained = await enqueueJob(name, { n: 1 }, { jobs });
    await until(() => started.includes("A:1"));
    await workers[0].stop({ timeoutMs: 10_000 });
    expect(finished).toEqual(["A:1"]);
    expect((await (await getJobQueue()).getJobById(name, drained))?.state).toBe("completed");
    workers.splice(0);

    // release: stop at once mid-job; the job goes back to the queue and worker C completes it
    await startWorkers(1, [jobRegistry(slow("B"))]);
    const released = await enqueueJob(name, { n: 2 }, { jobs });
    await until(() => started.includes("B:2"));
    const [b] = workers.splice(0);
    await b.stop({ timeoutMs: 0 });
    await startWorkers(1, [jobRegistry(slow("C"))]);
    await until(() => finished.includes("C:2"));
    await until(async () => (await workers[0].queue.getJobById(name, released))?.state === "completed");
    expect(started).toEqual(["A:1", "B:2", "C:2"]);
    vi.restoreAllMocks();
  });

  it("a payload that fails its schema is refused when enqueued, with the field path", async () => {
    await expect(enqueueJob("finding-import", { importId: "" })).rejects.toMatchObject({
      code: "VALIDATION",
      issues: [expect.objectContaining({ path: "importId" })],
    });
    await expect(enqueueJob("finding-import", { importId: "x", extra: 1 } as never)).rejects.toBeInstanceOf(AppError);
  });
});

describe("the finding-import job", () => {
  it("a queued import is picked up by one of two workers running the application's handler and imported once", async () => {
    const org = await createTestOrg("jobs-import");
    const ctx = org.as("compliance_officer");
    const systemId = (await createSystem({ ctx, input: { name: "Queued by the worker" } })).id;
    const report = [
      { entry_type: "start_run setup", "_config.version": "0.14.0", "transient.run_id": "jobs-run" },
      { entry_type: "eval", probe: "dan.Dan_1", detector: "dan.DAN", passed: 0, fails: 1, nones: 0, total_evaluated: 1, total_processed: 1 },
      { entry_type: "eval", probe: "dan.Dan_2", detector: "dan.DAN", passed: 1, fails: 0, nones: 0, total_evaluated: 1, total_processed: 1 },
    ]
      .map((line) => JSON.stringify(line))
      .join("\n");
    async function* source() {
      yield Buffer.from(report + "\n", "utf8");
    }
    const queued = await queueFindingImport({ ctx, input: { systemId, format: "garak", source: source(), fileName: "run.jsonl" } });
    expect(queued).toMatchObject({ status: "queued" });
    const importId = queued.importId!;

    // The application's finding-import job under a name of this test's own: other test files queue imports
    // into the shared database's `finding-import` queue and process them themselves, so workers on that
    // queue here would race them.
    const app = createJobRegistry().get("finding-import")!;
    const name = `test-finding-import-${Date.now()}`;
    const jobs = jobRegistry({ ...app, name });
    const jobId = await enqueueJob(name, { importId }, { jobs });
    await startWorkers(2, [jobs, jobs]);
    await until(async () => (await getFindingImport({ ctx, input: { importId } })).status === "completed");
    await new Promise((r) => setTimeout(r, 1500));
    expect(await db.testResult.count({ where: { importId } })).toBe(2);
    expect(await (await getJobQueue()).getJobById(name, jobId)).toMatchObject({ state: "completed", retryCount: 0 });
  });
});

describe("background jobs on the embedded database (no DATABASE_URL)", () => {
  async function withoutDatabaseUrl<T>(run: () => Promise<T>): Promise<T> {
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      return await run();
    } finally {
      process.env.DATABASE_URL = saved;
    }
  }

  it("runs the handler in-process after the caller has returned, once per waiting singleton key", async () => {
    const handled: { importId: string; jobId: string }[] = [];
    const jobs = jobRegistry(
      defineJob({
        name: "test-in-process",
        payload: z.strictObject({ importId: z.string() }),
        policy: FAST,
        singletonKey: (p) => p.importId,
        handler: async ({ importId }, { id }) => void handled.push({ importId, jobId: id }),
      }),
    );
    const [first, again] = await withoutDatabaseUrl(async () => [
      await enqueueJob("test-in-process", { importId: "imp_embedded" }, { jobs }),
      await enqueueJob("test-in-process", { importId: "imp_embedded" }, { jobs }),
    ]);
    expect(again).toBe(first);
    expect(handled).toEqual([]); // not inside the request that enqueued it
    await waitForInProcessJobs();
    expect(handled).toEqual([{ importId: "imp_embedded", jobId: first }]);
  });

  it("a failing in-process job is retried with its policy, logged, and never becomes an unhandled rejection", async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", onUnhandled);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    let attempts = 0;
    const jobs = jobRegistry(
      defineJob({
        name: "test-in-process-failing",
        payload: z.strictObject({}),
        policy: { ...FAST, retryDelaySeconds: 0 },
        handler: async () => {
          attempts++;
          throw new Error("boom");
        },
      }),
    );
    try {
      await withoutDatabaseUrl(() => enqueueJob("test-in-process-failing", {}, { jobs }));
      await waitForInProcessJobs();
      await new Promise((r) => setTimeout(r, 50));
      expect(attempts).toBe(3);
      expect(logged).toHaveBeenCalledTimes(3);
      expect(String(logged.mock.calls[2][0])).toContain("giving up");
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", onUnhandled);
      vi.restoreAllMocks();
    }
  });
});

describe("npm run worker (scripts/worker.ts)", () => {
  it("is node with tsx as a loader, one process (the tsx command would SIGKILL a busy worker on SIGTERM)", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.worker).toBe(`node ${WORKER.join(" ")}`);
  });

  it("refuses without DATABASE_URL: exit 2 and one line saying why", async () => {
    const { DATABASE_URL: _drop, ...env } = process.env;
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, WORKER, { cwd: ROOT, env, timeout: 60_000 }, (error, _stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stderr }),
      );
    });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringContaining("DATABASE_URL is not set")]);
  });

  it("works the queue until SIGTERM, then stops with exit 0", async () => {
    // its own scratch database: a worker running the application's jobs on the shared one would take the
    // imports other test files queue and process themselves
    const scratch = await createTestDatabase("aigov_worker");
    try {
      const child = spawn(process.execPath, WORKER, { cwd: ROOT, env: { ...process.env, DATABASE_URL: scratch.url }, stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (chunk) => (output += chunk));
      child.stderr.on("data", (chunk) => (output += chunk));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      await until(() => output.includes("worker started"), 60_000);
      // it created the application's queues
      const queue = await startSeparateWorker(scratch.url, { jobs: jobRegistry() });
      workers.push(queue);
      expect(await queue.queue.getQueue("finding-import")).toMatchObject({ name: "finding-import", policy: "stately", retryLimit: 2 });
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(output).toContain("SIGTERM: finishing running jobs");
    } finally {
      await Promise.all(workers.splice(0).map((w) => w.stop({ timeoutMs: 0 })));
      await scratch.drop();
    }
  });
});
