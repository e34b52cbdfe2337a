import { describe, expect, it } from "vitest";
import { equivalentControls } from "@/lib/crosswalk/equivalent-controls";
import { controlKey, evidenceForControl, hasEvidence, indexEvidenceByControl } from "./control-evidence";
import { computePosture, countPosture } from "./compute-posture";
import type { EvidenceSummary } from "./schemas";
import { frameworkHierarchy } from "./framework-hierarchy";
import { FRAMEWORK_IDS } from "@/lib/catalogs/frameworks";
import { listFrameworkItems } from "@/lib/catalogs/list-framework-items";

const evidence = (id: string, links: EvidenceSummary["links"]): EvidenceSummary => ({
  id,
  kind: "link",
  title: id,
  url: "https://example.test/" + id,
  fileName: "",
  mimeType: "",
  size: 0,
  sha256: "",
  createdAt: "2026-01-01T00:00:00.000Z",
  links,
});

describe("evidence reuse across the crosswalk", () => {
  const logs = evidence("logs", [{ framework: "iso42001", controlId: "A.6.2.8" }]);
  const direct = indexEvidenceByControl([logs, evidence("art12", [{ framework: "eu_ai_act", controlId: "Art 12" }])]);

  it("shows evidence attached to an ISO control on its crosswalked EU AI Act controls, marked via", () => {
    expect(equivalentControls({ framework: "iso42001", id: "A.6.2.8" }).map((c) => c.id)).toEqual(["Art 12", "Art 19"]);
    const art12 = evidenceForControl({ framework: "eu_ai_act", controlId: "Art 12" }, direct);
    expect(art12.map((e) => [e.id, e.via?.label ?? null])).toEqual([
      ["art12", null],
      ["logs", "via ISO/IEC 42001 A.6.2.8"],
    ]);
    expect(art12[1].via).toEqual({ framework: "iso42001", controlId: "A.6.2.8", label: "via ISO/IEC 42001 A.6.2.8" });
  });

  it("lists directly attached evidence once, without via, and nothing for unrelated controls", () => {
    expect(evidenceForControl({ framework: "iso42001", controlId: "A.6.2.8" }, direct).map((e) => [e.id, e.via])).toEqual([
      ["logs", null],
      ["art12", expect.objectContaining({ framework: "eu_ai_act", controlId: "Art 12" })],
    ]);
    expect(evidenceForControl({ framework: "iso42001", controlId: "A.4.3" }, direct)).toEqual([]);
  });

  it("reaches NIST through an equivalent row (ISO A.6.2.6 ≡ MEASURE 2.4)", () => {
    const monitoring = indexEvidenceByControl([evidence("dash", [{ framework: "iso42001", controlId: "A.6.2.6" }])]);
    expect(evidenceForControl({ framework: "nist_ai_rmf", controlId: "MEASURE 2.4" }, monitoring).map((e) => e.via?.label)).toEqual([
      "via ISO/IEC 42001 A.6.2.6",
    ]);
    expect(hasEvidence({ framework: "nist_ai_rmf", controlId: "MEASURE 2.4" }, new Set([controlKey("iso42001", "A.6.2.6")]))).toBe(true);
    expect(hasEvidence({ framework: "nist_ai_rmf", controlId: "GOVERN 1.1" }, new Set([controlKey("iso42001", "A.6.2.6")]))).toBe(false);
  });
});

describe("posture arithmetic", () => {
  it("percent = implemented / (applicable − not applicable), one decimal; evidenced excludes not applicable", () => {
    const counts = countPosture([
      { status: "implemented", evidenced: true },
      { status: "implemented", evidenced: false },
      { status: "in_progress", evidenced: true },
      { status: "not_applicable", evidenced: true },
      { status: "not_started", evidenced: false },
      { status: "not_started", evidenced: false },
      { status: "not_started", evidenced: false },
    ]);
    expect(counts).toEqual({ applicable: 7, implemented: 2, inProgress: 1, notStarted: 3, notApplicable: 1, evidenced: 2, percent: 33.3 });
  });

  it("is null when nothing is left to implement", () => {
    expect(countPosture([]).percent).toBeNull();
    expect(countPosture([{ status: "not_applicable", evidenced: false }]).percent).toBeNull();
  });

  it("reports all three control frameworks and the overall figure", () => {
    const posture = computePosture([
      { framework: "iso42001", status: "implemented", evidenced: false },
      { framework: "iso42001", status: "not_started", evidenced: false },
      { framework: "eu_ai_act", status: "implemented", evidenced: true },
    ]);
    expect(posture.frameworks.map((f) => [f.framework, f.applicable, f.percent])).toEqual([
      ["iso42001", 2, 50],
      ["eu_ai_act", 1, 100],
      ["nist_ai_rmf", 0, null],
    ]);
    expect(posture.frameworks[0].name).toBe("ISO/IEC 42001:2023 Annex A");
    expect(posture.overall).toMatchObject({ applicable: 3, implemented: 2, percent: 66.7, evidenced: 1 });
  });
});

describe("frameworkHierarchy", () => {
  const flatten = (sections: ReturnType<typeof frameworkHierarchy>): string[] => sections.flatMap((s) => [...s.items.map((i) => i.id), ...flatten(s.sections)]);

  it("holds every catalog item exactly once, for every framework", () => {
    for (const framework of FRAMEWORK_IDS) {
      const ids = flatten(frameworkHierarchy(framework));
      expect([...ids].sort(), framework).toEqual(
        listFrameworkItems(framework)
          .map((i) => i.id)
          .sort(),
      );
    }
  });

  it("nests ISO A.6 parts, EU AI Act Chapter III sections and NIST categories", () => {
    const iso = frameworkHierarchy("iso42001");
    expect(iso.map((s) => s.id)).toEqual(["A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"]);
    expect(iso.find((s) => s.id === "A.6")!.sections.map((s) => s.id)).toEqual(["A.6.1", "A.6.2"]);
    const eu = frameworkHierarchy("eu_ai_act");
    expect(eu.find((c) => c.id === "III")!.sections.map((s) => s.title)[1]).toBe("Section 2: Requirements for high-risk AI systems");
    expect(eu.find((c) => c.id === "I")!.items[0]).toEqual({ id: "Art 4", title: "AI literacy", href: "/controls/eu_ai_act/Art%204" });
    const nist = frameworkHierarchy("nist_ai_rmf");
    expect(nist.map((f) => f.id)).toEqual(["GOVERN", "MAP", "MEASURE", "MANAGE"]);
    expect(nist[0].sections[0].items[0].id).toBe("GOVERN 1.1");
  });
});
