/**
 * Next.js calls `register` once when a server starts (next start, next dev). With DATABASE_URL set it starts
 * the background-job worker in the server process, unless WORKER=off: then this instance only serves and a
 * separate `npm run worker` (or another instance) works the queue (docs/decisions/012-background-jobs.md).
 * On the embedded database there is no worker: enqueueJob runs jobs in-process.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return; // the Edge runtime has no job queue
  if (!process.env.DATABASE_URL?.trim() || process.env.WORKER?.trim().toLowerCase() === "off") return;
  // Imported here, not at the top: pg-boss and the job handlers are Node-only and load the database client.
  const { startWorker } = await import("./lib/jobs/start-worker");
  try {
    // next start exits by itself on SIGTERM once open requests are answered: running jobs are handed back.
    await startWorker({ onSignal: "release" });
  } catch (error) {
    // The site still serves; queued jobs wait for a worker (this one after a restart, or `npm run worker`).
    console.error("[jobs] the worker did not start; queued jobs wait until a worker runs", error);
  }
}
