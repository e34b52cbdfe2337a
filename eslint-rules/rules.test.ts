import path from "node:path";
import { RuleTester } from "eslint";
import tseslint from "typescript-eslint";
import { describe, it } from "vitest";
import plugin from "./index.js";

// ESLint's RuleTester drives vitest's describe/it; code is parsed as TypeScript, files are named
// relative to the repository root because the rules look at where a file lives.
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: "latest", sourceType: "module" } });
const file = (rel: string) => path.join(process.cwd(), rel);
const { rules } = plugin;

tester.run("verb-asserts-permission", rules["verb-asserts-permission"], {
  valid: [
    {
      name: "a verb that starts with assertCan",
      filename: file("lib/risks/get-risk.ts"),
      code: `export async function getRisk({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
        assertCan(ctx, "inventory:read");
        return load(ctx, input.id);
      }`,
    },
    {
      name: "an ownership-scoped verb that starts with assertCanOnSome",
      filename: file("lib/evidence/create-evidence.ts"),
      code: `export async function createEvidence({ ctx, input }) { assertCanOnSome(ctx, "control:write"); return withTransaction(ctx, async (tx) => input); }`,
    },
    {
      name: "an exported arrow verb, and a default input",
      filename: file("lib/controls/get-compliance-posture.ts"),
      code: `export const getPosture = async ({ ctx, input = {} }: { ctx: ServiceContext; input?: object }) => { assertCan(ctx, "inventory:read"); return input; };`,
    },
    {
      name: "a verb without a permission, with the reason written down",
      filename: file("lib/orgs/create-organization.ts"),
      code: `/** Bootstrap. */
      // @no-permission: bootstrap – there is no member yet who could be authorised
      export async function createOrganization({ input }: { input: { name: string } }) { return input.name; }`,
    },
    {
      name: "helpers with positional parameters are not verbs",
      filename: file("lib/systems/internal.ts"),
      code: `export async function findSystemOrThrow(tx, ctx, id) { return tx.aISystem.findFirst({ where: { id, orgId: ctx.orgId } }); }
      export function toDetail(row) { return row; }
      export const helper = ({ rows }: { rows: string[] }) => rows.length;`,
    },
    {
      name: "a non-exported function is not a verb",
      filename: file("lib/systems/set-archived.ts"),
      code: `async function inner({ ctx }) { return ctx.orgId; }`,
    },
    {
      name: "test files are not checked",
      filename: file("lib/risks/score-risk.test.ts"),
      code: `export function run({ ctx }) { return ctx; }`,
    },
  ],
  invalid: [
    {
      name: "a verb with no check at all",
      filename: file("lib/risks/load-risk-register.ts"),
      code: `export async function loadRiskRegister({ ctx, input }: { ctx: ServiceContext; input: unknown }) { return getRiskMatrix({ ctx, input }); }`,
      errors: [{ messageId: "missing", data: { name: "loadRiskRegister", asserts: "assertCan/assertCanOnSome" } }],
    },
    {
      name: "the check is not the first statement",
      filename: file("lib/risks/get-risk.ts"),
      code: `export async function getRisk({ ctx, input }) { const row = await db.risk.findFirst({ where: { id: input.id } }); assertCan(ctx, "inventory:read"); return row; }`,
      errors: [{ messageId: "missing" }],
    },
    {
      name: "a verb that only delegates to a helper",
      filename: file("lib/systems/archive-system.ts"),
      code: `export async function archiveSystem({ ctx, input }) { return setArchived(ctx, input.id, true); }`,
      errors: [{ messageId: "missing" }],
    },
    {
      name: "a verb that is not async throws its refusal synchronously",
      filename: file("lib/systems/archive-system.ts"),
      code: `export function archiveSystem({ ctx, input }) { assertCan(ctx, "system:archive"); return setArchived(ctx, input.id, true); }`,
      errors: [{ messageId: "notAsync", data: { name: "archiveSystem" } }],
    },
    {
      name: "an arrow verb with an expression body",
      filename: file("lib/risks/get-matrix.ts"),
      code: `export const getMatrix = async ({ ctx }: { ctx: ServiceContext }) => load(ctx);`,
      errors: [{ messageId: "missing" }],
    },
    {
      name: "a check on another context is not the verb's check",
      filename: file("lib/risks/get-risk.ts"),
      code: `export async function getRisk({ ctx, input }) { assertCan(systemCtx, "inventory:read"); return input; }`,
      errors: [{ messageId: "missing" }],
    },
    {
      name: "a marker without a reason",
      filename: file("lib/orgs/create-organization.ts"),
      code: `// @no-permission:
      export async function createOrganization({ input }) { return input; }`,
      errors: [{ messageId: "noReason" }],
    },
  ],
});

tester.run("audit-in-transaction", rules["audit-in-transaction"], {
  valid: [
    {
      name: "a write and its audit event in one transaction",
      code: `export async function createRisk({ ctx, input }) {
        assertCan(ctx, "risk:write");
        return withTransaction(ctx, async (tx) => {
          const row = await tx.risk.create({ data: input });
          await recordAudit(tx, ctx, { action: "risk.create", entityType: "risk", entityId: row.id });
          return row;
        });
      }`,
    },
    {
      name: "a read-only transaction needs no audit event",
      code: `withTransaction(ctx, async (tx) => { const a = await tx.risk.findMany({}); return tx.risk.count({ where: { id: a[0].id } }); });`,
    },
    {
      name: "db.$transaction with its audit event",
      code: `db.$transaction(async (tx) => { await tx.membership.create({ data }); await recordAudit(tx, ctx, event); });`,
    },
    {
      name: "an advisory lock is raw SQL that writes nothing",
      code: "withTransaction(ctx, async (tx) => { await tx.$executeRaw`SELECT pg_advisory_xact_lock(${key})`; return tx.risk.findMany({}); });",
    },
    {
      name: "a write that is deliberately not an audit event, with the reason written down",
      code: `async function signIn() {
        // @no-audit: sign-in attempts belong to no organisation; they are the security log
        const row = await db.$transaction(async (tx) => tx.loginAttempt.create({ data }));
        return row;
      }`,
    },
    {
      name: "direct writes are only checked where asked for",
      code: `export async function seed() { await db.user.create({ data }); }`,
    },
    {
      name: "a read straight through the client is fine",
      options: [{ directWrites: true }],
      code: `export async function getRisk() { return (ctx.tx ?? db).risk.findFirst({ where }); }`,
    },
    {
      name: "a write through the client inside a transaction callback is that transaction's",
      options: [{ directWrites: true }],
      code: `withTransaction(ctx, async (tx) => { await recordAudit(tx, ctx, event); return tx.risk.create({ data }); });`,
    },
    {
      name: "a direct write that is deliberately no audit event, with the reason written down",
      options: [{ directWrites: true }],
      code: `async function touch() {
        // @no-audit: the token's last-used time is bookkeeping, not an organisation's change
        await db.apiToken.update({ where, data });
      }`,
    },
    {
      name: "a write through another client is not this transaction's",
      code: `withTransaction(ctx, async (tx) => { await db.risk.findFirst({}); return other.risk.find(); });`,
    },
  ],
  invalid: [
    {
      name: "a create without an audit event",
      code: `export async function createRisk({ ctx, input }) { return withTransaction(ctx, async (tx) => tx.risk.create({ data: input })); }`,
      errors: [{ messageId: "missing", data: { write: "risk.create" } }],
    },
    {
      name: "a delete nested in a loop",
      code: `withTransaction(ctx, async (tx) => { await Promise.all(ids.map((id) => tx.evidenceLink.deleteMany({ where: { id } }))); });`,
      errors: [{ messageId: "missing", data: { write: "evidenceLink.deleteMany" } }],
    },
    {
      name: "raw SQL that writes",
      code: 'withTransaction(ctx, async (trx) => { await trx.$executeRaw`UPDATE "Risk" SET x = 1`; });',
      errors: [{ messageId: "missing", data: { write: "$executeRaw" } }],
    },
    {
      name: "raw SQL whose text is not visible counts as a write",
      code: `withTransaction(ctx, async (tx) => { await tx.$executeRawUnsafe(sql, id); });`,
      errors: [{ messageId: "missing", data: { write: "$executeRawUnsafe" } }],
    },
    {
      name: "a @no-audit marker without a reason",
      code: `// @no-audit:
      withTransaction(ctx, async (tx) => { await tx.risk.delete({ where }); });`,
      errors: [{ messageId: "noReason" }],
    },
    {
      name: "a write straight through the client (lib/)",
      options: [{ directWrites: true }],
      code: `export async function rename({ ctx, input }) { assertCan(ctx, "system:update"); await db.aISystem.update({ where: { id: input.id }, data: input }); }`,
      errors: [{ messageId: "directWrite", data: { write: "aISystem.update" } }],
    },
    {
      name: "… also through ctx.tx ?? db",
      options: [{ directWrites: true }],
      code: `export async function add({ ctx, input }) { await (ctx.tx ?? db).risk.create({ data: input }); }`,
      errors: [{ messageId: "directWrite", data: { write: "risk.create" } }],
    },
    {
      name: "an upsert in db.$transaction",
      code: `db.$transaction(async (tx) => { await tx.user.upsert({ where, create, update }); });`,
      errors: [{ messageId: "missing", data: { write: "user.upsert" } }],
    },
  ],
});

tester.run("import-boundaries", rules["import-boundaries"], {
  valid: [
    {
      name: "a domain imports its own internal.ts",
      filename: file("lib/controls/update-system-control.ts"),
      code: `import { loadWritableSystem } from "./internal";`,
    },
    { name: "… also by alias", filename: file("lib/controls/list-system-controls.ts"), code: `import { memberNames } from "@/lib/controls/internal";` },
    {
      name: "a named module of another domain",
      filename: file("lib/evidence/create-evidence.ts"),
      code: `import { loadWritableSystem } from "@/lib/controls/control-system";`,
    },
    { name: "web adapters import lib/web", filename: file("lib/web/http/problem.ts"), code: `import { x } from "@/lib/web/action-state";` },
    {
      name: "the OpenAPI document describes the HTTP transport",
      filename: file("lib/openapi/openapi-helpers.ts"),
      code: `import { x } from "@/lib/web/http/with-api-handler";`,
    },
    { name: "app/ imports lib/web", filename: file("app/api/v1/risks/route.ts"), code: `import { withApiHandler } from "@/lib/web/http/with-api-handler";` },
    {
      name: "tests import scripts",
      filename: file("tests/setup/integration-global.ts"),
      code: `import { createTestDatabase } from "@/scripts/support/test-database";`,
    },
    {
      name: "scripts import scripts/support",
      filename: file("scripts/bench-threats.ts"),
      code: `import { createTestDatabase } from "./support/test-database";`,
    },
    { name: "a lib test imports lib", filename: file("lib/catalogs/catalog-accessors.test.ts"), code: `import { x } from "./frameworks";` },
    {
      name: "a lib unit test may import tests/ helpers",
      filename: file("lib/atlas/parse-atlas-release.test.ts"),
      code: `import { readReference } from "@/tests/reference-data";`,
    },
    { name: "packages are not checked", filename: file("scripts/run-e2e.ts"), code: `import pg from "pg"; import { z } from "zod";` },
  ],
  invalid: [
    {
      name: "another domain's internal.ts (alias)",
      filename: file("lib/evidence/create-evidence.ts"),
      code: `import { loadWritableSystem } from "@/lib/controls/internal";`,
      errors: [{ messageId: "foreignInternal", data: { domain: "controls" } }],
    },
    {
      name: "another domain's internal.ts (relative, with extension)",
      filename: file("lib/evidence/list-system-evidence.ts"),
      code: `export { findControlSystemOrThrow } from "../controls/internal.ts";`,
      errors: [{ messageId: "foreignInternal" }],
    },
    {
      name: "a route handler reaching into a domain's internal.ts",
      filename: file("app/api/v1/risks/route.ts"),
      code: `import { findRiskOrThrow } from "@/lib/risks/internal";`,
      errors: [{ messageId: "foreignInternal", data: { domain: "risks" } }],
    },
    {
      name: "domain code importing a web adapter",
      filename: file("lib/evidence/get-evidence-file.ts"),
      code: `import { evidenceDownloadHeaders } from "@/lib/web/evidence-download-headers";`,
      errors: [{ messageId: "domainImportsWeb", data: { domain: "evidence" } }],
    },
    {
      name: "a script importing tests/ (relative)",
      filename: file("scripts/bench/lifecycle.ts"),
      code: `import { ADMIN_URL } from "../../tests/setup/test-database";`,
      errors: [{ messageId: "scriptImportsTests" }],
    },
    {
      name: "a script importing tests/ (dynamic, alias)",
      filename: file("scripts/bench-inventory.ts"),
      code: `const m = await import("@/tests/factories/create-test-org");`,
      errors: [{ messageId: "scriptImportsTests" }],
    },
    {
      name: "application code importing tests/",
      filename: file("lib/demo/seed-demo.ts"),
      code: `import { createTestOrg } from "@/tests/support/create-test-org";`,
      errors: [{ messageId: "applicationImportsDevCode", data: { dir: "tests" } }],
    },
    {
      name: "a route importing scripts/",
      filename: file("app/api/v1/systems/route.ts"),
      code: `import { REPO_ROOT } from "../../../../scripts/build-catalogs";`,
      errors: [{ messageId: "applicationImportsDevCode", data: { dir: "scripts" } }],
    },
    {
      name: "the proxy importing tests/",
      filename: file("proxy.ts"),
      code: `import { x } from "./tests/support/harness";`,
      errors: [{ messageId: "applicationImportsDevCode" }],
    },
    {
      name: "a lib unit test importing scripts/",
      filename: file("lib/catalogs/catalog-fidelity.test.ts"),
      code: `import { buildCatalogFiles } from "@/scripts/build-catalogs";`,
      errors: [{ messageId: "libTestImportsScripts" }],
    },
  ],
});
