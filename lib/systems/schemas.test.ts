import { describe, expect, it } from "vitest";
import { createSystemSchema, listSystemsSchema, updateSystemSchema } from "./schemas";
import { filtersToQuery } from "./filters-to-query";

describe("system schemas", () => {
  it("fills defaults on create and rejects unknown fields", () => {
    const parsed = createSystemSchema.parse({ name: "  Chatbot " });
    expect(parsed).toMatchObject({ name: "Chatbot", riskTier: "unclassified", lifecycleStage: "idea", dataCategories: [], ownerId: null });
    const bad = createSystemSchema.safeParse({ name: "x", colour: "red" });
    expect(bad.success).toBe(false);
  });

  it("requires the version an update is based on", () => {
    expect(updateSystemSchema.safeParse({ name: "B" }).success).toBe(false);
    expect(updateSystemSchema.parse({ name: "B", version: 3 })).toEqual({ name: "B", version: 3 });
  });

  it("refuses the tier and its basis in an update: they change only through classification", () => {
    for (const patch of [{ riskTier: "high" }, { riskTierBasis: "Annex III 4(a)" }, { riskTierRationale: "because" }]) {
      const r = updateSystemSchema.safeParse({ ...patch, version: 1 });
      expect(r.success, JSON.stringify(patch)).toBe(false);
      expect(r.error?.issues[0]).toMatchObject({ code: "unrecognized_keys", keys: Object.keys(patch) });
    }
  });

  it("names the field of each problem", () => {
    const r = createSystemSchema.safeParse({ name: "x".repeat(201), riskTier: "extreme", dataCategories: ["children", "children"] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(expect.arrayContaining(["name", "riskTier", "dataCategories"]));
  });

  it("turns URL parameters into filters and ignores invalid values", () => {
    expect(listSystemsSchema.parse({ tier: "high", page: "2", sort: "bogus" })).toMatchObject({
      tier: "high",
      page: 2,
      sort: "name",
      status: "active",
      pageSize: 50,
    });
  });

  it("writes filters back to a short query string", () => {
    const f = listSystemsSchema.parse({ tier: "high", q: "cv" });
    expect(filtersToQuery(f)).toBe("?q=cv&tier=high");
    expect(filtersToQuery(f, { page: 2 })).toBe("?q=cv&tier=high&page=2");
    expect(filtersToQuery(listSystemsSchema.parse({}))).toBe("");
  });
});
