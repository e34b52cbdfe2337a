/**
 * Full-page screenshots of the main screens for visual review, written to test-results/screens/.
 * Desktop at 1360×900; the inventory also at 390×844 to show the collapsed mobile menu.
 */
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import { test, expect, classifyAnnexIii, createSystemViaUi, sidebar, unique, waitForHydration } from "./fixtures";

const SCREENS_DIR = fileURLToPath(new URL("../test-results/screens/", import.meta.url));

async function shoot(page: Page, name: string): Promise<void> {
  // let client-side rendering (charts, hydration) settle before the picture
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `${SCREENS_DIR}${name}.png`, fullPage: true, animations: "disabled" });
}

test.describe("desktop", () => {
  test.use({ viewport: { width: 1360, height: 900 } });

  test("dashboard, inventory, a system, the audit trail and settings", async ({ page, loginAs }) => {
    await loginAs("admin");

    // a classified system with some history makes the system page worth looking at
    const name = `Screenshot subject: CV ranking ${unique()}`;
    await createSystemViaUi(page, {
      name,
      businessUnit: "People",
      purpose: "Ranks incoming job applications so recruiters read the most relevant ones first. Must not reject candidates automatically.",
      description: "Gradient-boosted model over parsed CVs.",
      lifecycleStage: "Validation",
      dataCategories: ["Personal data"],
    });
    await classifyAnnexIii(page, ["Employment: recruitment and selection"]);

    await sidebar(page).getByRole("link", { name: "Dashboard" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
    await expect(page.getByTestId("stats")).toBeVisible();
    await expect(page.getByTestId("tier-chart").locator("svg.recharts-surface")).toBeVisible();
    await shoot(page, "dashboard");

    await sidebar(page).getByRole("link", { name: "Inventory" }).click();
    await expect(page.getByTestId("inventory-table")).toBeVisible();
    await shoot(page, "inventory");

    await page.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    await expect(page.getByTestId("decision")).toContainText("Accepted");
    await shoot(page, "system");

    // the questionnaire is very long: a viewport-sized picture of its start is the readable one
    await page.getByTestId("classification").getByText("Answer the questionnaire again").click();
    await expect(page.getByTestId("questionnaire")).toBeVisible();
    await page.getByTestId("questionnaire").evaluate((el) => el.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: `${SCREENS_DIR}system-questionnaire.png`, animations: "disabled" });

    await sidebar(page).getByRole("link", { name: "Audit" }).click();
    await page.getByRole("link", { name: "Verify chain" }).click();
    await expect(page.getByTestId("chain-status")).toContainText("Chain intact");
    // long change values (e.g. a purpose) are cut to a capped width with the full text as a tooltip,
    // instead of stretching the table far past the screen
    const changeLines = page.getByTestId("audit-table").locator("tbody td:nth-child(6) div[title]");
    expect(await changeLines.count()).toBeGreaterThan(0);
    const widest = Math.max(...(await changeLines.evaluateAll((divs) => divs.map((d) => d.getBoundingClientRect().width))));
    expect(widest).toBeLessThanOrEqual(320);
    await shoot(page, "audit");

    await sidebar(page).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByTestId("members-table")).toBeVisible();
    await shoot(page, "settings");
  });
});

test.describe("mobile", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the inventory with the collapsed menu opened", async ({ page, loginAs }) => {
    await loginAs("compliance_officer");
    await page.goto("/systems");
    await expect(page.getByTestId("inventory-table")).toBeVisible();

    const menu = page.getByRole("button", { name: "Menu" });
    const inventoryLink = sidebar(page).getByRole("link", { name: "Inventory" });
    await expect(menu).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(inventoryLink).toBeHidden();
    await shoot(page, "inventory-mobile-closed");

    await waitForHydration(menu);
    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    for (const label of ["Dashboard", "Inventory", "Settings"]) await expect(sidebar(page).getByRole("link", { name: label })).toBeVisible();
    await expect(inventoryLink).toHaveAttribute("aria-current", "page");
    await shoot(page, "inventory-mobile");

    // following a link closes the menu again
    await sidebar(page).getByRole("link", { name: "Dashboard" }).click();
    await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(inventoryLink).toBeHidden();
  });
});
