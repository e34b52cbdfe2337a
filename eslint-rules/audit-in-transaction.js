/**
 * Every mutation is one transaction with its audit event (ARCHITECTURE.md rule 4): a
 * `withTransaction(ctx, async (tx) => …)` (or `db.$transaction(async (tx) => …)`) whose callback writes
 * through `tx` (create, update, delete, upsert, their *Many forms, $executeRaw) also calls
 * `recordAudit(tx, …)` in that callback. Raw SQL counts as a write unless its text visibly starts with
 * SELECT (advisory locks: `SELECT pg_advisory_xact_lock(…)`).
 *
 * With `{ directWrites: true }` (lib/), a write straight through the client (`db.model.update(…)`,
 * `(ctx.tx ?? db).model.create(…)`), outside any transaction callback, is flagged too: it cannot be
 * in the same transaction as an audit event.
 *
 * A write which is deliberately not an organisation's audit event (the sign-in security log, a token's
 * last-used time) says so in a comment right above its statement:
 *
 *   // @no-audit: sign-in attempts belong to no organisation; they are the security log (LoginAttempt)
 */
import { walk } from "./repo-path.js";

export const WRITE_METHODS = ["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"];
const RAW_WRITES = ["$executeRaw", "$executeRawUnsafe"];

export const NO_AUDIT_MARKER = "@no-audit:";

/** The SQL text of a raw call when it is written out (tagged template or string literal), else null. */
function rawSqlText(node) {
  if (node.type === "TaggedTemplateExpression") return node.quasi.quasis.map((q) => q.value.cooked ?? "").join(" ");
  const first = node.arguments?.[0];
  if (first?.type === "Literal" && typeof first.value === "string") return first.value;
  if (first?.type === "TemplateLiteral") return first.quasis.map((q) => q.value.cooked ?? "").join(" ");
  return null;
}

function memberName(node) {
  if (node.type !== "MemberExpression" || node.computed) return null;
  return node.property.type === "Identifier" ? node.property.name : null;
}

function isIdentifier(node, name) {
  return node?.type === "Identifier" && node.name === name;
}

/** `tx.model.create(…)` or `tx.$executeRaw…`: the name of the write, else null. */
function writeThrough(node, tx) {
  const callee = node.type === "CallExpression" ? node.callee : node.type === "TaggedTemplateExpression" ? node.tag : null;
  if (!callee || callee.type !== "MemberExpression") return null;
  const method = memberName(callee);
  if (RAW_WRITES.includes(method) && isIdentifier(callee.object, tx)) return /^\s*select\b/i.test(rawSqlText(node) ?? "") ? null : method;
  if (WRITE_METHODS.includes(method) && callee.object.type === "MemberExpression" && isIdentifier(callee.object.object, tx)) {
    return `${memberName(callee.object)}.${method}`;
  }
  return null;
}

/** `db.model.write(…)` or `(x ?? db).model.write(…)`: the name of the write, else null. */
function directWrite(node) {
  if (node.type !== "CallExpression" || node.callee.type !== "MemberExpression") return null;
  const method = memberName(node.callee);
  const model = node.callee.object;
  if (!WRITE_METHODS.includes(method) || model.type !== "MemberExpression") return null;
  const client = model.object;
  const isDb = isIdentifier(client, "db") || (client.type === "LogicalExpression" && isIdentifier(client.right, "db"));
  return isDb ? `${memberName(model)}.${method}` : null;
}

/** @type {import("eslint").Rule.RuleModule} */
export default {
  meta: {
    type: "problem",
    docs: { description: "A withTransaction callback that writes through its transaction also records the audit event" },
    schema: [{ type: "object", properties: { directWrites: { type: "boolean" } }, additionalProperties: false }],
    messages: {
      noReason: "The @no-audit marker needs a reason: `// @no-audit: <why this write is not an audit event>`.",
      directWrite:
        "A write straight through the client ({{write}}) is outside any transaction, so no audit event can commit with it: use withTransaction(ctx, (tx) => …) with recordAudit (ARCHITECTURE.md rule 4), or say why not in a `// @no-audit: <reason>` comment above the statement.",
      missing:
        "This transaction writes ({{write}}) but records no audit event: call recordAudit(tx, ctx, …) in the same withTransaction callback (ARCHITECTURE.md rule 4), or say why not in a `// @no-audit: <reason>` comment above the statement.",
    },
  },
  create(context) {
    const keys = context.sourceCode.visitorKeys;
    const directWrites = context.options[0]?.directWrites === true;
    /** Transaction callbacks seen so far: writes inside them are checked as a whole. */
    const transactionCallbacks = new Set();

    function reportUnlessMarked(node, messageId, write) {
      let statement = node;
      while (statement.parent && !["BlockStatement", "Program", "StaticBlock"].includes(statement.parent.type)) statement = statement.parent;
      const marker = context.sourceCode
        .getCommentsBefore(statement)
        .map((c) => c.value)
        .find((text) => text.includes(NO_AUDIT_MARKER));
      if (marker === undefined) context.report({ node, messageId, data: { write } });
      else if (marker.slice(marker.indexOf(NO_AUDIT_MARKER) + NO_AUDIT_MARKER.length).trim().length < 10) context.report({ node, messageId: "noReason" });
    }

    function insideTransactionCallback(node) {
      for (let n = node.parent; n; n = n.parent) if (transactionCallbacks.has(n)) return true;
      return false;
    }

    return {
      "CallExpression:exit"(node) {
        if (!directWrites) return;
        const write = directWrite(node);
        if (write && !insideTransactionCallback(node)) reportUnlessMarked(node, "directWrite", write);
      },
      CallExpression(node) {
        if (!isIdentifier(node.callee, "withTransaction") && memberName(node.callee) !== "$transaction") return;
        const fn = node.arguments.find((a) => a.type === "ArrowFunctionExpression" || a.type === "FunctionExpression");
        const tx = fn?.params[0]?.type === "Identifier" ? fn.params[0].name : null;
        if (!fn || !tx) return;
        transactionCallbacks.add(fn);
        let write = null;
        let audited = false;
        walk(fn.body, keys, (n) => {
          write ??= writeThrough(n, tx);
          if (n.type === "CallExpression" && isIdentifier(n.callee, "recordAudit")) audited = true;
        });
        if (write && !audited) reportUnlessMarked(node, "missing", write);
      },
    };
  },
};
