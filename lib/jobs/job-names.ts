import { z } from "zod";
import { AppError } from "@/lib/errors";
import { toFieldIssues } from "@/lib/validation/parse-input";

/**
 * The background jobs, their payloads and their queue policy (docs/decisions/012-background-jobs.md).
 * A payload is validated when it is enqueued and again when a worker picks it up (the queue is a database
 * table: what comes out is only as trustworthy as what anyone put in).
 */
export type JobPolicy = {
  /** Further attempts after a failure (a thrown error or running past `expireInSeconds`). */
  retryLimit: number;
  /** Seconds before the first retry; with `retryBackoff` the wait roughly doubles on each further one. */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** How long one attempt may run before it counts as failed (and is retried). */
  expireInSeconds: number;
};

export type JobSpec<P> = {
  payload: z.ZodType<P>;
  policy: JobPolicy;
  /**
   * Jobs with the same key are not queued twice: while one is waiting, enqueueing it again returns the
   * waiting job (pg-boss's `stately` queue policy; in-process, the pending job).
   */
  singletonKey?: (payload: P) => string;
};

/** Runs one job. It must be idempotent: a job is delivered at least once (docs/decisions/012-background-jobs.md). */
export type JobHandler<P> = (payload: P, job: { id: string }) => Promise<unknown>;

export type JobDefinition<P> = JobSpec<P> & { name: string; handler: JobHandler<P> };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry holds jobs of different payload types; each payload is parsed by its own schema before its handler sees it
export type AnyJobDefinition = JobDefinition<any>;

/** Job name → its definition (payload schema, queue policy, handler). The application's: `createJobRegistry()`. */
export type JobRegistry = ReadonlyMap<string, AnyJobDefinition>;

/** Typed helper for a job defined outside JOB_SPECS (tests; a feature's job before it is added there). */
export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

/** A registry of exactly these jobs (tests use it to work only their own). */
export function jobRegistry(...jobs: AnyJobDefinition[]): JobRegistry {
  const registry = new Map<string, AnyJobDefinition>();
  for (const job of jobs) {
    if (registry.has(job.name)) throw new Error(`Job "${job.name}" is registered twice.`);
    registry.set(job.name, job);
  }
  return registry;
}

const findingImportPayload = z.strictObject({ importId: z.string().trim().min(1).max(100) });

export const JOB_SPECS = {
  /** Parses an uploaded finding file (up to 200 MB) into findings; `processFindingImport` in lib/findings. */
  "finding-import": {
    payload: findingImportPayload,
    // Streaming 200 MB through a parser and into the database takes minutes, not hours; an attempt still
    // running after 30 minutes is taken to be stuck and is retried (the handler claims the import by status,
    // so a stuck first attempt and its retry do not both import).
    policy: { retryLimit: 2, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 30 * 60 },
    singletonKey: (payload) => payload.importId,
  } satisfies JobSpec<z.infer<typeof findingImportPayload>>,
} as const;

export type JobName = keyof typeof JOB_SPECS;
export const JOB_NAMES = Object.keys(JOB_SPECS) as JobName[];
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_SPECS)[N]["payload"]>;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOB_SPECS, name);
}

/** Validates a payload against its job's schema; a bad payload is `AppError("VALIDATION")` with the field paths. */
export function parseJobPayload<P>(name: string, spec: Pick<JobSpec<P>, "payload">, payload: unknown): P {
  const result = spec.payload.safeParse(payload);
  if (result.success) return result.data;
  throw new AppError("VALIDATION", `The payload of job "${name}" is not valid.`, toFieldIssues(result.error));
}
