import { PrismaClient } from "@/generated/prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { createEmbeddedAdapter } from "./embedded-adapter";

// One client per process (globalThis survives Next dev hot reloads).
const globalForDb = globalThis as unknown as { db?: PrismaClient };

function makeAdapter() {
  const url = process.env.DATABASE_URL;
  if (url) return new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_MAX ?? 10) });
  // No DATABASE_URL: the embedded PGlite database (docs/decisions/003-embedded-database.md).
  return createEmbeddedAdapter();
}

export const db: PrismaClient = globalForDb.db ?? new PrismaClient({ adapter: makeAdapter() as never });
globalForDb.db = db;

export function isEmbeddedDatabase() {
  return !process.env.DATABASE_URL;
}
