/**
 * Administration: members (invitations with a single-use link, role changes that apply at once), API tokens
 * (shown once, revocable), the audit trail and its chain verification, who may read it, and the
 * login form's refusal that does not reveal whether an account exists.
 */
import type { Page } from "@playwright/test";
import { test, expect, loginWithPassword, sidebar, unique, userFor, waitForHydration } from "./fixtures";

function membersPanel(page: Page) {
  return page.locator("section", { has: page.getByRole("heading", { name: "Members", exact: true }) });
}

function invitationsPanel(page: Page) {
  return page.locator("section", { has: page.getByRole("heading", { name: "Invitations", exact: true }) });
}

function tokensPanel(page: Page) {
  return page.locator("section", { has: page.getByRole("heading", { name: "API tokens", exact: true }) });
}

test("a wrong password and an unknown e-mail get the same generic error", async ({ page, fixtures }) => {
  async function failedLogin(email: string, password: string): Promise<string> {
    await page.goto("/login");
    await waitForHydration(page.locator("form", { has: page.locator("#email") }));
    await page.locator("#email").fill(email);
    await page.locator("#password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const error = page.getByTestId("login-error");
    await expect(error).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByTestId("current-user")).toHaveCount(0);
    expect(page.url()).not.toContain(password); // the form never fell back to a GET submit
    return (await error.textContent()) ?? "";
  }

  const wrongPassword = await failedLogin(userFor(fixtures, "auditor").email, `not-the-password-${unique()}`);
  const unknownEmail = await failedLogin(`nobody-${unique()}@example.test`, fixtures.password);
  expect(wrongPassword).toBe("The e-mail address or password is not correct.");
  expect(unknownEmail).toBe(wrongPassword);
});

test("an admin invites a member, who sets their own password through the single-use link; a role change applies at once", async ({
  page,
  loginAs,
  browser,
}) => {
  const suffix = unique();
  const memberName = `New Member ${suffix}`;
  const memberEmail = `new-member-${suffix}@example.test`;
  const memberPassword = `chosen-by-me-${suffix}`;

  await loginAs("admin");
  await sidebar(page).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  const invitations = invitationsPanel(page);
  await waitForHydration(invitations.locator("form").first());
  await invitations.getByLabel("Name", { exact: true }).fill(memberName);
  await invitations.getByLabel("E-mail", { exact: true }).fill(memberEmail);
  await invitations.getByLabel("Role", { exact: true }).selectOption({ label: "Executive" });
  await invitations.getByRole("button", { name: "Invite" }).click();

  await expect(page.getByTestId("invitation-result")).toContainText(`Invitation created for ${memberEmail}`);
  const link = ((await page.getByTestId("invitation-link").textContent()) ?? "").trim();
  const invitePath = new URL(link).pathname;
  expect(invitePath).toMatch(/^\/invite\/inv_[A-Za-z0-9_-]{40,}$/);
  // no password anywhere: the admin only ever sees the link
  await expect(page.getByTestId("one-time-password")).toHaveCount(0);
  await expect(invitations.getByTestId("invitations-table").locator("tr", { hasText: memberEmail })).toContainText("Executive");
  await expect(membersPanel(page).getByTestId("members-table")).not.toContainText(memberEmail);

  // shown once: it is gone after a reload and appears nowhere else on the page
  await page.reload();
  await expect(page.getByTestId("invitation-link")).toHaveCount(0);
  await expect(page.getByText(link)).toHaveCount(0);

  // the new member opens the link signed out, in their own browser, and chooses a password
  const memberContext = await browser.newContext();
  try {
    const memberPage = await memberContext.newPage();
    await memberPage.goto(invitePath);
    await expect(memberPage.getByRole("heading", { name: /^Join / })).toBeVisible();
    const form = memberPage.locator("form", { has: memberPage.getByLabel("Password again") });
    await waitForHydration(form);
    await memberPage.getByLabel("Password", { exact: true }).fill(memberPassword);
    await memberPage.getByLabel("Password again").fill(memberPassword);
    await memberPage.getByRole("button", { name: "Create account and join" }).click();
    await expect(memberPage.getByTestId("invitation-accepted")).toContainText(`Your account ${memberEmail} is ready`);

    // the link works once
    await memberPage.goto(invitePath);
    await expect(memberPage.getByTestId("invitation-error")).toContainText("already been used");

    await loginWithPassword(memberPage, memberEmail, memberPassword);
    await expect(memberPage.getByTestId("current-user")).toHaveText(memberName);
    await expect(memberPage.getByRole("banner")).toContainText("Executive");
    await sidebar(memberPage).getByRole("link", { name: "Inventory" }).click();
    await expect(memberPage.getByRole("heading", { name: "AI-system inventory" })).toBeVisible();
    await expect(memberPage.getByRole("link", { name: "New AI system" })).toHaveCount(0);

    await page.reload();
    const row = membersPanel(page).getByTestId("members-table").locator("tr", { hasText: memberEmail });
    await expect(row).toContainText(memberName);
    await expect(row.getByLabel(`Role of ${memberName}`)).toHaveValue("executive");
    await expect(invitationsPanel(page).getByTestId("invitations-table").locator("tr", { hasText: memberEmail })).toHaveCount(0);

    // the admin makes them a compliance officer…
    const roleRow = membersPanel(page).getByTestId("members-table").locator("tr", { hasText: memberEmail });
    await waitForHydration(roleRow.locator("form").first());
    await roleRow.getByLabel(`Role of ${memberName}`).selectOption({ label: "Compliance officer" });
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined),
      roleRow.getByRole("button", { name: "Save" }).click(),
    ]);
    await page.reload();
    await expect(membersPanel(page).getByLabel(`Role of ${memberName}`)).toHaveValue("compliance_officer");

    // …which applies on the member's next navigation, without signing in again
    await sidebar(memberPage).getByRole("link", { name: "Dashboard" }).click();
    await sidebar(memberPage).getByRole("link", { name: "Inventory" }).click();
    await expect(memberPage.getByRole("link", { name: "New AI system" })).toBeVisible();
    await memberPage.getByRole("link", { name: "New AI system" }).click();
    await expect(memberPage.getByRole("button", { name: "Create AI system" })).toBeVisible();
    // the header and sidebar show the new role after that client-side navigation too, without a reload
    // (they are rendered per navigation by the layout's @account and @nav slots)
    await expect(memberPage.getByRole("banner")).toContainText("Compliance officer");
    await expect(memberPage.getByRole("banner")).not.toContainText("Executive");
  } finally {
    await memberContext.close();
  }
});

test("a revoked invitation link no longer works", async ({ page, loginAs, browser }) => {
  const email = `revoked-${unique()}@example.test`;
  await loginAs("admin");
  await sidebar(page).getByRole("link", { name: "Settings" }).click();
  const invitations = invitationsPanel(page);
  await waitForHydration(invitations.locator("form").first());
  await invitations.getByLabel("Name", { exact: true }).fill("Revoked Person");
  await invitations.getByLabel("E-mail", { exact: true }).fill(email);
  await invitations.getByRole("button", { name: "Invite" }).click();
  const invitePath = new URL(((await page.getByTestId("invitation-link").textContent()) ?? "").trim()).pathname;
  const row = invitations.getByTestId("invitations-table").locator("tr", { hasText: email });
  await waitForHydration(row.locator("form"));
  await row.getByRole("button", { name: `Revoke the invitation of ${email}` }).click();
  await expect(row).toHaveCount(0);

  const context = await browser.newContext();
  try {
    const other = await context.newPage();
    await other.goto(invitePath);
    await expect(other.getByTestId("invitation-error")).toContainText("revoked");
    await expect(other.getByLabel("Password again")).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test("an admin creates an API token (shown once), uses it, and revokes it", async ({ page, loginAs, request, fixtures }) => {
  const tokenName = `CI pipeline ${unique()}`;
  await loginAs("admin");
  await sidebar(page).getByRole("link", { name: "Settings" }).click();
  const tokens = tokensPanel(page);
  await waitForHydration(tokens.locator("form").last());
  await tokens.getByLabel("Token name").fill(tokenName);
  await tokens.getByRole("checkbox", { name: "read" }).check();
  await tokens.getByRole("checkbox", { name: "write" }).check();
  await tokens.getByRole("button", { name: "Create token" }).click();

  await expect(page.getByTestId("token-result")).toContainText("shown only once");
  const secret = ((await page.getByTestId("token-secret").textContent()) ?? "").trim();
  expect(secret).toMatch(/^\S{20,}$/);
  const row = tokens.getByTestId("tokens-table").locator("tr", { hasText: tokenName });
  await expect(row).toContainText("read, write");
  await expect(row).toContainText("active");
  await expect(row).toContainText("never");
  await expect(row).not.toContainText(secret); // only the prefix is listed

  const auth = { Authorization: `Bearer ${secret}` };
  const list = await request.get("/api/v1/systems", { headers: auth });
  expect(list.status()).toBe(200);
  const body = (await list.json()) as { items: { id: string }[]; total: number };
  expect(body.items.length).toBeGreaterThan(0);
  expect(body.items.map((s) => s.id)).toContain(fixtures.orgA.systems.seeded);

  // shown once
  await page.reload();
  await expect(page.getByTestId("token-secret")).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
  await expect(row).not.toContainText("never"); // it was used

  // revoke in the UI (after confirming) → the API refuses it at once
  await waitForHydration(row.locator("form"));
  let confirmText = "";
  page.once("dialog", async (dialog) => {
    confirmText = dialog.message();
    await dialog.accept();
  });
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("revoked");
  expect(confirmText).toContain(tokenName);
  await expect(row.getByRole("button", { name: "Revoke" })).toHaveCount(0);

  const refused = await request.get("/api/v1/systems", { headers: auth });
  expect(refused.status()).toBe(401);
  expect(refused.headers()["www-authenticate"]).toContain("invalid_token");
  expect(await refused.text()).not.toContain(fixtures.orgA.systems.seeded);
});

test("the audit trail lists the events and verifies its chain; auditors may read it, executives may not", async ({ page, loginAs }) => {
  const tokenName = `Audit probe ${unique()}`;
  await loginAs("admin");

  // make a fresh, recognisable event through the UI
  await sidebar(page).getByRole("link", { name: "Settings" }).click();
  const tokens = tokensPanel(page);
  await waitForHydration(tokens.locator("form").last());
  await tokens.getByLabel("Token name").fill(tokenName);
  await tokens.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("token-secret")).toBeVisible();

  await sidebar(page).getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  const table = page.getByTestId("audit-table");
  await expect(table).toBeVisible();
  const newest = table.locator("tbody tr").first();
  await expect(newest).toContainText("token.create");
  await expect(newest).toContainText(tokenName);
  await expect(newest).toContainText("Admin");
  await expect(table).toContainText("organization.create");

  // filter by action through the form
  await page.getByLabel("Action").selectOption("token.create");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=token.create/);
  for (const action of await table.locator("tbody tr td:nth-child(4)").allTextContents()) expect(action).toBe("token.create");

  await page.getByRole("link", { name: "Verify chain" }).click();
  await expect(page).toHaveURL(/verify=1/);
  await expect(page.getByTestId("chain-status")).toContainText("Chain intact");
  await expect(page.getByTestId("chain-status")).toContainText(/all \d+ events verified/);

  // an auditor reads it too
  await loginAs("auditor");
  await expect(sidebar(page).getByRole("link", { name: "Audit" })).toBeVisible();
  await sidebar(page).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByTestId("audit-table")).toContainText(tokenName);
  await page.getByRole("link", { name: "Verify chain" }).click();
  await expect(page.getByTestId("chain-status")).toContainText("Chain intact");

  // an executive has no Audit link, and the page is not allowed
  await loginAs("executive");
  await expect(sidebar(page).getByRole("link", { name: "Inventory" })).toBeVisible();
  await expect(sidebar(page).getByRole("link", { name: "Audit" })).toHaveCount(0);
  await page.goto("/audit");
  await expect(page.getByTestId("forbidden")).toContainText("Not allowed");
  await expect(page.getByTestId("audit-table")).toHaveCount(0);
  await page.goto("/audit?verify=1");
  await expect(page.getByTestId("chain-status")).toHaveCount(0);
});
