/**
 * A domain verb authorises itself: an exported function whose first parameter destructures `{ ctx }`
 * or `{ input }` (the verb shape, ARCHITECTURE.md rule 2) starts with `assertCan(ctx, …)` (or
 * `assertCanOnSome(ctx, …)` for ownership-scoped permissions re-checked once the resource is loaded).
 *
 * Verbs are async, so that a refusal rejects the returned promise rather than throwing at the call.
 *
 * A verb that deliberately needs no permission says so, with a reason, in a comment right above it:
 *
 *   // @no-permission: bootstrap – creates the organisation and its first admin; only the seed and CLI call it
 *
 * so "no check" is always a decision someone wrote down, never an omission.
 */
import { repoPath } from "./repo-path.js";

export const NO_PERMISSION_MARKER = "@no-permission:";
const DEFAULT_ASSERTS = ["assertCan", "assertCanOnSome"];

function verbParamKeys(fn) {
  let param = fn.params[0];
  if (param?.type === "AssignmentPattern") param = param.left;
  if (param?.type !== "ObjectPattern") return [];
  return param.properties.filter((p) => p.type === "Property" && p.key.type === "Identifier").map((p) => p.key.name);
}

function isAssertCall(statement, asserts) {
  if (statement?.type !== "ExpressionStatement") return false;
  const call = statement.expression;
  return (
    call.type === "CallExpression" &&
    call.callee.type === "Identifier" &&
    asserts.includes(call.callee.name) &&
    call.arguments[0]?.type === "Identifier" &&
    call.arguments[0].name === "ctx"
  );
}

/** @type {import("eslint").Rule.RuleModule} */
export default {
  meta: {
    type: "problem",
    docs: { description: "Exported domain verbs start with assertCan(ctx, …) or carry a documented @no-permission marker" },
    schema: [{ type: "object", properties: { asserts: { type: "array", items: { type: "string" } } }, additionalProperties: false }],
    messages: {
      missing:
        "Verb '{{name}}' must start with {{asserts}}(ctx, …) (ARCHITECTURE.md rule 3), or say why it needs no permission in a `// @no-permission: <reason>` comment right above it.",
      notAsync:
        "Verb '{{name}}' must be async: a refused permission (assertCan throws) then rejects the returned promise instead of throwing synchronously at the caller.",
      noReason: "The @no-permission marker on '{{name}}' needs a reason: `// @no-permission: <why this verb needs no permission>`.",
    },
  },
  create(context) {
    const asserts = context.options[0]?.asserts ?? DEFAULT_ASSERTS;
    if (/\.test\.[cm]?[jt]sx?$/.test(repoPath(context))) return {};
    const sourceCode = context.sourceCode;

    function check(exportNode, fn, name) {
      const keys = verbParamKeys(fn);
      if (!keys.includes("ctx") && !keys.includes("input")) return;
      const marker = sourceCode
        .getCommentsBefore(exportNode)
        .map((c) => c.value)
        .find((text) => text.includes(NO_PERMISSION_MARKER));
      if (marker !== undefined) {
        const reason = marker
          .slice(marker.indexOf(NO_PERMISSION_MARKER) + NO_PERMISSION_MARKER.length)
          .replace(/[\s*]+/g, " ")
          .trim();
        if (reason.length < 10) context.report({ node: exportNode, messageId: "noReason", data: { name } });
        return;
      }
      if (!fn.async) context.report({ node: fn.id ?? exportNode, messageId: "notAsync", data: { name } });
      const first = fn.body.type === "BlockStatement" ? fn.body.body[0] : undefined;
      if (!isAssertCall(first, asserts)) context.report({ node: fn.id ?? exportNode, messageId: "missing", data: { name, asserts: asserts.join("/") } });
    }

    return {
      ExportNamedDeclaration(node) {
        const decl = node.declaration;
        if (!decl) return;
        if (decl.type === "FunctionDeclaration") check(node, decl, decl.id?.name ?? "default");
        if (decl.type === "VariableDeclaration") {
          for (const d of decl.declarations) {
            if (d.init && (d.init.type === "ArrowFunctionExpression" || d.init.type === "FunctionExpression") && d.id.type === "Identifier")
              check(node, d.init, d.id.name);
          }
        }
      },
      ExportDefaultDeclaration(node) {
        const decl = node.declaration;
        if (decl.type === "FunctionDeclaration" || decl.type === "ArrowFunctionExpression" || decl.type === "FunctionExpression")
          check(node, decl, decl.id?.name ?? "default");
      },
    };
  },
};
