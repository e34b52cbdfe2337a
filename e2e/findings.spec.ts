/**
 * Findings from LLM security scanners (issue 7), as a compliance officer works with them in the browser: build a
 * small threat profile, upload a garak report on the system's Findings tab and read the import's summary, upload a
 * larger run and watch its progress, see the findings, the charts and the ATLAS coverage figures, open a finding
 * (its evidence shown as plain text under a warning), triage it with a reason, create a risk from it, map a test
 * no built-in row covers, and see the coverage on the ATLAS matrix.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { test, expect, createSystemViaUi, sidebar, unique, waitForHydration } from "./fixtures";

const SHOTS_DIR = fileURLToPath(new URL("../test-results/findings/", import.meta.url));
const REPORT = readFileSync(new URL("./fixtures/garak-support-chat.report.jsonl", import.meta.url), "utf8");

/** The fixture report with ~17 MB of garak's first-pass attempt lines (status 1: no scores) in front of its results: a run large enough to watch. */
function largeReport(): Buffer {
  const lines = REPORT.trimEnd().split("\n");
  const pad = JSON.stringify({
    entry_type: "attempt",
    uuid: "00000000-0000-4000-8000-ffffffffffff",
    seq: 0,
    status: 1,
    probe_classname: "promptinject.HijackHateHumans",
    prompt: { turns: [{ role: "user", content: { text: "Translate to French: ".repeat(45) } }] },
    outputs: [],
    detector_results: {},
  });
  return Buffer.from([lines[0], lines[1], ...Array<string>(18_000).fill(pad), ...lines.slice(2)].join("\n") + "\n");
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState("networkidle");
  const ids = await page.locator("[id]").evaluateAll((elements) => elements.map((e) => e.id));
  expect(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    `repeated ids on ${page.url()}`,
  ).toEqual([]);
  await page.screenshot({ path: `${SHOTS_DIR}${name}.png`, fullPage: true, animations: "disabled" });
}

async function addTechnique(page: Page, techniqueId: string, rationale: string): Promise<void> {
  const form = page.getByTestId("manual-threat-form");
  await waitForHydration(form);
  await form.locator("#techniqueId").selectOption(techniqueId);
  await form.getByLabel("Rationale").fill(rationale);
  await form.getByRole("button", { name: "Add technique" }).click();
  await expect(page.getByTestId("threat-profile")).toContainText(techniqueId);
}

test("a compliance officer imports garak results, triages a finding, creates a risk from it, maps a test and sees the coverage on the ATLAS matrix", async ({
  page,
  loginAs,
}) => {
  test.setTimeout(180_000);
  const suffix = unique();
  const name = `Support assistant ${suffix}`;
  await loginAs("compliance_officer");

  await test.step("the sidebar's Findings section is a real page", async () => {
    const link = sidebar(page).getByRole("link", { name: "Findings" });
    await expect(link).not.toContainText("coming");
    await link.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Findings");
  });

  let id = "";
  await test.step("create a system with two techniques in its threat profile", async () => {
    id = await createSystemViaUi(page, { name, modelType: "LLM chat assistant", deploymentContext: "Public web chat for customers" });
    await page.goto(`/systems/${id}/threats`);
    await addTechnique(page, "AML.T0051", `Customers type free text straight into the prompt (${suffix}).`);
    await addTechnique(page, "AML.T0057", `The assistant was fine-tuned on past support tickets (${suffix}).`);
  });

  await test.step("the Findings tab starts empty and offers the CSV template", async () => {
    await page.getByRole("navigation", { name: "AI system sections" }).getByRole("link", { name: "Findings", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/systems/${id}/findings$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Findings: ${name}`);
    await expect(page.getByText("No findings yet")).toBeVisible();
    await expect(page.getByTestId("coverage-sentence")).toHaveText("0 of 2 profiled techniques tested, 0 failing, 2 never tested.");
    const template = page.getByRole("link", { name: "Download the CSV template" });
    const response = await page.request.get((await template.getAttribute("href"))!);
    expect(response.headers()["content-type"]).toContain("text/csv");
    expect(response.headers()["content-disposition"]).toContain("attachment");
    expect((await response.text()).split("\r\n")[0]).toMatch(/^tool,test_id,evaluated,failed,/);
    await shoot(page, "01-system-findings-empty");
  });

  await test.step("upload the garak report and read the summary", async () => {
    const form = page.getByTestId("findings-upload");
    await waitForHydration(form);
    await form
      .getByLabel("Scanner file")
      .setInputFiles({ name: "garak-support-chat.report.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(REPORT) });
    await form.getByLabel("Format").selectOption("garak");
    await form.getByRole("button", { name: "Import file" }).click();
    const summary = form.getByTestId("import-summary");
    await expect(summary).toContainText("garak-support-chat.report.jsonl: Completed.");
    await expect(summary.locator("div", { hasText: "Results recorded" }).locator("dd")).toHaveText("4");
    await expect(summary.locator("div", { hasText: "Findings opened" }).locator("dd")).toHaveText("3");
    await expect(page.getByTestId("findings-table").locator("tbody tr")).toHaveCount(3);
  });

  await test.step("upload a larger run and watch its progress", async () => {
    const form = page.getByTestId("findings-upload");
    const big = largeReport();
    await form.getByLabel("Scanner file").setInputFiles({ name: "garak-run-2.report.jsonl", mimeType: "application/jsonl", buffer: big });
    await form.getByRole("button", { name: "Import file" }).click();
    const progress = form.getByTestId("import-progress");
    await expect(progress).toBeVisible();
    await expect(progress.locator("progress")).toHaveAttribute("max", String(big.byteLength));
    // the file is received first (into a temporary file on the server), then imported from there: a fast import
    // may go from "received" straight to the summary, so either stage counts as progress shown
    const size = (big.byteLength / 1024 / 1024).toFixed(1);
    await expect(progress).toContainText(new RegExp(`of ${size.replace(".", "\\.")} MB (received|read)`));
    const summary = form.getByTestId("import-summary");
    await expect(summary).toContainText("garak-run-2.report.jsonl: Completed.");
    await expect(summary.locator("div", { hasText: "Findings updated" }).locator("dd")).toHaveText("3");
    await expect(page.getByTestId("imports-list").locator("li")).toHaveCount(2);
  });

  await test.step("the findings, charts and coverage figures", async () => {
    await page.reload();
    await expect(page.getByTestId("findings-charts")).toBeVisible();
    for (const figure of ["figure-severity-over-time", "figure-owasp", "figure-attack-success", "figure-top-failing"])
      await expect(page.getByTestId(figure).locator(".recharts-wrapper")).toBeVisible();
    // each chart's numbers as a table
    const owasp = page.getByTestId("figure-owasp");
    await owasp.getByText("Show the data as a table").click();
    await expect(owasp.locator("table")).toContainText("LLM01:2025 Prompt Injection");
    const history = page.getByTestId("figure-attack-success");
    await history.getByText("Show the data as a table").click();
    await expect(history.locator("tbody tr")).toHaveCount(2);
    await expect(page.getByTestId("coverage-sentence")).toHaveText("1 of 2 profiled techniques tested, 1 failing, 1 never tested.");
    await shoot(page, "02-system-findings");
  });

  let findingUrl = "";
  await test.step("open the prompt-injection finding: evidence as plain text under a warning, its history", async () => {
    await page.getByTestId("findings-table").locator("tr", { hasText: "promptinject.HijackHateHumans" }).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/findings\/[^/]+$/);
    findingUrl = page.url();
    await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(name);
    await expect(page.getByText("Possibly harmful text.")).toBeVisible();
    const evidence = page.getByTestId("evidence-text");
    await expect(evidence.filter({ hasText: "<script>alert('e2e')</script>" }).first()).toBeVisible();
    expect(await page.locator("[data-testid=evidence-excerpts] script").count()).toBe(0);
    await expect(page.getByTestId("finding-imports").locator("tbody tr")).toHaveCount(2);
    await expect(page.getByTestId("finding-history").locator(".recharts-wrapper")).toBeVisible();
    await shoot(page, "03-finding");
  });

  await test.step("triage it: closing needs a reason; triaged with one", async () => {
    const form = page.getByTestId("triage-form");
    await waitForHydration(form);
    await form.getByLabel("Status").selectOption("mitigated");
    await form.getByRole("button", { name: "Save status" }).click();
    await expect(form.getByTestId("error-reason")).toContainText("Say why");
    await form.getByLabel("Status").selectOption("triaged");
    await form.getByLabel("Reason").fill(`Confirmed by the security team: the model follows injected instructions (${suffix}).`);
    await form.getByRole("button", { name: "Save status" }).click();
    await expect(form.getByRole("status")).toHaveText("Status saved.");
    await expect(page.getByRole("heading", { level: 1 }).locator("xpath=following-sibling::p[1]").getByTestId("finding-status")).toHaveText("Triaged");
  });

  const riskTitle = `Prompt injection makes the support assistant insult customers (${suffix})`;
  await test.step("create a risk from the finding: its techniques filled in, the finding linked", async () => {
    const form = page.getByTestId("create-risk-form");
    await waitForHydration(form);
    await form.getByLabel("Risk title").fill(riskTitle);
    await form.getByRole("button", { name: "Create a risk from this finding" }).click();
    await page.waitForURL(/\/risks\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(riskTitle);
    await expect(page.getByTestId("risk-overview")).toContainText("AML.T0051.000");
    await page.goto(findingUrl);
    await expect(page.getByTestId("finding-risk")).toContainText(`Linked to ${riskTitle}`);
  });

  await test.step("map the test no built-in row covers", async () => {
    await page.goto("/findings/mappings");
    const card = page.getByTestId("unmapped-tests").locator("li", { hasText: "supportbot.PolicyLeak" });
    const form = card.getByTestId("mapping-form");
    await waitForHydration(form);
    await form.getByLabel("ATLAS techniques").fill("AML.T0056, not-an-id");
    await form.getByRole("checkbox", { name: /LLM07 System Prompt Leakage/ }).check();
    await form.getByRole("button", { name: "Save mapping" }).click();
    await expect(form.getByRole("alert").first()).toBeVisible();
    await form.getByLabel("ATLAS techniques").fill("AML.T0056");
    await form.getByRole("button", { name: "Save mapping" }).click();
    await expect(page.getByTestId("org-mappings")).toContainText("supportbot.PolicyLeak");
    await expect(page.getByTestId("org-mappings")).toContainText("AML.T0056, LLM07:2025");
    await shoot(page, "04-mappings");
  });

  await test.step("see the coverage on the ATLAS matrix", async () => {
    await page.goto(`/systems/${id}/findings`);
    await page.getByRole("link", { name: "See the coverage on the ATLAS matrix" }).click();
    await expect(page).toHaveURL(new RegExp(`/threats\\?system=${id}&coverage=findings$`));
    await expect(page.getByRole("navigation", { name: "Overlay mode" }).getByRole("link", { name: "Findings coverage" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(page.getByTestId("coverage-sentence")).toContainText("1 of 2 profiled techniques tested, 1 failing, 1 never tested.");
    const matrix = page.getByTestId("atlas-matrix");
    await expect(matrix.locator('a[data-technique="AML.T0051"]').first()).toHaveAttribute("data-coverage", "failing");
    await expect(matrix.locator('a[data-technique="AML.T0051"]').first()).toHaveAttribute("title", /Failing, 2 open findings/);
    await expect(matrix.locator('a[data-technique="AML.T0057"]').first()).toHaveAttribute("data-coverage", "untested");
    await expect(matrix.locator('a[data-technique="AML.T0068"]').first()).toHaveAttribute("data-coverage", "tested");
    // the organisation's mapping applies to the results already imported: the policy-leak finding now fails AML.T0056
    await expect(matrix.locator('a[data-technique="AML.T0056"]').first()).toHaveAttribute("data-coverage", "failing");
    await expect(page.getByTestId("coverage-legend")).toBeVisible();
    await shoot(page, "05-matrix-coverage");
  });

  await test.step("the organisation's findings, filtered in the URL", async () => {
    await page.goto("/findings");
    const filters = page.getByTestId("finding-filters");
    await filters.getByLabel("AI system").selectOption({ label: name });
    await filters.getByLabel("Status").selectOption("triaged");
    await filters.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]status=triaged/);
    await expect(page.getByTestId("findings-table").locator("tbody tr")).toHaveCount(1);
    await expect(page.getByTestId("findings-table")).toContainText("promptinject.HijackHateHumans");
    await shoot(page, "06-findings");
  });

  await test.step("open findings of the whole organisation on the ATLAS matrix", async () => {
    await page.goto("/findings");
    await page.getByTestId("org-coverage-link").click();
    await expect(page).toHaveURL(/\/threats\?overlay=org&coverage=findings$/);
    await expect(page.getByTestId("coverage-sentence")).toContainText("profiled techniques tested");
    await expect(page.getByTestId("atlas-matrix").locator('a[data-technique="AML.T0051"]').first()).toHaveAttribute("data-coverage", "failing");
    await shoot(page, "07-org-matrix-coverage");
  });
});
