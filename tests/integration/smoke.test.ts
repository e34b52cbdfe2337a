import { describe, expect, it } from "vitest";
import { createTestOrg } from "@/scripts/support/create-test-org";
import { createSystem } from "@/lib/systems/create-system";
import { listSystems } from "@/lib/systems/list-systems";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

describe("smoke", () => {
  it("creates and lists a system with an intact audit chain", async () => {
    const org = await createTestOrg();
    const created = await createSystem({ ctx: org.as("compliance_officer"), input: { name: "CV screening" } });
    const list = await listSystems({ ctx: org.as("executive"), input: {} });
    expect(list.items.map((s) => s.id)).toEqual([created.id]);
    const report = await verifyAuditChain({ ctx: org.as("auditor") });
    expect(report).toMatchObject({ ok: true, checked: 2 });
  });
});
