/**
 * Where the e2e fixture logins live between the seed and the tests: a file scripts/run-e2e.ts creates
 * for the run (outside Playwright's output folder, which Playwright empties) and deletes afterwards.
 */
export function fixturesFile(): string {
  const file = process.env.E2E_FIXTURES_FILE;
  if (!file) throw new Error("E2E_FIXTURES_FILE is not set: run the suite with `npx tsx scripts/run-e2e.ts`, which seeds the fixtures.");
  return file;
}
