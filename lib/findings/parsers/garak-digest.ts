import { ParseRejection } from "./errors";
import { capText, isRecord, jsonPathString, optNumber, optString, stringTags, walkJson, type JsonPath } from "./read";
import type { ByteSource, ParsedRecord, Severity } from "./types";

const FORMAT = "garak-digest" as const;

/** garak DEFCON (1 = critical risk … 5 = minimal risk) as a severity. */
export function defconSeverity(defcon: unknown): Severity | null {
  switch (defcon) {
    case 1:
      return "critical";
    case 2:
      return "high";
    case 3:
      return "medium";
    case 4:
      return "low";
    case 5:
      return "info";
    default:
      return null;
  }
}

function count(entry: Record<string, unknown>, key: string, path: JsonPath): number | null {
  const value = entry[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
    throw new ParseRejection(FORMAT, { jsonPath: jsonPathString([...path, key]) }, "not a non-negative integer");
  return value;
}

/**
 * The standalone garak digest JSON (`entry_type: "digest"`, also the last line of a report): `meta` (version,
 * run id, start time, setup with the target) and `eval`: groups → probes (`_summary` with tags) → detectors
 * with `absolute_score`, DEFCON and, when present, `total_evaluated`, `passed` and confidence bounds.
 * Each probe is assembled on its own, so memory is bounded by the largest probe.
 */
export async function* parseGarakDigest(source: ByteSource): AsyncGenerator<ParsedRecord, void, undefined> {
  let entryType: unknown = undefined;
  let sawEval = false;
  let sawMeta = false;
  for await (const event of walkJson(source, FORMAT, (path) => {
    if (path.length === 0) return "descend";
    if (path.length === 1) return path[0] === "eval" ? "descend" : path[0] === "meta" || path[0] === "entry_type" ? "collect" : "skip";
    if (path[0] !== "eval") return "skip";
    if (path.length === 2) return "descend";
    return path[2] === "_summary" ? "skip" : "collect";
  })) {
    const { path } = event;
    if (path.length === 0) {
      if (event.type === "value" || (event.type === "enter" && event.container !== "object"))
        throw new ParseRejection(FORMAT, { jsonPath: "$" }, "not a JSON object");
      continue;
    }
    if (event.type === "value" && path.length === 1 && path[0] === "entry_type") {
      entryType = event.value;
      if (entryType !== "digest") throw new ParseRejection(FORMAT, { jsonPath: "$.entry_type" }, 'not "digest"');
      continue;
    }
    if (event.type === "value" && path.length === 1 && path[0] === "meta") {
      if (!isRecord(event.value)) throw new ParseRejection(FORMAT, { jsonPath: "$.meta" }, "not an object");
      const meta = event.value;
      const setup = isRecord(meta.setup) ? meta.setup : {};
      sawMeta = true;
      yield {
        kind: "run",
        run: {
          index: 0,
          tool: "garak",
          toolVersion: optString(meta.garak_version),
          targetType: optString(meta.target_type ?? setup["plugins.target_type"]),
          targetName: optString(meta.target_name ?? setup["plugins.target_name"]),
          runId: optString(meta.run_uuid),
          startedAt: optString(meta.start_time),
          location: { jsonPath: "$.meta" },
        },
      };
      continue;
    }
    if (path[0] !== "eval") continue;
    if (event.type === "enter" && event.container !== "object") throw new ParseRejection(FORMAT, { jsonPath: jsonPathString(path) }, "not an object");
    if (event.type === "enter" && path.length === 1) sawEval = true;
    if (event.type === "value" && path.length < 3) throw new ParseRejection(FORMAT, { jsonPath: jsonPathString(path) }, "not an object");
    if (event.type !== "value" || path.length !== 3) continue;

    const probe = event.value;
    const probePath = jsonPathString(path);
    if (!isRecord(probe)) throw new ParseRejection(FORMAT, { jsonPath: probePath }, "a probe is not an object");
    const summary = isRecord(probe._summary) ? probe._summary : {};
    const probeName = capText(summary.probe_name, 200) ?? capText(String(path[2]), 200);
    if (!probeName) throw new ParseRejection(FORMAT, { jsonPath: probePath }, "a probe without a name");
    const tags = stringTags(summary.probe_tags);
    for (const [detectorKey, detector] of Object.entries(probe)) {
      if (detectorKey === "_summary") continue;
      const detectorPath: JsonPath = [...path, detectorKey];
      if (!isRecord(detector)) throw new ParseRejection(FORMAT, { jsonPath: jsonPathString(detectorPath) }, "a detector is not an object");
      const detectorName = capText(detector.detector_name, 200) ?? capText(detectorKey, 200);
      if (!detectorName) throw new ParseRejection(FORMAT, { jsonPath: jsonPathString(detectorPath) }, "a detector without a name");
      const evaluated = count(detector, "total_evaluated", detectorPath);
      const passed = count(detector, "passed", detectorPath);
      if (evaluated !== null && passed !== null && passed > evaluated)
        throw new ParseRejection(FORMAT, { jsonPath: jsonPathString([...detectorPath, "passed"]) }, `exceeds total_evaluated (${evaluated})`);
      const score = optNumber(detector.absolute_score);
      if (score !== null && (score < 0 || score > 1))
        throw new ParseRejection(FORMAT, { jsonPath: jsonPathString([...detectorPath, "absolute_score"]) }, "not between 0 and 1");
      const lower = optNumber(detector.confidence_lower);
      const upper = optNumber(detector.confidence_upper);
      const counted = evaluated !== null && passed !== null;
      yield {
        kind: "result",
        result: {
          runIndex: 0,
          tool: "garak",
          testId: probeName,
          detector: detectorName,
          evaluated: counted ? evaluated : null,
          failed: counted ? evaluated - passed : null,
          score,
          confidence:
            lower !== null && upper !== null ? { lower, upper, level: optNumber(detector.confidence), method: capText(detector.confidence_method, 100) } : null,
          severity: defconSeverity(detector.detector_defcon ?? detector.absolute_defcon),
          tags,
          suppressed: false,
          message: capText(detector.absolute_comment),
          artifact: null,
          location: { jsonPath: jsonPathString(detectorPath) },
          evidence: [],
        },
      };
    }
  }
  if (entryType === undefined) throw new ParseRejection(FORMAT, { jsonPath: "$.entry_type" }, 'missing (a garak digest has entry_type "digest")');
  if (!sawEval) throw new ParseRejection(FORMAT, { jsonPath: "$.eval" }, "missing");
  if (!sawMeta) throw new ParseRejection(FORMAT, { jsonPath: "$.meta" }, "missing");
}
