import { beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { ROLES, type Role } from "@/lib/auth/roles";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { auditSeq, expectAppError, unique } from "@/tests/support/harness";
import { createSystem } from "@/lib/systems/create-system";
import { createRisk } from "@/lib/risks/create-risk";
import { updateRisk } from "@/lib/risks/update-risk";
import { acceptRisk } from "@/lib/risks/accept-risk";
import { deleteRisk } from "@/lib/risks/delete-risk";
import { getRisk } from "@/lib/risks/get-risk";
import { getRiskMatrix } from "@/lib/risks/get-risk-matrix";
import { updateRiskMatrix } from "@/lib/risks/update-risk-matrix";
import { listRiskApprovers } from "@/lib/risks/list-risk-approvers";

// The risk verbs' cells of the permission matrix are in permission-matrix.test.ts (derived from the
// tree). Here: who may be named as the approver, and the risk owner's "own" grant written out.

const RISK = { title: "Matrix risk", category: "security" as const, inherentLikelihood: 3, inherentImpact: 4, techniqueIds: ["AML.T0051"] };
const REASON = "Within the risk appetite agreed by the board";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg("risk-perm");
});

describe("who may be named as the approver (derived from PERMISSIONS['risk:approve'])", () => {
  it.each(ROLES.map((role) => [role, (PERMISSIONS["risk:approve"] as Partial<Record<Role, string>>)[role] ? "eligible" : "refused"] as const))(
    "%s → %s",
    async (role, outcome) => {
      const { id: systemId } = await createSystem({ ctx: org.system, input: { name: `Approver ${unique()}` } });
      const { id } = await createRisk({ ctx: org.system, input: { systemId, risk: RISK } });
      const before = await auditSeq(org.orgId);
      const call = acceptRisk({ ctx: org.as("compliance_officer"), input: { id, approverId: org.users[role].id, reason: REASON, version: 1 } });
      if (outcome === "eligible") {
        await expect(call).resolves.toMatchObject({ status: "accepted", acceptance: { approver: { id: org.users[role].id } } });
        expect(await auditSeq(org.orgId)).toBe(before + 1);
      } else {
        const error = await expectAppError(call, "VALIDATION");
        expect(error.issues.map((i) => i.path)).toEqual(["approverId"]);
        expect(await auditSeq(org.orgId)).toBe(before);
      }
      expect((await listRiskApprovers({ ctx: org.as("admin") })).some((a) => a.id === org.users[role].id)).toBe(outcome === "eligible");
    },
  );
});

describe("risk owner spot checks (written out literally)", () => {
  it("a risk owner manages risks on their own system but not on another's, where they can still read them", async () => {
    const own = await createSystem({ ctx: org.as("admin"), input: { name: "RO own", ownerId: org.users.risk_owner.id } });
    const foreign = await createSystem({ ctx: org.as("admin"), input: { name: "RO foreign", ownerId: org.users.compliance_officer.id } });
    const ro = org.as("risk_owner");
    const mine = await createRisk({ ctx: ro, input: { systemId: own.id, risk: RISK } });
    await expect(updateRisk({ ctx: ro, input: { id: mine.id, patch: { status: "in_treatment", version: 1 } } })).resolves.toMatchObject({
      status: "in_treatment",
    });
    const theirs = await createRisk({ ctx: org.as("compliance_officer"), input: { systemId: foreign.id, risk: RISK } });
    const seq = await auditSeq(org.orgId);
    await expectAppError(createRisk({ ctx: ro, input: { systemId: foreign.id, risk: RISK } }), "FORBIDDEN");
    await expectAppError(updateRisk({ ctx: ro, input: { id: theirs.id, patch: { title: "Hijack", version: 1 } } }), "FORBIDDEN");
    await expectAppError(acceptRisk({ ctx: ro, input: { id: theirs.id, approverId: org.users.executive.id, reason: REASON, version: 1 } }), "FORBIDDEN");
    await expectAppError(deleteRisk({ ctx: ro, input: { id: theirs.id } }), "FORBIDDEN");
    expect(await auditSeq(org.orgId)).toBe(seq);
    await expect(getRisk({ ctx: ro, input: { id: theirs.id } })).resolves.toMatchObject({ title: "Matrix risk" });
  });

  it("an executive may approve but not record risks; only an admin edits the matrix", async () => {
    const { id: systemId } = await createSystem({ ctx: org.as("admin"), input: { name: "Exec" } });
    await expectAppError(createRisk({ ctx: org.as("executive"), input: { systemId, risk: RISK } }), "FORBIDDEN");
    const { version: _v, ...matrix } = await getRiskMatrix({ ctx: org.system });
    const version = (await getRiskMatrix({ ctx: org.system })).version;
    await expectAppError(updateRiskMatrix({ ctx: org.as("compliance_officer"), input: { ...matrix, version } }), "FORBIDDEN");
    await expectAppError(
      updateRiskMatrix({
        ctx: { orgId: org.orgId, actor: { type: "token", tokenId: "t", scopes: ["read", "write"], label: "t" } },
        input: { ...matrix, version },
      }),
      "FORBIDDEN",
    );
  });
});
