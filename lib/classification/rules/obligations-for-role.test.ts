import { describe, expect, it } from "vitest";
import { proposeTier } from "@/lib/classification/rules/propose-tier";
import { obligationsForRole, operatorsBoundBy } from "@/lib/classification/rules/obligations-for-role";
import { classificationAnswersSchema } from "@/lib/classification/schemas";
import { ALL_MAIN_NO } from "@/lib/classification/test-support";

const ALL_NO = ALL_MAIN_NO;
// CV screening: high risk under Annex III point 4(a); the proposal lists provider and deployer duties
const cvScreening = proposeTier(
  classificationAnswersSchema.parse({ ...ALL_NO, annex3_areas: ["4a"], profiles_natural_persons: true, becomes_provider: false }),
).alsoApplies;
const refs = (items: readonly { ref: string }[]) => items.map((i) => i.ref);

describe("operatorsBoundBy", () => {
  it("reads who an article binds from the AI Act catalog, with paragraph-level exceptions", () => {
    expect(operatorsBoundBy("Art 16")).toEqual(["provider"]);
    expect(operatorsBoundBy("Art 26")).toEqual(["deployer"]);
    expect(operatorsBoundBy("Art 27")).toEqual(["deployer"]);
    expect(operatorsBoundBy("Art 4")).toEqual(["provider", "deployer"]);
    expect(operatorsBoundBy("Art 8-15")).toEqual(["provider"]);
    expect(operatorsBoundBy("Art 49(1)")).toEqual(["provider"]);
    expect(operatorsBoundBy("Art 50(3)")).toEqual(["deployer"]);
    expect(operatorsBoundBy("Art 53")).toEqual(["gpai_provider"]);
    expect(operatorsBoundBy("Art 99(3)")).toEqual([]);
  });
});

describe("obligationsForRole", () => {
  it("a provider sees provider duties, not the deployer's", () => {
    const { applies, otherOperators } = obligationsForRole(cvScreening, "provider");
    expect(refs(applies)).toEqual(expect.arrayContaining(["Art 8-15", "Art 16", "Art 49(1)", "Art 4"]));
    expect(refs(applies)).not.toContain("Art 26");
    expect(refs(applies)).not.toContain("Art 27");
    expect(refs(otherOperators)).toEqual(expect.arrayContaining(["Art 26", "Art 27"]));
    expect(otherOperators.find((o) => o.ref === "Art 26")?.boundOperators).toEqual(["deployer"]);
  });

  it("a deployer sees deployer duties, and the provider's duties only as another operator's", () => {
    const { applies, otherOperators } = obligationsForRole(cvScreening, "deployer");
    expect(refs(applies)).toEqual(expect.arrayContaining(["Art 26", "Art 27", "Art 4"]));
    for (const providerDuty of ["Art 8-15", "Art 16", "Art 49(1)"]) {
      expect(refs(applies)).not.toContain(providerDuty);
      expect(refs(otherOperators)).toContain(providerDuty);
    }
  });

  it("an importer or distributor gets its own high-risk duty and neither provider nor deployer duties", () => {
    const importer = obligationsForRole(cvScreening, "importer");
    expect(refs(importer.applies)).toContain("Art 23");
    expect(refs(importer.applies)).not.toEqual(expect.arrayContaining(["Art 16"]));
    expect(refs(importer.applies)).not.toContain("Art 26");
    const distributor = obligationsForRole(cvScreening, "distributor");
    expect(refs(distributor.applies)).toContain("Art 24");
    expect(refs(distributor.applies)).not.toContain("Art 23");
    expect(refs(distributor.applies)).not.toContain("Art 16");
  });

  it("nothing is lost: every provision is either applicable or listed for another operator", () => {
    for (const role of ["provider", "deployer", "importer", "distributor", "product_manufacturer", "authorised_representative"] as const) {
      const { applies, otherOperators } = obligationsForRole(cvScreening, role);
      expect(new Set([...refs(applies), ...refs(otherOperators)])).toEqual(
        new Set([...refs(cvScreening), ...refs(applies).filter((r) => !refs(cvScreening).includes(r))]),
      );
    }
  });

  it("provisions that bind no particular operator apply to every role", () => {
    const penalties = [{ ref: "Art 99(3)", title: "Penalties", reason: "…" }];
    expect(refs(obligationsForRole(penalties, "distributor").applies)).toEqual(["Art 99(3)"]);
  });

  it("a product manufacturer carries the provider's duties (Art 25(3))", () => {
    expect(refs(obligationsForRole(cvScreening, "product_manufacturer").applies)).toContain("Art 16");
  });
});
