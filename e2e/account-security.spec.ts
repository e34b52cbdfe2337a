/**
 * Account security through the browser: no open redirect after sign-in, invitations across
 * organisations (an existing account joins only when its owner accepts signed in as it), and the
 * sign-in log for auditors.
 */
import type { Page } from "@playwright/test";
import { test, expect, sidebar, unique, waitForHydration } from "./fixtures";

async function invite(page: Page, name: string, email: string): Promise<string> {
  await sidebar(page).getByRole("link", { name: "Settings" }).click();
  const panel = page.locator("section", { has: page.getByRole("heading", { name: "Invitations", exact: true }) });
  await waitForHydration(panel.locator("form").first());
  await panel.getByLabel("Name", { exact: true }).fill(name);
  await panel.getByLabel("E-mail", { exact: true }).fill(email);
  await panel.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByTestId("invitation-result")).toContainText(`Invitation created for ${email}`);
  return new URL(((await page.getByTestId("invitation-link").textContent()) ?? "").trim()).pathname;
}

test("a signed-in visitor is never sent to another site by /login?callbackUrl=", async ({ page, loginAs, baseURL }) => {
  await loginAs("executive");
  const origin = new URL(baseURL!).origin;
  for (const hostile of ["%2F%09%2Fevil.example", "%2F%5Cevil.example", "%2F%2Fevil.example", "https%3A%2F%2Fevil.example", "%2F.%2F%2Fevil.example"]) {
    await page.goto(`/login?callbackUrl=${hostile}`);
    expect(new URL(page.url()).origin, hostile).toBe(origin);
    await expect(page.getByTestId("current-user")).toBeVisible();
  }
  await page.goto(`/login?callbackUrl=${encodeURIComponent("/risks")}`);
  await expect(page).toHaveURL(/\/risks$/);
});

test("a second organisation's invitation of an existing account: sign in as it, then accept", async ({ page, loginAs, browser, fixtures }) => {
  const suffix = unique();
  const email = `two-orgs-${suffix}@example.test`;
  const password = `my-own-password-${suffix}`;

  // org A invites a new person, who creates their account
  await loginAs("admin", "A");
  const firstPath = await invite(page, `Two Orgs ${suffix}`, email);
  const person = await browser.newContext();
  try {
    const p = await person.newPage();
    await p.goto(firstPath);
    await waitForHydration(p.locator("form", { has: p.getByLabel("Password again") }));
    await p.getByLabel("Password", { exact: true }).fill(password);
    await p.getByLabel("Password again").fill(password);
    await p.getByRole("button", { name: "Create account and join" }).click();
    await expect(p.getByTestId("invitation-accepted")).toBeVisible();

    // org B invites the same address: opening the link signed out asks to sign in, never for a new password
    await loginAs("admin", "B");
    const secondPath = await invite(page, "Ignored name", email);
    // the inviting admin, signed in as themselves, cannot accept it
    await page.goto(secondPath);
    await expect(page.getByTestId("invitation-error")).toContainText(`but this invitation is for ${email}`);
    await expect(page.getByRole("button", { name: /Accept invitation|Create account/ })).toHaveCount(0);

    await p.context().clearCookies();
    await p.goto(secondPath);
    await expect(p.getByText("An account with this e-mail exists")).toBeVisible();
    await expect(p.getByLabel("Password again")).toHaveCount(0);
    await p.getByRole("link", { name: "Sign in to accept" }).click();
    await expect(p).toHaveURL(/\/login\?callbackUrl=/);
    await waitForHydration(p.locator("form", { has: p.locator("#email") }));
    await p.locator("#email").fill(email);
    await p.locator("#password").fill(password);
    await p.getByRole("button", { name: "Sign in", exact: true }).click();
    await p.waitForURL((url) => url.pathname === secondPath);
    await waitForHydration(p.locator("form", { has: p.getByRole("button", { name: "Accept invitation" }) }));
    await p.getByRole("button", { name: "Accept invitation" }).click();
    await p.waitForURL((url) => url.pathname === "/");
    await expect(p.getByTestId("current-user")).toBeVisible();
    const switcher = p.locator("#org-switch");
    await expect(switcher.locator("option")).toHaveCount(2);
    await expect(switcher).toHaveValue(fixtures.orgB.orgId);
  } finally {
    await person.close();
  }
});

test("the sign-in log: auditors see their organisation's members' sign-ins, executives may not", async ({ page, loginAs, fixtures, browser }) => {
  const wrong = await browser.newContext();
  try {
    const w = await wrong.newPage();
    await w.goto("/login");
    await waitForHydration(w.locator("form", { has: w.locator("#email") }));
    await w.locator("#email").fill(fixtures.orgA.users.risk_owner.email);
    await w.locator("#password").fill(`wrong-${unique()}`);
    await w.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(w.getByTestId("login-error")).toBeVisible();
  } finally {
    await wrong.close();
  }

  await loginAs("auditor");
  await page.goto("/audit");
  await page.getByRole("link", { name: "Sign-in log" }).click();
  await expect(page).toHaveURL(/\/audit\/sign-ins$/);
  const table = page.getByTestId("sign-in-table");
  await expect(table.locator("tr", { hasText: fixtures.orgA.users.auditor.email }).first()).toContainText("success");
  await expect(table.locator("tr", { hasText: fixtures.orgA.users.risk_owner.email }).filter({ hasText: "failure" }).first()).toBeVisible();
  await expect(table).not.toContainText(fixtures.orgB.users.admin.email);

  await loginAs("executive");
  await page.goto("/audit/sign-ins");
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await expect(page.getByTestId("sign-in-table")).toHaveCount(0);
});
