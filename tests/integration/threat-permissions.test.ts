import { beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { addBystander, expectAppError } from "@/tests/support/harness";
import { createSystem } from "@/lib/systems/create-system";
import { addThreatProfileEntries } from "@/lib/threats/add-threat-profile-entries";
import { listThreatProfile } from "@/lib/threats/list-threat-profile";

// The threat verbs' cells of the permission matrix and their tenant-isolation probes are in
// permission-matrix.test.ts and tenant-isolation.test.ts (derived from the tree). Here: the risk
// owner's "own" grant written out.

const RATIONALE = "Customers type free text into the chat window.";

let org: TestOrg;
let bystanderId: string;

beforeAll(async () => {
  org = await createTestOrg("threat-owner");
  bystanderId = await addBystander(org, "risk_owner");
});

describe("the table grants threat:write to risk owners on their own systems only", () => {
  it("is what PERMISSIONS says", () => {
    expect(PERMISSIONS["threat:write"]).toMatchObject({ risk_owner: "own" });
  });
});

describe("risk owner: own system vs someone else's (written out)", () => {
  it("adds to their own system's profile and is refused on another's", async () => {
    const ctx = org.as("risk_owner");
    const own = (await createSystem({ ctx: org.as("admin"), input: { name: "Owned", ownerId: org.users.risk_owner.id } })).id;
    const notOwn = (await createSystem({ ctx: org.as("admin"), input: { name: "Not owned", ownerId: bystanderId } })).id;
    await expect(
      addThreatProfileEntries({ ctx, input: { systemId: own, source: "manual", entries: [{ techniqueId: "AML.T0051", rationale: RATIONALE }] } }),
    ).resolves.toMatchObject({ entries: [expect.objectContaining({ techniqueId: "AML.T0051" })] });
    await expectAppError(
      addThreatProfileEntries({ ctx, input: { systemId: notOwn, source: "manual", entries: [{ techniqueId: "AML.T0051", rationale: RATIONALE }] } }),
      "FORBIDDEN",
    );
    // reading is open to every member
    await expect(listThreatProfile({ ctx, input: { systemId: notOwn } })).resolves.toMatchObject({ entries: [] });
  });
});
