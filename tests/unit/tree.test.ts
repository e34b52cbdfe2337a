import { describe, expect, it } from "vitest";
import { routeHandlersInTree, serverActionsInTree, TRANSPORTS_WITHOUT_VERB, verbsCalled, verbsInTree } from "@/tests/support/tree";

// The permission-matrix, tenant-isolation and OpenAPI tests trust these enumerations to find every verb,
// server action and route handler: if they found nothing, those coverage checks would pass vacuously.

describe("tests/support/tree.ts", () => {
  const verbs = verbsInTree();
  const keys = verbs.map((v) => v.key);

  it("finds the domain verbs, and only verbs", () => {
    expect(keys).toEqual(
      expect.arrayContaining([
        "lib/systems/create-system.ts#createSystem",
        "lib/risks/get-risk.ts#getRisk",
        "lib/threats/list-threat-profile-summaries.ts#listProfiledTechniqueIds",
        "lib/classification/propose-classification.ts#proposeClassification",
        "lib/atlas/list-atlas-releases.ts#listAtlasReleases",
      ]),
    );
    // helpers with positional parameters, pure functions and transport code are not verbs
    expect(keys.some((k) => k.includes("/internal.ts#"))).toBe(false);
    expect(keys).not.toContain("lib/risks/score-risk.ts#scoreRisk");
    expect(keys.some((k) => k.startsWith("lib/web/") || k.startsWith("lib/openapi/"))).toBe(false);
    expect(keys.some((k) => /\.test\.ts#/.test(k))).toBe(false);
    expect(verbs.length).toBeGreaterThan(60);
  });

  it("reads the @no-permission marker", () => {
    expect(verbs.find((v) => v.key === "lib/orgs/create-organization.ts#createOrganization")?.noPermission).toBe(true);
    expect(verbs.find((v) => v.key === "lib/risks/get-risk.ts#getRisk")?.noPermission).toBe(false);
  });

  it("finds every server action with the verbs it uses, also when it picks one (`(a ? archive : restore)(…)`)", () => {
    const actions = serverActionsInTree();
    const setArchived = actions.find((a) => a.key === "app/(app)/systems/actions.ts#setArchivedAction");
    expect(setArchived && verbsCalled(setArchived, verbs)).toEqual([
      "lib/systems/archive-system.ts#archiveSystem",
      "lib/systems/restore-system.ts#restoreSystem",
    ]);
    expect(actions.find((a) => a.key === "app/(app)/systems/[id]/classification-actions.ts#decideClassificationAction")).toBeDefined();
  });

  it("finds every HTTP-method export of the route handlers", () => {
    const routes = routeHandlersInTree().map((r) => r.key);
    expect(routes).toEqual(
      expect.arrayContaining([
        "app/api/v1/systems/route.ts#GET",
        "app/api/v1/systems/route.ts#POST",
        "app/api/v1/systems/[id]/route.ts#DELETE",
        "app/api/auth/[...nextauth]/route.ts#GET",
      ]),
    );
    expect(routeHandlersInTree("app/api/v1").every((r) => r.file.startsWith("app/api/v1/"))).toBe(true);
  });

  it("lists only transports that exist as calling no verb", () => {
    const all = new Set([...serverActionsInTree(), ...routeHandlersInTree()].map((t) => t.key));
    expect(Object.keys(TRANSPORTS_WITHOUT_VERB).filter((key) => !all.has(key))).toEqual([]);
  });
});
