/**
 * Every page of the app, signed in as a role that can see it, has zero axe violations (WCAG 2.1 A and AA).
 *
 * The list of pages is derived from the app/ tree (every page.tsx), so a new page without a case below
 * fails the "every page has a case" test. Dynamic segments are filled from the e2e seed (e2e/seed-fixtures.ts).
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, loginPage, type E2EFixtures, type Role } from "./fixtures";

const APP_DIR = fileURLToPath(new URL("../app/", import.meta.url));
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** Route patterns of every page.tsx under app/, route groups removed: "/systems/[id]/controls". */
function routePatterns(dir = APP_DIR): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue; // private folders, parallel slots
      found.push(...routePatterns(full));
    } else if (/^page\.(tsx|ts|jsx|js|mdx)$/.test(entry.name)) {
      const segments = path
        .relative(APP_DIR, dir)
        .split(path.sep)
        .filter((s) => s && !/^\(.*\)$/.test(s));
      found.push("/" + segments.join("/"));
    }
  }
  return found.sort();
}

type Visit = { url: string; role: Role | null; note?: string };
type Case = (fx: E2EFixtures) => Visit[];

const admin = (url: string, note?: string): Visit => ({ url, role: "admin", note });

/** One entry per route pattern; `role: null` visits signed out. */
const CASES: Record<string, Case> = {
  "/": () => [admin("/")],
  "/login": () => [{ url: "/login", role: null }],
  "/assessments": () => [admin("/assessments")],
  "/audit": () => [{ url: "/audit", role: "auditor" }],
  "/audit/sign-ins": () => [{ url: "/audit/sign-ins", role: "auditor" }],
  // the invitation page for a link that is not valid (a valid one is shown once, to the inviting admin: e2e/admin.spec.ts)
  "/invite/[token]": () => [{ url: "/invite/not-a-valid-invitation-token", role: null }],
  "/controls": () => [admin("/controls")],
  "/controls/[framework]": () => [admin("/controls/iso42001")],
  "/controls/[framework]/[controlId]": () => [admin("/controls/iso42001/A.6.2.6")],
  "/findings": () => [admin("/findings"), admin("/findings?severity=high&status=open", "filtered")],
  "/findings/[findingId]": (fx) => [
    admin(`/findings/${fx.orgA.findings.promptInjection}`),
    { url: `/findings/${fx.orgA.findings.promptInjection}`, role: "executive", note: "read-only" },
  ],
  "/findings/mappings": () => [admin("/findings/mappings")],
  "/reports": () => [admin("/reports")],
  "/risks": () => [admin("/risks")],
  "/risks/[riskId]": (fx) => [admin(`/risks/${fx.orgA.risks.promptInjection}`)],
  "/search": () => [admin("/search?q=prompt")],
  "/settings": () => [admin("/settings")],
  "/settings/risk-matrix": () => [admin("/settings/risk-matrix")],
  "/systems": () => [admin("/systems")],
  "/systems/new": () => [admin("/systems/new")],
  "/systems/[id]": (fx) => [admin(`/systems/${fx.orgA.systems.threatModelled}`), admin(`/systems/${fx.orgA.systems.seeded}`, "unclassified")],
  "/systems/[id]/edit": (fx) => [admin(`/systems/${fx.orgA.systems.threatModelled}/edit`)],
  "/systems/[id]/controls": (fx) => [
    admin(`/systems/${fx.orgA.systems.threatModelled}/controls`),
    { url: `/systems/${fx.orgA.systems.threatModelled}/controls`, role: "executive", note: "read-only" },
  ],
  "/systems/[id]/risks": (fx) => [admin(`/systems/${fx.orgA.systems.threatModelled}/risks`)],
  "/systems/[id]/threats": (fx) => [admin(`/systems/${fx.orgA.systems.threatModelled}/threats`)],
  "/systems/[id]/findings": (fx) => [
    admin(`/systems/${fx.orgA.systems.threatModelled}/findings`),
    admin(`/systems/${fx.orgA.systems.seeded}/findings`, "nothing imported"),
    { url: `/systems/${fx.orgA.systems.threatModelled}/findings`, role: "executive", note: "read-only" },
  ],
  "/systems/[id]/model-card": (fx) => [
    admin(`/systems/${fx.orgA.systems.threatModelled}/model-card`),
    admin(`/systems/${fx.orgA.systems.threatModelled}/model-card?component=${fx.orgA.components.baseModel}`, "a model component's card"),
    { url: `/systems/${fx.orgA.systems.threatModelled}/model-card`, role: "executive", note: "read-only" },
  ],
  "/systems/[id]/components/[componentId]": (fx) => [admin(`/systems/${fx.orgA.systems.threatModelled}/components/${fx.orgA.components.baseModel}`)],
  "/threats": (fx) => [
    admin("/threats"),
    admin("/threats?overlay=org", "organisation overlay"),
    admin(`/threats?system=${fx.orgA.systems.threatModelled}&coverage=findings`, "findings coverage"),
    admin("/threats?overlay=org&coverage=findings", "organisation findings coverage"),
  ],
  "/threats/catalog": () => [admin("/threats/catalog")],
  "/threats/techniques/[id]": () => [admin("/threats/techniques/AML.T0051")],
  "/threats/mitigations/[id]": () => [admin("/threats/mitigations/AML.M0000")],
  "/threats/case-studies/[id]": () => [admin("/threats/case-studies/AML.CS0000")],
};

const PATTERNS = routePatterns();

test("every page in app/ has an accessibility case", () => {
  expect(
    PATTERNS.filter((p) => !(p in CASES)),
    "pages without a case in e2e/accessibility.spec.ts",
  ).toEqual([]);
  expect(
    Object.keys(CASES).filter((p) => !PATTERNS.includes(p)),
    "cases for pages that no longer exist",
  ).toEqual([]);
});

async function signInAs(page: Page, fx: E2EFixtures, role: Role | null, current: { role: Role | null | undefined }) {
  if (current.role === role) return;
  if (role === null) await page.context().clearCookies();
  else await loginPage(page, fx, role);
  current.role = role;
}

test.describe("axe: zero WCAG 2.1 A/AA violations", () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  for (const pattern of PATTERNS.filter((p) => p in CASES)) {
    test(pattern, async ({ page, fixtures }) => {
      test.setTimeout(120_000);
      const current: { role: Role | null | undefined } = { role: undefined };
      const report: string[] = [];
      for (const visit of CASES[pattern](fixtures)) {
        await signInAs(page, fixtures, visit.role, current);
        const response = await page.goto(visit.url);
        expect(response?.status(), `${visit.url} loads`).toBeLessThan(400);
        await page.waitForLoadState("networkidle");
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        for (const v of results.violations) {
          report.push(
            `${visit.url} as ${visit.role ?? "signed out"}${visit.note ? ` (${visit.note})` : ""}: ${v.id} (${v.impact}) × ${v.nodes.length}: ${v.help}\n` +
              v.nodes
                .slice(0, 5)
                .map((n) => `    ${n.target.join(" ")} — ${n.failureSummary?.split("\n").slice(1, 2).join(" ").trim()}`)
                .join("\n"),
          );
        }
        console.log(
          `[axe] ${visit.url}${visit.role ? ` as ${visit.role}` : ""}: ${results.violations.reduce((n, v) => n + v.nodes.length, 0)} violating nodes`,
        );
      }
      expect(report, report.join("\n")).toEqual([]);
    });
  }
});
