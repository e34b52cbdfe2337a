import { describe, expect, it } from "vitest";
import { formatControlLines, parseControlLines, riskFormInput, splitIds } from "@/lib/web/forms/risk-form-input";

describe("riskFormInput", () => {
  it("reads known fields, numbers, nulls for empty optional fields, lists and controls", () => {
    const form = new FormData();
    form.set("title", "Prompt injection");
    form.set("category", "security");
    form.set("inherentLikelihood", "4");
    form.set("inherentImpact", "5");
    form.set("residualLikelihood", "");
    form.set("residualImpact", "");
    form.set("ownerId", "");
    form.set("dueDate", "2026-12-31");
    form.set("techniqueIds", "AML.T0051, AML.T0051.000\nAML.T0054");
    form.append("owaspIds", "LLM01:2025");
    form.set("controls", "iso42001 A.6.2.4\n\neu_ai_act  Art 15 \n");
    form.set("injected", "x");
    expect(riskFormInput(form)).toEqual({
      title: "Prompt injection",
      category: "security",
      inherentLikelihood: 4,
      inherentImpact: 5,
      residualLikelihood: null,
      residualImpact: null,
      ownerId: null,
      dueDate: "2026-12-31",
      techniqueIds: ["AML.T0051", "AML.T0051.000", "AML.T0054"],
      owaspIds: ["LLM01:2025"],
      controls: [
        { framework: "iso42001", controlId: "A.6.2.4" },
        { framework: "eu_ai_act", controlId: "Art 15" },
      ],
    });
  });

  it("leaves a non-number for the schema to report, and an empty required rating out", () => {
    const form = new FormData();
    form.set("inherentLikelihood", "x");
    form.set("inherentImpact", "");
    const input = riskFormInput(form);
    expect(Number.isNaN(input.inherentLikelihood)).toBe(true);
    expect(input).not.toHaveProperty("inherentImpact");
    expect(input.owaspIds).toEqual([]);
  });
});

describe("control lines", () => {
  it("round-trips, with spaces inside control ids", () => {
    const controls = [
      { framework: "nist_ai_rmf", controlId: "GOVERN 1.1" },
      { framework: "owasp_llm_2025", controlId: "LLM01:2025" },
    ];
    expect(parseControlLines(formatControlLines(controls))).toEqual(controls);
    expect(parseControlLines("iso42001")).toEqual([{ framework: "iso42001", controlId: "" }]);
  });

  it("splits ids on commas, spaces and new lines", () => {
    expect(splitIds(" AML.T0051,AML.T0054 ;\nAML.T0010 ")).toEqual(["AML.T0051", "AML.T0054", "AML.T0010"]);
    expect(splitIds("")).toEqual([]);
  });
});

describe("riskMatrixFormInput", () => {
  it("reads labels and level rows by schema path, dropping empty rows", async () => {
    const { riskMatrixFormInput } = await import("@/lib/web/forms/risk-matrix-form-input");
    const form = new FormData();
    ["A", "B", "C", "D", "E"].forEach((l, i) => {
      form.set(`likelihoodLabels.${i}`, l);
      form.set(`impactLabels.${i}`, l.toLowerCase());
    });
    form.set("levels.0.key", "low");
    form.set("levels.0.label", "Low");
    form.set("levels.0.minScore", "1");
    form.set("levels.0.color", "#00ff00");
    form.set("levels.1.key", "");
    form.set("levels.1.label", "");
    form.set("levels.1.minScore", "");
    form.set("levels.1.color", "#94a3b8");
    form.set("levels.2.key", "high");
    form.set("levels.2.label", "High");
    form.set("levels.2.minScore", "x");
    form.set("levels.2.color", "#ff0000");
    form.set("version", "3");
    const input = riskMatrixFormInput(form);
    expect(input).toMatchObject({ likelihoodLabels: ["A", "B", "C", "D", "E"], impactLabels: ["a", "b", "c", "d", "e"], version: 3 });
    expect(input.levels).toEqual([
      { key: "low", label: "Low", minScore: 1, color: "#00ff00" },
      { key: "high", label: "High", minScore: NaN, color: "#ff0000" },
    ]);
  });
});
