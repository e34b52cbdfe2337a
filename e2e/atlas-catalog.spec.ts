/**
 * The official MITRE ATLAS release, imported by an admin through the UI: a malformed file is refused
 * with the path of the problem and changes nothing; the reference ATLAS.yaml (REFERENCE_DATA_DIR,
 * read at run time, never copied into the repo) becomes the organisation's catalog with its counts,
 * descriptions and release history. Runs in organisation B so organisation A keeps the built-in catalog.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test, expect, sidebar, waitForHydration } from "./fixtures";

const REFERENCE_ATLAS = resolve(process.env.REFERENCE_DATA_DIR ?? "../shared/reference", "atlas", "ATLAS.yaml");
const COUNTS = "16 tactics · 101 techniques · 69 sub-techniques · 35 mitigations · 57 case studies";

test("an admin imports the official ATLAS release; a malformed file changes nothing; other roles cannot import", async ({ page, loginAs }) => {
  await loginAs("compliance_officer", "B");
  await page.goto("/threats/catalog");
  await expect(page.getByRole("heading", { name: "MITRE ATLAS catalog" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Import an official release" })).toHaveCount(0);

  await loginAs("admin", "B");
  await sidebar(page).getByRole("link", { name: "Threats" }).click();
  await page.getByRole("link", { name: "Catalog and release history" }).click();
  await expect(page).toHaveURL(/\/threats\/catalog$/);
  const source = page.getByTestId("atlas-catalog-source");
  await expect(source).toContainText("Built-in catalog shipped with the product");
  const form = page.locator("section", { has: page.getByRole("heading", { name: "Import an official release" }) });
  await waitForHydration(form.locator("form"));

  await test.step("a file that is not an ATLAS release is refused with the path, and the catalog stays built-in", async () => {
    const broken = readFileSync(REFERENCE_ATLAS, "utf8").replace(/^(\s+)tactics:\n/m, "$1tacticz:\n");
    await form.getByLabel("Release file").setInputFiles({ name: "ATLAS.yaml", mimeType: "application/yaml", buffer: Buffer.from(broken) });
    await form.getByRole("button", { name: "Import release" }).click();
    const error = page.getByTestId("atlas-import-error");
    await expect(error).toBeVisible();
    await expect(error).toContainText("matrices.0.tactics");
    await page.reload();
    await expect(page.getByTestId("atlas-catalog-source")).toContainText("Built-in catalog shipped with the product");
    await expect(page.getByTestId("atlas-release")).toHaveCount(0);
  });

  await test.step("the reference release imports with its counts and becomes the current catalog", async () => {
    await form.getByLabel("Release file").setInputFiles(REFERENCE_ATLAS);
    await form.getByRole("button", { name: "Import release" }).click();
    const result = page.getByTestId("atlas-import-result");
    await expect(result).toBeVisible({ timeout: 30_000 });
    await expect(result).toContainText("Release 5.6.0");
    await page.reload();
    await expect(page.getByTestId("atlas-catalog-source")).toContainText("Imported release");
    await expect(page.getByTestId("atlas-counts")).toHaveText(COUNTS);
    await expect(page.getByTestId("atlas-release")).toHaveCount(1);
  });

  await test.step("importing the same file again is a no-op", async () => {
    await waitForHydration(form.locator("form"));
    await form.getByLabel("Release file").setInputFiles(REFERENCE_ATLAS);
    await form.getByRole("button", { name: "Import release" }).click();
    await expect(page.getByTestId("atlas-import-result")).toBeVisible({ timeout: 30_000 });
    await page.reload();
    await expect(page.getByTestId("atlas-release")).toHaveCount(1);
  });

  await test.step("technique pages now carry the official description", async () => {
    await page.goto("/threats/techniques/AML.T0051");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("LLM Prompt Injection");
    await expect(page.getByText("Descriptions come with the official release")).toHaveCount(0);
    await expect(page.getByText(/adversary may craft malicious prompts/i).first()).toBeVisible();
  });

  await test.step("the header search finds catalog items by words and by id, and each result opens its page", async () => {
    const search = page.getByRole("searchbox", { name: "Search catalogs" }).first();
    await search.fill("prompt injection");
    await search.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=prompt\+injection$/);
    const results = page.getByTestId("search-results");
    await expect(results.getByRole("link", { name: "AML.T0051", exact: true })).toBeVisible();
    await results.getByRole("link", { name: "LLM01:2025", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("LLM01:2025 Prompt Injection");
    await page.goto("/search?q=Art%2014");
    await page.getByTestId("search-results").getByRole("link", { name: "Art 14", exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Art 14");
    await page.goto("/search?q=no%20such%20thing%20anywhere");
    await expect(page.getByText("Nothing matches “no such thing anywhere”")).toBeVisible();
  });
});
