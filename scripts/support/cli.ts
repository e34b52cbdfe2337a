import { AppError } from "@/lib/errors";

/** A wrong command line: printed with the script's usage text. */
export class UsageError extends Error {}

/**
 * Runs a CLI's main function with the error reporting every script shares: a usage error prints the
 * usage text, a domain error its code and field issues, anything else `failure` and the error; all
 * of them set exit code 1. `cleanup` (e.g. closing the database) runs in every case.
 */
export async function runCli(main: () => Promise<void>, options: { usage: string; failure: string; cleanup?: () => Promise<void> }): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`Error: ${error.message}\n${options.usage}`);
    } else if (error instanceof AppError) {
      console.error(`Error (${error.code}): ${error.message}`);
      for (const issue of error.issues) console.error(`  ${issue.path}: ${issue.message}`);
    } else {
      console.error(`Error: ${options.failure}`, error);
    }
    process.exitCode = 1;
  } finally {
    await options.cleanup?.();
  }
}
