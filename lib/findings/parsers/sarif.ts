import { ParseRejection } from "./errors";
import { capText, isRecord, jsonPathString, optNumber, optString, stringTags, walkJson } from "./read";
import type { ByteSource, ParsedRecord, Severity } from "./types";

const FORMAT = "sarif" as const;

type Rule = { id: string | null; tags: string[]; securitySeverity: number | null; level: string | null; messages: Record<string, string> };
type RunState = {
  index: number;
  tool: string | null;
  toolVersion: string | null;
  runId: string | null;
  startedAt: string | null;
  rules: Rule[];
  byId: Map<string, Rule>;
};

/** GitHub's convention: `security-severity` is a CVSS-like score 0–10. */
function scoreSeverity(score: number): Severity {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  if (score > 0) return "low";
  return "info";
}

function levelSeverity(level: string | null): Severity {
  switch (level) {
    case "error":
      return "high";
    case "note":
      return "low";
    case "none":
      return "info";
    default:
      return "medium"; // "warning", SARIF's default level
  }
}

/** Taxonomy references (`taxa[]` on a result, `relationships[].target` on a rule) as tags `<taxonomy>:<id>`, e.g. `CWE:79`. */
function taxonomyTags(references: unknown): string[] {
  if (!Array.isArray(references)) return [];
  const tags: string[] = [];
  for (const reference of references) {
    const target = isRecord(reference) && isRecord(reference.target) ? reference.target : reference;
    if (!isRecord(target)) continue;
    const id = optString(target.id);
    const component = isRecord(target.toolComponent) ? optString(target.toolComponent.name) : null;
    if (id) tags.push(component ? `${component}:${id}` : id);
  }
  return stringTags(tags);
}

function readRule(value: unknown): Rule {
  const rule = isRecord(value) ? value : {};
  const properties = isRecord(rule.properties) ? rule.properties : {};
  const config = isRecord(rule.defaultConfiguration) ? rule.defaultConfiguration : {};
  const messages: Record<string, string> = {};
  if (isRecord(rule.messageStrings))
    for (const [id, message] of Object.entries(rule.messageStrings)) {
      const text = isRecord(message) ? optString(message.text) : null;
      if (text) messages[id] = text;
    }
  return {
    id: capText(rule.id, 200),
    tags: stringTags([...stringTags(properties.tags), ...taxonomyTags(rule.relationships)]),
    securitySeverity: optNumber(properties["security-severity"]),
    level: optString(config.level),
    messages,
  };
}

function fillArguments(template: string, args: unknown): string {
  const list = Array.isArray(args) ? args : [];
  return template.replace(/\{(\d+)\}/g, (match, n: string) => {
    const arg = list[Number(n)];
    return typeof arg === "string" || typeof arg === "number" ? String(arg) : match;
  });
}

/** A result is suppressed when it has suppressions and every one is accepted (status absent means accepted). */
function isSuppressed(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  return value.every((s) => isRecord(s) && (s.status === undefined || s.status === "accepted"));
}

function firstLocation(value: unknown): string | null {
  if (!Array.isArray(value) || !isRecord(value[0])) return null;
  const physical = isRecord(value[0].physicalLocation) ? value[0].physicalLocation : null;
  if (!physical) return null;
  const uri = isRecord(physical.artifactLocation) ? optString(physical.artifactLocation.uri) : null;
  const line = isRecord(physical.region) ? optNumber(physical.region.startLine) : null;
  if (!uri) return null;
  return capText(line !== null ? `${uri}:${line}` : uri, 500);
}

/**
 * SARIF 2.1.0: every run (`runs[]`) is a run record (tool.driver name and version, automationDetails.id as the
 * run id), every result a test result: test = `ruleId` (else `rule.id`, else the rule at `ruleIndex`/`rule.index`),
 * tags from the rule's `properties.tags` and taxonomy references (`relationships`, the result's `taxa`: `CWE:79`), severity from `security-severity` (result, else rule), else from the
 * level (result, else the rule's default, else "warning"). `kind` "pass" counts as evaluated and not failed,
 * "notApplicable" as not evaluated; accepted `suppressions` set `suppressed`. Rules are resolved when the run's
 * `tool` precedes its `results`, as SARIF writers emit it; otherwise only `ruleId` is known.
 */
export async function* parseSarif(source: ByteSource): AsyncGenerator<ParsedRecord, void, undefined> {
  let version: unknown = undefined;
  let sawRuns = false;
  let run: RunState | null = null;

  for await (const event of walkJson(source, FORMAT, (path) => {
    if (path.length === 0) return "descend";
    if (path.length === 1) return path[0] === "runs" ? "descend" : path[0] === "version" ? "collect" : "skip";
    if (path[0] !== "runs") return "skip";
    if (path.length === 2) return "descend";
    if (path.length === 3)
      return path[2] === "results" ? "descend" : path[2] === "tool" || path[2] === "automationDetails" || path[2] === "invocations" ? "collect" : "skip";
    return path[2] === "results" && path.length === 4 ? "collect" : "skip";
  })) {
    const { path } = event;
    const at = jsonPathString(path);
    if (path.length === 0) {
      if (event.type === "value" || (event.type === "enter" && event.container !== "object"))
        throw new ParseRejection(FORMAT, { jsonPath: "$" }, "not a JSON object");
      continue;
    }
    if (path.length === 1) {
      if (path[0] === "version" && event.type === "value") {
        version = event.value;
        if (version !== "2.1.0")
          throw new ParseRejection(FORMAT, { jsonPath: at }, `SARIF version ${JSON.stringify(version)} is not supported (expected "2.1.0")`);
      } else if (path[0] === "runs") {
        if (event.type === "value" || (event.type === "enter" && event.container !== "array"))
          throw new ParseRejection(FORMAT, { jsonPath: at }, "not an array");
        sawRuns = true;
      }
      continue;
    }
    if (path.length === 2) {
      if (event.type === "value" || (event.type === "enter" && event.container !== "object"))
        throw new ParseRejection(FORMAT, { jsonPath: at }, "a run is not an object");
      if (event.type === "enter") run = { index: Number(path[1]), tool: null, toolVersion: null, runId: null, startedAt: null, rules: [], byId: new Map() };
      if (event.type === "exit" && run) {
        if (!run.tool) throw new ParseRejection(FORMAT, { jsonPath: `${at}.tool.driver.name` }, "missing (every SARIF run names its tool)");
        yield {
          kind: "run",
          run: {
            index: run.index,
            tool: run.tool,
            toolVersion: run.toolVersion,
            targetType: null,
            targetName: null,
            runId: run.runId,
            startedAt: run.startedAt,
            location: { jsonPath: at },
          },
        };
        run = null;
      }
      continue;
    }
    if (!run) continue;
    if (path.length === 3) {
      if (path[2] === "results") {
        if (event.type === "value" && event.value !== null) throw new ParseRejection(FORMAT, { jsonPath: at }, "not an array");
        if (event.type === "enter" && event.container !== "array") throw new ParseRejection(FORMAT, { jsonPath: at }, "not an array");
        continue;
      }
      if (event.type !== "value") continue;
      if (path[2] === "tool") {
        const driver = isRecord(event.value) && isRecord(event.value.driver) ? event.value.driver : null;
        if (!driver) throw new ParseRejection(FORMAT, { jsonPath: `${at}.driver` }, "missing");
        run.tool = capText(driver.name, 200);
        run.toolVersion = capText(driver.semanticVersion ?? driver.version, 100);
        run.rules = Array.isArray(driver.rules) ? driver.rules.map(readRule) : [];
        for (const rule of run.rules) if (rule.id && !run.byId.has(rule.id)) run.byId.set(rule.id, rule);
        if (!run.tool) throw new ParseRejection(FORMAT, { jsonPath: `${at}.driver.name` }, "missing");
      } else if (path[2] === "automationDetails" && isRecord(event.value)) run.runId = capText(event.value.id ?? event.value.guid, 200);
      else if (path[2] === "invocations" && Array.isArray(event.value) && isRecord(event.value[0])) run.startedAt = capText(event.value[0].startTimeUtc, 100);
      continue;
    }
    if (event.type !== "value") continue;

    const result = event.value;
    if (!isRecord(result)) throw new ParseRejection(FORMAT, { jsonPath: at }, "a result is not an object");
    const ruleRef = isRecord(result.rule) ? result.rule : {};
    const ruleIndex = result.ruleIndex ?? ruleRef.index;
    let rule: Rule | null = null;
    if (ruleIndex !== undefined && ruleIndex !== -1) {
      if (typeof ruleIndex !== "number" || !Number.isInteger(ruleIndex) || ruleIndex < 0 || (run.tool && ruleIndex >= run.rules.length))
        throw new ParseRejection(FORMAT, { jsonPath: `${at}.ruleIndex` }, `no rule at index ${JSON.stringify(ruleIndex)} in tool.driver.rules`);
      rule = run.rules[ruleIndex] ?? null;
    }
    const ruleId = capText(result.ruleId, 200) ?? capText(ruleRef.id, 200) ?? rule?.id ?? null;
    if (!ruleId) throw new ParseRejection(FORMAT, { jsonPath: `${at}.ruleId` }, "missing (a result names its rule by ruleId, rule.id or ruleIndex)");
    rule ??= run.byId.get(ruleId) ?? null;
    const properties = isRecord(result.properties) ? result.properties : {};
    const securitySeverity = optNumber(properties["security-severity"]) ?? rule?.securitySeverity ?? null;
    const level = optString(result.level) ?? rule?.level ?? null;
    const kind = optString(result.kind) ?? "fail";
    const message = isRecord(result.message) ? result.message : {};
    const template = optString(message.text) ?? (optString(message.id) && rule ? (rule.messages[String(message.id)] ?? null) : null);
    yield {
      kind: "result",
      result: {
        runIndex: run.index,
        tool: run.tool ?? "unknown",
        testId: ruleId,
        detector: null,
        evaluated: kind === "notApplicable" ? 0 : 1,
        failed: kind === "fail" ? 1 : 0,
        score: null,
        confidence: null,
        severity: securitySeverity !== null ? scoreSeverity(securitySeverity) : levelSeverity(level),
        tags: stringTags([...(rule?.tags ?? []), ...stringTags(properties.tags), ...taxonomyTags(result.taxa)]),
        suppressed: isSuppressed(result.suppressions),
        message: template ? capText(fillArguments(template, message.arguments)) : null,
        artifact: firstLocation(result.locations),
        location: { jsonPath: at },
        evidence: [],
      },
    };
  }
  if (version === undefined) throw new ParseRejection(FORMAT, { jsonPath: "$.version" }, 'missing (expected "2.1.0")');
  if (!sawRuns) throw new ParseRejection(FORMAT, { jsonPath: "$.runs" }, "missing");
}
