/**
 * Seeds the e2e database: organisation A with one member per role and a few systems, and
 * organisation B (for tenant isolation). Writes the logins to the file run-e2e.ts names in E2E_FIXTURES_FILE.
 * Test-only credentials: they exist only in the scratch database that run-e2e.ts drops afterwards.
 */
import { writeFileSync } from "node:fs";
import { db } from "@/lib/db/client";
import { createTestOrg, TEST_PASSWORD } from "@/tests/factories/create-test-org";
import { createSystem } from "@/lib/systems/create-system";
import { fixturesFile } from "./fixtures-file";

const a = await createTestOrg("e2e-a");
const b = await createTestOrg("e2e-b");
const officerA = a.as("compliance_officer");
const seeded = await createSystem({ ctx: officerA, input: { name: "Fraud scoring (fixture)", businessUnit: "Claims", riskTier: "minimal", lifecycleStage: "production" } });
const ownedByRiskOwner = await createSystem({ ctx: officerA, input: { name: "Claims triage LLM (fixture)", businessUnit: "Claims", ownerId: a.users.risk_owner.id } });
const secretB = await createSystem({ ctx: b.as("compliance_officer"), input: { name: "Org B confidential system", businessUnit: "B-unit" } });

const json = JSON.stringify({
  password: TEST_PASSWORD,
  orgA: { orgId: a.orgId, users: a.users, systems: { seeded: seeded.id, ownedByRiskOwner: ownedByRiskOwner.id } },
  orgB: { orgId: b.orgId, users: b.users, systems: { secret: secretB.id } },
}, null, 2);
writeFileSync(fixturesFile(), json, { mode: 0o600 });
await db.$disconnect();
