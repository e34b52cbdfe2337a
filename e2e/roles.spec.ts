/**
 * Roles: what each role sees, and that the server refuses what the UI hides. The forged-edit test
 * replays a real server-action POST captured from a compliance officer's edit with an executive's
 * session: hiding the form is not the security boundary, the domain verb's permission check is.
 */
import type { Request } from "@playwright/test";
import { test, expect, createSystemViaUi, fillSystemForm, newSession, SEEDED_NAMES, unique } from "./fixtures";

test("an executive sees no edit, archive, create or classify controls, and the edit page is not allowed", async ({ page, loginAs, fixtures }) => {
  const seeded = fixtures.orgA.systems.seeded;
  await loginAs("executive");

  await page.goto("/systems");
  await expect(page.getByRole("link", { name: SEEDED_NAMES.seeded })).toBeVisible();
  await expect(page.getByRole("link", { name: "New AI system" })).toHaveCount(0);

  await page.getByRole("link", { name: SEEDED_NAMES.seeded }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEEDED_NAMES.seeded);
  await expect(page.getByTestId("classification")).toBeVisible(); // the classification can be read…
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Archive" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Restore" })).toHaveCount(0);
  await expect(page.getByText("Classify with the questionnaire")).toHaveCount(0); // …but not answered
  await expect(page.getByTestId("questionnaire")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Propose a tier" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Accept proposal" })).toHaveCount(0);

  await page.goto(`/systems/${seeded}/edit`);
  await expect(page.getByTestId("forbidden")).toBeVisible();
  await expect(page.getByTestId("forbidden")).toContainText("Not allowed");
  await expect(page.locator("form", { has: page.locator("#name") })).toHaveCount(0);

  await page.goto("/systems/new");
  await expect(page.getByTestId("forbidden")).toContainText("Not allowed");
  await expect(page.getByRole("button", { name: "Create AI system" })).toHaveCount(0);
});

test("a forged edit replayed with an executive's (or a non-owning risk owner's) session is refused and changes nothing", async ({
  page,
  loginAs,
  browser,
  fixtures,
}) => {
  const suffix = unique();
  const original = `Forgery target ${suffix}`;
  const officerName = `Forgery target, renamed by the officer ${suffix}`;

  // 1. the compliance officer edits a system of their own making; we capture the server-action POST
  await loginAs("compliance_officer");
  const id = await createSystemViaUi(page, { name: original, businessUnit: "Security", lifecycleStage: "Development" });
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/systems/${id}/edit$`));
  await fillSystemForm(page, { name: officerName });

  let captured: Request | undefined;
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"]) captured ??= request;
  });
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(new RegExp(`/systems/${id}$`)); // the officer's request completed
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(officerName);
  expect(captured, "the edit form should post a server action").toBeDefined();
  const request = captured!;
  const actionId = request.headers()["next-action"];
  const body = request.postDataBuffer();
  expect(actionId).toBeTruthy();
  expect(body?.toString("utf8")).toContain(officerName);
  expect(new URL(request.url()).pathname).toBe(`/systems/${id}/edit`);
  await expect(page.getByTestId("history").locator("li", { hasText: "Edited" })).toHaveCount(1);
  await expect(page.getByTestId("field-Version")).toContainText("2 ·");

  // the same request as the officer's, minus the officer's cookies (a context sends its own)
  const replayHeaders = Object.fromEntries(
    Object.entries(await request.allHeaders()).filter(([name]) => !["cookie", "host", "content-length"].includes(name.toLowerCase())),
  );
  expect(replayHeaders["next-action"]).toBe(actionId);
  // a variant naming the current version (2) and another name, so a stale version cannot be why it fails
  const forgedName = `Renamed by a forger ${suffix}`;
  const forgedBody = Buffer.from(
    body!
      .toString("latin1")
      .replaceAll(officerName, forgedName)
      .replace(/(name="(?:_\d+_)?version"\r\n\r\n)1\r\n/, (_, field: string) => `${field}2\r\n`),
    "latin1",
  );
  expect(forgedBody.toString("latin1")).toMatch(/version"\r\n\r\n2\r\n/);

  // 2. an executive (no edit rights) and a risk owner (edits only their own systems) each replay it,
  //    in their own browser, with their own cookies
  for (const role of ["executive", "risk_owner"] as const) {
    const other = await newSession(browser, fixtures, role);
    try {
      const replay = await other.context.request.post(request.url(), { headers: replayHeaders, data: body!, maxRedirects: 0 });
      const replayText = await replay.text();
      expect(replayText, `${role} replay`).toContain("does not allow");
      expect(replayText).not.toContain("Someone else saved"); // refused for the role, not for the stale version

      const forged = await other.context.request.post(request.url(), { headers: replayHeaders, data: forgedBody, maxRedirects: 0 });
      expect(await forged.text(), `${role} forgery`).toContain("does not allow");

      // nothing changed: reload the system page as that member
      await other.page.goto(`/systems/${id}`);
      await other.page.reload();
      await expect(other.page.getByRole("heading", { level: 1 })).toHaveText(officerName);
      await expect(other.page.getByText(forgedName)).toHaveCount(0);
      await expect(other.page.getByTestId("field-Version")).toContainText("2 ·");
      await expect(other.page.getByTestId("history").locator("li", { hasText: "Edited" })).toHaveCount(1);
      await expect(other.page.getByTestId("history")).not.toContainText(role);
    } finally {
      await other.context.close();
    }
  }

  // control: the same forged request with the officer's cookies goes through, so it was a
  // well-formed edit that only the executive's role stopped
  const control = await page.request.post(request.url(), { headers: replayHeaders, data: forgedBody, maxRedirects: 0 });
  expect(await control.text()).not.toContain("does not allow");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(forgedName);
});

test("a risk owner edits the system they own, but not another one", async ({ page, loginAs, fixtures }) => {
  const { ownedByRiskOwner, seeded } = fixtures.orgA.systems;
  const purpose = `Triage of incoming claims, reviewed by the risk owner (${unique()}).`;
  await loginAs("risk_owner");

  await page.goto("/systems");
  await expect(page.getByRole("link", { name: "New AI system" })).toHaveCount(0);
  await page.getByRole("link", { name: SEEDED_NAMES.ownedByRiskOwner }).click();
  await expect(page).toHaveURL(new RegExp(`/systems/${ownedByRiskOwner}$`));
  await expect(page.getByTestId("field-Owner")).toHaveText(/^risk_owner /);
  await expect(page.getByRole("button", { name: "Archive" })).toHaveCount(0); // archiving is not theirs
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/systems/${ownedByRiskOwner}/edit$`));
  // they may not hand the system to someone else
  await expect(page.getByLabel("Owner")).toHaveCount(0);
  await expect(page.getByText("only a compliance officer or admin can change it")).toBeVisible();
  await fillSystemForm(page, { purpose });
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(new RegExp(`/systems/${ownedByRiskOwner}$`));
  await expect(page.getByTestId("field-Purpose / intended use")).toHaveText(purpose);
  await expect(page.getByTestId("history").locator("li", { hasText: "Edited" }).first()).toContainText(`→ ${purpose}`);

  // another system: read-only, and its edit page is not allowed
  await page.goto(`/systems/${seeded}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEEDED_NAMES.seeded);
  await expect(page.getByRole("link", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(page.getByText("Classify with the questionnaire")).toHaveCount(0);
  await page.goto(`/systems/${seeded}/edit`);
  await expect(page.getByTestId("forbidden")).toContainText("Not allowed");
});
