import { GARAK_PROBES, garakOwaspIds, type GarakProbeRow } from "./garak-probes";
import { MODELSCAN_SCANNERS, MODELSCAN_UNSAFE_OPERATORS, type ModelScanOperatorRow } from "./modelscan";
import { PROMPTFOO_DEFAULT_SEVERITY, PROMPTFOO_PLUGINS, PROMPTFOO_STRATEGIES, type PromptfooPluginRow, type PromptfooStrategyRow } from "./promptfoo-plugins";
import type { MappingRow } from "./types";

/** Every built-in row in one shape (garak OWASP tags already re-keyed to 2025), for a docs page and the tests. */
export function listMappingRows(): MappingRow[] {
  const rows: MappingRow[] = [];
  for (const row of GARAK_PROBES as readonly GarakProbeRow[])
    rows.push({
      tool: "garak",
      key: row.probe ?? row.module,
      techniqueIds: row.techniqueIds,
      owaspIds: garakOwaspIds(row),
      severity: null,
      source: row.source,
    });
  for (const row of PROMPTFOO_PLUGINS as readonly PromptfooPluginRow[])
    rows.push({
      tool: "promptfoo",
      key: row.plugin,
      techniqueIds: row.techniqueIds,
      owaspIds: row.owaspIds,
      severity: PROMPTFOO_DEFAULT_SEVERITY[row.plugin] ?? null,
      source: row.source,
    });
  for (const row of PROMPTFOO_STRATEGIES as readonly PromptfooStrategyRow[])
    rows.push({
      tool: "promptfoo",
      key: `strategy ${row.strategy}`,
      techniqueIds: row.techniqueIds,
      owaspIds: row.owaspIds,
      severity: null,
      source: row.source,
    });
  for (const row of MODELSCAN_SCANNERS)
    rows.push({ tool: "modelscan", key: row.scanner, techniqueIds: row.techniqueIds, owaspIds: row.owaspIds, severity: null, source: row.source });
  for (const row of MODELSCAN_UNSAFE_OPERATORS as readonly ModelScanOperatorRow[])
    for (const operator of row.operators === "*" ? ["*"] : row.operators)
      rows.push({
        tool: "modelscan",
        key: `${row.module}.${operator}`,
        techniqueIds: row.techniqueIds,
        owaspIds: row.owaspIds,
        severity: row.severity,
        source: row.source,
      });
  return rows;
}
