/**
 * Threats, risks and controls of one AI system, as a compliance officer works through them in the
 * browser: build the threat profile from the suggestions (each with its "why"), see it on the ATLAS
 * matrix, add a risk from one of its techniques, attach evidence to an ISO/IEC 42001 control and see the
 * EU AI Act and NIST AI RMF items it also counts for, set the control implemented and watch the posture
 * figure move, and export the profile as an ATLAS Navigator layer. Then an executive reads the same
 * kind of pages without any of the editing controls.
 */
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "@playwright/test";
import { test, expect, createSystemViaUi, SEEDED_NAMES, sidebar, unique, waitForHydration } from "./fixtures";

const SHOTS_DIR = fileURLToPath(new URL("../test-results/threats-controls/", import.meta.url));

/** A full-page screenshot for visual review, after checking the page's ids are unique. */
async function shoot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  await page.waitForLoadState("networkidle");
  await expectUniqueIds(page);
  if (!fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS_DIR}${name}.png`, fullPage, animations: "disabled" });
}

/** Every element id on the page is unique (a repeated id ties a label to the wrong field). */
async function expectUniqueIds(page: Page): Promise<void> {
  const ids = await page.locator("[id]").evaluateAll((elements) => elements.map((e) => e.id));
  expect(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    `repeated ids on ${page.url()}`,
  ).toEqual([]);
}

/** The AI system's section tabs (Overview, Threat profile, Risks, Controls). */
function sectionTabs(page: Page): Locator {
  return page.getByRole("navigation", { name: "AI system sections" });
}

async function openSection(page: Page, label: "Overview" | "Threat profile" | "Risks" | "Controls", path: RegExp): Promise<void> {
  await sectionTabs(page).getByRole("link", { name: label, exact: true }).click();
  await expect(page).toHaveURL(path);
  await expect(sectionTabs(page).getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
}

/** A posture card's figures as shown: percent, "X of Y implemented (Z applicable)" and "N with evidence". */
async function postureOf(page: Page, framework: "iso42001" | "eu_ai_act" | "nist_ai_rmf" | "overall") {
  const card = page.getByTestId("posture").locator(`section[data-framework="${framework}"]`);
  const percent = (await card.getByTestId(`posture-percent-${framework}`).textContent())!.trim();
  const text = (await card.textContent()) ?? "";
  const counts = text.match(/(\d+) of (\d+) implemented \((\d+) applicable\)/);
  const evidenced = text.match(/(\d+) with evidence/);
  if (!counts || !evidenced) throw new Error(`unexpected posture card for ${framework}: ${text}`);
  return { percent, implemented: Number(counts[1]), denominator: Number(counts[2]), applicable: Number(counts[3]), evidenced: Number(evidenced[1]) };
}

/** The percent the page shows for `implemented` of `denominator` (lib/controls/compute-posture.ts: one decimal). */
function percentLabel(implemented: number, denominator: number): string {
  return `${Math.round((implemented / denominator) * 1000) / 10}%`;
}

/** One control of the system's controls page, by framework and id. */
function controlRow(page: Page, framework: string, controlId: string): Locator {
  return page.locator(`li[data-control="${framework}:${controlId}"]`);
}

test("a compliance officer builds a threat profile from suggestions, adds a risk from a technique, evidences an ISO 42001 control that also counts for the EU AI Act and NIST, and moves the posture", async ({
  page,
  loginAs,
}) => {
  test.setTimeout(120_000);
  const suffix = unique();
  const name = `Benefits eligibility assistant ${suffix}`;
  // the suggestions read these: an LLM with retrieval (RAG), on a public website, processing personal data
  const modelType = "LLM with retrieval-augmented generation (RAG)";
  const ownRationale = `The rulebook index is synced nightly from the policy team's document store; a compromised editor account could plant false rules (${suffix}).`;
  const picked = { indirect: "AML.T0051.001", rag: "AML.T0070", leakage: "AML.T0057" } as const;

  await loginAs("compliance_officer");

  let id = "";
  await test.step("create a high-risk LLM system with retrieval, a public chat and personal data", async () => {
    await sidebar(page).getByRole("link", { name: "Inventory" }).click();
    await expect(page).toHaveURL(/\/systems$/);
    id = await createSystemViaUi(page, {
      name,
      businessUnit: "Social benefits",
      purpose: "Helps caseworkers decide eligibility for social benefits and answers citizens' questions about them, from the benefits rulebook.",
      lifecycleStage: "Production",
      dataCategories: ["Personal data"],
      euAiActRole: "Deployer",
      riskTier: "High risk",
      riskTierBasis: "Art 6(2), Annex III point 5(a)",
      modelType,
      foundationModel: "Llama 3.1 70B Instruct",
      hosting: "Public cloud",
      deploymentContext: "Caseworkers use it in the case management system; citizens reach it through the public website chat.",
    });
    await expect(page.getByTestId("field-Model type")).toHaveText(modelType);
  });

  await test.step("the threat profile page suggests techniques, each with a why quoting the system", async () => {
    await openSection(page, "Threat profile", new RegExp(`/systems/${id}/threats$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Threat profile: ${name}`);
    await expect(page.getByTestId("profile-empty")).toBeVisible();
    const form = page.getByTestId("suggestions-form");
    await expect(form).toBeVisible();
    // grouped by the rule that proposed them
    for (const legend of ["Large language model", "Retrieval (RAG)", "Personal data in an LLM", "Exposed inference"]) {
      await expect(form.getByRole("group", { name: legend })).toBeVisible();
    }
    const suggestions = form.locator("[data-suggestion]");
    expect(await suggestions.count()).toBeGreaterThanOrEqual(10);
    // every suggestion says why; the why quotes the attribute it was derived from
    for (const why of await suggestions.locator('[id^="why-"]').allTextContents()) expect(why).toMatch(/^Why: \S/);
    await expect(form.locator(`[data-suggestion="${picked.rag}"]`)).toContainText(`The model type "${modelType}" indicates retrieval-augmented generation`);
    await expect(form.locator(`[data-suggestion="${picked.leakage}"]`)).toContainText("The data categories (personal data) are processed by an LLM");
    await expect(form.locator('[data-suggestion="AML.T0056"]')).toContainText('"public website" in the deployment context means outsiders can query the model');
    await shoot(page, "01-suggestions");
  });

  await test.step("tick three suggestions, rewrite one rationale, add them; the profile lists them with their rationale", async () => {
    const form = page.getByTestId("suggestions-form");
    await waitForHydration(form);
    for (const techniqueId of Object.values(picked)) {
      await form.locator(`[data-suggestion="${techniqueId}"]`).getByRole("checkbox").check();
    }
    // the rationale field opens on ticking, pre-filled with the why
    const ragRationale = form.locator(`#rationale-${picked.rag.replaceAll(".", "\\.")}`);
    await expect(ragRationale).toBeVisible();
    await expect(ragRationale).toHaveValue(/indicates retrieval-augmented generation/);
    await ragRationale.fill(ownRationale);
    await form.getByRole("button", { name: "Add selected" }).click();
    await expect(form.getByRole("status")).toHaveText("Added 3 techniques to the threat profile.");

    const table = page.getByTestId("threat-profile-table");
    await expect(page.getByTestId("threat-profile").getByRole("heading", { name: "Threat profile (3)" })).toBeVisible();
    await expect(table.locator("tbody tr")).toHaveCount(3);
    const rag = table.locator(`tr[data-technique="${picked.rag}"]`);
    await expect(rag).toContainText("RAG Poisoning");
    await expect(rag).toContainText(ownRationale);
    await expect(rag).toContainText("Suggestion");
    await expect(rag).toContainText("No risk yet");
    const indirect = table.locator(`tr[data-technique="${picked.indirect}"]`);
    await expect(indirect).toContainText("LLM Prompt Injection: Indirect");
    await expect(indirect).toContainText("means the LLM reads content written by others"); // the why, kept as the rationale
    await expect(table.locator(`tr[data-technique="${picked.leakage}"]`)).toContainText("LLM Data Leakage");
    // added suggestions are marked and no longer offered
    const added = form.locator(`[data-suggestion="${picked.rag}"]`);
    await expect(added).toContainText("In profile");
    await expect(added.getByRole("checkbox")).toBeDisabled();
    await shoot(page, "02-profile");
  });

  await test.step("the ATLAS matrix outlines the profile's techniques for this system", async () => {
    await page.getByRole("link", { name: "Show on the ATLAS matrix" }).click();
    await expect(page).toHaveURL(new RegExp(`/threats\\?system=${id}$`));
    await expect(page.getByText(`${name}: 3 techniques in its threat profile (outlined)`)).toBeVisible();
    const matrix = page.getByTestId("atlas-matrix");
    for (const techniqueId of Object.values(picked)) {
      const cell = matrix.locator(`a[data-technique="${techniqueId}"]`).first();
      await expect(cell).toHaveAttribute("data-in-profile", "true");
      await expect(cell).toBeVisible(); // a marked sub-technique's parent is unfolded
    }
    // nothing else is outlined (a technique under several tactics has a cell in each of their columns)
    const outlined = new Set(await matrix.locator("a[data-in-profile]").evaluateAll((links) => links.map((a) => a.getAttribute("data-technique"))));
    expect([...outlined].sort()).toEqual(Object.values(picked).sort());
    await expect(matrix.locator('a[data-technique="AML.T0054"]').first()).not.toHaveAttribute("data-in-profile", /.*/); // suggested, not added
    // the viewport only: a full-page capture would widen to the matrix's scrolled-away columns
    await shoot(page, "03-matrix", { fullPage: false });
    await page.getByRole("link", { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/systems/${id}/threats$`));
  });

  // the organisation's risk matrix decides the score's level: read it where users see it
  const likelihood = 3;
  const impact = 4;
  let expected = { score: "", level: "" };
  await test.step("the risk matrix shows the level of likelihood 3 × impact 4", async () => {
    const other = await page.context().newPage();
    await other.goto("/settings/risk-matrix");
    const cell = other.getByTestId("risk-matrix-grid").locator(`td[data-cell="${likelihood}/${impact}"]`);
    expected = { score: (await cell.locator("span").nth(0).textContent())!.trim(), level: (await cell.locator("span").nth(1).textContent())!.trim() };
    expect(expected.score).toBe(String(likelihood * impact));
    await other.close();
  });

  let riskTitle = "";
  await test.step("add a risk from RAG Poisoning: the form is pre-filled from the technique", async () => {
    const row = page.getByTestId("threat-profile-table").locator(`tr[data-technique="${picked.rag}"]`);
    await row.getByRole("link", { name: "Add a risk" }).click();
    await expect(page).toHaveURL(new RegExp(`/systems/${id}/risks\\?technique=AML\\.T0070#new-risk$`));
    await expect(sectionTabs(page).getByRole("link", { name: "Risks", exact: true })).toHaveAttribute("aria-current", "page");
    const form = page.getByTestId("risk-form");
    // the <details> is open, and scrolled to: it sits below the register and the heatmap
    await expect(page.getByText(`New risk from ${picked.rag}`)).toBeInViewport();
    await waitForHydration(form);
    await expect(form.getByLabel("Title")).toHaveValue("RAG Poisoning");
    await expect(form.getByLabel("MITRE ATLAS techniques")).toHaveValue(picked.rag);
    await expect(form.getByLabel("Category")).toHaveValue("security");

    riskTitle = `RAG Poisoning of the benefits rulebook ${suffix}`;
    await form.getByLabel("Title").fill(riskTitle);
    await form.getByLabel("Description").fill("False eligibility rules planted in the retrieval index would be quoted to caseworkers and citizens as policy.");
    const inherentRating = form.getByRole("group", { name: "Inherent rating (before treatment)" });
    await inherentRating.getByLabel("Likelihood").selectOption({ label: `${likelihood} – Possible` });
    await inherentRating.getByLabel("Impact").selectOption({ label: `${impact} – Major` });
    await shoot(page, "04-new-risk");
    await form.getByRole("button", { name: "Add risk" }).click();
    await page.waitForURL(/\/risks\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(riskTitle);
    const inherent = page.getByTestId("inherent");
    await expect(inherent).toContainText(expected.score);
    await expect(inherent).toContainText(expected.level);
    await expect(page.getByTestId("risk-overview")).toContainText(`${picked.rag} RAG Poisoning`);
  });

  await test.step("the system's risks page lists the risk with its score and level", async () => {
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/systems/${id}/risks$`));
    const row = page.getByTestId("risk-table").locator("tbody tr", { hasText: riskTitle });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(picked.rag);
    await expect(row.getByTestId("inherent")).toHaveText(`${expected.score}${expected.level}`);
    await expect(row.getByTestId("residual")).toHaveText("Not assessed");
    await expect(page.getByTestId("result-count")).toHaveText("1–1 of 1");
    const cell = page.getByTestId("risk-heatmap").locator(`td[data-cell="${likelihood}/${impact}"]`);
    await expect(cell).toHaveAttribute("data-count", "1");
    await expect(cell).toHaveText("1");
    await shoot(page, "05-risks");

    // the threat profile shows the technique's highest risk now
    await openSection(page, "Threat profile", new RegExp(`/systems/${id}/threats$`));
    await expect(page.getByTestId("threat-profile-table").locator(`tr[data-technique="${picked.rag}"]`)).toContainText(`${expected.level} ${expected.score}`);
  });

  const control = { framework: "iso42001", id: "A.6.2.6", title: "AI system operation and monitoring" };
  const alsoCounts = [
    { framework: "eu_ai_act", id: "Art 26" },
    { framework: "nist_ai_rmf", id: "MEASURE 2.4" },
  ];
  type Posture = Awaited<ReturnType<typeof postureOf>>;
  let before: { iso: Posture; overall: Posture } | undefined;
  await test.step("the controls page shows the posture before anything is done", async () => {
    await openSection(page, "Controls", new RegExp(`/systems/${id}/controls$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Controls: ${name}`);
    const iso = await postureOf(page, "iso42001");
    const overall = await postureOf(page, "overall");
    expect(iso).toMatchObject({ percent: "0%", implemented: 0, evidenced: 0 });
    expect(overall).toMatchObject({ percent: "0%", implemented: 0, evidenced: 0 });
    before = { iso, overall };
    // the control applies to this system and says why
    const row = controlRow(page, control.framework, control.id);
    await expect(row).toContainText(control.title);
    await expect(row).toContainText("Not started");
    await expect(row).toContainText("0 evidence");
    for (const other of alsoCounts) await expect(controlRow(page, other.framework, other.id)).toContainText("0 evidence");
    await shoot(page, "06-controls-before", { fullPage: false }); // the page is ~11 000 px long: its top (posture, evidence)
  });

  const evidenceTitle = `Monitoring runbook ${suffix}`;
  await test.step("upload a monitoring runbook as evidence for ISO/IEC 42001 A.6.2.6", async () => {
    const panel = page.getByTestId("evidence-panel");
    await panel.locator("summary", { hasText: "Add evidence" }).click();
    const form = page.getByTestId("evidence-form");
    await expect(form).toBeVisible();
    await waitForHydration(form);
    await form.getByLabel("Title").fill(evidenceTitle);
    await form.locator("#evidence-file").setInputFiles({
      name: "monitoring-runbook.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(`# Monitoring runbook (${suffix})\n\nDrift, refusal rate and retrieval hit rate are reviewed weekly by the service owner.\n`),
    });
    await form.locator("#evidence-links").selectOption({ value: `${control.framework}|${control.id}` });
    await form.getByRole("button", { name: "Add evidence" }).click();
    await expect(form.getByRole("status")).toBeVisible();
    const item = panel.locator("li", { hasText: evidenceTitle });
    await expect(item).toContainText("monitoring-runbook.md");
    await expect(item).toContainText(/SHA-256 [0-9a-f]{64}/);
    await expect(item).toContainText(`Attached to: ${control.id} ${control.title}`);
  });

  await test.step("the evidence counts for the control, and via it for EU AI Act Art 26 and NIST MEASURE 2.4", async () => {
    const row = controlRow(page, control.framework, control.id);
    await expect(row).toContainText("1 evidence");
    await row.locator("summary").click();
    await expect(row.getByTestId("evidence-item")).toHaveCount(1);
    await expect(row.getByTestId("evidence-item")).toContainText(evidenceTitle);
    await expect(row.getByTestId("evidence-item")).not.toContainText("via");

    for (const other of alsoCounts) {
      const otherRow = controlRow(page, other.framework, other.id);
      await expect(otherRow).toContainText("1 evidence");
      await otherRow.locator("summary").click();
      const item = otherRow.getByTestId("evidence-item");
      await expect(item).toContainText(evidenceTitle);
      await expect(item).toContainText(`via ISO/IEC 42001 ${control.id}`);
    }

    // evidence is reported beside the status, it does not implement anything
    const iso = await postureOf(page, "iso42001");
    const overall = await postureOf(page, "overall");
    expect(iso).toMatchObject({ percent: before!.iso.percent, implemented: 0, evidenced: 1 });
    expect(overall).toMatchObject({ percent: before!.overall.percent, implemented: 0, evidenced: 3 });
    expect((await postureOf(page, "eu_ai_act")).evidenced).toBe(1);
    expect((await postureOf(page, "nist_ai_rmf")).evidenced).toBe(1);
    await shoot(page, "07-controls-evidence", { fullPage: false });
    await controlRow(page, control.framework, control.id).screenshot({ path: `${SHOTS_DIR}07b-control-with-evidence.png` });
    await controlRow(page, "eu_ai_act", "Art 26").screenshot({ path: `${SHOTS_DIR}07c-art26-via.png` });
  });

  await test.step("the control's own page names the EU AI Act and NIST items its evidence also counts for", async () => {
    const row = controlRow(page, control.framework, control.id);
    await row.getByRole("link", { name: `About ${control.id} and its crosswalk` }).click();
    await expect(page).toHaveURL(/\/controls\/iso42001\/A\.6\.2\.6$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${control.id} ${control.title}`);
    const equivalents = page.getByTestId("equivalents");
    await expect(equivalents).toContainText("Evidence for this control also counts for");
    await expect(equivalents.getByRole("link", { name: "EU AI Act Art 26" })).toBeVisible();
    await expect(equivalents.getByRole("link", { name: "NIST AI RMF MEASURE 2.4" })).toBeVisible();
    // each crosswalk row names its source
    const crosswalk = page.getByTestId("crosswalk");
    await expect(crosswalk.locator('li[data-relation="equivalent"]', { hasText: "MEASURE 2.4" })).toContainText("Equivalent to");
    await expect(crosswalk.locator("li", { hasText: "Art 26" })).toContainText("Supports");
    // the system is listed with its status and its evidence
    const systemLine = page.getByTestId("control-systems").locator("li", { hasText: name });
    await expect(systemLine).toContainText("Not started");
    await expect(systemLine).toContainText("evidence");
    await shoot(page, "08-control-page");

    // following the EU AI Act item: the system has evidence for Art 26 too (through A.6.2.6)
    await equivalents.getByRole("link", { name: "EU AI Act Art 26" }).click();
    await expect(page).toHaveURL(/\/controls\/eu_ai_act\/Art%2026$/);
    await expect(page.getByTestId("control-systems").locator("li", { hasText: name })).toContainText("evidence");
    await page.getByTestId("control-systems").getByRole("link", { name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/systems/${id}/controls\\?framework=eu_ai_act$`));
    await expect(controlRow(page, "eu_ai_act", "Art 26")).toContainText("1 evidence");
    await openSection(page, "Controls", new RegExp(`/systems/${id}/controls$`));
  });

  await test.step("setting A.6.2.6 implemented moves the ISO/IEC 42001 and overall posture by one control", async () => {
    const iso = await postureOf(page, "iso42001");
    const overall = await postureOf(page, "overall");
    const row = controlRow(page, control.framework, control.id);
    await row.locator("summary").click();
    const form = row.getByTestId("control-form");
    await waitForHydration(form);
    await form.getByLabel("Status").selectOption({ label: "Implemented" });
    await form.getByLabel("Justification").fill("Weekly monitoring review in place; runbook attached.");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved.");
    await expect(row.locator("summary")).toContainText("Implemented");

    const isoAfter = percentLabel(iso.implemented + 1, iso.denominator);
    const overallAfter = percentLabel(overall.implemented + 1, overall.denominator);
    expect(isoAfter).not.toBe(iso.percent);
    await expect(page.getByTestId("posture-percent-iso42001")).toHaveText(isoAfter);
    await expect(page.getByTestId("posture-percent-overall")).toHaveText(overallAfter);
    expect(await postureOf(page, "iso42001")).toMatchObject({ implemented: 1, denominator: iso.denominator, evidenced: 1 });
    // the crosswalked items are not implemented by it: their status is their owner's call
    expect(await postureOf(page, "eu_ai_act")).toMatchObject({ implemented: 0, evidenced: 1 });
    expect(await postureOf(page, "nist_ai_rmf")).toMatchObject({ implemented: 0, evidenced: 1 });
    await expect(controlRow(page, "eu_ai_act", "Art 26").locator("summary")).toContainText("Not started");
    await shoot(page, "09-controls-implemented", { fullPage: false });

    // and it survives a reload
    await page.reload();
    await expect(page.getByTestId("posture-percent-iso42001")).toHaveText(isoAfter);
    await expect(controlRow(page, control.framework, control.id).locator("summary")).toContainText("Implemented");
  });

  await test.step("the Navigator layer download is valid JSON listing the profile's techniques", async () => {
    await openSection(page, "Threat profile", new RegExp(`/systems/${id}/threats$`));
    const downloadPromise = page.waitForEvent("download");
    await page.getByTestId("export-layer").click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const layer = JSON.parse(await readFile((await download.path())!, "utf8")) as {
      name: string;
      domain: string;
      versions: { layer: string };
      techniques: { techniqueID: string; score?: number; comment?: string; enabled: boolean }[];
    };
    expect(layer.domain).toBe("atlas-atlas");
    expect(layer.versions.layer).toBe("4.3");
    expect(layer.name).toContain(name);
    const ids = new Set(layer.techniques.map((t) => t.techniqueID));
    for (const techniqueId of Object.values(picked)) expect(ids, techniqueId).toContain(techniqueId);
    const rag = layer.techniques.find((t) => t.techniqueID === picked.rag)!;
    expect(rag.score).toBe(likelihood * impact);
    expect(rag.comment).toContain(ownRationale);
    expect(layer.techniques.find((t) => t.techniqueID === picked.leakage)!.score).toBeUndefined(); // no risk names it
    expect(ids.has("AML.T0054")).toBe(false); // suggested, not added
  });
});

test("an executive reads a system's threat profile, risks and controls without any add or edit controls", async ({ page, loginAs, fixtures }) => {
  const id = fixtures.orgA.systems.threatModelled;
  const name = SEEDED_NAMES.threatModelled;
  await loginAs("executive");

  await sidebar(page).getByRole("link", { name: "Inventory" }).click();
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/systems/${id}$`));

  await test.step("threat profile: the entry and the suggestions are shown, nothing can be added or removed", async () => {
    await openSection(page, "Threat profile", new RegExp(`/systems/${id}/threats$`));
    const row = page.getByTestId("threat-profile-table").locator('tr[data-technique="AML.T0051"]');
    await expect(row).toContainText("LLM Prompt Injection");
    await expect(row).toContainText("Customers type free text straight into the prompt.");
    await expect(row).toContainText("High 12"); // the seeded risk: 3 × 4
    await expect(row.getByRole("link", { name: "Add a risk" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
    const suggestions = page.getByTestId("suggestions-form");
    await expect(suggestions.locator("[data-suggestion]").first()).toBeVisible(); // readable…
    for (const box of await suggestions.getByRole("checkbox").all()) await expect(box).toBeDisabled(); // …not selectable
    await expect(page.getByRole("button", { name: "Add selected" })).toHaveCount(0);
    await expect(page.getByText("Add a technique by hand")).toHaveCount(0);
    await expect(page.getByText("Import an ATLAS Navigator layer")).toHaveCount(0);
    await expect(page.getByTestId("export-layer")).toBeVisible(); // exporting is reading
  });

  await test.step("risks: the risk is listed with its score, but there is no new-risk form", async () => {
    await openSection(page, "Risks", new RegExp(`/systems/${id}/risks$`));
    const row = page.getByTestId("risk-table").locator("tbody tr", { hasText: "Prompt injection through the chat (fixture)" });
    await expect(row.getByTestId("inherent")).toHaveText("12High");
    await expect(page.getByText("New risk", { exact: true })).toHaveCount(0);
    await expect(page.getByTestId("risk-form")).toHaveCount(0);
    await page.goto(`/systems/${id}/risks?technique=AML.T0051`); // even when asked to pre-fill one
    await expect(page.getByTestId("risk-form")).toHaveCount(0);

    await page.getByRole("link", { name: "Prompt injection through the chat (fixture)" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Prompt injection through the chat (fixture)");
    await expect(page.getByTestId("risk-form")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Delete/ })).toHaveCount(0);
    await expect(page.getByTestId("acceptance")).toContainText("Not accepted.");
    await page.goBack();
  });

  await test.step("controls: the posture and statuses are shown, with no evidence upload or status form", async () => {
    await openSection(page, "Controls", new RegExp(`/systems/${id}/controls$`));
    expect(await postureOf(page, "iso42001")).toMatchObject({ implemented: 1 });
    const row = controlRow(page, "iso42001", "A.6.2.6");
    await expect(row.locator("summary")).toContainText("Implemented");
    await row.locator("summary").click();
    await expect(row).toContainText("Justification: Monitored by the support operations team.");
    await expect(row).toContainText("Support chat monitoring dashboard (fixture)");
    // the evidence is readable, on the control and via the crosswalk on NIST MEASURE 2.4
    const nist = controlRow(page, "nist_ai_rmf", "MEASURE 2.4");
    await nist.locator("summary").click();
    await expect(nist.getByTestId("evidence-item")).toContainText("via ISO/IEC 42001 A.6.2.6");
    const panel = page.getByTestId("evidence-panel");
    await expect(panel).toContainText("Support chat monitoring dashboard (fixture)");
    await expect(panel.getByRole("button", { name: /Delete/ })).toHaveCount(0);
    await expect(page.getByText("Add evidence", { exact: true })).toHaveCount(0);
    await expect(page.getByTestId("evidence-form")).toHaveCount(0);
    await expect(page.getByTestId("control-form")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Attach" })).toHaveCount(0);
  });
});
