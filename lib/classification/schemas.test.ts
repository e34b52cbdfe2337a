import { describe, expect, it } from "vitest";
import { QUESTIONNAIRE } from "@/lib/classification/questionnaire/questionnaire";
import { RISK_TIER_LABELS, classificationAnswersSchema, riskTierSchema } from "@/lib/classification/schemas";

describe("classificationAnswersSchema", () => {
  it("rejects unknown keys", () => {
    const result = classificationAnswersSchema.safeParse({ is_gpai_model: true, is_gpia_model: true });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.code).toBe("unrecognized_keys");
  });

  it("rejects an option value that the question does not offer", () => {
    expect(classificationAnswersSchema.safeParse({ annex3_areas: ["4a", "9z"] }).success).toBe(false);
    expect(classificationAnswersSchema.safeParse({ realtime_rbi_objectives: ["4a"] }).success).toBe(false);
  });

  it("rejects a wrongly typed answer and accepts a partial one", () => {
    expect(classificationAnswersSchema.safeParse({ is_gpai_model: "yes" }).success).toBe(false);
    expect(classificationAnswersSchema.safeParse({ annex3_areas: ["4a"] }).success).toBe(true);
  });

  it("has exactly one key per question, with unique snake_case ids", () => {
    const ids = QUESTIONNAIRE.flatMap((section) => section.questions.map((question) => question.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    expect(Object.keys(classificationAnswersSchema.shape).sort()).toEqual([...ids].sort());
  });
});

describe("risk tiers", () => {
  it("uses exactly the tier values stored in the database", () => {
    expect(riskTierSchema.options).toEqual(["prohibited", "high", "limited", "minimal", "gpai", "gpai_systemic", "out_of_scope", "unclassified"]);
    expect(RISK_TIER_LABELS.out_of_scope).toBe("Out of scope");
    expect(RISK_TIER_LABELS.gpai_systemic).toBe("GPAI with systemic risk");
  });
});
