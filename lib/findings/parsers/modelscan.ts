import { ParseRejection } from "./errors";
import { capText, isRecord, jsonPathString, optString, walkJson, type JsonPath } from "./read";
import { SEVERITIES, type ByteSource, type ParsedRecord, type ParsedTestResult, type Severity } from "./types";

const FORMAT = "modelscan" as const;

function severity(value: unknown): Severity | null {
  const text = typeof value === "string" ? value.toLowerCase() : null;
  return (SEVERITIES as readonly string[]).includes(text ?? "") ? (text as Severity) : null;
}

function issueResult(issue: unknown, path: JsonPath, groupSeverity: Severity | null): ParsedTestResult {
  const at = jsonPathString(path);
  if (!isRecord(issue)) throw new ParseRejection(FORMAT, { jsonPath: at }, "an issue is not an object");
  const operator = capText(issue.operator, 200);
  const scanner = capText(issue.scanner, 200);
  const testId = operator ?? scanner;
  if (!testId) throw new ParseRejection(FORMAT, { jsonPath: at }, 'an issue without "operator" or "scanner"');
  const own = issue.severity === undefined ? null : severity(issue.severity);
  if (issue.severity !== undefined && own === null) throw new ParseRejection(FORMAT, { jsonPath: `${at}.severity` }, "not LOW, MEDIUM, HIGH or CRITICAL");
  const moduleName = capText(issue.module, 200);
  return {
    runIndex: 0,
    tool: "modelscan",
    testId,
    detector: scanner,
    evaluated: 1,
    failed: 1,
    score: null,
    confidence: null,
    severity: own ?? groupSeverity,
    tags: moduleName ? [`module:${moduleName}`] : [],
    suppressed: false,
    message: capText(issue.description),
    artifact: capText(issue.source),
    location: { jsonPath: at },
    evidence: [],
  };
}

/**
 * ModelScan JSON report (`modelscan -r json`), both shapes: 0.7+ (`summary` with version, timestamp, input path
 * and `total_issues`; `issues[]` each with its `severity`) and 0.5 (those fields at the top level;
 * `issues_by_severity: { HIGH: [...] }`). Each issue is one failed result: test = operator (else scanner),
 * detector = scanner, artifact = the scanned file. A `total_issues` that disagrees with the issues listed is
 * rejected. `errors`, `scanned` and `skipped` carry no results. The run record comes last.
 */
export async function* parseModelScan(source: ByteSource): AsyncGenerator<ParsedRecord, void, undefined> {
  const facts: Record<string, unknown> = {};
  let issues = 0;
  let sawIssues = false;
  let declaredTotal: { value: number; at: string } | null = null;

  for await (const event of walkJson(source, FORMAT, (path) => {
    if (path.length === 0) return "descend";
    const [top] = path;
    if (path.length === 1) {
      if (top === "issues" || top === "issues_by_severity" || top === "summary") return "descend";
      return top === "modelscan_version" || top === "timestamp" || top === "input_path" || top === "total_issues" ? "collect" : "skip";
    }
    if (top === "issues") return path.length === 2 ? "collect" : "skip";
    if (top === "issues_by_severity") return path.length === 2 ? "descend" : path.length === 3 ? "collect" : "skip";
    if (top === "summary" && path.length === 2)
      return ["modelscan_version", "timestamp", "input_path", "total_issues", "absolute_path"].includes(String(path[1])) ? "collect" : "skip";
    return "skip";
  })) {
    const { path } = event;
    const at = jsonPathString(path);
    if (path.length === 0) {
      if (event.type === "value" || (event.type === "enter" && event.container !== "object"))
        throw new ParseRejection(FORMAT, { jsonPath: "$" }, "not a JSON object");
      continue;
    }
    const [top] = path;
    if (top === "issues" && path.length === 1) {
      if (event.type === "value" || (event.type === "enter" && event.container !== "array")) throw new ParseRejection(FORMAT, { jsonPath: at }, "not an array");
      sawIssues = true;
      continue;
    }
    if ((top === "issues_by_severity" || top === "summary") && path.length === 1) {
      if (event.type === "value" || (event.type === "enter" && event.container !== "object"))
        throw new ParseRejection(FORMAT, { jsonPath: at }, "not an object");
      if (top === "issues_by_severity") sawIssues = true;
      continue;
    }
    if (top === "issues_by_severity" && path.length === 2) {
      if (event.type === "value" || (event.type === "enter" && event.container !== "array")) throw new ParseRejection(FORMAT, { jsonPath: at }, "not an array");
      if (event.type === "enter" && severity(path[1]) === null) throw new ParseRejection(FORMAT, { jsonPath: at }, "not LOW, MEDIUM, HIGH or CRITICAL");
      continue;
    }
    if (event.type !== "value") continue;
    if (top === "issues" || top === "issues_by_severity") {
      issues += 1;
      yield { kind: "result", result: issueResult(event.value, path, top === "issues_by_severity" ? severity(path[1]) : null) };
      continue;
    }
    const key = String(path[path.length - 1]);
    if (key === "total_issues") {
      const value = event.value;
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new ParseRejection(FORMAT, { jsonPath: at }, "not a non-negative integer");
      declaredTotal = { value, at };
    } else facts[key] = event.value;
  }
  if (!sawIssues) throw new ParseRejection(FORMAT, { jsonPath: "$.issues" }, "missing (a ModelScan report lists issues[] or issues_by_severity)");
  if (declaredTotal && declaredTotal.value !== issues)
    throw new ParseRejection(FORMAT, { jsonPath: declaredTotal.at }, `says ${declaredTotal.value} issues but ${issues} are listed`);
  yield {
    kind: "run",
    run: {
      index: 0,
      tool: "modelscan",
      toolVersion: capText(facts.modelscan_version, 100),
      targetType: "model",
      targetName: capText(optString(facts.input_path) ?? facts.absolute_path, 300),
      runId: null,
      startedAt: capText(facts.timestamp, 100),
      location: { jsonPath: "$" },
    },
  };
}
