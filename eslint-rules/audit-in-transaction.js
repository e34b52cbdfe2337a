/**
 * Every mutation is one transaction with its audit event (ARCHITECTURE.md rule 4): a
 * `withTransaction(ctx, async (tx) => …)` (or `db.$transaction(async (tx) => …)`) whose callback writes
 * through `tx` (create, update, delete, upsert, their *Many forms, $executeRaw) also calls
 * `recordAudit(tx, …)` in that callback.
 */
import { walk } from "./repo-path.js";

export const WRITE_METHODS = ["create", "createMany", "createManyAndReturn", "update", "updateMany", "updateManyAndReturn", "upsert", "delete", "deleteMany"];
const RAW_WRITES = ["$executeRaw", "$executeRawUnsafe"];

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
  if (RAW_WRITES.includes(method) && isIdentifier(callee.object, tx)) return method;
  if (WRITE_METHODS.includes(method) && callee.object.type === "MemberExpression" && isIdentifier(callee.object.object, tx)) {
    return `${memberName(callee.object)}.${method}`;
  }
  return null;
}

/** @type {import("eslint").Rule.RuleModule} */
export default {
  meta: {
    type: "problem",
    docs: { description: "A withTransaction callback that writes through its transaction also records the audit event" },
    schema: [],
    messages: {
      missing:
        "This transaction writes ({{write}}) but records no audit event: call recordAudit(tx, ctx, …) in the same withTransaction callback (ARCHITECTURE.md rule 4).",
    },
  },
  create(context) {
    const keys = context.sourceCode.visitorKeys;
    return {
      CallExpression(node) {
        if (!isIdentifier(node.callee, "withTransaction") && memberName(node.callee) !== "$transaction") return;
        const fn = node.arguments.find((a) => a.type === "ArrowFunctionExpression" || a.type === "FunctionExpression");
        const tx = fn?.params[0]?.type === "Identifier" ? fn.params[0].name : null;
        if (!fn || !tx) return;
        let write = null;
        let audited = false;
        walk(fn.body, keys, (n) => {
          write ??= writeThrough(n, tx);
          if (n.type === "CallExpression" && isIdentifier(n.callee, "recordAudit")) audited = true;
        });
        if (write && !audited) context.report({ node, messageId: "missing", data: { write } });
      },
    };
  },
};
