/**
 * Import boundaries that `no-restricted-imports` patterns cannot express, because they depend on where
 * the importing file lives:
 *
 * - a domain's `internal.ts` is private to its folder: `lib/<d>/internal` is imported only from `lib/<d>/`;
 * - domain code does not import the web adapters: nothing in `lib/<d>/` imports `lib/web/` (except
 *   `lib/web/` itself and `lib/openapi/`, which documents the HTTP transport);
 * - scripts/ (CLIs, benchmarks, their tests) do not import tests/; shared fixtures live in scripts/support/;
 * - unit tests beside the domain (`lib/**\/*.test.ts`) do not import scripts/;
 * - the application (app/, components/, lib/ and the root proxy and configs, tests excepted) imports
 *   neither tests/ nor scripts/: nothing the server runs depends on test or tooling code.
 */
import { repoPath, resolveImport } from "./repo-path.js";

export const WEB_IMPORTERS = ["web", "openapi"];

const isTest = (file) => /\.test\.[cm]?[jt]sx?$/.test(file);
const isApplication = (file) => !isTest(file) && (/^(app|components|lib)\//.test(file) || /^(proxy|instrumentation|next\.config)\.[cm]?[jt]s$/.test(file));
const under = (target, dir) => target === dir || target.startsWith(`${dir}/`);

/** The rule's verdict for one import: a message id with its data, or null when allowed. */
export function checkImport(from, target) {
  const internal = /^lib\/([^/]+)\/internal$/.exec(target);
  if (internal && !from.startsWith(`lib/${internal[1]}/`)) return { messageId: "foreignInternal", data: { domain: internal[1] } };
  const domain = /^lib\/([^/]+)\//.exec(from)?.[1];
  if (domain && !WEB_IMPORTERS.includes(domain) && target.startsWith("lib/web/")) return { messageId: "domainImportsWeb", data: { domain } };
  if (isApplication(from) && (under(target, "tests") || under(target, "scripts")))
    return { messageId: "applicationImportsDevCode", data: { dir: target.split("/")[0] } };
  if (from.startsWith("scripts/") && under(target, "tests")) return { messageId: "scriptImportsTests", data: {} };
  if (from.startsWith("lib/") && isTest(from) && under(target, "scripts")) return { messageId: "libTestImportsScripts", data: {} };
  return null;
}

/** @type {import("eslint").Rule.RuleModule} */
export default {
  meta: {
    type: "problem",
    docs: { description: "Repository import boundaries that depend on the importing file's location" },
    schema: [],
    messages: {
      foreignInternal:
        "lib/{{domain}}/internal.ts is private to lib/{{domain}}/: import a named module of that domain instead (or move the shared helper to one).",
      domainImportsWeb:
        "Domain code (lib/{{domain}}/) must not import the web adapters in lib/web/ (ARCHITECTURE.md): keep HTTP and form concerns in app/ or lib/web/.",
      applicationImportsDevCode: "Application code must not import {{dir}}/: the server never runs test or tooling code (move what both need into lib/).",
      scriptImportsTests: "scripts/ must not import tests/: move shared fixtures to scripts/support/ (tests may import them from there).",
      libTestImportsScripts: "Unit tests in lib/ must not import scripts/: test the script under scripts/ or tests/, or move the shared code into lib/.",
    },
  },
  create(context) {
    const from = repoPath(context);
    function check(node, source) {
      if (source?.type !== "Literal" || typeof source.value !== "string") return;
      const target = resolveImport(from, source.value);
      if (target === null) return;
      const verdict = checkImport(from, target);
      if (verdict) context.report({ node: source, ...verdict });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
    };
  },
};
