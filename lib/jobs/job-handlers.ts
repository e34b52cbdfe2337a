import { processFindingImport } from "@/lib/findings/process-finding-import";
import { jobRegistry, JOB_SPECS, type AnyJobDefinition, type JobHandler, type JobName, type JobPayload, type JobRegistry } from "./job-names";

// The handler of each job in JOB_SPECS. Kept apart from job-names.ts so that enqueueing a job does not load
// every handler's module (enqueueJob and the worker import this file only when they run jobs).
const HANDLERS: { [N in JobName]: JobHandler<JobPayload<N>> } = {
  "finding-import": (payload) => processFindingImport(payload),
};

/**
 * The application's jobs (JOB_SPECS with their handlers), plus `extra` ones: a test registers its own job
 * this way instead of patching the application's. An extra job may not reuse an application job's name.
 */
export function createJobRegistry(...extra: AnyJobDefinition[]): JobRegistry {
  const jobs = (Object.keys(JOB_SPECS) as JobName[]).map((name): AnyJobDefinition => ({ name, ...JOB_SPECS[name], handler: HANDLERS[name] }));
  return jobRegistry(...jobs, ...extra);
}
