/**
 * Shared Playwright fixtures for the e2e suite.
 *
 * `fixtures` is the parsed e2e-fixtures.json written by e2e/seed-fixtures.ts (run by
 * scripts/run-e2e.ts before Playwright starts): two organisations with one member per role.
 * Everything else a spec needs is created through the UI, as a user would.
 */
import { readFileSync } from "node:fs";
import { fixturesFile } from "./fixtures-file";
import { test as base, expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";

export type Role = "admin" | "compliance_officer" | "risk_owner" | "executive" | "auditor";
export type OrgKey = "A" | "B";
type User = { id: string; email: string };
type OrgFixture<S extends string> = { orgId: string; users: Record<Role, User>; systems: Record<S, string> };
export type E2EFixtures = {
  password: string;
  orgA: OrgFixture<"seeded" | "ownedByRiskOwner" | "threatModelled"> & {
    /** The risk seeded on threatModelled, and a component of threatModelled. */
    risks: { promptInjection: string };
    components: { baseModel: string };
    /** A finding opened by the garak report the seed imports on threatModelled (e2e/fixtures/garak-support-chat.report.jsonl). */
    findings: { promptInjection: string };
  };
  orgB: OrgFixture<"secret">;
};

/** Names the seed gives its systems (e2e/seed-fixtures.ts). Specs must not rename them. */
export const SEEDED_NAMES = {
  seeded: "Fraud scoring (fixture)",
  ownedByRiskOwner: "Claims triage LLM (fixture)",
  /** Has AML.T0051 in its threat profile, one risk naming it and ISO/IEC 42001 A.6.2.6 implemented. */
  threatModelled: "Support chat LLM (fixture)",
  secretB: "Org B confidential system",
} as const;

/** The fixtures e2e/seed-fixtures.ts wrote for this run. */
export function readFixtures(): E2EFixtures {
  return JSON.parse(readFileSync(fixturesFile(), "utf8")) as E2EFixtures;
}

export function userFor(fx: E2EFixtures, role: Role, org: OrgKey = "A"): User {
  return (org === "A" ? fx.orgA : fx.orgB).users[role];
}

/** A short unique suffix for names created by a test. */
export function unique(): string {
  return `${Date.now()}-${Math.floor(Math.random() * 1e4)}`;
}

/**
 * Waits until React has hydrated `locator` (its element carries React's internal fiber key).
 * Interacting with a client form before that would submit it natively or lose controlled state.
 */
export async function waitForHydration(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactFiber$") || k.startsWith("__reactProps$"))), {
      message: "element was never hydrated by React",
    })
    .toBe(true);
}

/** Signs in through the login form with any e-mail and password and waits for the app shell. */
export async function loginWithPassword(page: Page, email: string, password: string): Promise<void> {
  await page.context().clearCookies(); // a signed-in visitor would be sent past the form
  await page.goto("/login");
  const form = page.locator("form", { has: page.locator("#email") });
  await waitForHydration(form);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
  await expect(page.getByTestId("current-user")).toBeVisible();
}

export async function loginPage(page: Page, fx: E2EFixtures, role: Role, org: OrgKey = "A"): Promise<void> {
  await loginWithPassword(page, userFor(fx, role, org).email, fx.password);
}

/** A fresh browser context (own cookies) signed in as `role` of `org`. */
export async function newSession(browser: Browser, fx: E2EFixtures, role: Role, org: OrgKey = "A"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginPage(page, fx, role, org);
  return { context, page };
}

export type SystemDraft = {
  name: string;
  businessUnit?: string;
  purpose?: string;
  description?: string;
  lifecycleStage?: string; // option label, e.g. "Design"
  dataCategories?: string[]; // checkbox labels, e.g. "Personal data"
  euAiActRole?: string; // option label, e.g. "Deployer"
  riskTier?: string; // option label, e.g. "High risk"
  riskTierBasis?: string;
  modelType?: string;
  foundationModel?: string;
  hosting?: string; // option label, e.g. "Public cloud"
  deploymentContext?: string;
};

/** Fills the system form (new or edit page) without submitting it. */
export async function fillSystemForm(page: Page, draft: Partial<SystemDraft>): Promise<void> {
  const form = page.locator("form", { has: page.locator("#lifecycleStage") });
  await waitForHydration(form);
  if (draft.name !== undefined) await page.locator("#name").fill(draft.name);
  if (draft.businessUnit !== undefined) await page.getByLabel("Business unit", { exact: true }).fill(draft.businessUnit);
  if (draft.description !== undefined) await page.getByLabel("Description", { exact: true }).fill(draft.description);
  if (draft.purpose !== undefined) await page.getByLabel("Purpose / intended use").fill(draft.purpose);
  if (draft.lifecycleStage !== undefined) await page.getByLabel("Lifecycle stage").selectOption({ label: draft.lifecycleStage });
  for (const category of draft.dataCategories ?? []) await page.getByRole("checkbox", { name: category, exact: true }).check();
  if (draft.euAiActRole !== undefined) await page.getByLabel("Our role under the EU AI Act").selectOption({ label: draft.euAiActRole });
  if (draft.riskTier !== undefined) await page.getByLabel("Risk tier", { exact: true }).selectOption({ label: draft.riskTier });
  if (draft.riskTierBasis !== undefined) await page.getByLabel("Legal basis", { exact: true }).fill(draft.riskTierBasis);
  if (draft.modelType !== undefined) await page.getByLabel("Model type", { exact: true }).fill(draft.modelType);
  if (draft.foundationModel !== undefined) await page.getByLabel("Foundation model", { exact: true }).fill(draft.foundationModel);
  if (draft.hosting !== undefined) await page.getByLabel("Hosting", { exact: true }).selectOption({ label: draft.hosting });
  if (draft.deploymentContext !== undefined) await page.getByLabel("Deployment context", { exact: true }).fill(draft.deploymentContext);
}

/** Creates an AI system through "New AI system" in the inventory; returns its id (the page is left on it). */
export async function createSystemViaUi(page: Page, draft: SystemDraft): Promise<string> {
  await page.goto("/systems");
  await page.getByRole("link", { name: "New AI system" }).click();
  await expect(page).toHaveURL(/\/systems\/new$/);
  await fillSystemForm(page, draft);
  await page.getByRole("button", { name: "Create AI system" }).click();
  await page.waitForURL(/\/systems\/(?!new)[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(draft.name);
  return systemIdFromUrl(page);
}

export function systemIdFromUrl(page: Page): string {
  const id = new URL(page.url()).pathname.split("/")[2];
  if (!id) throw new Error(`not on a system page: ${page.url()}`);
  return id;
}

/** The tier badge in the system page header (the line under the h1). */
export function headerTier(page: Page): Locator {
  return page.getByRole("heading", { level: 1 }).locator("xpath=following-sibling::p[1]");
}

/**
 * Answers every question of the questionnaire still blank: "Yes" to "is it an AI system?" (Art 3(1)), "No" to
 * the rest, as a user who has nothing else to declare. Needed because a blank main question that could make the
 * outcome stricter leaves the proposal "cannot conclude".
 */
export async function answerTheRest(questionnaire: Locator): Promise<void> {
  // one pass in the page per round (clicking each radio through Playwright takes a second per question); a "No"
  // reveals no follow-up, but a new round checks, until every radio group has an answer
  for (let round = 0; round < 5; round++) {
    const clicked = await questionnaire.evaluate((form) => {
      let count = 0;
      for (const group of Array.from(form.querySelectorAll('[role="radiogroup"]'))) {
        if (group.querySelector("input:checked")) continue;
        const answer = /^Is it an AI system/.test(group.querySelector("p")?.textContent ?? "") ? "Yes" : "No";
        const label = Array.from(group.querySelectorAll("label")).find((candidate) => candidate.textContent?.trim() === answer);
        label?.querySelector("input")?.click();
        count++;
      }
      return count;
    });
    if (clicked === 0) break;
  }
  await expect(questionnaire.getByRole("radiogroup").filter({ hasNot: questionnaire.page().locator("input:checked") })).toHaveCount(0);
}

/** Answers the questionnaire on a system page with the given Annex III use cases, proposes and accepts. */
export async function classifyAnnexIii(page: Page, useCases: string[]): Promise<void> {
  const panel = page.getByTestId("classification");
  await panel.getByText(/Classify with the questionnaire|Answer the questionnaire again/).click();
  const questionnaire = panel.getByTestId("questionnaire");
  await expect(questionnaire).toBeVisible();
  await waitForHydration(questionnaire);
  for (const useCase of useCases) await questionnaire.getByRole("checkbox", { name: useCase }).check();
  await answerTheRest(questionnaire);
  await questionnaire.getByRole("button", { name: "Propose a tier" }).click();
  await expect(panel.getByRole("button", { name: "Accept proposal" })).toBeVisible();
  await panel.getByRole("button", { name: "Accept proposal" }).click();
  await expect(panel.getByTestId("decision")).toContainText("Accepted");
}

/** The sidebar's section links. */
export function sidebar(page: Page): Locator {
  return page.getByRole("navigation", { name: "Sections" });
}

type TestFixtures = {
  /** Signs the test's `page` in as a member of org A (default) or B, through the login form. */
  loginAs: (role: Role, org?: OrgKey) => Promise<void>;
};
type WorkerFixtures = { fixtures: E2EFixtures };

// (the fixture callbacks are named `provide`, not Playwright's usual `use`, which the React-hooks lint rule mistakes for React's use())
export const test = base.extend<TestFixtures, WorkerFixtures>({
  fixtures: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring pattern
    async ({}, provide) => {
      await provide(readFixtures());
    },
    { scope: "worker" },
  ],
  loginAs: async ({ page, fixtures }, provide) => {
    await provide((role, org = "A") => loginPage(page, fixtures, role, org));
  },
});

export { expect };
