import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestOrg, type TestOrg } from "@/scripts/support/create-test-org";
import { createSystem } from "@/lib/systems/create-system";
import { addThreatProfileEntries } from "@/lib/threats/add-threat-profile-entries";
import { importFindings } from "@/lib/findings/import-findings";
import { getThreatMatrix } from "@/lib/threats/get-threat-matrix";
import { archiveSystem } from "@/lib/systems/archive-system";
import { getAtlasCoverage } from "@/lib/findings/get-atlas-coverage";
import { REPO_ROOT } from "@/tests/support/tree";

// The ATLAS matrix page's "Findings coverage" mode: getThreatMatrix (the page's one loader) returns the system's
// coverage by imported scanner tests for ?system=<id>&coverage=findings, the organisation's for
// ?overlay=org&coverage=findings, and nothing else asks for it.

const REPORT = readFileSync(path.join(REPO_ROOT, "e2e/fixtures/garak-support-chat.report.jsonl"));

let org: TestOrg;
let systemId: string;
beforeAll(async () => {
  org = await createTestOrg("matrix-coverage");
  const officer = org.as("compliance_officer");
  systemId = (await createSystem({ ctx: officer, input: { name: "Coverage system" } })).id;
  await addThreatProfileEntries({
    ctx: officer,
    input: {
      systemId,
      source: "manual",
      entries: [
        { techniqueId: "AML.T0051", rationale: "Free text goes straight into the prompt." },
        { techniqueId: "AML.T0057", rationale: "Fine-tuned on past support tickets." },
      ],
    },
  });
  await importFindings({
    ctx: officer,
    input: {
      systemId,
      format: "garak",
      source: (async function* () {
        yield REPORT;
      })(),
    },
  });
});

describe("getThreatMatrix with coverage=findings", () => {
  it("returns the system's coverage: profiled techniques failing or never tested, tested ones outside the profile", async () => {
    const page = await getThreatMatrix({ ctx: org.as("auditor"), input: { system: systemId, coverage: "findings" } });
    expect(page.overlay).toMatchObject({ kind: "system", systemId });
    expect(page.coverage?.sentence).toBe("1 of 2 profiled techniques tested, 1 failing, 1 never tested.");
    const byId = Object.fromEntries((page.coverage?.techniques ?? []).map((t) => [t.id, t]));
    // promptinject and dan fail (AML.T0051.000), encoding passes (AML.T0068): the profiled parent counts its sub-technique
    expect(byId["AML.T0051"]).toMatchObject({ inProfile: true, tested: true, failing: true, openFindings: 2 });
    expect(byId["AML.T0057"]).toMatchObject({ inProfile: true, tested: false, failing: false });
    expect(byId["AML.T0068"]).toMatchObject({ inProfile: false, tested: true, failing: false });
  });

  it("with overlay=org, returns the organisation's coverage: every active system's profiles, tests and open findings together", async () => {
    const officer = org.as("compliance_officer");
    const second = (await createSystem({ ctx: officer, input: { name: "Second coverage system" } })).id;
    await addThreatProfileEntries({
      ctx: officer,
      input: { systemId: second, source: "manual", entries: [{ techniqueId: "AML.T0024", rationale: "Exfiltration." }] },
    });
    const archived = (await createSystem({ ctx: officer, input: { name: "Archived coverage system" } })).id;
    await addThreatProfileEntries({
      ctx: officer,
      input: { systemId: archived, source: "manual", entries: [{ techniqueId: "AML.T0010", rationale: "Supply chain." }] },
    });
    await archiveSystem({ ctx: officer, input: { id: archived } });
    const page = await getThreatMatrix({ ctx: org.as("executive"), input: { overlay: "org", coverage: "findings" } });
    expect(page.overlay).toMatchObject({ kind: "org" });
    expect(page.coverage).toMatchObject({ systemId: null, sentence: "1 of 3 profiled techniques tested, 1 failing, 2 never tested." });
    const ids = (page.coverage?.techniques ?? []).map((t) => t.id);
    expect(ids).toContain("AML.T0024");
    expect(ids).not.toContain("AML.T0010");
    expect(page.coverage?.techniques.find((t) => t.id === "AML.T0051")).toMatchObject({ failing: true, openFindings: 2 });
    // the organisation's coverage is the org-wide form of the verb, and another organisation sees none of it
    expect((await getAtlasCoverage({ ctx: org.as("auditor"), input: {} })).figures.profiled).toBe(3);
    const other = await createTestOrg("matrix-coverage-other");
    expect((await getAtlasCoverage({ ctx: other.as("auditor"), input: {} })).techniques).toEqual([]);
  });

  it("is null for the risk overlays and an unknown system", async () => {
    const ctx = org.as("auditor");
    expect((await getThreatMatrix({ ctx, input: { system: systemId } })).coverage).toBeNull();
    expect((await getThreatMatrix({ ctx, input: { overlay: "org" } })).coverage).toBeNull();
    const unknown = await getThreatMatrix({ ctx, input: { system: "no-such-system", coverage: "findings" } });
    expect(unknown.coverage).toBeNull();
    expect(unknown.unknownSystem).toBe(true);
  });
});
