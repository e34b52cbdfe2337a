/**
 * Model cards and the AI bill of materials (issue 8 §5–6), in the browser: a compliance officer opens a system's
 * Model card tab, imports a Hugging Face README.md (what was read is shown, the component appears with its fields),
 * downloads the Hugging Face card and the CycloneDX ML-BOM, and verifies a model artefact's hash.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Download } from "@playwright/test";
import { test, expect, createSystemViaUi, unique, waitForHydration } from "./fixtures";

const README = [
  "---",
  "license: apache-2.0",
  "base_model:",
  "- mistralai/Mistral-7B-v0.1",
  "pipeline_tag: text-generation",
  "library_name: transformers",
  "language: [en, fr]",
  "datasets: [acme/support-tickets]",
  "new_version: acme/support-llm-v2",
  "model-index:",
  "- name: support-llm",
  "  results:",
  "  - task: {type: text-generation}",
  "    dataset: {type: cais/mmlu, name: MMLU}",
  "    metrics: [{type: accuracy, value: 0.61}]",
  "---",
  "",
  "# support-llm",
  "",
  "<script>alert('not run')</script> A fine-tuned support model.",
  "",
].join("\r\n");

async function saved(download: Download): Promise<string> {
  return readFileSync((await download.path())!, "utf8");
}

test("a compliance officer imports a model card, sees the component updated, downloads the card and the BOM, and verifies a hash", async ({
  page,
  loginAs,
}) => {
  test.setTimeout(120_000);
  const name = `Model card system ${unique()}`;
  await loginAs("compliance_officer");
  const id = await createSystemViaUi(page, { name, purpose: "Answer customer support tickets" });

  await test.step("the Model card tab shows the system's card as text", async () => {
    await page.getByRole("navigation", { name: "AI system sections" }).getByRole("link", { name: "Model card" }).click();
    await expect(page).toHaveURL(new RegExp(`/systems/${id}/model-card$`));
    await expect(page.getByTestId("model-card-preview")).toContainText(`# Model Card for ${name}`);
  });

  await test.step("import a README.md: what was read is shown and the component is updated", async () => {
    const form = page.locator("form", { has: page.getByLabel("README.md file") });
    await waitForHydration(form.getByRole("button", { name: "Import model card" }));
    await form.getByLabel("README.md file").setInputFiles({ name: "README.md", mimeType: "text/markdown", buffer: Buffer.from(`\uFEFF${README}`) });
    await form.getByRole("button", { name: "Import model card" }).click();
    const result = page.getByTestId("card-import-result");
    await expect(result).toContainText("Created the model component “support-llm”");
    await expect(result).toContainText("mistralai/Mistral-7B-v0.1");
    await expect(result).toContainText("new_version");
    const components = page.getByTestId("model-card-components");
    await expect(components).toContainText("support-llm");
    await expect(components).toContainText("apache-2.0");
    await expect(components).toContainText("en, fr");
    await expect(components).toContainText("text-generation / transformers");
  });

  await test.step("the component's card: preview as text (no HTML run), README and BOM downloads", async () => {
    await page.getByLabel("Card of").selectOption({ label: "Model component: support-llm" });
    await page.getByRole("button", { name: "Show" }).click();
    const preview = page.getByTestId("model-card-preview");
    await expect(preview).toContainText("# Model Card for support-llm");
    await expect(preview).toContainText("<script>alert('not run')</script>");
    await expect(page.locator("script", { hasText: "not run" })).toHaveCount(0);

    const [hf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download README.md (Hugging Face)" }).click()]);
    expect(hf.suggestedFilename()).toBe("support-llm-model-card.md");
    const card = await saved(hf);
    expect(card).toMatch(/^---\nlicense: apache-2.0\n/);
    expect(card).toContain("base_model: mistralai/Mistral-7B-v0.1");
    expect(card).toContain("type: accuracy");

    const [bom] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CycloneDX ML-BOM" }).click()]);
    const doc = JSON.parse(await saved(bom));
    expect(doc).toMatchObject({ bomFormat: "CycloneDX", specVersion: "1.6" });
    expect(doc.components).toEqual([expect.objectContaining({ type: "machine-learning-model", name: "support-llm" })]);
  });

  await test.step("record the artefact's hash, then verify a file against it: match, then mismatch", async () => {
    const weights = Buffer.from(`weights ${unique()}`);
    const sha = createHash("sha256").update(weights).digest("hex");
    await page.goto(`/systems/${id}`);
    await page.getByRole("link", { name: "Edit support-llm" }).click();
    await page.getByLabel("Artifact SHA-256").fill(sha);
    await page.getByRole("button", { name: "Save component" }).click();
    await page.waitForURL(new RegExp(`/systems/${id}$`));

    await page.goto(`/systems/${id}/model-card`);
    const form = page.getByRole("form", { name: "Verify the artefact of support-llm" });
    await waitForHydration(form.getByRole("button", { name: "Verify artefact hash" }));
    await form
      .getByLabel("Artefact file (hashed here, not uploaded)")
      .setInputFiles({ name: "model.safetensors", mimeType: "application/octet-stream", buffer: weights });
    await expect(form.getByLabel("or its SHA-256")).toHaveValue(sha);
    await form.getByRole("button", { name: "Verify artefact hash" }).click();
    await expect(form.getByText(/^Match:/)).toBeVisible();
    await form.getByLabel("or its SHA-256").fill("0".repeat(64));
    await form.getByRole("button", { name: "Verify artefact hash" }).click();
    await expect(form.getByText(/^Mismatch:/)).toBeVisible();
  });
});
