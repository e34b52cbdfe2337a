import { cpus, loadavg, totalmem } from "node:os";
import pg from "pg";
import { ADMIN_URL } from "../support/test-database";

/** What the figures were measured on: printed and stored with every benchmark result. */
export async function machineInfo() {
  let postgres = "unknown";
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await admin.connect();
    postgres = (await admin.query("SELECT version() AS v")).rows[0].v.replace(/ on .*/, "");
  } catch {
    // reported as unknown; createTestDatabase fails right after with the real error
  } finally {
    await admin.end().catch(() => undefined);
  }
  return {
    nproc: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres,
    loadavgAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

/**
 * Cleanup steps (stop servers, drop scratch databases, remove build copies) run in reverse order of
 * registration, once, at the end or on Ctrl-C / SIGTERM (then exit 130 with `interruptMessage`).
 */
export function createCleanup(interruptMessage: string) {
  const steps: (() => Promise<unknown>)[] = [];
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= (async () => {
      for (const step of steps.reverse()) {
        try {
          await step();
        } catch (e) {
          console.error(`cleanup: ${(e as Error).message}`);
        }
      }
    })();
    return running;
  };
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      console.error(`\n${sig}: ${interruptMessage}`);
      void run().finally(() => process.exit(130));
    });
  }
  return { add: (step: () => Promise<unknown>) => void steps.push(step), run, started: () => running !== null };
}
