import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_MATRIX } from "./risk-matrix";
import { acceptRiskSchema, createRiskSchema, listRisksSchema, residualPairIssues, updateRiskMatrixSchema, updateRiskSchema } from "./schemas";
import { riskFiltersToQuery } from "./risk-filters-to-query";

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => i.path.map(String).join(".")) ?? [];

describe("createRiskSchema", () => {
  const minimal = { title: "  Prompt injection via e-mail ", category: "security", inherentLikelihood: 4, inherentImpact: 3 };

  it("fills defaults and trims", () => {
    expect(createRiskSchema.parse(minimal)).toEqual({
      title: "Prompt injection via e-mail",
      description: "",
      category: "security",
      techniqueIds: [],
      owaspIds: [],
      inherentLikelihood: 4,
      inherentImpact: 3,
      treatment: "mitigate",
      treatmentPlan: "",
      residualLikelihood: null,
      residualImpact: null,
      ownerId: null,
      dueDate: null,
      status: "open",
      controls: [],
    });
  });

  it("accepts catalog ids: ATLAS techniques and sub-techniques, OWASP LLM 2025 and Agentic 2026, framework controls", () => {
    const parsed = createRiskSchema.parse({
      ...minimal,
      techniqueIds: ["AML.T0051", "AML.T0051.000"],
      owaspIds: ["LLM01:2025", "ASI01:2026"],
      controls: [
        { framework: "iso42001", controlId: "A.6.2.4" },
        { framework: "eu_ai_act", controlId: "Art 15" },
      ],
    });
    expect(parsed.techniqueIds).toEqual(["AML.T0051", "AML.T0051.000"]);
    expect(parsed.controls).toHaveLength(2);
  });

  it("names each unknown catalog id by its path", () => {
    const r = createRiskSchema.safeParse({
      ...minimal,
      techniqueIds: ["AML.T0051", "AML.T9999"],
      owaspIds: ["LLM01:2023"],
      controls: [
        { framework: "iso42001", controlId: "A.6.2.4" },
        { framework: "iso42001", controlId: "Z.9" },
        { framework: "cobit", controlId: "x" },
      ],
    });
    expect(paths(r)).toEqual(expect.arrayContaining(["techniqueIds.1", "owaspIds.0", "controls.1.controlId", "controls.2.framework"]));
    expect(paths(r)).not.toContain("techniqueIds.0");
    expect(r.error?.issues.find((i) => i.path.join(".") === "techniqueIds.1")?.message).toContain("AML.T9999");
  });

  it("refuses duplicates, out-of-range ratings, bad dates and unknown fields", () => {
    const r = createRiskSchema.safeParse({
      ...minimal,
      inherentLikelihood: 6,
      inherentImpact: 2.5,
      dueDate: "31/12/2026",
      techniqueIds: ["AML.T0051", "AML.T0051"],
      colour: "red",
    });
    expect(paths(r)).toEqual(expect.arrayContaining(["inherentLikelihood", "inherentImpact", "dueDate", "techniqueIds", ""]));
    expect(paths(createRiskSchema.safeParse({ ...minimal, title: "" }))).toEqual(["title"]);
    expect(paths(createRiskSchema.safeParse({ ...minimal, title: "x".repeat(201) }))).toEqual(["title"]);
    expect(paths(createRiskSchema.safeParse({ ...minimal, description: "x".repeat(5001) }))).toEqual(["description"]);
  });

  it("keeps acceptance for acceptRisk", () => {
    expect(paths(createRiskSchema.safeParse({ ...minimal, status: "accepted" }))).toEqual(["status"]);
    expect(paths(createRiskSchema.safeParse({ ...minimal, treatment: "accept" }))).toEqual(["treatment"]);
  });

  it("needs residual likelihood and impact together", () => {
    expect(paths(createRiskSchema.safeParse({ ...minimal, residualLikelihood: 2 }))).toEqual(["residualImpact"]);
    expect(paths(createRiskSchema.safeParse({ ...minimal, residualImpact: 2 }))).toEqual(["residualLikelihood"]);
    expect(createRiskSchema.safeParse({ ...minimal, residualLikelihood: 2, residualImpact: 1 }).success).toBe(true);
    expect(residualPairIssues({ residualLikelihood: null, residualImpact: null })).toEqual([]);
  });
});

describe("updateRiskSchema", () => {
  it("is partial but needs the version", () => {
    expect(updateRiskSchema.safeParse({ title: "B" }).success).toBe(false);
    expect(updateRiskSchema.parse({ title: "B", version: 2 })).toEqual({ title: "B", version: 2 });
  });
});

describe("acceptRiskSchema", () => {
  it("needs an approver, a reason of at least 10 characters and the version", () => {
    expect(paths(acceptRiskSchema.safeParse({ approverId: "u1", reason: "too short", version: 1 }))).toEqual(["reason"]);
    expect(paths(acceptRiskSchema.safeParse({ approverId: "u1", version: 1 }))).toEqual(["reason"]);
    expect(paths(acceptRiskSchema.safeParse({ reason: "Residual risk is tolerable", version: 1 }))).toEqual(["approverId"]);
    expect(acceptRiskSchema.parse({ approverId: "u1", reason: "  Residual risk is tolerable ", version: 1 }).reason).toBe("Residual risk is tolerable");
  });
});

describe("updateRiskMatrixSchema", () => {
  it("is the matrix plus the version it is based on (0 = default)", () => {
    expect(updateRiskMatrixSchema.parse({ ...DEFAULT_RISK_MATRIX, version: 0 })).toEqual({ ...DEFAULT_RISK_MATRIX, version: 0 });
    expect(updateRiskMatrixSchema.safeParse(DEFAULT_RISK_MATRIX).success).toBe(false);
    expect(paths(updateRiskMatrixSchema.safeParse({ ...DEFAULT_RISK_MATRIX, impactLabels: ["a"], version: 1 }))).toEqual(["impactLabels"]);
  });
});

describe("listRisksSchema and riskFiltersToQuery", () => {
  it("reads URL parameters and ignores invalid values", () => {
    expect(
      listRisksSchema.parse({ level: "high", basis: "residual", likelihood: "3", page: "2", sort: "bogus", category: "nope", techniqueId: "T0051" }),
    ).toMatchObject({
      level: "high",
      basis: "residual",
      likelihood: 3,
      page: 2,
      sort: "score",
      dir: "desc",
      category: undefined,
      techniqueId: undefined,
    });
  });

  it("writes filters back to a short query string", () => {
    const f = listRisksSchema.parse({ level: "high", q: "prompt", systemId: "s1" });
    expect(riskFiltersToQuery(f)).toBe("?systemId=s1&q=prompt&level=high");
    expect(riskFiltersToQuery(f, { page: 2 }, ["systemId"])).toBe("?q=prompt&level=high&page=2");
    expect(riskFiltersToQuery(listRisksSchema.parse({}))).toBe("");
  });
});
