import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { db } from "@/lib/db/client";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { auditSeq, expectAppError } from "@/tests/support/harness";
import { createSystem } from "@/lib/systems/create-system";
import { archiveSystem } from "@/lib/systems/archive-system";
import { createComponent } from "@/lib/components/create-component";
import { importAtlasRelease } from "@/lib/atlas/import-atlas-release";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { addThreatProfileEntries } from "@/lib/threats/add-threat-profile-entries";
import { removeThreatProfileEntry } from "@/lib/threats/remove-threat-profile-entry";
import { listThreatProfile } from "@/lib/threats/list-threat-profile";
import { importNavigatorLayer } from "@/lib/threats/import-navigator-layer";
import { exportNavigatorLayer } from "@/lib/threats/export-navigator-layer";
import { listThreatSuggestions } from "@/lib/threats/list-threat-suggestions";
import { listTechniqueReferences } from "@/lib/threats/list-technique-references";
import { listProfiledTechniqueIds, listThreatProfileSummaries } from "@/lib/threats/list-threat-profile-summaries";
import { navigatorLayerOutputSchema, UNSCORED_COLOR } from "@/lib/threats/build-navigator-layer";
import { referencePath } from "@/tests/reference-data";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const RATIONALE = "Customers type free text into the chat window.";

async function lastEvents(orgId: string, count: number) {
  return db.auditEvent.findMany({
    where: { orgId },
    orderBy: { seq: "desc" },
    take: count,
    select: { action: true, entityType: true, entityId: true, subjectId: true, changes: true },
  });
}

async function entryIds(systemId: string): Promise<string[]> {
  return (await db.threatProfileEntry.findMany({ where: { systemId }, select: { techniqueId: true }, orderBy: { techniqueId: "asc" } })).map(
    (e) => e.techniqueId,
  );
}

/** A risk straight in the database (the risk register's own verbs are tested in risk-*.test.ts). */
async function addRisk(org: TestOrg, systemId: string, techniqueIds: string[], likelihood: number, impact: number, residual?: [number, number]) {
  return db.risk.create({
    data: {
      orgId: org.orgId,
      systemId,
      title: `Risk ${techniqueIds.join("+")} ${likelihood}x${impact}`,
      category: "security",
      techniqueIds,
      inherentLikelihood: likelihood,
      inherentImpact: impact,
      residualLikelihood: residual?.[0] ?? null,
      residualImpact: residual?.[1] ?? null,
    },
    select: { id: true },
  });
}

let org: TestOrg;
beforeAll(async () => {
  org = await createTestOrg("threats");
});

async function newSystem(name = "Support chatbot", ownerId: string | null = null) {
  return (
    await createSystem({
      ctx: org.as("admin"),
      input: { name, ownerId, modelType: "LLM with retrieval-augmented generation", deploymentContext: "Public website", dataCategories: ["personal_data"] },
    })
  ).id;
}

// ---------------------------------------------------------------------------------------------
// add / list / remove
// ---------------------------------------------------------------------------------------------

describe("addThreatProfileEntries / listThreatProfile / removeThreatProfileEntry", () => {
  it("adds several techniques with one threat.add event, lists them with names and removes one with threat.remove", async () => {
    const systemId = await newSystem();
    const ctx = org.as("compliance_officer");
    const before = await auditSeq(org.orgId);
    const profile = await addThreatProfileEntries({
      ctx,
      input: {
        systemId,
        source: "suggested",
        entries: [
          { techniqueId: "AML.T0051.001", rationale: "Retrieved pages can carry instructions." },
          { techniqueId: "AML.T0051", rationale: RATIONALE },
        ],
      },
    });
    expect(await auditSeq(org.orgId)).toBe(before + 1);
    const [event] = await lastEvents(org.orgId, 1);
    expect(event).toMatchObject({ action: "threat.add", entityType: "threat_profile", entityId: systemId, subjectId: systemId });
    expect(event.changes).toMatchObject({
      techniqueIds: { before: null, after: ["AML.T0051.001", "AML.T0051"] },
      source: { after: "suggested" },
      atlasVersion: { after: getAtlasCatalog().version },
    });

    expect(profile.system).toMatchObject({ id: systemId, name: "Support chatbot", archived: false });
    expect(profile.atlasVersion).toBe(getAtlasCatalog().version);
    expect(profile.entries.map((e) => [e.techniqueId, e.name, e.inCurrentRelease, e.source])).toEqual([
      ["AML.T0051", "LLM Prompt Injection", true, "suggested"],
      ["AML.T0051.001", "LLM Prompt Injection: Indirect", true, "suggested"],
    ]);
    expect(profile.entries[1]).toMatchObject({
      parentId: "AML.T0051",
      tacticIds: ["AML.TA0005"],
      recordedName: "LLM Prompt Injection: Indirect",
      createdById: org.users.compliance_officer.id,
      risk: null,
    });
    expect(await listThreatProfile({ ctx: org.as("auditor"), input: { systemId } })).toEqual(profile);

    await removeThreatProfileEntry({ ctx, input: { systemId, techniqueId: "AML.T0051.001" } });
    expect(await auditSeq(org.orgId)).toBe(before + 2);
    const [removed] = await lastEvents(org.orgId, 1);
    expect(removed).toMatchObject({
      action: "threat.remove",
      subjectId: systemId,
      changes: { techniqueId: { before: "AML.T0051.001", after: null }, rationale: { before: "Retrieved pages can carry instructions." } },
    });
    expect(await entryIds(systemId)).toEqual(["AML.T0051"]);
    await expect(verifyAuditChain({ ctx: org.as("admin") })).resolves.toMatchObject({ ok: true });
  });

  it("refuses invalid input with field paths and writes nothing", async () => {
    const systemId = await newSystem();
    const ctx = org.as("admin");
    const before = await auditSeq(org.orgId);
    const cases: [unknown, string[]][] = [
      [{ source: "manual", entries: [{ techniqueId: "AML.T0051", rationale: "short" }] }, ["entries.0.rationale"]],
      [{ source: "manual", entries: [{ techniqueId: "AML.T0051", rationale: "x".repeat(2001) }] }, ["entries.0.rationale"]],
      [{ source: "manual", entries: [{ techniqueId: "T1059", rationale: RATIONALE }] }, ["entries.0.techniqueId"]],
      [{ source: "manual", entries: [] }, ["entries"]],
      [{ source: "imported", entries: [{ techniqueId: "AML.T0051", rationale: RATIONALE }] }, ["source"]],
      [{ source: "manual", entries: [{ techniqueId: "AML.T0051", rationale: RATIONALE, score: 3 }] }, ["entries.0.score"]],
    ];
    for (const [body, paths] of cases) {
      const error = await expectAppError(addThreatProfileEntries({ ctx, input: { systemId, ...(body as object) } as never }), "VALIDATION");
      expect(
        error.issues.map((i) => i.path),
        JSON.stringify(body),
      ).toEqual(paths);
    }
    // well-formed but not in the catalog, and listed twice
    const unknown = await expectAppError(
      addThreatProfileEntries({
        ctx,
        input: {
          systemId,
          source: "manual",
          entries: [
            { techniqueId: "AML.T0051", rationale: RATIONALE },
            { techniqueId: "AML.T9999", rationale: RATIONALE },
          ],
        },
      }),
      "VALIDATION",
    );
    expect(unknown.issues).toEqual([{ path: "entries.1.techniqueId", message: `AML.T9999 is not a technique of MITRE ATLAS ${getAtlasCatalog().version}` }]);
    const twice = await expectAppError(
      addThreatProfileEntries({
        ctx,
        input: {
          systemId,
          source: "manual",
          entries: [
            { techniqueId: "AML.T0051", rationale: RATIONALE },
            { techniqueId: "AML.T0051", rationale: RATIONALE },
          ],
        },
      }),
      "VALIDATION",
    );
    expect(twice.issues.map((i) => i.path)).toEqual(["entries.1.techniqueId"]);
    expect(await auditSeq(org.orgId)).toBe(before);
    expect(await entryIds(systemId)).toEqual([]);
  });

  it("refuses a technique already in the profile with CONFLICT naming its path, adding none of the batch", async () => {
    const systemId = await newSystem();
    const ctx = org.as("admin");
    await addThreatProfileEntries({ ctx, input: { systemId, source: "manual", entries: [{ techniqueId: "AML.T0054", rationale: RATIONALE }] } });
    const before = await auditSeq(org.orgId);
    const error = await expectAppError(
      addThreatProfileEntries({
        ctx,
        input: {
          systemId,
          source: "manual",
          entries: [
            { techniqueId: "AML.T0057", rationale: RATIONALE },
            { techniqueId: "AML.T0054", rationale: RATIONALE },
          ],
        },
      }),
      "CONFLICT",
    );
    expect(error.issues).toEqual([{ path: "entries.1.techniqueId", message: "AML.T0054 is already in the threat profile" }]);
    expect(error.message).toContain("AML.T0054 (entries.1.techniqueId)");
    expect(await entryIds(systemId)).toEqual(["AML.T0054"]);
    expect(await auditSeq(org.orgId)).toBe(before);
  });

  it("answers NOT_FOUND for a technique not in the profile and for an unknown system", async () => {
    const systemId = await newSystem();
    const before = await auditSeq(org.orgId);
    await expectAppError(removeThreatProfileEntry({ ctx: org.as("admin"), input: { systemId, techniqueId: "AML.T0051" } }), "NOT_FOUND");
    await expectAppError(listThreatProfile({ ctx: org.as("admin"), input: { systemId: "cnosuchsystem000000000000" } }), "NOT_FOUND");
    const bad = await expectAppError(removeThreatProfileEntry({ ctx: org.as("admin"), input: { systemId, techniqueId: "nope" } }), "VALIDATION");
    expect(bad.issues.map((i) => i.path)).toEqual(["techniqueId"]);
    expect(await auditSeq(org.orgId)).toBe(before);
  });

  it("keeps an archived system's profile read-only (CONFLICT) but readable", async () => {
    const systemId = await newSystem();
    await addThreatProfileEntries({
      ctx: org.as("admin"),
      input: { systemId, source: "manual", entries: [{ techniqueId: "AML.T0051", rationale: RATIONALE }] },
    });
    await archiveSystem({ ctx: org.as("admin"), input: { id: systemId } });
    const before = await auditSeq(org.orgId);
    await expectAppError(
      addThreatProfileEntries({ ctx: org.as("admin"), input: { systemId, source: "manual", entries: [{ techniqueId: "AML.T0054", rationale: RATIONALE }] } }),
      "CONFLICT",
    );
    await expectAppError(removeThreatProfileEntry({ ctx: org.as("admin"), input: { systemId, techniqueId: "AML.T0051" } }), "CONFLICT");
    await expectAppError(
      importNavigatorLayer({ ctx: org.as("admin"), input: { systemId, layer: { techniques: [{ techniqueID: "AML.T0054", score: 5 }] } } }),
      "CONFLICT",
    );
    expect(await auditSeq(org.orgId)).toBe(before);
    expect((await listThreatProfile({ ctx: org.as("admin"), input: { systemId } })).system.archived).toBe(true);
  });

  it("carries each entry's highest risk (residual when assessed) from the risk register", async () => {
    const systemId = await newSystem();
    await addThreatProfileEntries({
      ctx: org.as("admin"),
      input: {
        systemId,
        source: "manual",
        entries: [
          { techniqueId: "AML.T0051", rationale: RATIONALE },
          { techniqueId: "AML.T0054", rationale: RATIONALE },
        ],
      },
    });
    await addRisk(org, systemId, ["AML.T0051"], 3, 3);
    await addRisk(org, systemId, ["AML.T0051", "AML.T0024"], 5, 5, [2, 2]); // residual 4 counts, not inherent 25
    const other = await newSystem("Other system");
    await addRisk(org, other, ["AML.T0054"], 5, 5); // another system's risk does not score this profile
    const { entries } = await listThreatProfile({ ctx: org.as("executive"), input: { systemId } });
    expect(entries.find((e) => e.techniqueId === "AML.T0051")!.risk).toEqual({
      maxScore: 9,
      level: { key: "medium", label: "Medium", color: "#ca8a04" },
      riskCount: 2,
    });
    expect(entries.find((e) => e.techniqueId === "AML.T0054")!.risk).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------
// A technique that the organisation's current release no longer has
// ---------------------------------------------------------------------------------------------

const REFERENCE_YAML = referencePath("atlas/ATLAS.yaml");

describe("after importing a release without a profiled technique", () => {
  let other: TestOrg;
  let systemId: string;
  const GONE = "AML.T0051.002";

  beforeAll(async () => {
    other = await createTestOrg("threats-release");
    systemId = (await createSystem({ ctx: other.as("admin"), input: { name: "Agent" } })).id;
    await addThreatProfileEntries({
      ctx: other.as("admin"),
      input: {
        systemId,
        source: "manual",
        entries: [
          { techniqueId: GONE, rationale: RATIONALE },
          { techniqueId: "AML.T0051", rationale: RATIONALE },
        ],
      },
    });
    // the reference release, minus one sub-technique (and every reference to it), as version 99.0.0
    const release = YAML.parse(readFileSync(REFERENCE_YAML, "utf8"));
    release.version = "99.0.0";
    const matrix = release.matrices[0];
    matrix.techniques = matrix.techniques.filter((t: { id: string }) => t.id !== GONE);
    for (const m of matrix.mitigations ?? []) m.techniques = (m.techniques ?? []).filter((t: { id: string }) => t.id !== GONE);
    for (const c of release["case-studies"] ?? []) c.procedure = c.procedure.filter((p: { technique: string }) => p.technique !== GONE);
    await importAtlasRelease({ ctx: other.as("admin"), input: { yaml: YAML.stringify(release) } });
  });

  it("lists the entry with its recorded name, flagged as not in the current release", async () => {
    const profile = await listThreatProfile({ ctx: other.as("auditor"), input: { systemId } });
    expect(profile.atlasVersion).toBe("99.0.0");
    expect(profile.entries.find((e) => e.techniqueId === GONE)).toMatchObject({
      name: "LLM Prompt Injection: Triggered",
      recordedName: "LLM Prompt Injection: Triggered",
      recordedVersion: getAtlasCatalog().version,
      inCurrentRelease: false,
      parentId: "AML.T0051",
      tacticIds: [],
    });
    expect(profile.entries.find((e) => e.techniqueId === "AML.T0051")!.inCurrentRelease).toBe(true);
  });

  it("refuses to add it again, and leaves it out of an exported layer (counted in the description)", async () => {
    const { layer } = await exportNavigatorLayer({ ctx: other.as("auditor"), input: { systemId } });
    expect(layer.techniques.map((t) => t.techniqueID)).toEqual(["AML.T0051"]);
    expect(layer.metadata).toContainEqual({ name: "atlas_data_version", value: "99.0.0" });
    expect(layer.description).toContain("1 profile entry names a technique this release does not have");
    await removeThreatProfileEntry({ ctx: other.as("admin"), input: { systemId, techniqueId: GONE } });
    const error = await expectAppError(
      addThreatProfileEntries({ ctx: other.as("admin"), input: { systemId, source: "manual", entries: [{ techniqueId: GONE, rationale: RATIONALE }] } }),
      "VALIDATION",
    );
    expect(error.issues).toEqual([{ path: "entries.0.techniqueId", message: `${GONE} is not a technique of MITRE ATLAS 99.0.0` }]);
  });

  it("refuses a layer naming it", async () => {
    const error = await expectAppError(
      importNavigatorLayer({
        ctx: other.as("admin"),
        input: {
          systemId,
          layer: {
            techniques: [
              { techniqueID: "AML.T0054", score: 1 },
              { techniqueID: GONE, score: 3 },
            ],
          },
        },
      }),
      "VALIDATION",
    );
    expect(error.issues.map((i) => i.path)).toEqual(["techniques.1.techniqueID"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Navigator layers
// ---------------------------------------------------------------------------------------------

describe("importNavigatorLayer / exportNavigatorLayer", () => {
  it("refuses a layer with an unknown technique id, naming its path, and writes nothing", async () => {
    const systemId = await newSystem();
    const before = await auditSeq(org.orgId);
    const layer = {
      name: "Mixed",
      domain: "atlas-atlas",
      techniques: [
        { techniqueID: "AML.T0051", score: 5 },
        { techniqueID: "AML.T0054", color: "#ff0000" },
        { techniqueID: "AML.T0999", score: 1 },
        { techniqueID: "T1566", comment: "ATT&CK id" },
      ],
    };
    const error = await expectAppError(importNavigatorLayer({ ctx: org.as("admin"), input: { systemId, layer } }), "VALIDATION");
    expect(error.issues).toEqual([
      { path: "techniques.2.techniqueID", message: `AML.T0999 is not a technique of MITRE ATLAS ${getAtlasCatalog().version}` },
      { path: "techniques.3.techniqueID", message: `T1566 is not a technique of MITRE ATLAS ${getAtlasCatalog().version}` },
    ]);
    expect(await entryIds(systemId)).toEqual([]);
    expect(await auditSeq(org.orgId)).toBe(before);
    const shape = await expectAppError(
      importNavigatorLayer({ ctx: org.as("admin"), input: { systemId, layer: { techniques: [{ techniqueID: "AML.T0051", score: "high" }] } } }),
      "VALIDATION",
    );
    expect(shape.issues.map((i) => i.path)).toEqual(["techniques.0.score"]);
    const rationale = await expectAppError(
      importNavigatorLayer({ ctx: org.as("admin"), input: { systemId, layer: { techniques: [] }, rationale: "short" } }),
      "VALIDATION",
    );
    expect(rationale.issues.map((i) => i.path)).toEqual(["rationale"]);
  });

  it("adds the marked techniques with one threat.import_layer event, skips present and disabled ones, and adds nothing the second time", async () => {
    const systemId = await newSystem();
    await addThreatProfileEntries({
      ctx: org.as("admin"),
      input: { systemId, source: "manual", entries: [{ techniqueId: "AML.T0054", rationale: RATIONALE }] },
    });
    const layer = {
      name: "Red team findings",
      domain: "atlas-atlas",
      versions: { layer: "4.5", navigator: "4.9.1" },
      techniques: [
        { techniqueID: "AML.T0051", tactic: "execution", score: 18, comment: "Reproduced in the red-team exercise of March." },
        { techniqueID: "AML.T0054", tactic: "privilege-escalation", color: "#e60d0d" },
        { techniqueID: "AML.T0057", tactic: "exfiltration", color: "#e60d0d", comment: "PII" },
        { techniqueID: "AML.T0029", tactic: "impact", score: 3 },
        { techniqueID: "AML.T0024", tactic: "exfiltration", score: 9, enabled: false },
        { techniqueID: "AML.T0040", tactic: "ai-model-access", score: 0 },
      ],
      gradient: { colors: ["#ffffff", "#ff0000"], minValue: 0, maxValue: 100 },
    };
    const before = await auditSeq(org.orgId);
    const result = await importNavigatorLayer({ ctx: org.as("compliance_officer"), input: { systemId, layer } });
    expect(result).toEqual({
      added: [
        { techniqueId: "AML.T0029", name: "Denial of AI Service", rationale: 'Imported from ATLAS Navigator layer "Red team findings"' },
        { techniqueId: "AML.T0051", name: "LLM Prompt Injection", rationale: "Reproduced in the red-team exercise of March." },
        { techniqueId: "AML.T0057", name: "LLM Data Leakage", rationale: 'PII (imported from ATLAS Navigator layer "Red team findings")' },
      ],
      skipped: [
        { techniqueId: "AML.T0024", reason: "disabled" },
        { techniqueId: "AML.T0054", reason: "already_in_profile" },
      ],
      ignored: 1,
    });
    expect(await auditSeq(org.orgId)).toBe(before + 1);
    const [event] = await lastEvents(org.orgId, 1);
    expect(event).toMatchObject({
      action: "threat.import_layer",
      subjectId: systemId,
      changes: { layer: { after: "Red team findings" }, techniqueIds: { after: ["AML.T0029", "AML.T0051", "AML.T0057"] } },
    });
    const profile = await listThreatProfile({ ctx: org.as("admin"), input: { systemId } });
    expect(profile.entries.filter((e) => e.source === "imported").map((e) => e.techniqueId)).toEqual(["AML.T0029", "AML.T0051", "AML.T0057"]);

    const again = await importNavigatorLayer({ ctx: org.as("compliance_officer"), input: { systemId, layer, rationale: "From the quarterly threat review." } });
    expect(again.added).toEqual([]);
    expect(await auditSeq(org.orgId)).toBe(before + 1);
  });

  it("cuts a comment longer than a rationale may be, and accepts any colour string Navigator writes", async () => {
    const systemId = await newSystem();
    const result = await importNavigatorLayer({
      ctx: org.as("admin"),
      input: { systemId, layer: { techniques: [{ techniqueID: "AML.T0048", color: "red", comment: "x".repeat(2500) }] } },
    });
    expect(result.added).toHaveLength(1);
    expect(result.added[0].rationale).toHaveLength(2000);
    expect(result.added[0].rationale.endsWith("…")).toBe(true);
  });

  it("exports a system's profile scored and coloured by its risks, and imports it into another system unchanged", async () => {
    const systemId = await newSystem("Export source");
    await addThreatProfileEntries({
      ctx: org.as("admin"),
      input: {
        systemId,
        source: "manual",
        entries: [
          { techniqueId: "AML.T0051", rationale: RATIONALE },
          { techniqueId: "AML.T0012", rationale: "Vendor console accounts are shared." },
          { techniqueId: "AML.T0010.003", rationale: "Weights come from Hugging Face." },
        ],
      },
    });
    await addRisk(org, systemId, ["AML.T0051"], 4, 5);
    const now = new Date("2026-03-01T10:00:00.000Z");
    const before = await auditSeq(org.orgId);
    const { layer, filename } = await exportNavigatorLayer({ ctx: org.as("auditor"), input: { systemId, now } });
    expect(await auditSeq(org.orgId)).toBe(before);
    expect(filename).toBe("atlas-layer-export-source-2026-03-01.json");
    expect(navigatorLayerOutputSchema.parse(layer)).toEqual(layer);
    expect(layer).toMatchObject({ name: "Export source – threat profile", domain: "atlas-atlas", versions: { layer: "4.3", navigator: "4.6.4" } });
    expect(layer.metadata).toEqual(
      expect.arrayContaining([
        { name: "system", value: "Export source" },
        { name: "exported_at", value: now.toISOString() },
        { name: "organisation", value: expect.stringContaining("Test threats-") },
      ]),
    );
    expect(layer.techniques.find((t) => t.techniqueID === "AML.T0051")).toMatchObject({ tactic: "execution", score: 20, color: "#b91c1c", comment: RATIONALE });
    expect(layer.techniques.filter((t) => t.techniqueID === "AML.T0012").map((t) => [t.tactic, t.color])).toEqual([
      ["initial-access", UNSCORED_COLOR],
      ["privilege-escalation", UNSCORED_COLOR],
    ]);

    const target = await newSystem("Import target");
    const result = await importNavigatorLayer({ ctx: org.as("admin"), input: { systemId: target, layer: JSON.parse(JSON.stringify(layer)) } });
    expect(result.added.map((a) => [a.techniqueId, a.rationale])).toEqual([
      ["AML.T0010.003", "Weights come from Hugging Face."],
      ["AML.T0012", "Vendor console accounts are shared."],
      ["AML.T0051", RATIONALE],
    ]);
    expect(await entryIds(target)).toEqual(await entryIds(systemId));
  });

  it("exports the organisation: the union of active systems' profiles, each technique once per tactic with the organisation-wide highest score", async () => {
    const own = await createTestOrg("threats-org-export");
    const a = (await createSystem({ ctx: own.as("admin"), input: { name: "Alpha" } })).id;
    const b = (await createSystem({ ctx: own.as("admin"), input: { name: "Bravo" } })).id;
    const archived = (await createSystem({ ctx: own.as("admin"), input: { name: "Zulu (archived)" } })).id;
    await addThreatProfileEntries({
      ctx: own.as("admin"),
      input: { systemId: a, source: "manual", entries: [{ techniqueId: "AML.T0051", rationale: "Alpha reads e-mails." }] },
    });
    await addThreatProfileEntries({
      ctx: own.as("admin"),
      input: {
        systemId: b,
        source: "manual",
        entries: [
          { techniqueId: "AML.T0051", rationale: "Bravo is a public chatbot." },
          { techniqueId: "AML.T0029", rationale: "Bravo has no rate limit." },
        ],
      },
    });
    await addThreatProfileEntries({
      ctx: own.as("admin"),
      input: { systemId: archived, source: "manual", entries: [{ techniqueId: "AML.T0034", rationale: "Old system, archived." }] },
    });
    await archiveSystem({ ctx: own.as("admin"), input: { id: archived } });
    await addRisk(own, a, ["AML.T0051"], 2, 3);
    await addRisk(own, b, ["AML.T0051"], 4, 4);

    const { layer, filename } = await exportNavigatorLayer({ ctx: own.as("executive"), input: {} });
    expect(filename).toMatch(/^atlas-layer-test-threats-org-export-[0-9a-f]+-\d{4}-\d{2}-\d{2}\.json$/);
    expect([...new Set(layer.techniques.map((t) => t.techniqueID))].sort()).toEqual(["AML.T0029", "AML.T0051"]);
    const injection = layer.techniques.filter((t) => t.techniqueID === "AML.T0051");
    expect(injection).toHaveLength(1);
    expect(injection[0]).toMatchObject({ score: 16, color: "#ea580c", comment: "Alpha: Alpha reads e-mails.\n\nBravo: Bravo is a public chatbot." });
    expect(injection[0].metadata).toContainEqual({ name: "systems", value: "Alpha, Bravo" });
    expect(layer.metadata).toContainEqual({ name: "system", value: "all active AI systems" });
    expect(layer.description).toContain("2 active AI systems");
  });
});

// ---------------------------------------------------------------------------------------------
// Read models for the pages
// ---------------------------------------------------------------------------------------------

describe("listThreatSuggestions / listTechniqueReferences / listThreatProfileSummaries", () => {
  it("suggests from the system's attributes and flags what the profile has", async () => {
    const systemId = await newSystem("Suggest me");
    await createComponent({
      ctx: org.as("admin"),
      input: { systemId, component: { kind: "model", name: "Llama-3.1-8B-Instruct", sourceUrl: "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct" } },
    });
    await addThreatProfileEntries({
      ctx: org.as("admin"),
      input: { systemId, source: "suggested", entries: [{ techniqueId: "AML.T0051", rationale: RATIONALE }] },
    });
    const suggestions = await listThreatSuggestions({ ctx: org.as("auditor"), input: { systemId } });
    const ids = suggestions.map((s) => s.techniqueId);
    expect(ids).toEqual(expect.arrayContaining(["AML.T0051", "AML.T0070", "AML.T0057", "AML.T0010.003", "AML.T0024"]));
    expect(suggestions.find((s) => s.techniqueId === "AML.T0051")!.inProfile).toBe(true);
    expect(suggestions.find((s) => s.techniqueId === "AML.T0070")!.inProfile).toBe(false);
    await expectAppError(listThreatSuggestions({ ctx: org.as("auditor"), input: { systemId: "cnosuchsystem000000000000" } }), "NOT_FOUND");
  });

  it("lists the systems and risks that reference a technique, within the organisation only", async () => {
    const mine = await createTestOrg("threats-refs");
    const theirs = await createTestOrg("threats-refs-other");
    const systemId = (await createSystem({ ctx: mine.as("admin"), input: { name: "Mine" } })).id;
    await addThreatProfileEntries({
      ctx: mine.as("admin"),
      input: { systemId, source: "manual", entries: [{ techniqueId: "AML.T0043", rationale: "Fraudsters tune transactions." }] },
    });
    const risk = await addRisk(mine, systemId, ["AML.T0043"], 5, 4, [3, 2]);
    const otherSystem = (await createSystem({ ctx: theirs.as("admin"), input: { name: "Theirs" } })).id;
    await addThreatProfileEntries({
      ctx: theirs.as("admin"),
      input: { systemId: otherSystem, source: "manual", entries: [{ techniqueId: "AML.T0043", rationale: "Not visible to the other org." }] },
    });
    await addRisk(theirs, otherSystem, ["AML.T0043"], 5, 5);

    const refs = await listTechniqueReferences({ ctx: mine.as("auditor"), input: { techniqueId: "AML.T0043" } });
    expect(refs.profileEntries).toEqual([
      expect.objectContaining({ systemId, systemName: "Mine", rationale: "Fraudsters tune transactions.", source: "manual", archived: false }),
    ]);
    expect(refs.risks).toEqual([
      expect.objectContaining({ id: risk.id, systemId, score: { score: 6, basis: "residual", level: { key: "medium", label: "Medium", color: "#ca8a04" } } }),
    ]);
    expect(await listTechniqueReferences({ ctx: mine.as("auditor"), input: { techniqueId: "AML.T0051" } })).toEqual({ profileEntries: [], risks: [] });

    const summaries = await listThreatProfileSummaries({ ctx: mine.as("executive") });
    expect(summaries).toEqual([{ systemId, name: "Mine", ownerId: null, entryCount: 1 }]);
    expect(await listProfiledTechniqueIds({ ctx: mine.as("executive"), input: {} })).toEqual(["AML.T0043"]);
    expect(await listProfiledTechniqueIds({ ctx: mine.as("executive"), input: { systemId } })).toEqual(["AML.T0043"]);
    // another organisation's system id finds nothing
    expect(await listProfiledTechniqueIds({ ctx: mine.as("executive"), input: { systemId: otherSystem } })).toEqual([]);
    // an archived system's profile leaves the organisation outline
    await archiveSystem({ ctx: mine.as("admin"), input: { id: systemId } });
    expect(await listProfiledTechniqueIds({ ctx: mine.as("executive"), input: {} })).toEqual([]);
  });
});
