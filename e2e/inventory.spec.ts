/**
 * The core journey of a compliance officer: create an AI system through the form (with field-level
 * validation), classify it with the EU AI Act questionnaire, edit it and read its history, then
 * find it again through the inventory's filters and sorting, and archive and restore it.
 */
import { test, expect, answerTheRest, fillSystemForm, headerTier, SEEDED_NAMES, sidebar, systemIdFromUrl, unique, waitForHydration } from "./fixtures";
import type { Page } from "@playwright/test";

function inventoryRows(page: Page) {
  return page.getByTestId("inventory-table").locator("tbody tr");
}

function rowFor(page: Page, name: string) {
  return inventoryRows(page).filter({ has: page.getByRole("link", { name, exact: true }) });
}

/** The names in the inventory table's first column, top to bottom. */
async function namesInTable(page: Page): Promise<string[]> {
  return inventoryRows(page).locator("td:first-child a").allTextContents();
}

test("a compliance officer creates, classifies, edits, filters, sorts, archives and restores an AI system", async ({ page, loginAs, context }) => {
  test.setTimeout(120_000); // the questionnaire is answered in full (a blank main question that could raise the tier leaves it "cannot conclude")
  const suffix = unique();
  const name = `CV screening ${suffix}`;
  const renamed = `CV screening assistant ${suffix}`;
  const businessUnit = `Talent ${suffix}`;
  const purpose = `Ranks job applications for recruiters (e2e ${suffix}).`;

  await loginAs("compliance_officer");

  await test.step("the new-system form refuses a missing or too long name beside the field", async () => {
    await sidebar(page).getByRole("link", { name: "Inventory" }).click();
    await expect(page).toHaveURL(/\/systems$/);
    await page.getByRole("link", { name: "New AI system" }).click();
    await expect(page).toHaveURL(/\/systems\/new$/);

    await fillSystemForm(page, { name: "", businessUnit, purpose, lifecycleStage: "Design", dataCategories: ["Personal data"] });
    await page.getByRole("button", { name: "Create AI system" }).click();

    const nameField = page.locator("#name");
    const nameError = page.getByTestId("error-name");
    await expect(nameError).toHaveText("Name is required");
    // beside the field: in the same field wrapper, and wired to the input for screen readers
    await expect(nameField.locator("xpath=..").getByTestId("error-name")).toBeVisible();
    await expect(nameField).toHaveAttribute("aria-invalid", "true");
    await expect(nameField).toHaveAttribute("aria-describedby", "name-error");
    await expect(page.getByTestId("form-error")).toBeVisible();
    await expect(page).toHaveURL(/\/systems\/new$/);
    // what the user typed elsewhere is kept
    await expect(page.getByLabel("Business unit", { exact: true })).toHaveValue(businessUnit);
    await expect(page.getByLabel("Purpose / intended use")).toHaveValue(purpose);
    await expect(page.getByLabel("Lifecycle stage")).toHaveValue("design");
    await expect(page.getByRole("checkbox", { name: "Personal data", exact: true })).toBeChecked();

    await nameField.fill("x".repeat(201));
    await page.getByRole("button", { name: "Create AI system" }).click();
    await expect(nameError).toHaveText("Must be at most 200 characters");
    await expect(nameField.locator("xpath=..").getByTestId("error-name")).toBeVisible();
    await expect(page).toHaveURL(/\/systems\/new$/);

    // nothing was created: the inventory (searched in another tab) has no system with that purpose
    const other = await context.newPage();
    await other.goto(`/systems?q=${encodeURIComponent(suffix)}&status=all`);
    await expect(other.getByText("No AI systems match")).toBeVisible();
    await other.close();
  });

  let id = "";
  await test.step("a valid submit creates the system and opens its page", async () => {
    await page.locator("#name").fill(name);
    await page.getByRole("button", { name: "Create AI system" }).click();
    await page.waitForURL(/\/systems\/(?!new)[^/]+$/);
    id = systemIdFromUrl(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(headerTier(page)).toContainText("Unclassified");
    await expect(page.getByTestId("field-Business unit")).toHaveText(businessUnit);
    await expect(page.getByTestId("field-Purpose / intended use")).toHaveText(purpose);
    await expect(page.getByTestId("field-Lifecycle stage")).toHaveText("Design");
    await expect(page.getByTestId("field-Data categories")).toHaveText("Personal data");
    await expect(page.getByTestId("history")).toContainText("Created");
  });

  await test.step("the questionnaire proposes High risk under Annex III point 4(a), and accepting it sets the tier", async () => {
    const panel = page.getByTestId("classification");
    await expect(panel).toContainText("Not classified with the questionnaire yet.");
    await expect(panel.getByTestId("questionnaire")).toBeHidden(); // folded away in the <details>
    await panel.getByText("Classify with the questionnaire").click();
    const questionnaire = panel.getByTestId("questionnaire");
    await expect(questionnaire).toBeVisible();
    await waitForHydration(questionnaire);

    await questionnaire.getByRole("checkbox", { name: "Employment: recruitment and selection" }).check();
    // the Art 6(3) derogation follow-ups appear once an Annex III use is ticked
    const profiling = questionnaire.getByRole("radiogroup", { name: "Does the system perform profiling of natural persons?" });
    await expect(profiling).toBeVisible();
    await profiling.getByRole("radio", { name: "Yes" }).check();
    // the form names the blank questions (a blank main question that could make the outcome stricter leaves it "cannot conclude")
    await expect(questionnaire.getByTestId("questionnaire-missing")).toContainText("Social scoring");
    await answerTheRest(questionnaire);
    await expect(questionnaire.getByTestId("questionnaire-missing")).toBeHidden();
    await questionnaire.getByRole("button", { name: "Propose a tier" }).click();

    const proposal = panel.getByTestId("proposal");
    await expect(proposal).toContainText("Proposed:");
    await expect(proposal.getByText("High risk", { exact: true })).toBeVisible();
    await expect(panel.getByTestId("proposal-summary")).toContainText("High risk");
    await expect(panel.getByTestId("proposal-summary")).toContainText("Annex III point 4(a)");
    await expect(proposal).toContainText("Art 6(2)");
    // a proposal does not change the tier until someone decides
    await expect(headerTier(page)).toContainText("Unclassified");

    await proposal.getByRole("button", { name: "Accept proposal" }).click();
    await expect(panel.getByTestId("decision")).toContainText("Accepted");
    await expect(headerTier(page)).toContainText("High risk");
    await expect(headerTier(page)).toContainText("Annex III point 4(a)");
    await expect(page.getByTestId("history")).toContainText("Classification decided");
  });

  await test.step("editing the name and lifecycle stage shows before → after in the history", async () => {
    await page.getByRole("link", { name: "Edit", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/systems/${id}/edit$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit ${name}`);
    await expect(page.locator("#name")).toHaveValue(name);
    await fillSystemForm(page, { name: renamed, lifecycleStage: "Production" });
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(new RegExp(`/systems/${id}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(renamed);
    await expect(page.getByTestId("field-Lifecycle stage")).toHaveText("Production");
    await expect(headerTier(page)).toContainText("High risk"); // the edit kept the decided tier

    const edit = page.getByTestId("history").locator("li", { hasText: "Edited" }).first();
    await expect(edit).toContainText(`name: ${name} → ${renamed}`);
    await expect(edit).toContainText("lifecycleStage: design → production");
    await expect(edit.locator("del", { hasText: name })).toBeVisible();
    await expect(edit.locator("ins", { hasText: renamed })).toBeVisible();
  });

  await test.step("the inventory filters by tier through the form, and the URL keeps the filter", async () => {
    await sidebar(page).getByRole("link", { name: "Inventory" }).click();
    await expect(page).toHaveURL(/\/systems$/);
    await expect(rowFor(page, renamed)).toHaveCount(1);
    await expect(rowFor(page, SEEDED_NAMES.seeded)).toHaveCount(1);

    await page.getByLabel("Risk tier").selectOption({ label: "High risk" });
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]tier=high(&|$)/);
    await expect(rowFor(page, renamed)).toContainText("High risk");
    await expect(rowFor(page, SEEDED_NAMES.seeded)).toHaveCount(0); // a minimal-risk system
    for (const badge of await inventoryRows(page).locator("td:nth-child(5)").allTextContents()) expect(badge).toBe("High risk");

    await page.reload();
    await expect(page).toHaveURL(/[?&]tier=high(&|$)/);
    await expect(page.getByLabel("Risk tier")).toHaveValue("high");
    await expect(rowFor(page, renamed)).toHaveCount(1);
    await expect(rowFor(page, SEEDED_NAMES.seeded)).toHaveCount(0);

    // a filter with no match says so and offers a way out
    await page.getByLabel("Search", { exact: true }).fill(`no such system ${suffix}`);
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByText("No AI systems match")).toBeVisible();
    await page.getByRole("link", { name: "Clear the filters" }).click();
    await expect(page).toHaveURL(/\/systems$/);
    await expect(rowFor(page, renamed)).toHaveCount(1);
    // the form shows the cleared state too (it must not resubmit the old filters)
    await expect(page.getByLabel("Risk tier")).toHaveValue("");
    await expect(page.getByLabel("Search", { exact: true })).toHaveValue("");
  });

  await test.step("column headers sort the inventory", async () => {
    // restrict to the two seeded "Claims" systems so the expected order is known
    await page.getByLabel("Business unit", { exact: true }).selectOption("Claims");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/businessUnit=Claims/);
    const nameHeader = page.getByRole("columnheader", { name: /^Name/ });
    await expect(nameHeader).toHaveAttribute("aria-sort", "ascending"); // the default order
    expect(await namesInTable(page)).toEqual([SEEDED_NAMES.ownedByRiskOwner, SEEDED_NAMES.seeded]);

    await nameHeader.getByRole("link").click();
    await expect(page).toHaveURL(/[?&]dir=desc/); // sort=name is the default, left out of the URL
    await expect(page).toHaveURL(/businessUnit=Claims/); // sorting keeps the filter
    await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
    await expect(nameHeader).toContainText("▼");
    expect(await namesInTable(page)).toEqual([SEEDED_NAMES.seeded, SEEDED_NAMES.ownedByRiskOwner]);

    // newest change first: the system just edited tops the whole inventory
    await page.getByRole("link", { name: "Reset" }).click();
    // wait for the unfiltered page: the header links of the filtered one still carry businessUnit=Claims
    await expect(page).toHaveURL(/\/systems$/);
    await expect(page.getByLabel("Business unit", { exact: true })).toHaveValue("");
    const updatedHeader = page.getByRole("columnheader", { name: /^Updated/ });
    await updatedHeader.getByRole("link").click();
    await expect(page).toHaveURL(/[?&]sort=updatedAt(&|$)/);
    await expect(updatedHeader).toHaveAttribute("aria-sort", "ascending");
    await updatedHeader.getByRole("link").click();
    await expect(page).toHaveURL(/[?&]sort=updatedAt&dir=desc/);
    expect(new URL(page.url()).searchParams.has("businessUnit")).toBe(false);
    await expect(updatedHeader).toHaveAttribute("aria-sort", "descending");
    expect((await namesInTable(page))[0]).toBe(renamed);
    await page.reload();
    await expect(updatedHeader).toHaveAttribute("aria-sort", "descending");
  });

  await test.step("archiving takes the system out of the active inventory; restoring brings it back", async () => {
    await rowFor(page, renamed).getByRole("link", { name: renamed }).click();
    await expect(page).toHaveURL(new RegExp(`/systems/${id}$`));
    const header = page.getByRole("heading", { level: 1 }).locator("xpath=../..");
    await waitForHydration(header.locator("form"));
    let confirmText = "";
    page.once("dialog", async (dialog) => {
      confirmText = dialog.message();
      await dialog.accept();
    });
    await header.getByRole("button", { name: "Archive" }).click();
    await expect(header.getByRole("button", { name: "Restore" })).toBeVisible();
    expect(confirmText).toContain("Archive this AI system?");
    await expect(headerTier(page)).toContainText("Archived");
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
    await expect(page.getByTestId("history").locator("li").first()).toContainText("Archived");

    await page.goto("/systems");
    await expect(rowFor(page, renamed)).toHaveCount(0);
    await page.getByLabel("Status").selectOption("archived");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/status=archived/);
    await expect(rowFor(page, renamed)).toContainText("archived");

    await rowFor(page, renamed).getByRole("link", { name: renamed }).click();
    await waitForHydration(header.locator("form"));
    await header.getByRole("button", { name: "Restore" }).click();
    await expect(header.getByRole("button", { name: "Archive" })).toBeVisible();
    await expect(headerTier(page)).not.toContainText("Archived");
    await expect(page.getByRole("link", { name: "Edit", exact: true })).toBeVisible();
    await expect(page.getByTestId("history").locator("li").first()).toContainText("Restored");

    await page.goto("/systems");
    await expect(rowFor(page, renamed)).toHaveCount(1);
    await expect(rowFor(page, renamed)).not.toContainText("archived");
  });
});
