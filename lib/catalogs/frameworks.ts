import atlasData from "./data/atlas.json";
import euAiActData from "./data/eu-ai-act.json";
import iso42001Data from "./data/iso42001.json";
import nistAiRmfData from "./data/nist-ai-rmf.json";
import owaspData from "./data/owasp.json";

/**
 * Frameworks whose items can be applied to an AI system as controls or requirements (control status,
 * evidence, risk treatment). The string values are stored in the database (SystemControl.framework,
 * EvidenceLink.framework, RiskControl.framework): never rename one.
 */
export const FRAMEWORK_IDS = ["iso42001", "eu_ai_act", "nist_ai_rmf", "owasp_llm_2025", "owasp_agentic_2026", "atlas_mitigation"] as const;

export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

/** Every catalog whose items can be referenced, e.g. by the crosswalk: the frameworks plus ATLAS techniques. */
export const CATALOG_FRAMEWORK_IDS = [...FRAMEWORK_IDS, "atlas_technique"] as const;

export type CatalogFrameworkId = (typeof CATALOG_FRAMEWORK_IDS)[number];

/** The management-system and regulatory frameworks between which evidence can be reused (see equivalentControls). */
export const EVIDENCE_FRAMEWORK_IDS = ["iso42001", "eu_ai_act", "nist_ai_rmf"] as const satisfies readonly FrameworkId[];

export type EvidenceFrameworkId = (typeof EVIDENCE_FRAMEWORK_IDS)[number];

export interface FrameworkInfo {
  readonly id: CatalogFrameworkId;
  readonly name: string;
  readonly version: string;
  /** Show wherever the framework's items are displayed (UI footer, README). */
  readonly attribution: string;
  readonly licence: string;
  readonly url: string;
}

export const FRAMEWORK_INFO: Readonly<Record<CatalogFrameworkId, FrameworkInfo>> = {
  iso42001: {
    id: "iso42001",
    name: "ISO/IEC 42001:2023 Annex A",
    version: "2023",
    attribution: iso42001Data.source.attribution,
    licence: iso42001Data.source.licence,
    url: iso42001Data.source.url,
  },
  eu_ai_act: {
    id: "eu_ai_act",
    name: "EU AI Act",
    version: "Regulation (EU) 2024/1689",
    attribution: euAiActData.source.attribution,
    licence: euAiActData.source.licence,
    url: euAiActData.source.url,
  },
  nist_ai_rmf: {
    id: "nist_ai_rmf",
    name: "NIST AI Risk Management Framework",
    version: nistAiRmfData.version,
    attribution: nistAiRmfData.source.attribution,
    licence: nistAiRmfData.source.licence,
    url: nistAiRmfData.source.url,
  },
  owasp_llm_2025: {
    id: "owasp_llm_2025",
    name: owaspData.llm2025.name,
    version: owaspData.llm2025.version,
    attribution: owaspData.source.attribution,
    licence: owaspData.source.licence,
    url: owaspData.llm2025.url,
  },
  owasp_agentic_2026: {
    id: "owasp_agentic_2026",
    name: owaspData.agentic2026.name,
    version: owaspData.agentic2026.version,
    attribution: owaspData.source.attribution,
    licence: owaspData.source.licence,
    url: owaspData.agentic2026.url,
  },
  atlas_mitigation: {
    id: "atlas_mitigation",
    name: "MITRE ATLAS mitigations",
    version: atlasData.version,
    attribution: atlasData.source.attribution,
    licence: atlasData.source.licence,
    url: atlasData.source.url,
  },
  atlas_technique: {
    id: "atlas_technique",
    name: "MITRE ATLAS techniques",
    version: atlasData.version,
    attribution: atlasData.source.attribution,
    licence: atlasData.source.licence,
    url: atlasData.source.url,
  },
};

/** The frameworks, in display order, with what the UI and README must show about each. */
export const FRAMEWORKS: readonly FrameworkInfo[] = FRAMEWORK_IDS.map((id) => FRAMEWORK_INFO[id]);

export function isFrameworkId(value: unknown): value is FrameworkId {
  return typeof value === "string" && (FRAMEWORK_IDS as readonly string[]).includes(value);
}

export function isCatalogFrameworkId(value: unknown): value is CatalogFrameworkId {
  return typeof value === "string" && (CATALOG_FRAMEWORK_IDS as readonly string[]).includes(value);
}
