import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import { AppError, type FieldIssue } from "@/lib/errors";
import { toFieldIssues } from "@/lib/validation/parse-input";
import {
  ATLAS_ID_PATTERNS,
  ATLAS_MAX_BYTES,
  ATLAS_MAX_ISSUES,
  atlasFileSchema,
  type AtlasFile,
  type JsonObject,
  type ParsedAtlasObject,
  type ParsedAtlasRelease,
} from "./schemas";

/**
 * Parses and validates the text of an official MITRE ATLAS release file (ATLAS.yaml). Pure: no
 * database, no clock. A file that cannot be imported as a whole is refused with a VALIDATION
 * AppError whose issues name the path of each offending key ("matrices.0.techniques.12.name",
 * "case-studies.3.id"); YAML syntax errors carry the line and column. Oddities that do not make the
 * release inconsistent (a technique listed twice by one mitigation, …) come back as `warnings`.
 */
export function parseAtlasRelease(text: string): ParsedAtlasRelease {
  const source = stripBom(text);
  if (Buffer.byteLength(source, "utf8") > ATLAS_MAX_BYTES) {
    throw invalid("The file is too large.", [{ path: "(file)", message: `Larger than the limit of ${ATLAS_MAX_BYTES / 1024 / 1024} MB` }]);
  }
  if (source.trim() === "") throw invalid("The file is empty.", [{ path: "(file)", message: "The file is empty" }]);

  const lineCounter = new LineCounter();
  // YAML 1.2 core schema whatever the file declares: dates stay text, "yes" stays text, no custom tags
  const doc = parseDocument(source, { version: "1.2", schema: "core", prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length > 0) {
    throw invalid(
      "The file is not valid YAML.",
      doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return { path: "(yaml)", message: `Line ${line}, column ${col}: ${error.message}` };
      }),
    );
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // excessive aliases (a "billion laughs" file) or an alias to nothing
    throw invalid("The file is not valid YAML.", [{ path: "(yaml)", message: error instanceof Error ? error.message : String(error) }]);
  }
  if (!isPlainObject(raw)) {
    throw invalid("The file is not a MITRE ATLAS release.", [{ path: "(file)", message: "Expected a YAML mapping with id, name, version and matrices" }]);
  }
  // a version written as a YAML number keeps its written form ("5.10", not 5.1)
  const versionNode = isMap(doc.contents) ? doc.contents.get("version", true) : undefined;
  if (isScalar(versionNode) && typeof versionNode.value === "number" && typeof versionNode.source === "string") raw.version = versionNode.source;

  const parsed = atlasFileSchema.safeParse(raw);
  if (!parsed.success) throw invalid("The file is not a valid MITRE ATLAS release.", toFieldIssues(parsed.error));
  return buildRelease(parsed.data);
}

// ── cross-references and the stored shape ────────────────────────────────────────────────────

const M = "matrices.0";

function buildRelease(file: AtlasFile): ParsedAtlasRelease {
  const matrix = file.matrices[0];
  const issues: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];

  // ids are unique across the whole release (AtlasObject is unique per release and external id)
  const firstAt = new Map<string, string>();
  const claim = (id: string, path: string) => {
    const first = firstAt.get(id);
    if (first) issues.push({ path, message: `Duplicate id ${id} (first at ${first})` });
    else firstAt.set(id, path);
  };
  matrix.tactics.forEach((t, i) => claim(t.id, `${M}.tactics.${i}.id`));
  matrix.techniques.forEach((t, i) => claim(t.id, `${M}.techniques.${i}.id`));
  matrix.mitigations.forEach((t, i) => claim(t.id, `${M}.mitigations.${i}.id`));
  file["case-studies"].forEach((t, i) => claim(t.id, `case-studies.${i}.id`));

  const tacticOrder = new Map<string, number>();
  matrix.tactics.forEach((t, i) => {
    if (!tacticOrder.has(t.id)) tacticOrder.set(t.id, i);
  });
  const techniques = new Map<string, AtlasFile["matrices"][number]["techniques"][number]>();
  for (const t of matrix.techniques) if (!techniques.has(t.id)) techniques.set(t.id, t);

  matrix.techniques.forEach((technique, i) => {
    const at = `${M}.techniques.${i}`;
    const parentId = technique["subtechnique-of"];
    if (parentId !== undefined) {
      if (!ATLAS_ID_PATTERNS.subtechnique.test(technique.id))
        issues.push({ path: `${at}.id`, message: `A sub-technique's id looks like ${parentId}.001, not ${technique.id}` });
      const parent = techniques.get(parentId);
      if (!parent) issues.push({ path: `${at}.subtechnique-of`, message: `Unknown parent technique ${parentId}` });
      else if (parent["subtechnique-of"] !== undefined) issues.push({ path: `${at}.subtechnique-of`, message: `${parentId} is itself a sub-technique` });
      else if (!technique.id.startsWith(`${parentId}.`))
        warnings.push({ path: `${at}.id`, message: `Sub-technique ${technique.id} is not numbered under its parent ${parentId}` });
      if (technique.tactics !== undefined)
        warnings.push({ path: `${at}.tactics`, message: `Sub-technique ${technique.id} lists tactics of its own; it is shown under its parent's tactics` });
      checkTactics(technique.tactics ?? [], `${at}.tactics`);
    } else if (ATLAS_ID_PATTERNS.subtechnique.test(technique.id)) {
      issues.push({ path: `${at}.subtechnique-of`, message: `Required for a sub-technique (${technique.id})` });
    } else if (technique.tactics === undefined) {
      issues.push({ path: `${at}.tactics`, message: "Required for a technique (a sub-technique names its parent in subtechnique-of instead)" });
    } else if (technique.tactics.length === 0) {
      issues.push({ path: `${at}.tactics`, message: "A technique needs at least one tactic" });
    } else {
      checkTactics(technique.tactics, `${at}.tactics`);
    }
  });

  function checkTactics(ids: readonly string[], at: string) {
    ids.forEach((id, k) => {
      if (!tacticOrder.has(id)) issues.push({ path: `${at}.${k}`, message: `Unknown tactic ${id}` });
    });
  }

  matrix.mitigations.forEach((mitigation, i) => {
    const at = `${M}.mitigations.${i}`;
    const listed = new Set<string>();
    mitigation.techniques.forEach((entry, k) => {
      if (!techniques.has(entry.id)) issues.push({ path: `${at}.techniques.${k}.id`, message: `Unknown technique ${entry.id}` });
      else if (listed.has(entry.id))
        warnings.push({ path: `${at}.techniques.${k}.id`, message: `Mitigation ${mitigation.id} lists ${entry.id} more than once (kept once)` });
      listed.add(entry.id);
    });
    (mitigation["ml-lifecycle"] ?? []).forEach((entry, k) => {
      if (typeof entry === "string") return;
      const ref = isPlainObject(entry) && typeof entry.id === "string" ? entry.id : null;
      warnings.push({
        path: `${at}.ml-lifecycle.${k}`,
        message: ref
          ? `A technique reference (${ref}) is listed under ml-lifecycle instead of techniques: kept in the data, not counted as a technique ${mitigation.id} addresses`
          : "Not a lifecycle stage name (kept as is)",
      });
    });
  });

  file["case-studies"].forEach((caseStudy, i) => {
    caseStudy.procedure.forEach((step, k) => {
      const at = `case-studies.${i}.procedure.${k}`;
      if (!tacticOrder.has(step.tactic)) issues.push({ path: `${at}.tactic`, message: `Unknown tactic ${step.tactic}` });
      if (!techniques.has(step.technique)) issues.push({ path: `${at}.technique`, message: `Unknown technique ${step.technique}` });
    });
  });

  if (issues.length > 0) throw invalid("The file is not a consistent MITRE ATLAS release.", issues);

  // ── stored shape ──
  const inMatrixOrder = (ids: Iterable<string>) => [...new Set(ids)].sort((a, b) => tacticOrder.get(a)! - tacticOrder.get(b)!);

  const tactics: ParsedAtlasObject[] = matrix.tactics.map((t, position) => {
    const { id, name, description, ...rest } = t;
    return object("tactic", id, name, description, null, [], [], rest, position);
  });

  const techniqueRows: ParsedAtlasObject[] = matrix.techniques.map((t, position) => {
    const { id, name, description, tactics: own, "subtechnique-of": parentId, ...rest } = t;
    if (parentId === undefined) return object("technique", id, name, description, null, inMatrixOrder(own ?? []), [], rest, position);
    // a sub-technique sits under its parent's tactics; tactics it lists itself are kept in data
    return object(
      "subtechnique",
      id,
      name,
      description,
      parentId,
      inMatrixOrder(techniques.get(parentId)!.tactics ?? []),
      [],
      own ? { ...rest, tactics: own } : rest,
      position,
    );
  });

  const mitigations: ParsedAtlasObject[] = matrix.mitigations.map((m, position) => {
    const { id, name, description, ...rest } = m;
    const techniqueIds = [...new Set(m.techniques.map((entry) => entry.id))].sort(byCodeUnit);
    return object("mitigation", id, name, description, null, [], techniqueIds, rest, position);
  });

  const caseStudies: ParsedAtlasObject[] = file["case-studies"].map((c, position) => {
    const { id, name, summary, ...rest } = c;
    const used = [...new Set(c.procedure.map((step) => step.technique))];
    return object("case-study", id, name, summary, null, inMatrixOrder(c.procedure.map((step) => step.tactic)), used, rest, position);
  });

  return {
    id: file.id,
    name: file.name,
    version: file.version,
    tactics,
    techniques: techniqueRows,
    mitigations,
    caseStudies,
    counts: {
      tactics: tactics.length,
      techniques: techniqueRows.filter((t) => t.kind === "technique").length,
      subtechniques: techniqueRows.filter((t) => t.kind === "subtechnique").length,
      mitigations: mitigations.length,
      caseStudies: caseStudies.length,
    },
    warnings,
  };
}

function object(
  kind: ParsedAtlasObject["kind"],
  id: string,
  name: string,
  description: string,
  parentId: string | null,
  tacticIds: string[],
  techniqueIds: string[],
  rest: Record<string, unknown>,
  position: number,
): ParsedAtlasObject {
  const { "object-type": _objectType, ...data } = rest;
  return { kind, id, name, description, parentId, tacticIds, techniqueIds, data: toJson(data), position };
}

// ── helpers ──────────────────────────────────────────────────────────────────────────────────

/** A VALIDATION error with at most ATLAS_MAX_ISSUES issues (the rest counted in a last line). */
function invalid(message: string, issues: FieldIssue[]): AppError {
  if (issues.length <= ATLAS_MAX_ISSUES) return new AppError("VALIDATION", message, issues);
  const shown = issues.slice(0, ATLAS_MAX_ISSUES);
  shown.push({ path: "(file)", message: `… and ${issues.length - ATLAS_MAX_ISSUES} more issues` });
  return new AppError("VALIDATION", message, shown);
}

/** The text without a leading byte-order mark (the browser drops it when reading an upload, Node does not). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What jsonb stores and gives back: no undefined, non-finite numbers as null. */
function toJson(value: Record<string, unknown>): JsonObject {
  return JSON.parse(JSON.stringify(value)) as JsonObject;
}

export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
