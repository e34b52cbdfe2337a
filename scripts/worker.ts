/**
 * Runs the background-job worker on its own (docs/decisions/012-background-jobs.md):
 *
 *   npm run worker        (node --import tsx scripts/worker.ts)
 *
 * One process with tsx as a loader, not the `tsx` command: that one runs the script in a child process and
 * kills it outright when the child does not acknowledge a relayed SIGTERM within a few milliseconds (a busy
 * import parse), which would defeat the graceful stop below.
 *
 * Works the PostgreSQL job queue on DATABASE_URL until SIGTERM or SIGINT, then lets running jobs finish for
 * up to WORKER_SHUTDOWN_TIMEOUT_SECONDS (default 60) and hands the rest back to the queue. Any number of
 * workers and `npm start` instances may share one database; each job is taken by one of them.
 * Without DATABASE_URL (the embedded database) it refuses: jobs then run inside the app's process.
 * Reads .env files the way `next start` does, so the worker and the server see the same DATABASE_URL.
 * Exit code: 0 stopped by a signal, 1 failure, 2 no DATABASE_URL.
 */
import nextEnv from "@next/env";

nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error }, true);

if (!process.env.DATABASE_URL?.trim()) {
  console.error(
    "Not starting: DATABASE_URL is not set. On the embedded database background jobs run inside the app's process; a separate worker needs PostgreSQL.",
  );
  process.exit(2);
}

try {
  // imported after the .env files are read: the database client reads DATABASE_URL when it is loaded
  const { startWorker } = await import("@/lib/jobs/start-worker");
  await startWorker({ onSignal: "drain" });
  console.info("[jobs] worker started; stop with Ctrl+C or SIGTERM");
} catch (error) {
  console.error("Error: the worker could not start", error);
  process.exit(1);
}
