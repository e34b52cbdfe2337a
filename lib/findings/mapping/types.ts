import type { Severity } from "@/lib/findings/parsers/types";

/** What one scanner test maps to: ATLAS technique ids, OWASP LLM Top 10 2025 ids, the tool's default severity, and why. */
export type MappedTest = {
  /** MITRE ATLAS technique or sub-technique ids (`AML.T0051.000`), sorted, once each. */
  techniqueIds: string[];
  /** OWASP Top 10 for LLM Applications 2025 ids (`LLM01:2025`), sorted, once each. */
  owaspIds: string[];
  /** The tool's default severity for the test when the built-in data has one (promptfoo plugins, ModelScan operators); else null. */
  severity: Severity | null;
  /** One line per row or tag that contributed, saying where the mapping comes from; sorted, once each. */
  sources: string[];
};

/** What identifies a test, as the parsers emit it (`ParsedTestResult` tool, testId, detector, tags). */
export type TestRef = { tool: string; testId: string; detector: string | null; tags: readonly string[] };

/** One built-in row in a common shape, for the docs page and the tests (`listMappingRows`). */
export type MappingRow = {
  /** The tool as the parsers name it ("garak", "promptfoo", "modelscan"), or "any" for the tag rules. */
  tool: string;
  /** What the row matches: a garak module or probe, a promptfoo plugin id (`harmful:*` for a family), a ModelScan scanner or module. */
  key: string;
  techniqueIds: readonly string[];
  /** OWASP 2025 ids, after re-keying garak's 2023-numbered tags. */
  owaspIds: readonly string[];
  severity: Severity | null;
  source: string;
};
