/**
 * Tenant isolation: a member of organisation B can neither see nor guess organisation A's systems,
 * in the UI or through the REST API with B's token. Another organisation's id is a 404 ("not found"),
 * never a 403 that would confirm it exists.
 */
import type { Request } from "@playwright/test";
import { test, expect, SEEDED_NAMES, sidebar, unique, waitForHydration, createSystemViaUi, fillSystemForm, newSession } from "./fixtures";

test("org B's members get the 404 page for org A's system, its edit page and its history", async ({ page, loginAs, fixtures }) => {
  const aId = fixtures.orgA.systems.seeded;
  await loginAs("compliance_officer", "B");

  // B's own system is there, as a control
  const own = await page.goto(`/systems/${fixtures.orgB.systems.secret}`);
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(SEEDED_NAMES.secretB);
  await expect(page.getByTestId("history")).toBeVisible();

  for (const path of [`/systems/${aId}`, `/systems/${aId}/edit`, `/systems/${aId}/threats`, `/systems/${aId}/risks`, `/systems/${aId}/controls`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText("belongs to an organisation you are not a member of")).toBeVisible();
    // nothing of A's system leaks: no name, no history, no form
    await expect(page.getByText(SEEDED_NAMES.seeded)).toHaveCount(0);
    await expect(page.getByTestId("history")).toHaveCount(0);
    await expect(page.locator("#name")).toHaveCount(0);
  }

  // the ATLAS matrix overlay and the layer download treat A's id as unknown
  const matrix = await page.goto(`/threats?system=${aId}`);
  expect(matrix?.status()).toBe(200);
  await expect(page.getByText("That AI system was not found among the active systems")).toBeVisible();
  await expect(page.getByText(SEEDED_NAMES.seeded)).toHaveCount(0);
  const layer = await page.request.get(`/systems/${aId}/threats/layer`);
  expect(layer.status()).toBe(404);
  expect(await layer.text()).not.toContain(SEEDED_NAMES.seeded);

  // the history lives in the audit trail: B's admin sees none of A's events there either
  await loginAs("admin", "B");
  await sidebar(page).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByTestId("audit-table")).toBeVisible();
  await expect(page.locator(`a[href="/systems/${aId}"]`)).toHaveCount(0);
  await expect(page.getByTestId("audit-table")).not.toContainText(fixtures.orgA.users.admin.email);
});

test("org B's inventory search does not find org A's systems", async ({ page, loginAs }) => {
  await loginAs("executive", "B");
  await sidebar(page).getByRole("link", { name: "Inventory" }).click();
  await expect(page.getByRole("link", { name: SEEDED_NAMES.secretB })).toBeVisible();
  await expect(page.getByRole("link", { name: SEEDED_NAMES.seeded })).toHaveCount(0);

  for (const q of [SEEDED_NAMES.seeded, "fixture"]) {
    await page.getByLabel("Search", { exact: true }).fill(q);
    await page.getByLabel("Status").selectOption("all");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page.getByText("No AI systems match")).toBeVisible();
    await expect(page.getByTestId("result-count")).toHaveText("0–0 of 0");
  }
  // and A's business unit is not offered as a filter
  await expect(page.getByLabel("Business unit", { exact: true }).locator("option", { hasText: "Claims" })).toHaveCount(0);
});

test("an org B API token cannot read org A's systems", async ({ page, loginAs, fixtures, request }) => {
  const tokenName = `B isolation probe ${unique()}`;
  await loginAs("admin", "B");
  await sidebar(page).getByRole("link", { name: "Settings" }).click();
  const tokens = page.locator("section", { has: page.getByRole("heading", { name: "API tokens" }) });
  await waitForHydration(tokens.locator("form").last());
  await tokens.getByLabel("Token name").fill(tokenName);
  await tokens.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("token-secret").textContent())?.trim() ?? "";
  expect(secret).not.toBe("");
  const auth = { Authorization: `Bearer ${secret}` };

  for (const id of Object.values(fixtures.orgA.systems)) {
    const res = await request.get(`/api/v1/systems/${id}`, { headers: auth });
    expect(res.status(), `GET /api/v1/systems/${id}`).toBe(404);
    expect(await res.text()).not.toContain(SEEDED_NAMES.seeded);
  }
  const own = await request.get(`/api/v1/systems/${fixtures.orgB.systems.secret}`, { headers: auth });
  expect(own.status()).toBe(200);

  const list = await request.get("/api/v1/systems?status=all&pageSize=100", { headers: auth });
  expect(list.status()).toBe(200);
  const { items, total } = (await list.json()) as { items: { id: string; name: string }[]; total: number };
  const ids = items.map((s) => s.id);
  expect(ids).toContain(fixtures.orgB.systems.secret);
  for (const id of Object.values(fixtures.orgA.systems)) expect(ids).not.toContain(id);
  expect(items.map((s) => s.name)).not.toContain(SEEDED_NAMES.seeded);
  expect(total).toBe(items.length);

  const search = await request.get(`/api/v1/systems?q=${encodeURIComponent("fixture")}&status=all`, { headers: auth });
  expect((await search.json()).total).toBe(0);
});

test("org B's compliance officer replaying org A's server actions (edit, archive) is refused and changes nothing", async ({
  page,
  loginAs,
  browser,
  fixtures,
}) => {
  const suffix = unique();
  const name = `Server-action target ${suffix}`;
  await loginAs("compliance_officer");
  const id = await createSystemViaUi(page, { name, businessUnit: "Security", lifecycleStage: "Development" });

  const captured: Request[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) captured.push(r);
  });
  page.on("dialog", (d) => void d.accept());

  // org A's officer archives and restores (capturing the archive action), then edits (capturing the edit)
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByRole("button", { name: "Restore" })).toBeVisible();
  const archiveRequest = captured.at(-1)!;
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByRole("button", { name: "Archive" })).toBeVisible();
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await fillSystemForm(page, { name: `${name} (edited by A)` });
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(new RegExp(`/systems/${id}$`));
  const editRequest = captured.at(-1)!;
  expect(new URL(editRequest.url()).pathname).toBe(`/systems/${id}/edit`);
  const forgedEdit = Buffer.from(
    editRequest
      .postDataBuffer()!
      .toString("latin1")
      .replaceAll(`${name} (edited by A)`, `Pwned by org B ${suffix}`)
      .replace(/(name="(?:_\d+_)?version"\r\n\r\n)\d+\r\n/, (_, f: string) => `${f}4\r\n`),
    "latin1",
  );

  const intruder = await newSession(browser, fixtures, "compliance_officer", "B");
  try {
    for (const [request, body] of [
      [archiveRequest, archiveRequest.postDataBuffer()],
      [editRequest, forgedEdit],
    ] as const) {
      const headers = Object.fromEntries(
        Object.entries(await request.allHeaders()).filter(([h]) => !["cookie", "host", "content-length"].includes(h.toLowerCase())),
      );
      const response = await intruder.context.request.post(request.url(), { headers, data: body ?? undefined, maxRedirects: 0 });
      const text = await response.text();
      expect(text).toContain("AI system not found");
      expect(text).not.toContain("does not allow"); // never reveals that the id exists
    }
  } finally {
    await intruder.context.close();
  }

  // org A's system is exactly as its officer left it: not archived, not renamed, no event by org B
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${name} (edited by A)`);
  await expect(page.getByRole("button", { name: "Archive" })).toBeVisible();
  await expect(page.getByText(`Pwned by org B ${suffix}`)).toHaveCount(0);
  await expect(page.getByTestId("history")).not.toContainText("e2e-b");
});
