import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { createSystem } from "@/lib/systems/create-system";
import { archiveSystem } from "@/lib/systems/archive-system";
import { proposeClassification } from "@/lib/classification/propose-classification";
import { decideClassification } from "@/lib/classification/decide-classification";
import { createComponent } from "@/lib/components/create-component";
import { updateComponent } from "@/lib/components/update-component";
import { deleteComponent } from "@/lib/components/delete-component";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { ALL_MAIN_NO } from "@/lib/classification/test-support";

// Check-then-update races: two calls that both read the row before either writes. Each pair must end
// with exactly one winner and exactly one audit event; the loser is CONFLICT or NOT_FOUND. Several
// rounds, since whether both reads happen before the first write depends on timing.
const ROUNDS = 6;

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("race");
});

async function events(action: string, entityId: string) {
  return db.auditEvent.findMany({ where: { orgId: org.orgId, action, entityId }, orderBy: { seq: "asc" }, select: { changes: true } });
}

function outcome(results: PromiseSettledResult<unknown>[]) {
  const won = results.filter((r) => r.status === "fulfilled").length;
  const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
  for (const e of lost) expect(e, String(e)).toBeInstanceOf(AppError);
  return { won, codes: lost.map((e) => (e as AppError).code) };
}

const newSystem = async () => (await createSystem({ ctx: org.as("admin"), input: { name: `Race ${Math.random()}` } })).id;

describe("concurrent check-then-update", () => {
  it("archiving a system twice at once: one archive, one audit event", async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const id = await newSystem();
      const results = await Promise.allSettled([
        archiveSystem({ ctx: org.as("admin"), input: { id } }),
        archiveSystem({ ctx: org.as("compliance_officer"), input: { id } }),
      ]);
      expect(outcome(results)).toEqual({ won: 1, codes: ["CONFLICT"] });
      expect(await events("system.archive", id)).toHaveLength(1);
    }
  });

  it("deciding one classification proposal twice at once: one decision, one audit event", async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const systemId = await newSystem();
      const { id: assessmentId } = await proposeClassification({
        ctx: org.as("compliance_officer"),
        input: { systemId, answers: { ...ALL_MAIN_NO, annex3_areas: ["5b"], profiles_natural_persons: true } },
      });
      const results = await Promise.allSettled([
        decideClassification({ ctx: org.as("compliance_officer"), input: { systemId, decision: { assessmentId, decision: "accepted" } } }),
        decideClassification({
          ctx: org.as("admin"),
          input: { systemId, decision: { assessmentId, decision: "overridden", tier: "minimal", reason: "Race condition test" } },
        }),
      ]);
      expect(outcome(results)).toEqual({ won: 1, codes: ["CONFLICT"] });
      expect(await events("classification.decide", assessmentId)).toHaveLength(1);
      const system = await db.aISystem.findUniqueOrThrow({ where: { id: systemId }, select: { version: true } });
      expect(system.version).toBe(2);
    }
  });

  it("deleting a component twice at once: one delete, one audit event", async () => {
    const systemId = await newSystem();
    for (let i = 0; i < ROUNDS; i++) {
      const { id } = await createComponent({ ctx: org.as("admin"), input: { systemId, component: { kind: "model", name: `m${i}` } } });
      const results = await Promise.allSettled([
        deleteComponent({ ctx: org.as("admin"), input: { id } }),
        deleteComponent({ ctx: org.as("admin"), input: { id } }),
      ]);
      expect(outcome(results)).toEqual({ won: 1, codes: ["NOT_FOUND"] });
      expect(await events("component.delete", id)).toHaveLength(1);
    }
  });

  it("updating a component twice at once: the second audit event starts from the first one's result", async () => {
    const systemId = await newSystem();
    for (let i = 0; i < ROUNDS; i++) {
      const { id } = await createComponent({ ctx: org.as("admin"), input: { systemId, component: { kind: "model", name: "start" } } });
      const results = await Promise.allSettled(
        ["a", "b"].map((name) => updateComponent({ ctx: org.as("admin"), input: { id, component: { kind: "model", name } } })),
      );
      expect(outcome(results).won).toBe(2);
      const [first, second] = (await events("component.update", id)).map((e) => (e.changes as { name: { before: string; after: string } }).name);
      expect(first.before).toBe("start");
      expect(second.before).toBe(first.after);
    }
  });

  it("updating and deleting a component at once: the update after the delete is NOT_FOUND", async () => {
    const systemId = await newSystem();
    for (let i = 0; i < ROUNDS; i++) {
      const { id } = await createComponent({ ctx: org.as("admin"), input: { systemId, component: { kind: "model", name: "start" } } });
      const results = await Promise.allSettled([
        deleteComponent({ ctx: org.as("admin"), input: { id } }),
        updateComponent({ ctx: org.as("admin"), input: { id, component: { kind: "model", name: "late" } } }),
      ]);
      expect(results[0].status).toBe("fulfilled");
      const { codes } = outcome(results);
      expect(codes.every((c) => c === "NOT_FOUND")).toBe(true);
      expect(await db.systemComponent.count({ where: { id } })).toBe(0);
    }
  });

  it("revoking a token twice at once: one revocation, one audit event", async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const { id } = await createApiToken({ ctx: org.as("admin"), input: { name: `race ${i}`, scopes: ["read"] } });
      const results = await Promise.allSettled([
        revokeApiToken({ ctx: org.as("admin"), input: { id } }),
        revokeApiToken({ ctx: org.as("admin"), input: { id } }),
      ]);
      expect(outcome(results)).toEqual({ won: 1, codes: ["CONFLICT"] });
      expect(await events("token.revoke", id)).toHaveLength(1);
    }
  });
});
