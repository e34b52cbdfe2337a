import type { Severity } from "@/lib/findings/parsers/types";
import { GARAK_MODULE_RENAMES, GARAK_PROBES, garakOwaspIds, type GarakProbeRow } from "./garak-probes";
import { MODELSCAN_SCANNERS, MODELSCAN_UNSAFE_OPERATORS, type ModelScanOperatorRow } from "./modelscan";
import {
  PROMPTFOO_DEFAULT_SEVERITY,
  PROMPTFOO_PLUGINS,
  PROMPTFOO_SEVERITY_SOURCE,
  PROMPTFOO_STRATEGIES,
  type PromptfooPluginRow,
  type PromptfooStrategyRow,
} from "./promptfoo-plugins";
import { mapTag } from "./sarif-tags";
import type { MappedTest, TestRef } from "./types";

export type { MappedTest, TestRef } from "./types";

/** The date the built-in rows were last checked against their sources (garak cafbe99, promptfoo 0.123.1, ModelScan 8b8ed4b, ATLAS 5.6.0). */
export const MAPPING_SOURCES_VERSION = "2026-12-06";

const garakModules = new Map<string, GarakProbeRow>();
const garakProbes = new Map<string, GarakProbeRow>();
for (const row of GARAK_PROBES as readonly GarakProbeRow[]) {
  if (row.probe) garakProbes.set(row.probe, row);
  else garakModules.set(row.module, row);
}
const garakRenames = new Map<string, { to: string; source: string }>(GARAK_MODULE_RENAMES.map((r) => [r.from, r]));
const promptfooPlugins = new Map<string, PromptfooPluginRow>((PROMPTFOO_PLUGINS as readonly PromptfooPluginRow[]).map((r) => [r.plugin, r]));
const promptfooStrategies = new Map<string, PromptfooStrategyRow>((PROMPTFOO_STRATEGIES as readonly PromptfooStrategyRow[]).map((r) => [r.strategy, r]));
const modelscanScanners = new Map<string, (typeof MODELSCAN_SCANNERS)[number]>(MODELSCAN_SCANNERS.map((r) => [r.scanner, r]));

type Collected = { techniqueIds: Set<string>; owaspIds: Set<string>; severity: Severity | null; sources: Set<string> };

function add(into: Collected, row: { techniqueIds: readonly string[]; owaspIds: readonly string[]; source: string }) {
  for (const id of row.techniqueIds) into.techniqueIds.add(id);
  for (const id of row.owaspIds) into.owaspIds.add(id);
  into.sources.add(row.source);
}

/** The garak row for a probe class name (`dan.Dan_11_0`, also `probes.dan.Dan_11_0`), following module renames. */
function garakRow(testId: string): { row: GarakProbeRow; renamedBy: string | null } | null {
  const id = testId.trim().replace(/^(?:garak\.)?probes\./, "");
  const dot = id.indexOf(".");
  let moduleName = dot < 0 ? id : id.slice(0, dot);
  const rest = dot < 0 ? "" : id.slice(dot);
  const rename = garakRenames.get(moduleName);
  if (rename) moduleName = rename.to;
  const row = garakProbes.get(moduleName + rest) ?? garakModules.get(moduleName);
  return row ? { row, renamedBy: rename?.source ?? null } : null;
}

/** The promptfoo row for a plugin id: the exact id, else the longest `family:*` row it belongs to. */
function promptfooRow(plugin: string): PromptfooPluginRow | null {
  const exact = promptfooPlugins.get(plugin);
  if (exact) return exact;
  const parts = plugin.split(":");
  for (let n = parts.length - 1; n >= 1; n--) {
    const family = promptfooPlugins.get(`${parts.slice(0, n).join(":")}:*`);
    if (family) return family;
  }
  return null;
}

function modelscanOperatorRow(moduleName: string, operator: string): ModelScanOperatorRow | null {
  for (const row of MODELSCAN_UNSAFE_OPERATORS as readonly ModelScanOperatorRow[])
    if (row.module === moduleName && (row.operators === "*" || row.operators.includes(operator))) return row;
  return null;
}

function mapGarak(ref: TestRef, into: Collected) {
  const found = garakRow(ref.testId);
  if (!found) return;
  const { row, renamedBy } = found;
  add(into, { techniqueIds: row.techniqueIds, owaspIds: garakOwaspIds(row), source: `garak ${row.probe ?? row.module}: ${row.source}` });
  if (renamedBy) into.sources.add(renamedBy);
}

function mapPromptfoo(ref: TestRef, into: Collected) {
  const plugin = ref.testId.trim();
  const row = promptfooRow(plugin);
  if (row) add(into, { ...row, source: `promptfoo ${row.plugin}: ${row.source}` });
  const severity = PROMPTFOO_DEFAULT_SEVERITY[plugin];
  if (severity) {
    into.severity = severity;
    into.sources.add(PROMPTFOO_SEVERITY_SOURCE);
  }
  const strategy = ref.detector ? promptfooStrategies.get(ref.detector.trim()) : undefined;
  if (strategy) add(into, { ...strategy, source: `promptfoo strategy ${strategy.strategy}: ${strategy.source}` });
}

function mapModelScan(ref: TestRef, into: Collected) {
  const testId = ref.testId.trim();
  const scannerName = ref.detector?.trim() ?? (testId.startsWith("modelscan.scanners.") ? testId : null);
  const scanner = scannerName ? modelscanScanners.get(scannerName) : undefined;
  if (scanner) add(into, { ...scanner, source: `ModelScan ${scanner.scanner}: ${scanner.source}` });
  if (testId === scannerName) return;
  // the operator's module comes from the parser's `module:<name>` tag, else from a dotted id ("os.system")
  const moduleTag = ref.tags.find((tag) => tag.startsWith("module:"));
  const lastDot = testId.lastIndexOf(".");
  const moduleName = moduleTag ? moduleTag.slice("module:".length).trim() : lastDot > 0 ? testId.slice(0, lastDot) : null;
  const operator = moduleTag || lastDot < 0 ? testId : testId.slice(lastDot + 1);
  const row = moduleName ? modelscanOperatorRow(moduleName, operator) : null;
  if (!row) return;
  add(into, { ...row, source: `ModelScan ${row.module}.${operator}: ${row.source}` });
  into.severity = row.severity;
}

const TOOL_MAPPERS: Record<string, (ref: TestRef, into: Collected) => void> = {
  garak: mapGarak,
  promptfoo: mapPromptfoo,
  modelscan: mapModelScan,
};

/**
 * What one scanner test maps to: MITRE ATLAS techniques, OWASP LLM Top 10 2025 items and the tool's default
 * severity, from the built-in rows for the tool (garak probes, promptfoo plugins and strategies, ModelScan scanners
 * and operators; matched by tool name whatever the file format, so a CSV row whose tool is "garak" maps too) and
 * from the result's own tags (ATLAS ids, OWASP ids in either numbering). Pure and deterministic: ids and sources
 * sorted, once each. An organisation's own mapping of a test takes precedence over this (docs/findings-mapping.md).
 */
export function mapTest(ref: TestRef): MappedTest {
  const into: Collected = { techniqueIds: new Set(), owaspIds: new Set(), severity: null, sources: new Set() };
  TOOL_MAPPERS[ref.tool.trim().toLowerCase()]?.(ref, into);
  for (const tag of ref.tags) {
    const mapped = mapTag(tag);
    for (const id of mapped.techniqueIds) into.techniqueIds.add(id);
    for (const id of mapped.owaspIds) into.owaspIds.add(id);
    for (const source of mapped.sources) into.sources.add(source);
  }
  return {
    techniqueIds: [...into.techniqueIds].sort(),
    owaspIds: [...into.owaspIds].sort(),
    severity: into.severity,
    sources: [...into.sources].sort(),
  };
}
