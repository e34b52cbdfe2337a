// Demo seed: `npm run db:seed` (or `npx prisma db seed`). Uses DATABASE_URL when set, otherwise the
// embedded database under .data/pglite. With the embedded database, stop the app server first:
// only one process may open the PGlite directory at a time.

// Read .env the way the app does (existing environment variables win) before the database client
// is imported, because the client picks the database from DATABASE_URL when it is loaded.
try {
  process.loadEnvFile(".env");
} catch {
  // no .env: defaults apply
}

const { seedDemo, formatDemoLogins, formatDemoSeedSummary } = await import("@/lib/demo/seed-demo");
const { db } = await import("@/lib/db/client");

try {
  const { added, logins, notes } = await seedDemo();
  console.log(formatDemoSeedSummary(added, notes));
  console.log();
  console.log(formatDemoLogins(logins, `${(process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/$/, "")}/login`));
} catch (error) {
  console.error("Demo seed failed:", error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}

export {};
