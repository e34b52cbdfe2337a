import { z } from "zod";
import type { RiskLevel } from "@/lib/risks/risk-matrix";
import type { AtlasMatrixSource } from "./atlas-matrix-source";

// Builds an ATLAS Navigator layer from threat-profile entries. PURE: the verb collects the entries,
// risk levels and matrix; this turns them into the file ATLAS Navigator opens.
//
// Format: ATT&CK Navigator layer format 4.3 with domain "atlas-atlas", the versions ATLAS publishes
// its own layers with (mitre-atlas/atlas-navigator-data: layer 4.3, navigator 4.6.4). ATLAS Navigator
// is built on that Navigator release; a newer layer version would make it warn about an unknown format.

export const LAYER_VERSIONS = { layer: "4.3", navigator: "4.6.4" } as const;
export const LAYER_DOMAIN = "atlas-atlas";
/** Colour of a technique in the profile that no risk names yet. */
export const UNSCORED_COLOR = "#a5b4fc";
export const MAX_SCORE = 25;

const metadataItem = z.object({ name: z.string(), value: z.string() });

/** The layer this app writes; also the response schema of the REST export. */
export const navigatorLayerOutputSchema = z
  .object({
    name: z.string(),
    versions: z.object({ layer: z.string(), navigator: z.string() }),
    domain: z.literal(LAYER_DOMAIN),
    description: z.string(),
    metadata: z.array(metadataItem),
    techniques: z.array(
      z.object({
        techniqueID: z.string(),
        tactic: z.string().describe('Navigator slug of the tactic (shortName), e.g. "initial-access"'),
        score: z.number().optional().describe("Highest risk score (likelihood × impact, 1–25) of the risks naming the technique"),
        color: z.string().optional(),
        comment: z.string().optional().describe("The rationale(s) of the profile entry"),
        enabled: z.boolean(),
        showSubtechniques: z.boolean(),
        metadata: z.array(metadataItem),
      }),
    ),
    gradient: z.object({ colors: z.array(z.string()), minValue: z.number(), maxValue: z.number() }),
    legendItems: z.array(z.object({ label: z.string(), color: z.string() })),
    layout: z.object({ layout: z.string(), showID: z.boolean(), showName: z.boolean() }),
    hideDisabled: z.boolean(),
  })
  .meta({ description: "ATLAS Navigator layer (ATT&CK Navigator layer format 4.3, domain atlas-atlas)" });
export type NavigatorLayer = z.infer<typeof navigatorLayerOutputSchema>;
export type NavigatorLayerTechnique = NavigatorLayer["techniques"][number];

export type LayerEntry = {
  techniqueId: string;
  /** The rationale(s); becomes the Navigator comment. */
  comment: string;
  risk: { maxScore: number; level: { label: string; color: string }; riskCount: number } | null;
  metadata?: { name: string; value: string }[];
};

/** Score bands of the risk matrix as "Low (1–4)". */
function bandLabel(levels: readonly RiskLevel[], index: number): string {
  const level = levels[index];
  const max = (levels[index + 1]?.minScore ?? MAX_SCORE + 1) - 1;
  return `${level.label} (${level.minScore}–${max})`;
}

/** The matrix level of a score, by the same bands scoreRisk uses. */
function levelColor(levels: readonly RiskLevel[], score: number): string {
  let color = levels[0].color;
  for (const level of levels) if (score >= level.minScore) color = level.color;
  return color;
}

export function buildNavigatorLayer({
  name,
  description,
  catalog,
  entries,
  levels,
  metadata,
}: {
  name: string;
  description: string;
  catalog: AtlasMatrixSource;
  entries: readonly LayerEntry[];
  /** The organisation's risk-matrix levels, in increasing minScore. */
  levels: readonly RiskLevel[];
  metadata: { name: string; value: string }[];
}): NavigatorLayer {
  const slugOf = new Map(catalog.tactics.map((t) => [t.id, t.shortName]));
  const byEntry = new Map(entries.map((e) => [e.techniqueId, e]));
  // A sub-technique only shows in Navigator when its parent is expanded, so parents of listed
  // sub-techniques get showSubtechniques (and an entry of their own when they are not listed).
  const expanded = new Set(entries.map((e) => catalog.techniques.find((t) => t.id === e.techniqueId)?.parentId).filter((id): id is string => !!id));

  const techniques: NavigatorLayerTechnique[] = [];
  for (const technique of catalog.techniques) {
    const entry = byEntry.get(technique.id);
    if (!entry && !expanded.has(technique.id)) continue;
    for (const tacticId of technique.tacticIds) {
      const tactic = slugOf.get(tacticId);
      if (!tactic) continue;
      if (!entry) {
        techniques.push({ techniqueID: technique.id, tactic, enabled: true, showSubtechniques: true, metadata: [] });
        continue;
      }
      const score = entry.risk ? Math.max(0, Math.min(MAX_SCORE, entry.risk.maxScore)) : undefined;
      const riskMetadata = entry.risk
        ? [
            { name: "risk level", value: entry.risk.level.label },
            { name: "risks", value: String(entry.risk.riskCount) },
          ]
        : [{ name: "risks", value: "0" }];
      techniques.push({
        techniqueID: technique.id,
        tactic,
        ...(score !== undefined && { score }),
        color: entry.risk?.level.color ?? UNSCORED_COLOR,
        comment: entry.comment,
        enabled: true,
        showSubtechniques: expanded.has(technique.id),
        metadata: [...riskMetadata, ...(entry.metadata ?? [])],
      });
    }
  }

  return {
    name,
    versions: { ...LAYER_VERSIONS },
    domain: LAYER_DOMAIN,
    description,
    metadata,
    techniques,
    // one stop per score 0..25, so Navigator's gradient gives each integer score its matrix colour
    gradient: {
      colors: Array.from({ length: MAX_SCORE + 1 }, (_, score) => (score === 0 ? "#ffffff" : levelColor(levels, score))),
      minValue: 0,
      maxValue: MAX_SCORE,
    },
    legendItems: [
      ...levels.map((level, i) => ({ label: bandLabel(levels, i), color: level.color })),
      { label: "In the threat profile, no risk scored", color: UNSCORED_COLOR },
    ],
    layout: { layout: "side", showID: true, showName: true },
    hideDisabled: false,
  };
}
