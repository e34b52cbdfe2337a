import { describe, expect, it } from "vitest";
import { can } from "@/lib/auth/permissions";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { getFrameworkItem } from "@/lib/catalogs/get-framework-item";
import type { FrameworkId } from "@/lib/catalogs/frameworks";
import { applicableControls } from "@/lib/controls/applicable-controls";
import { MIN_JUSTIFICATION_LENGTH } from "@/lib/controls/schemas";
import { MAX_EVIDENCE_FILE_BYTES } from "@/lib/evidence/schemas";
import { isOwaspRiskId } from "@/lib/risks/catalog-refs";
import { suggestTechniques } from "@/lib/threats/suggest-techniques";
import { DEMO_SYSTEMS, type DemoSystem } from "./demo-systems";
import { DEMO_RISKS } from "./demo-risks";
import { DEMO_CONTROLS, DEMO_GROUP_CONTROLS } from "./demo-controls";

// The demo data is checked here, against the built-in catalogs and the same rules the verbs apply,
// so a typo fails this fast test instead of the seed (which skips what no longer applies).

const catalog = getAtlasCatalog();
const techniqueIds = new Set(catalog.techniques.map((t) => t.id));
const systemByName = new Map(DEMO_SYSTEMS.map((s) => [s.name, s]));
const key = (ref: { framework: string; controlId: string }) => `${ref.framework}:${ref.controlId}`;

function applicable(system: DemoSystem): Set<string> {
  const controls = applicableControls({ riskTier: system.riskTier, euAiActRole: system.euAiActRole, lifecycleStage: system.lifecycleStage, archived: false });
  return new Set(controls.map(key));
}

function suggested(system: DemoSystem): Set<string> {
  return new Set(suggestTechniques({ system, catalog }).map((s) => s.techniqueId));
}

describe("demo threat profiles and risks", () => {
  const entries = Object.entries(DEMO_RISKS);

  it("are keyed by demo system names", () => {
    for (const [name] of entries) expect(systemByName.has(name), name).toBe(true);
  });

  it("add manual techniques that exist and that the suggestions do not already propose", () => {
    for (const [name, data] of entries) {
      const proposed = data.suggestedThreats ? suggested(systemByName.get(name)!) : new Set<string>();
      for (const t of data.manualThreats) {
        expect(techniqueIds.has(t.techniqueId), `${name}: ${t.techniqueId}`).toBe(true);
        expect(proposed.has(t.techniqueId), `${name}: ${t.techniqueId} is suggested anyway`).toBe(false);
        expect(t.rationale.length).toBeGreaterThanOrEqual(10);
      }
    }
  });

  it("name only techniques of their system's threat profile", () => {
    for (const [name, data] of entries) {
      const profile = new Set([...(data.suggestedThreats ? suggested(systemByName.get(name)!) : []), ...data.manualThreats.map((t) => t.techniqueId)]);
      for (const risk of data.risks) {
        for (const id of risk.techniqueIds ?? []) expect(profile.has(id), `${name} / ${risk.title}: ${id}`).toBe(true);
      }
    }
  });

  it("have 2–4 risks per system and about 30 in all, with a realistic spread of ratings and statuses", () => {
    const risks = entries.flatMap(([, data]) => data.risks);
    for (const [name, data] of entries) expect(data.risks.length, name).toBeGreaterThanOrEqual(2);
    for (const [name, data] of entries) expect(data.risks.length, name).toBeLessThanOrEqual(4);
    expect(risks.length).toBeGreaterThanOrEqual(30);
    const scores = risks.map((r) => r.inherent[0] * r.inherent[1]);
    expect(scores.filter((s) => s >= 17).length).toBeGreaterThanOrEqual(2); // critical in the default matrix
    expect(scores.filter((s) => s >= 5 && s < 17).length).toBeGreaterThan(risks.length / 2); // mostly medium or high
    const progress = risks.map((r) => (!r.progress ? "open" : "status" in r.progress ? r.progress.status : "accepted"));
    for (const status of ["open", "in_treatment", "closed", "accepted"]) expect(progress).toContain(status);
    expect(new Set(risks.map((r) => r.category)).size).toBe(7);
  });

  it("use valid ratings, OWASP ids, controls and approvers", () => {
    for (const [name, data] of entries) {
      const system = systemByName.get(name)!;
      const controls = applicable(system);
      for (const risk of data.risks) {
        const label = `${name} / ${risk.title}`;
        expect(risk.title.length, label).toBeLessThanOrEqual(200);
        for (const rating of [risk.inherent, ...(risk.progress ? [risk.progress.residual] : [])]) {
          for (const value of rating) expect(Number.isInteger(value) && value >= 1 && value <= 5, label).toBe(true);
        }
        if (risk.progress) expect(risk.progress.residual[0] * risk.progress.residual[1], label).toBeLessThanOrEqual(risk.inherent[0] * risk.inherent[1]);
        for (const id of risk.owaspIds ?? []) expect(isOwaspRiskId(id), `${label}: ${id}`).toBe(true);
        for (const [framework, ids] of Object.entries(risk.controls)) {
          for (const id of ids) {
            const ref = { framework, controlId: id };
            expect(getFrameworkItem(framework as FrameworkId, id), `${label}: ${key(ref)}`).not.toBeNull();
            // a control of the three control frameworks must apply to the system; Art 5 (prohibited
            // practices) binds every operator whatever the tier
            if (["iso42001", "eu_ai_act", "nist_ai_rmf"].includes(framework) && key(ref) !== "eu_ai_act:Art 5") {
              expect(controls.has(key(ref)), `${label}: ${key(ref)} does not apply`).toBe(true);
            }
          }
        }
        if (risk.progress && "acceptedBy" in risk.progress) {
          expect(can({ type: "user", userId: "u", role: risk.progress.acceptedBy, label: "" }, "risk:approve"), label).toBe(true);
          expect(risk.progress.reason.length).toBeGreaterThanOrEqual(10);
        }
      }
    }
  });
});

describe("demo control statuses and evidence", () => {
  it("are keyed by demo system names and set only applicable controls, once each", () => {
    for (const [name, data] of Object.entries(DEMO_CONTROLS)) {
      const system = systemByName.get(name);
      expect(system, name).toBeDefined();
      const controls = applicable(system!);
      const own = data.controls.map(key);
      expect(new Set(own).size, name).toBe(own.length);
      for (const c of [...DEMO_GROUP_CONTROLS, ...data.controls]) {
        expect(controls.has(key(c)), `${name}: ${key(c)}`).toBe(true);
        if (c.status === "not_applicable") expect(c.justification.length).toBeGreaterThanOrEqual(MIN_JUSTIFICATION_LENGTH);
      }
      for (const e of data.evidence) {
        for (const link of [...e.links, ...(e.alsoLinks ?? [])]) expect(controls.has(key(link)), `${name} / ${e.title}: ${key(link)}`).toBe(true);
        for (const link of e.alsoLinks ?? []) expect(e.links.map(key)).not.toContain(key(link));
        if (e.kind === "link") expect(new URL(e.url).hostname).toMatch(/(^|\.)example\.com$/);
        else expect(new TextEncoder().encode(e.content()).byteLength).toBeGreaterThan(0);
        if (e.kind === "file") expect(new TextEncoder().encode(e.content()).byteLength).toBeLessThan(MAX_EVIDENCE_FILE_BYTES);
      }
    }
  });

  it("leave each worked system between 0 % and 100 % implemented", () => {
    for (const [name, data] of Object.entries(DEMO_CONTROLS)) {
      const controls = [...applicable(systemByName.get(name)!)];
      const statuses = new Map([...DEMO_GROUP_CONTROLS, ...data.controls].map((c) => [key(c), c.status]));
      const implemented = controls.filter((c) => statuses.get(c) === "implemented").length;
      const notApplicable = controls.filter((c) => statuses.get(c) === "not_applicable").length;
      expect(implemented, name).toBeGreaterThan(0);
      expect(implemented, name).toBeLessThan(controls.length - notApplicable);
    }
  });
});
