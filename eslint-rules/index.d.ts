import type { ESLint, Rule } from "eslint";

declare const plugin: ESLint.Plugin & {
  rules: { "verb-asserts-permission": Rule.RuleModule; "audit-in-transaction": Rule.RuleModule; "import-boundaries": Rule.RuleModule };
};
export default plugin;
