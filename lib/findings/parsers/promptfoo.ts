import { ParseRejection } from "./errors";
import { capText, excerpt, isRecord, jsonPathString, optNumber, optString, stringTags, walkJson } from "./read";
import { SEVERITIES, type ByteSource, type ParsedRecord, type Severity } from "./types";

const FORMAT = "promptfoo" as const;
/** promptfoo's ResultFailureReason: 0 none, 1 an assertion failed, 2 the provider or grader errored. */
const FAILURE_ERROR = 2;

function severity(value: unknown): Severity | null {
  const text = typeof value === "string" ? value.toLowerCase() : null;
  return (SEVERITIES as readonly string[]).includes(text ?? "") ? (text as Severity) : null;
}

function outputText(response: unknown): string | null {
  if (!isRecord(response)) return null;
  const output = response.output;
  if (typeof output === "string") return output;
  if (output === undefined || output === null) return optString(response.error);
  try {
    return JSON.stringify(output);
  } catch {
    return null;
  }
}

/**
 * promptfoo results export, version 3 (`promptfoo eval -o results.json`): one result per row of
 * `results.results[]` (`success`, `score`, `gradingResult`, `failureReason`, `provider`). Red-team rows name the
 * test by `metadata.pluginId` and the detector by `metadata.strategyId` ("basic" when absent), with
 * `metadata.severity`; other rows by the test case description (else its index). A row that errored
 * (`failureReason` 2) was not evaluated: evaluated 0. The provider is the result's `artifact`. The run record
 * comes last: the promptfoo version is in `metadata`, after `results`.
 */
export async function* parsePromptfoo(source: ByteSource): AsyncGenerator<ParsedRecord, void, undefined> {
  let version: unknown = undefined;
  let sawResults = false;
  let evalId: string | null = null;
  let timestamp: string | null = null;
  let toolVersion: string | null = null;
  const providers = new Set<string>();

  for await (const event of walkJson(source, FORMAT, (path) => {
    if (path.length === 0) return "descend";
    const [top, second] = path;
    if (path.length === 1) return top === "results" ? "descend" : top === "evalId" || top === "metadata" ? "collect" : "skip";
    if (top !== "results") return "skip";
    if (path.length === 2) return second === "results" ? "descend" : second === "version" || second === "timestamp" ? "collect" : "skip";
    return second === "results" && path.length === 3 ? "collect" : "skip";
  })) {
    const { path } = event;
    const at = jsonPathString(path);
    if (path.length === 0 || (path.length === 1 && path[0] === "results")) {
      if (event.type === "value" || (event.type === "enter" && event.container !== "object"))
        throw new ParseRejection(FORMAT, { jsonPath: at }, "not a JSON object");
      continue;
    }
    if (event.type === "exit") continue;
    if (path.length === 1) {
      if (event.type !== "value") continue;
      if (path[0] === "evalId") evalId = capText(event.value, 200);
      if (path[0] === "metadata" && isRecord(event.value)) toolVersion = capText(event.value.promptfooVersion, 100);
      continue;
    }
    if (path.length === 2) {
      if (path[1] === "version" && event.type === "value") {
        version = event.value;
        if (version !== 3) throw new ParseRejection(FORMAT, { jsonPath: at }, `export version ${JSON.stringify(version)} is not supported (expected 3)`);
      } else if (path[1] === "timestamp" && event.type === "value") timestamp = capText(event.value, 100);
      else if (path[1] === "results") {
        if (event.type === "value" || (event.type === "enter" && event.container !== "array"))
          throw new ParseRejection(FORMAT, { jsonPath: at }, "not an array");
        sawResults = true;
      }
      continue;
    }
    if (event.type !== "value") continue;

    const row = event.value;
    if (!isRecord(row)) throw new ParseRejection(FORMAT, { jsonPath: at }, "a result is not an object");
    if (typeof row.success !== "boolean") throw new ParseRejection(FORMAT, { jsonPath: `${at}.success` }, "not true or false");
    const metadata = isRecord(row.metadata) ? row.metadata : {};
    const testCase = isRecord(row.testCase) ? row.testCase : {};
    const testCaseMetadata = isRecord(testCase.metadata) ? testCase.metadata : {};
    const grading = isRecord(row.gradingResult) ? row.gradingResult : {};
    const provider = isRecord(row.provider) ? row.provider : {};
    const providerId = capText(provider.id ?? row.provider, 200);
    if (providerId && providers.size <= 1) providers.add(providerId);
    const pluginId = capText(metadata.pluginId ?? testCaseMetadata.pluginId, 200);
    const strategyId = capText(metadata.strategyId ?? testCaseMetadata.strategyId, 200);
    const testIdx = optNumber(row.testIdx);
    const testId = pluginId ?? capText(testCase.description, 200) ?? (testIdx !== null ? `test ${testIdx}` : `result ${path[2]}`);
    const errored = row.failureReason === FAILURE_ERROR;
    const score = optNumber(row.score);
    const failed = !row.success && !errored;
    const evidence = failed ? excerpt(isRecord(row.prompt) ? optString(row.prompt.raw) : optString(row.prompt), outputText(row.response)) : null;
    yield {
      kind: "result",
      result: {
        runIndex: 0,
        tool: "promptfoo",
        testId,
        detector: pluginId ? (strategyId ?? "basic") : null,
        evaluated: errored ? 0 : 1,
        failed: failed ? 1 : 0,
        score: score !== null && score >= 0 && score <= 1 ? score : null,
        confidence: null,
        severity: severity(metadata.severity ?? testCaseMetadata.severity),
        tags: stringTags([metadata.harmCategory, testCaseMetadata.harmCategory].filter((t) => t !== undefined)),
        suppressed: false,
        message: capText(grading.reason) ?? capText(row.error),
        artifact: providerId,
        location: { jsonPath: at },
        evidence: evidence ? [evidence] : [],
      },
    };
  }
  if (version === undefined) throw new ParseRejection(FORMAT, { jsonPath: "$.results.version" }, "missing (a promptfoo export has version 3)");
  if (!sawResults) throw new ParseRejection(FORMAT, { jsonPath: "$.results.results" }, "missing");
  const target = providers.size === 1 ? [...providers][0] : null;
  yield {
    kind: "run",
    run: {
      index: 0,
      tool: "promptfoo",
      toolVersion,
      targetType: target ? target.split(":")[0] : null,
      targetName: target,
      runId: evalId,
      startedAt: timestamp,
      location: { jsonPath: "$" },
    },
  };
}
