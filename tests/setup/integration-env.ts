import { inject } from "vitest";

// Runs before each test file imports lib/db/client, which reads DATABASE_URL once.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_MAX = "4";
