import { ParseRejection } from "./errors";
import { capText, excerpt, isRecord, optNumber, optString, readLines } from "./read";
import { EVIDENCE_MAX_EXCERPTS, type ByteSource, type EvidenceExcerpt, type ParsedRecord, type ParsedRun } from "./types";

const FORMAT = "garak" as const;
/** garak's default `run.eval_threshold`: a detector score at or above it is a failed output. */
const EVAL_THRESHOLD = 0.5;
/** Distinct probe × detector pairs whose evidence is held until their `eval` line arrives. */
const MAX_PENDING_EVIDENCE_KEYS = 10_000;

/** garak writes a prompt as a string (≤ 0.10), a {turns:[{content:{text}}]} conversation, or a list of either. */
function promptText(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (isRecord(value) && Array.isArray(value.turns)) {
    const parts = value.turns.map((turn) => (isRecord(turn) ? textOf(turn.content) : null)).filter((t): t is string => !!t);
    return parts.length ? parts.join("\n") : null;
  }
  return textOf(value);
}

function textOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (isRecord(value) && typeof value.text === "string") return value.text;
  return null;
}

function attemptEvidence(entry: Record<string, unknown>, outputIndex: number): EvidenceExcerpt | null {
  const outputs = Array.isArray(entry.outputs) ? entry.outputs : [];
  return excerpt(promptText(entry.prompt), textOf(outputs[outputIndex]));
}

function runFromSetup(entry: Record<string, unknown>, line: number): ParsedRun {
  return {
    index: 0,
    tool: "garak",
    toolVersion: optString(entry["_config.version"]),
    targetType: optString(entry["plugins.target_type"] ?? entry["plugins.model_type"]),
    targetName: optString(entry["plugins.target_name"] ?? entry["plugins.model_name"]),
    runId: optString(entry["transient.run_id"]),
    startedAt: optString(entry["transient.starttime_iso"]),
    location: { line },
  };
}

function count(entry: Record<string, unknown>, key: string, line: number): number | null {
  if (!(key in entry) || entry[key] === null) return null;
  const value = entry[key];
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new ParseRejection(FORMAT, { line }, `"${key}" is not a non-negative integer`);
  return value;
}

/**
 * garak `report.jsonl`. Results come from the `eval` lines (one per probe × detector), in both shapes:
 * 0.13 `passed/total` and 0.14+ `passed/fails/nones/total_evaluated/total_processed`. `attempt` lines (logged
 * twice, status 1 then 2) give evidence: up to EVIDENCE_MAX_EXCERPTS failing outputs per probe × detector,
 * counted once (status 2, which carries the detector scores). The run comes from `start_run setup`, else
 * `init`, else the `digest` meta; a report without header lines yields its run record (all unknown) first.
 */
export async function* parseGarakReport(source: ByteSource): AsyncGenerator<ParsedRecord, void, undefined> {
  let runYielded = false;
  let sawEntry = false;
  const evidence = new Map<string, EvidenceExcerpt[]>();

  for await (const { line, text } of readLines(source, FORMAT)) {
    if (text.trim() === "") continue;
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch {
      throw new ParseRejection(FORMAT, { line }, "not a JSON object (invalid JSON)");
    }
    if (!isRecord(entry)) throw new ParseRejection(FORMAT, { line }, "not a JSON object");
    const type = entry.entry_type;
    if (typeof type !== "string") throw new ParseRejection(FORMAT, { line }, 'no "entry_type"');
    sawEntry = true;

    if (type === "start_run setup" || type === "init") {
      if (runYielded) continue;
      runYielded = true;
      yield {
        kind: "run",
        run:
          type === "init"
            ? {
                index: 0,
                tool: "garak",
                toolVersion: optString(entry.garak_version),
                targetType: null,
                targetName: null,
                runId: optString(entry.run),
                startedAt: optString(entry.start_time),
                location: { line },
              }
            : runFromSetup(entry, line),
      };
      continue;
    }

    if (!runYielded) {
      runYielded = true;
      const meta = type === "digest" && isRecord(entry.meta) ? entry.meta : {};
      yield {
        kind: "run",
        run: {
          index: 0,
          tool: "garak",
          toolVersion: optString(meta.garak_version),
          targetType: null,
          targetName: null,
          runId: optString(meta.run_uuid),
          startedAt: optString(meta.start_time),
          location: { line },
        },
      };
    }

    if (type === "attempt") {
      const status = entry.status;
      if (status !== 1 && status !== 2) throw new ParseRejection(FORMAT, { line }, '"status" of an attempt is not 1 or 2');
      const probe = capText(entry.probe_classname, 200);
      if (!probe) throw new ParseRejection(FORMAT, { line }, 'attempt without "probe_classname"');
      if (status !== 2 || !isRecord(entry.detector_results)) continue;
      for (const [detector, scores] of Object.entries(entry.detector_results)) {
        if (!Array.isArray(scores)) throw new ParseRejection(FORMAT, { line }, `detector_results["${detector}"] is not a list`);
        const key = `${probe}\u0000${detector}`;
        let held = evidence.get(key);
        if (held && held.length >= EVIDENCE_MAX_EXCERPTS) continue;
        for (let i = 0; i < scores.length; i++) {
          const score = scores[i];
          if (score !== null && typeof score !== "number") throw new ParseRejection(FORMAT, { line }, `detector_results["${detector}"][${i}] is not a number`);
          if (score === null || score < EVAL_THRESHOLD) continue;
          const item = attemptEvidence(entry, i);
          if (!item) continue;
          if (!held) {
            if (evidence.size >= MAX_PENDING_EVIDENCE_KEYS) break;
            held = [];
            evidence.set(key, held);
          }
          held.push(item);
          if (held.length >= EVIDENCE_MAX_EXCERPTS) break;
        }
      }
      continue;
    }

    if (type === "eval") {
      const probe = capText(entry.probe, 200);
      const detector = capText(entry.detector, 200);
      if (!probe || !detector) throw new ParseRejection(FORMAT, { line }, 'eval without "probe" and "detector"');
      const passed = count(entry, "passed", line);
      const totalEvaluated = count(entry, "total_evaluated", line);
      const total = count(entry, "total", line);
      const fails = count(entry, "fails", line);
      if (passed === null) throw new ParseRejection(FORMAT, { line }, 'eval without "passed"');
      const evaluated = totalEvaluated ?? total;
      if (evaluated === null) throw new ParseRejection(FORMAT, { line }, 'eval without "total_evaluated" (0.14+) or "total" (0.13)');
      if (passed > evaluated) throw new ParseRejection(FORMAT, { line }, `"passed" (${passed}) exceeds the outputs evaluated (${evaluated})`);
      const failed = fails ?? evaluated - passed;
      if (failed + passed > evaluated) throw new ParseRejection(FORMAT, { line }, `"passed" + "fails" exceeds the outputs evaluated (${evaluated})`);
      const lower = optNumber(entry.confidence_lower);
      const upper = optNumber(entry.confidence_upper);
      const key = `${probe}\u0000${detector}`;
      const held = evidence.get(key) ?? [];
      evidence.delete(key);
      yield {
        kind: "result",
        result: {
          runIndex: 0,
          tool: "garak",
          testId: probe,
          detector,
          evaluated,
          failed,
          score: null,
          confidence:
            lower !== null && upper !== null ? { lower, upper, level: optNumber(entry.confidence), method: capText(entry.confidence_method, 100) } : null,
          severity: null,
          tags: [],
          suppressed: false,
          message: null,
          artifact: null,
          location: { line },
          evidence: held,
        },
      };
      continue;
    }
    // completion, digest and entry types added by later garak versions carry no results of their own
  }
  if (!sawEntry) throw new ParseRejection(FORMAT, { line: 1 }, "the report has no entries");
}
