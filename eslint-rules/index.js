/**
 * The repository's own ESLint rules (registered as the "aigov" plugin in eslint.config.js). Each rule
 * checks one convention of ARCHITECTURE.md and has a test beside it (RuleTester under vitest).
 */
import auditInTransaction from "./audit-in-transaction.js";
import importBoundaries from "./import-boundaries.js";
import verbAssertsPermission from "./verb-asserts-permission.js";

const plugin = {
  meta: { name: "aigov" },
  rules: {
    "verb-asserts-permission": verbAssertsPermission,
    "audit-in-transaction": auditInTransaction,
    "import-boundaries": importBoundaries,
  },
};

export default plugin;
