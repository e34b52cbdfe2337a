/**
 * Builds the built-in catalogs and the reference-derived crosswalk rows from the reference data set:
 *
 *   npx tsx scripts/build-catalogs.ts [--check]          (npm run catalogs:build)
 *
 * Reads REFERENCE_DATA_DIR (default: ../shared/reference next to the repository; a relative value is
 * taken from the current directory) and writes
 *
 *   lib/catalogs/data/atlas.json          MITRE ATLAS tactics, techniques, mitigations, case studies
 *   lib/catalogs/data/owasp.json          OWASP LLM 2025, LLM v1.1 (2023) + its 2025 crosswalk, Agentic 2026
 *   lib/catalogs/data/iso42001.json       ISO/IEC 42001:2023 Annex A ids and titles
 *   lib/catalogs/data/eu-ai-act.json      Regulation (EU) 2024/1689 articles, Art 5 practices, Annex III
 *   lib/catalogs/data/nist-ai-rmf.json    NIST AI RMF 1.0 functions, categories, subcategories
 *   lib/crosswalk/data/reference-rows.json   crosswalk rows taken from reference files
 *
 * Facts only (identifiers, names, structure); no descriptions. Every file carries a `source` block
 * (reference files with upstream repository, commit and licence from SOURCES.txt, plus attribution).
 * Output is deterministic: the same reference files give byte-identical JSON. The reference files are
 * validated on the way in (shape, counts, cross-references) and the build fails loudly on any surprise.
 *
 * --check writes nothing and exits 1 when a committed file differs from what would be built.
 * Exit codes: 0 ok, 1 committed files out of date (--check), 2 usage error or invalid reference data.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type {
  AtlasCatalog,
  AtlasTechnique,
  CatalogSource,
  CatalogSourceFile,
  EuAiActArticle,
  EuAiActCatalog,
  EuAiActChapter,
  EuAiActRole,
  Iso42001Catalog,
  NistAiRmfCatalog,
  OwaspCatalog,
  OwaspItem,
} from "@/lib/catalogs/types";
import type { CrosswalkRow } from "@/lib/crosswalk/types";

export const REPO_ROOT = path.resolve(import.meta.dirname, "..");

/** REFERENCE_DATA_DIR if set (relative values resolve from the current directory), else ../shared/reference from the repo root. */
export function resolveReferenceDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.REFERENCE_DATA_DIR?.trim();
  return fromEnv ? path.resolve(fromEnv) : path.resolve(REPO_ROOT, "../shared/reference");
}

export interface BuiltFile {
  /** Relative to the repository root, with forward slashes. */
  readonly path: string;
  readonly content: string;
}

export interface BuildResult {
  readonly files: readonly BuiltFile[];
  /** Oddities in the reference data that the build tolerated (e.g. duplicates it removed). */
  readonly notes: readonly string[];
}

export class ReferenceDataError extends Error {}

function fail(message: string): never {
  throw new ReferenceDataError(message);
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

/** Byte-order comparison, so output never depends on the machine's locale. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function uniqueIds(ids: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    check(!seen.has(id), `${what}: duplicate id ${id}`);
    seen.add(id);
  }
}

// ── Reference reading ────────────────────────────────────────────────────────────────────────

class ReferenceReader {
  constructor(readonly dir: string) {}

  text(file: string): string {
    const full = path.join(this.dir, file);
    if (!existsSync(full)) fail(`Reference file missing: ${full} (set REFERENCE_DATA_DIR)`);
    return readFileSync(full, "utf8");
  }

  parsed<T>(file: string, schema: z.ZodType<T>, parse: (text: string) => unknown): T {
    let raw: unknown;
    try {
      raw = parse(this.text(file));
    } catch (error) {
      if (error instanceof ReferenceDataError) throw error;
      fail(`${file}: cannot parse (${(error as Error).message})`);
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      const issues = result.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      fail(`${file}: unexpected shape: ${issues.join("; ")}`);
    }
    return result.data;
  }

  json<T>(file: string, schema: z.ZodType<T>): T {
    return this.parsed(file, schema, (text) => JSON.parse(text));
  }

  yaml<T>(file: string, schema: z.ZodType<T>): T {
    return this.parsed(file, schema, (text) => parseYaml(text));
  }
}

/**
 * SOURCES.txt: one line per file, tab-separated: local path, then either `repo=… path=… commit=…`
 * fields (an upstream file kept byte-exact) or a free-text note naming the repositories a compiled
 * catalog was derived from, then `license=…`.
 */
export function parseSourcesTxt(text: string): Map<string, CatalogSourceFile> {
  const sources = new Map<string, CatalogSourceFile>();
  for (const line of text.split("\n")) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const [file, ...fields] = line.split("\t");
    const licenceField = fields.find((field) => field.startsWith("license="));
    check(licenceField, `SOURCES.txt: no license= for ${file}`);
    const described = fields.filter((field) => field !== licenceField).join(" ");
    const upstream = described
      .split(/(?=\brepo=)/)
      .filter((segment) => segment.startsWith("repo="))
      .map((segment) => ({
        repo: /^repo=([^\s;,()]+)/.exec(segment)![1],
        path: /\bpath=([^\s;,()]+)/.exec(segment)?.[1] ?? null,
        commit: /\bcommit=([0-9a-f]{40})\b/.exec(segment)?.[1] ?? null,
      }));
    sources.set(file, {
      file,
      kind: fields[0].startsWith("repo=") ? "upstream" : "compiled",
      upstream,
      licence: licenceField.slice("license=".length).trim(),
    });
  }
  return sources;
}

function sourceFiles(sources: Map<string, CatalogSourceFile>, files: readonly string[]): CatalogSourceFile[] {
  return files.map((file) => {
    const source = sources.get(file) ?? fail(`SOURCES.txt does not describe ${file}`);
    check(source.upstream.length > 0, `SOURCES.txt: no repo= for ${file}`);
    return source;
  });
}

// ── MITRE ATLAS ──────────────────────────────────────────────────────────────────────────────

const ATLAS_FILE = "atlas/ATLAS.yaml";
const ATLAS_LAYER_FILE = "atlas/atlas_layer_matrix.json";

/** Counts of the ATLAS releases this build knows; a new release must be checked and added here. */
const EXPECTED_ATLAS_COUNTS: Readonly<
  Record<string, { tactics: number; techniques: number; subtechniques: number; mitigations: number; caseStudies: number }>
> = {
  "5.6.0": { tactics: 16, techniques: 101, subtechniques: 69, mitigations: 35, caseStudies: 57 },
};

const named = z.object({ id: z.string().min(1), name: z.string().min(1) });

const atlasYamlSchema = z.object({
  version: z.union([z.string(), z.number()]).transform(String),
  matrices: z
    .array(
      z.object({
        id: z.string(),
        tactics: z.array(named),
        techniques: z.array(named.extend({ tactics: z.array(z.string()).optional(), "subtechnique-of": z.string().optional() })),
        mitigations: z.array(named.extend({ techniques: z.array(z.object({ id: z.string() })).default([]) })),
      }),
    )
    .min(1),
  "case-studies": z.array(named),
});

const atlasLayerSchema = z.object({
  techniques: z.array(z.object({ techniqueID: z.string(), tactic: z.string().optional() })),
});

/** Navigator slug of a tactic name: "AI Model Access" → "ai-model-access". */
export function tacticSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

function buildAtlas(reader: ReferenceReader, sources: Map<string, CatalogSourceFile>, notes: string[]): AtlasCatalog {
  const yaml = reader.yaml(ATLAS_FILE, atlasYamlSchema);
  const matrix = yaml.matrices[0];
  const expected =
    EXPECTED_ATLAS_COUNTS[yaml.version] ??
    fail(`${ATLAS_FILE}: version ${yaml.version} is not one this build knows; check it and add its counts to EXPECTED_ATLAS_COUNTS`);

  const tactics = matrix.tactics.map((tactic) => ({ id: tactic.id, name: tactic.name, shortName: tacticSlug(tactic.name) }));
  uniqueIds(
    tactics.map((tactic) => tactic.id),
    `${ATLAS_FILE} tactics`,
  );
  const tacticOrder = new Map(tactics.map((tactic, index) => [tactic.id, index]));

  const raw = new Map(matrix.techniques.map((technique) => [technique.id, technique]));
  uniqueIds(
    matrix.techniques.map((technique) => technique.id),
    `${ATLAS_FILE} techniques`,
  );
  const techniques: AtlasTechnique[] = matrix.techniques.map((technique) => {
    const parentId = technique["subtechnique-of"] ?? null;
    if (parentId === null) {
      const own = technique.tactics ?? [];
      check(own.length > 0, `${ATLAS_FILE}: technique ${technique.id} has no tactics`);
      for (const tacticId of own) check(tacticOrder.has(tacticId), `${ATLAS_FILE}: technique ${technique.id} names unknown tactic ${tacticId}`);
      const tacticIds = [...new Set(own)].sort((a, b) => tacticOrder.get(a)! - tacticOrder.get(b)!);
      return { id: technique.id, name: technique.name, parentId: null, tacticIds };
    }
    const parent = raw.get(parentId) ?? fail(`${ATLAS_FILE}: sub-technique ${technique.id} names unknown parent ${parentId}`);
    check(parent["subtechnique-of"] === undefined, `${ATLAS_FILE}: sub-technique ${technique.id} has a sub-technique as parent`);
    check(technique.id.startsWith(`${parentId}.`), `${ATLAS_FILE}: sub-technique ${technique.id} is not numbered under ${parentId}`);
    check(technique.tactics === undefined, `${ATLAS_FILE}: sub-technique ${technique.id} declares its own tactics`);
    const tacticIds = [...new Set(parent.tactics ?? [])].sort((a, b) => tacticOrder.get(a)! - tacticOrder.get(b)!);
    return { id: technique.id, name: technique.name, parentId, tacticIds };
  });
  techniques.sort((a, b) => byCodeUnit(a.id, b.id));

  const mitigations = matrix.mitigations.map((mitigation) => {
    const listed = mitigation.techniques.map((entry) => entry.id);
    for (const id of listed) check(raw.has(id), `${ATLAS_FILE}: mitigation ${mitigation.id} names unknown technique ${id}`);
    const techniqueIds = [...new Set(listed)].sort(byCodeUnit);
    if (techniqueIds.length !== listed.length) {
      const repeated = [...new Set(listed.filter((id, index) => listed.indexOf(id) !== index))];
      notes.push(`${ATLAS_FILE}: mitigation ${mitigation.id} lists ${repeated.join(", ")} more than once (kept once)`);
    }
    return { id: mitigation.id, name: mitigation.name, techniqueIds };
  });
  uniqueIds(
    mitigations.map((mitigation) => mitigation.id),
    `${ATLAS_FILE} mitigations`,
  );
  mitigations.sort((a, b) => byCodeUnit(a.id, b.id));

  const caseStudies = yaml["case-studies"].map((caseStudy) => ({ id: caseStudy.id, name: caseStudy.name }));
  uniqueIds(
    caseStudies.map((caseStudy) => caseStudy.id),
    `${ATLAS_FILE} case studies`,
  );
  caseStudies.sort((a, b) => byCodeUnit(a.id, b.id));

  const counts = {
    tactics: tactics.length,
    techniques: techniques.filter((technique) => technique.parentId === null).length,
    subtechniques: techniques.filter((technique) => technique.parentId !== null).length,
    mitigations: mitigations.length,
    caseStudies: caseStudies.length,
  };
  for (const key of Object.keys(expected) as (keyof typeof expected)[]) {
    check(counts[key] === expected[key], `${ATLAS_FILE} ${yaml.version}: expected ${expected[key]} ${key}, found ${counts[key]}`);
  }

  // The Navigator slugs must be the ones the official Navigator layer uses, technique by technique.
  const layer = reader.json(ATLAS_LAYER_FILE, atlasLayerSchema);
  const slugOf = new Map(tactics.map((tactic) => [tactic.id, tactic.shortName]));
  const ours = new Set(techniques.filter((t) => t.parentId === null).flatMap((t) => t.tacticIds.map((id) => `${t.id}@${slugOf.get(id)}`)));
  const theirs = new Set(layer.techniques.filter((t) => t.tactic !== undefined).map((t) => `${t.techniqueID}@${t.tactic}`));
  const missing = [...theirs].filter((pair) => !ours.has(pair));
  const extra = [...ours].filter((pair) => !theirs.has(pair));
  check(
    missing.length === 0 && extra.length === 0,
    `${ATLAS_LAYER_FILE}: tactic slugs disagree with ${ATLAS_FILE}: layer-only ${missing.join(", ") || "-"}; yaml-only ${extra.join(", ") || "-"}`,
  );

  return {
    source: {
      files: sourceFiles(sources, [ATLAS_FILE, ATLAS_LAYER_FILE]),
      licence: "Apache-2.0",
      attribution: `MITRE ATLAS ${yaml.version} (Adversarial Threat Landscape for Artificial-Intelligence Systems), © 2021-2025 MITRE, licensed under the Apache License 2.0. Identifiers and names from mitre-atlas/atlas-data.`,
      url: "https://atlas.mitre.org",
    },
    version: yaml.version,
    tactics,
    techniques,
    mitigations,
    caseStudies,
  };
}

// ── OWASP ────────────────────────────────────────────────────────────────────────────────────

const OWASP_FILE = "frameworks/owasp-top10.json";

const owaspJsonSchema = z.object({
  owasp_llm_top10_2025: z.object({ url: z.string(), items: z.array(z.object({ id: z.string(), short: z.string(), title: z.string().min(1) })) }),
  owasp_llm_top10_2023_v1_1: z.object({ items: z.array(z.object({ id: z.string(), title: z.string().min(1) })) }),
  crosswalk_v1_1_to_2025: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  owasp_top10_agentic_2026: z.object({ url: z.string(), items: z.array(z.object({ id: z.string(), short: z.string(), title: z.string().min(1) })) }),
});

function checkTopTen(items: readonly OwaspItem[], prefix: "LLM" | "ASI", year: string, what: string): void {
  check(items.length === 10, `${OWASP_FILE} ${what}: expected 10 items, found ${items.length}`);
  items.forEach((item, index) => {
    const short = `${prefix}${String(index + 1).padStart(2, "0")}`;
    check(
      item.short === short && item.id === `${short}:${year}`,
      `${OWASP_FILE} ${what}: item ${index + 1} is ${item.id}/${item.short}, expected ${short}:${year}`,
    );
  });
}

function buildOwasp(reader: ReferenceReader, sources: Map<string, CatalogSourceFile>): OwaspCatalog {
  const ref = reader.json(OWASP_FILE, owaspJsonSchema);
  const llm2025 = ref.owasp_llm_top10_2025.items.map(({ id, short, title }) => ({ id, short, title }));
  checkTopTen(llm2025, "LLM", "2025", "LLM 2025");
  const llm2023 = ref.owasp_llm_top10_2023_v1_1.items.map(({ id, title }) => ({ id: `${id}:2023`, short: id, title }));
  checkTopTen(llm2023, "LLM", "2023", "LLM v1.1");
  const agentic = ref.owasp_top10_agentic_2026.items.map(({ id, short, title }) => ({ id, short, title }));
  checkTopTen(agentic, "ASI", "2026", "Agentic 2026");

  const ids2025 = new Set(llm2025.map((item) => item.id));
  const mapping: Record<string, string[]> = {};
  for (const item of llm2023) {
    const targets = ref.crosswalk_v1_1_to_2025[item.short];
    check(Array.isArray(targets) && targets.length > 0, `${OWASP_FILE}: crosswalk has no 2025 entry for ${item.short}`);
    for (const target of targets) check(ids2025.has(target), `${OWASP_FILE}: crosswalk maps ${item.short} to unknown ${target}`);
    mapping[item.short] = [...targets];
  }
  const unexpected = Object.keys(ref.crosswalk_v1_1_to_2025).filter((key) => !key.startsWith("_") && !(key in mapping));
  check(unexpected.length === 0, `${OWASP_FILE}: crosswalk has unknown keys ${unexpected.join(", ")}`);

  return {
    source: {
      files: sourceFiles(sources, [OWASP_FILE]),
      licence: "CC BY-SA 4.0",
      attribution:
        "OWASP Top 10 for LLM Applications (2025 and v1.1) and OWASP Top 10 for Agentic Applications 2026 by the OWASP GenAI Security Project (genai.owasp.org), licensed under CC BY-SA 4.0. Identifiers and titles only.",
      url: "https://genai.owasp.org",
    },
    llm2025: { name: "OWASP Top 10 for LLM Applications", version: "2025", url: ref.owasp_llm_top10_2025.url, items: llm2025 },
    llm2023: { name: "OWASP Top 10 for LLM Applications", version: "1.1 (2023)", url: null, items: llm2023 },
    crosswalk2023to2025: {
      note: "Approximate title-based correspondence from the v1.1 (2023) list to the 2025 list, compiled for the reference set; not an official OWASP table. Used to re-key garak's owasp:llmNN tags, which use v1.1 numbering.",
      mapping,
    },
    agentic2026: { name: "OWASP Top 10 for Agentic Applications", version: "2026", url: ref.owasp_top10_agentic_2026.url, items: agentic },
  };
}

// ── ISO/IEC 42001 ────────────────────────────────────────────────────────────────────────────

const ISO_FILE = "frameworks/iso42001-2023-annexA.json";

const isoJsonSchema = z.object({
  standard: z.string(),
  annex_a_groups: z.array(z.object({ id: z.string(), title: z.string().min(1), group: z.string().optional() })),
  annex_a_controls: z.array(z.object({ id: z.string(), title: z.string().min(1), group: z.string(), subgroup: z.string().nullable() })),
  counts: z.object({ annex_a_groups: z.number(), annex_a_controls: z.number() }),
});

function buildIso42001(reader: ReferenceReader, sources: Map<string, CatalogSourceFile>): Iso42001Catalog {
  const ref = reader.json(ISO_FILE, isoJsonSchema);
  const groups = ref.annex_a_groups.filter((group) => group.group === undefined).map(({ id, title }) => ({ id, title }));
  const subgroups = ref.annex_a_groups.filter((group) => group.group !== undefined).map(({ id, title, group }) => ({ id, title, groupId: group! }));
  const controls = ref.annex_a_controls.map(({ id, title, group, subgroup }) => ({ id, title, groupId: group, subgroupId: subgroup }));

  check(groups.length === 9 && groups.length === ref.counts.annex_a_groups, `${ISO_FILE}: expected 9 Annex A groups, found ${groups.length}`);
  check(controls.length === 38 && controls.length === ref.counts.annex_a_controls, `${ISO_FILE}: expected 38 Annex A controls, found ${controls.length}`);
  uniqueIds(
    [...groups, ...subgroups, ...controls].map((item) => item.id),
    ISO_FILE,
  );
  const groupIds = new Set(groups.map((group) => group.id));
  for (const subgroup of subgroups)
    check(
      groupIds.has(subgroup.groupId) && subgroup.id.startsWith(`${subgroup.groupId}.`),
      `${ISO_FILE}: subgroup ${subgroup.id} is not under ${subgroup.groupId}`,
    );
  for (const control of controls) {
    check(groupIds.has(control.groupId), `${ISO_FILE}: control ${control.id} names unknown group ${control.groupId}`);
    const parent = control.subgroupId ?? control.groupId;
    if (control.subgroupId !== null)
      check(
        subgroups.some((s) => s.id === control.subgroupId && s.groupId === control.groupId),
        `${ISO_FILE}: control ${control.id} names unknown subgroup ${control.subgroupId}`,
      );
    check(/^A\.\d+(\.\d+)+$/.test(control.id) && control.id.startsWith(`${parent}.`), `${ISO_FILE}: control ${control.id} is not numbered under ${parent}`);
  }

  return {
    source: {
      files: sourceFiles(sources, [ISO_FILE]),
      licence: "Identifiers and titles only (facts); the standard's text is © ISO/IEC and is not reproduced",
      attribution:
        "ISO/IEC 42001:2023 Annex A control identifiers and titles. The standard is © ISO/IEC; its text is not reproduced here. Obtain it from ISO or your national standards body.",
      url: "https://www.iso.org/standard/81230.html",
    },
    standard: ref.standard,
    groups,
    subgroups,
    controls,
  };
}

// ── EU AI Act ────────────────────────────────────────────────────────────────────────────────

const EU_FILE = "frameworks/eu-ai-act-structure.json";

const EU_ROLES: readonly EuAiActRole[] = [
  "provider",
  "deployer",
  "importer",
  "distributor",
  "authorised representative",
  "product manufacturer",
  "provider of general-purpose AI model",
];

/** Art 3(8): "operator" means a provider, product manufacturer, deployer, authorised representative, importer or distributor. */
const OPERATORS: readonly EuAiActRole[] = ["provider", "deployer", "importer", "distributor", "authorised representative", "product manufacturer"];

/** The reference writes who an article binds in free text; map each phrase to the Regulation's roles (unknown phrases fail the build). */
function rolesOf(listed: string, article: number): EuAiActRole[] {
  if (listed === "all operators") return [...OPERATORS];
  if (/^GPAI provider\b/.test(listed)) return ["provider of general-purpose AI model"];
  const role = EU_ROLES.find((candidate) => listed === candidate || listed.startsWith(`${candidate} (`));
  return role ? [role] : fail(`${EU_FILE}: Art ${article} applies_to "${listed}" is not a role this build understands`);
}

/** Chapters (and Chapter III's sections) of Regulation (EU) 2024/1689, from its table of contents. */
const EU_CHAPTERS: readonly EuAiActChapter[] = [
  { id: "I", title: "General provisions", firstArticle: 1, lastArticle: 4, sections: [] },
  { id: "II", title: "Prohibited AI practices", firstArticle: 5, lastArticle: 5, sections: [] },
  {
    id: "III",
    title: "High-risk AI systems",
    firstArticle: 6,
    lastArticle: 49,
    sections: [
      { id: "1", title: "Classification of AI systems as high-risk", firstArticle: 6, lastArticle: 7 },
      { id: "2", title: "Requirements for high-risk AI systems", firstArticle: 8, lastArticle: 15 },
      { id: "3", title: "Obligations of providers and deployers of high-risk AI systems and other parties", firstArticle: 16, lastArticle: 27 },
      { id: "4", title: "Notifying authorities and notified bodies", firstArticle: 28, lastArticle: 39 },
      { id: "5", title: "Standards, conformity assessment, certificates, registration", firstArticle: 40, lastArticle: 49 },
    ],
  },
  { id: "IV", title: "Transparency obligations for providers and deployers of certain AI systems", firstArticle: 50, lastArticle: 50, sections: [] },
  { id: "V", title: "General-purpose AI models", firstArticle: 51, lastArticle: 56, sections: [] },
  { id: "VI", title: "Measures in support of innovation", firstArticle: 57, lastArticle: 63, sections: [] },
  { id: "VII", title: "Governance", firstArticle: 64, lastArticle: 70, sections: [] },
  { id: "VIII", title: "EU database for high-risk AI systems", firstArticle: 71, lastArticle: 71, sections: [] },
  { id: "IX", title: "Post-market monitoring, information sharing and market surveillance", firstArticle: 72, lastArticle: 94, sections: [] },
  { id: "X", title: "Codes of conduct and guidelines", firstArticle: 95, lastArticle: 96, sections: [] },
  { id: "XI", title: "Delegation of power and committee procedure", firstArticle: 97, lastArticle: 98, sections: [] },
  { id: "XII", title: "Penalties", firstArticle: 99, lastArticle: 101, sections: [] },
  { id: "XIII", title: "Final provisions", firstArticle: 102, lastArticle: 113, sections: [] },
];

const euJsonSchema = z.object({
  regulation: z.object({ celex: z.string(), eli: z.string(), published_oj: z.string(), entry_into_force: z.string() }),
  roles: z.array(z.string()),
  article_5_prohibited_practices: z.array(z.object({ ref: z.string(), label: z.string().min(1) })),
  annex_III_high_risk_areas: z.array(z.object({ point: z.string(), area: z.string().min(1), items: z.record(z.string(), z.string().min(1)) })),
  articles: z.array(
    z.object({
      article: z.number().int().positive(),
      title: z.string().min(1),
      applies_to: z.array(z.string()).optional(),
      section: z.string().optional(),
      annex: z.string().optional(),
    }),
  ),
  annexes: z.record(z.string(), z.string().min(1)),
});

function buildEuAiAct(reader: ReferenceReader, sources: Map<string, CatalogSourceFile>): EuAiActCatalog {
  const ref = reader.json(EU_FILE, euJsonSchema);
  check(
    ref.roles.length === EU_ROLES.length && ref.roles.every((role) => (EU_ROLES as readonly string[]).includes(role)),
    `${EU_FILE}: roles ${ref.roles.join(", ")} differ from the roles this build knows`,
  );

  const articles: EuAiActArticle[] = ref.articles.map((article) => {
    const chapter =
      EU_CHAPTERS.find((c) => article.article >= c.firstArticle && article.article <= c.lastArticle) ??
      fail(`${EU_FILE}: Art ${article.article} is outside Art 1-113`);
    const section = chapter.sections.find((s) => article.article >= s.firstArticle && article.article <= s.lastArticle) ?? null;
    if (article.section !== undefined) {
      const match = /^Ch ([IVX]+) Sec (\d+)\b/.exec(article.section);
      check(
        match && match[1] === chapter.id && match[2] === section?.id,
        `${EU_FILE}: Art ${article.article} section "${article.section}" disagrees with Chapter ${chapter.id} Section ${section?.id ?? "-"}`,
      );
    }
    const listed = article.applies_to ?? [];
    const roles = new Set(listed.flatMap((entry) => rolesOf(entry, article.article)));
    return {
      id: `Art ${article.article}`,
      number: article.article,
      title: article.title,
      chapterId: chapter.id,
      sectionId: section?.id ?? null,
      appliesTo: EU_ROLES.filter((role) => roles.has(role)),
      appliesToAsListed: listed,
      annex: article.annex ?? null,
    };
  });
  uniqueIds(
    articles.map((article) => article.id),
    `${EU_FILE} articles`,
  );
  check(
    articles.every((article, index) => index === 0 || articles[index - 1].number < article.number),
    `${EU_FILE}: articles are not in ascending order`,
  );

  const prohibitedPractices = ref.article_5_prohibited_practices.map(({ ref: practiceRef, label }) => ({ ref: practiceRef, label }));
  check(prohibitedPractices.length === 8, `${EU_FILE}: expected 8 Art 5(1) practices, found ${prohibitedPractices.length}`);
  const annexIII = ref.annex_III_high_risk_areas.map((area) => ({
    point: area.point,
    area: area.area,
    items: Object.keys(area.items)
      .sort(byCodeUnit)
      .map((letter) => ({ ref: `${area.point}(${letter})`, label: area.items[letter] })),
  }));
  check(annexIII.length === 8, `${EU_FILE}: expected 8 Annex III areas, found ${annexIII.length}`);

  return {
    source: {
      files: sourceFiles(sources, [EU_FILE]),
      licence: "© European Union; reuse authorised under Commission Decision 2011/833/EU",
      attribution:
        "Regulation (EU) 2024/1689 (Artificial Intelligence Act), © European Union, https://eur-lex.europa.eu. Reuse authorised under Commission Decision 2011/833/EU. Article titles as published; labels are short paraphrases. Only the Official Journal text is authentic.",
      url: ref.regulation.eli,
    },
    regulation: {
      title: "Regulation (EU) 2024/1689 (Artificial Intelligence Act)",
      celex: ref.regulation.celex,
      eli: ref.regulation.eli,
      publishedOj: ref.regulation.published_oj,
      entryIntoForce: ref.regulation.entry_into_force,
    },
    roles: EU_ROLES,
    chapters: EU_CHAPTERS,
    articles,
    prohibitedPractices,
    annexIII,
    annexes: Object.entries(ref.annexes).map(([id, title]) => ({ id, title })),
  };
}

// ── NIST AI RMF ──────────────────────────────────────────────────────────────────────────────

const NIST_FILE = "frameworks/nist-ai-rmf-1.0.json";

const NIST_FUNCTION_SHORT: Readonly<Record<string, string>> = { GOVERN: "GV", MAP: "MP", MEASURE: "MS", MANAGE: "MG" };

const nistJsonSchema = z.object({
  functions: z.array(z.object({ id: z.string(), statement: z.string().min(1) })),
  categories: z.array(z.object({ id: z.string(), function: z.string(), statement: z.string().min(1) })),
  subcategories: z.array(z.object({ id: z.string(), function: z.string(), category: z.string(), statement: z.string().min(1), short_id: z.string() })),
  counts: z.object({ functions: z.number(), categories: z.number(), subcategories: z.number() }),
});

function buildNistAiRmf(reader: ReferenceReader, sources: Map<string, CatalogSourceFile>): NistAiRmfCatalog {
  const ref = reader.json(NIST_FILE, nistJsonSchema);
  const shortOf = (functionId: string) => NIST_FUNCTION_SHORT[functionId] ?? fail(`${NIST_FILE}: unknown function ${functionId}`);
  const functions = ref.functions.map(({ id, statement }) => ({ id, shortId: shortOf(id), statement }));
  const categories = ref.categories.map(({ id, function: functionId, statement }) => {
    const match = /^([A-Z]+) (\d+)$/.exec(id);
    check(match && match[1] === functionId, `${NIST_FILE}: category ${id} is not numbered under ${functionId}`);
    return { id, shortId: `${shortOf(functionId)}-${match[2]}`, functionId, statement };
  });
  const categoryIds = new Set(categories.map((category) => category.id));
  const subcategories = ref.subcategories.map(({ id, function: functionId, category, statement, short_id }) => {
    const match = /^([A-Z]+) (\d+)\.(\d+)$/.exec(id);
    check(
      match && `${match[1]} ${match[2]}` === category && match[1] === functionId && categoryIds.has(category),
      `${NIST_FILE}: subcategory ${id} is not numbered under ${category}`,
    );
    const shortId = `${shortOf(functionId)}-${match[2]}.${match[3]}`;
    check(short_id === shortId, `${NIST_FILE}: subcategory ${id} has short_id ${short_id}, expected ${shortId}`);
    return { id, shortId, functionId, categoryId: category, statement };
  });

  check(functions.length === 4 && ref.counts.functions === 4, `${NIST_FILE}: expected 4 functions, found ${functions.length}`);
  check(categories.length === 19 && ref.counts.categories === 19, `${NIST_FILE}: expected 19 categories, found ${categories.length}`);
  check(subcategories.length === 72 && ref.counts.subcategories === 72, `${NIST_FILE}: expected 72 subcategories, found ${subcategories.length}`);
  uniqueIds(
    [...functions, ...categories, ...subcategories].map((item) => item.id),
    NIST_FILE,
  );

  return {
    source: {
      files: sourceFiles(sources, [NIST_FILE]),
      licence: "Public domain in the US (US Government work)",
      attribution:
        "NIST AI Risk Management Framework (AI RMF 1.0), NIST AI 100-1, National Institute of Standards and Technology, January 2023, https://doi.org/10.6028/NIST.AI.100-1. A work of the US Government, not subject to copyright in the United States.",
      url: "https://doi.org/10.6028/NIST.AI.100-1",
    },
    version: "1.0",
    functions,
    categories,
    subcategories,
  };
}

// ── Reference-derived crosswalk rows ─────────────────────────────────────────────────────────

const ASI_TO_LLM_FILE = "ibm-ai-atlas-nexus/owasp_asi2owasp_llm.tsv";

interface SssomRow {
  readonly [column: string]: string;
}

/** SSSOM TSV: `# key: value` metadata lines, then a header row and tab-separated rows. */
function parseSssom(text: string, file: string): { meta: Map<string, string>; rows: SssomRow[] } {
  const meta = new Map<string, string>();
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const body: string[] = [];
  for (const line of lines) {
    if (line.startsWith("#")) {
      const match = /^#\s*([a-z_]+):\s*(.*)$/.exec(line);
      if (match && match[2] !== "") meta.set(match[1], match[2].replace(/^'(.*)'$/, "$1"));
    } else {
      body.push(line);
    }
  }
  check(body.length > 1, `${file}: no mapping rows`);
  const header = body[0].split("\t");
  for (const column of ["subject_id", "subject_label", "predicate_id", "object_id", "object_label", "mapping_justification", "confidence"]) {
    check(header.includes(column), `${file}: no ${column} column`);
  }
  const rows = body.slice(1).map((line, index) => {
    const cells = line.split("\t");
    check(cells.length === header.length, `${file}: row ${index + 1} has ${cells.length} cells, expected ${header.length}`);
    return Object.fromEntries(header.map((column, i) => [column, cells[i].trim()]));
  });
  return { meta, rows };
}

function buildReferenceRows(
  reader: ReferenceReader,
  sources: Map<string, CatalogSourceFile>,
  atlas: AtlasCatalog,
  owasp: OwaspCatalog,
): { source: CatalogSource; rows: CrosswalkRow[] } {
  const rows: CrosswalkRow[] = [];

  for (const mitigation of atlas.mitigations) {
    for (const techniqueId of mitigation.techniqueIds) {
      rows.push({
        from: { framework: "atlas_mitigation", id: mitigation.id },
        to: { framework: "atlas_technique", id: techniqueId },
        relation: "mitigates",
        source: {
          kind: "reference",
          file: ATLAS_FILE,
          detail: `ATLAS ${atlas.version}: mitigation ${mitigation.id} lists technique ${techniqueId} among the techniques it addresses`,
        },
      });
    }
  }

  // The subject/object CURIE slugs are not uniform ("llm01-prompt-injection", "llm062025-excessive-agency"),
  // so the item id is read from the label ("LLM06:2025 Excessive Agency") and checked against the slug's number.
  const sssom = parseSssom(reader.text(ASI_TO_LLM_FILE), ASI_TO_LLM_FILE);
  const asiIds = new Set(owasp.agentic2026.items.map((item) => item.id));
  const llmIds = new Set(owasp.llm2025.items.map((item) => item.id));
  const predicates = new Set(["skos:exactMatch", "skos:closeMatch", "skos:broadMatch", "skos:narrowMatch", "skos:relatedMatch"]);
  for (const row of sssom.rows) {
    const from = row.subject_label.split(" ")[0];
    const to = row.object_label.split(" ")[0];
    check(asiIds.has(from), `${ASI_TO_LLM_FILE}: unknown subject ${row.subject_label}`);
    check(llmIds.has(to), `${ASI_TO_LLM_FILE}: unknown object ${row.object_label}`);
    check(/^owasp-asi:asi(\d{2})-/.exec(row.subject_id)?.[1] === from.slice(3, 5), `${ASI_TO_LLM_FILE}: ${row.subject_id} does not match ${from}`);
    check(/^owasp-llm-2\.0:llm(\d{2})/.exec(row.object_id)?.[1] === to.slice(3, 5), `${ASI_TO_LLM_FILE}: ${row.object_id} does not match ${to}`);
    check(predicates.has(row.predicate_id), `${ASI_TO_LLM_FILE}: unexpected predicate ${row.predicate_id}`);
    const confidence = Number(row.confidence);
    check(row.confidence !== "" && confidence >= 0 && confidence <= 1, `${ASI_TO_LLM_FILE}: bad confidence ${row.confidence}`);
    rows.push({
      from: { framework: "owasp_agentic_2026", id: from },
      to: { framework: "owasp_llm_2025", id: to },
      // exact/close matches would be equivalences; the file has none, and broad/narrow/related stay "related".
      relation: row.predicate_id === "skos:exactMatch" ? "equivalent" : "related",
      source: {
        kind: "reference",
        file: ASI_TO_LLM_FILE,
        detail: `SSSOM ${row.predicate_id}, confidence ${row.confidence}, ${row.mapping_justification} (${row.subject_id} → ${row.object_id})`,
      },
    });
  }

  rows.sort(
    (a, b) =>
      byCodeUnit(a.from.framework, b.from.framework) ||
      byCodeUnit(a.from.id, b.from.id) ||
      byCodeUnit(a.to.framework, b.to.framework) ||
      byCodeUnit(a.to.id, b.to.id),
  );
  const keys = rows.map((row) => `${row.from.framework}:${row.from.id}>${row.to.framework}:${row.to.id}`);
  uniqueIds(keys, "reference crosswalk rows");

  const mappingDate = sssom.meta.get("mapping_date") ?? "undated";
  const authors = [...new Set(sssom.rows.map((row) => row.author_id).filter(Boolean))].join(", ");
  return {
    source: {
      files: sourceFiles(sources, [ATLAS_FILE, ASI_TO_LLM_FILE]),
      licence: "Apache-2.0",
      attribution: `ATLAS mitigation → technique links from MITRE ATLAS ${atlas.version} (© 2021-2025 MITRE, Apache-2.0). OWASP Agentic 2026 → OWASP LLM 2025 mappings from IBM AI Atlas Nexus (Apache-2.0), SSSOM mapping set dated ${mappingDate}${authors ? `, curated by ${authors}` : ""}.`,
      url: "https://github.com/IBM/ai-atlas-nexus",
    },
    rows,
  };
}

// ── Build ────────────────────────────────────────────────────────────────────────────────────

export const OUTPUT_PATHS = {
  atlas: "lib/catalogs/data/atlas.json",
  owasp: "lib/catalogs/data/owasp.json",
  iso42001: "lib/catalogs/data/iso42001.json",
  euAiAct: "lib/catalogs/data/eu-ai-act.json",
  nistAiRmf: "lib/catalogs/data/nist-ai-rmf.json",
  referenceRows: "lib/crosswalk/data/reference-rows.json",
} as const;

/** Builds every output file in memory (nothing is written). Throws ReferenceDataError on invalid reference data. */
export function buildCatalogFiles(referenceDir: string = resolveReferenceDir()): BuildResult {
  const reader = new ReferenceReader(referenceDir);
  const sources = parseSourcesTxt(reader.text("SOURCES.txt"));
  const notes: string[] = [];
  const atlas = buildAtlas(reader, sources, notes);
  const owasp = buildOwasp(reader, sources);
  const referenceRows = buildReferenceRows(reader, sources, atlas, owasp);
  return {
    files: [
      { path: OUTPUT_PATHS.atlas, content: toJson(atlas) },
      { path: OUTPUT_PATHS.owasp, content: toJson(owasp) },
      { path: OUTPUT_PATHS.iso42001, content: toJson(buildIso42001(reader, sources)) },
      { path: OUTPUT_PATHS.euAiAct, content: toJson(buildEuAiAct(reader, sources)) },
      { path: OUTPUT_PATHS.nistAiRmf, content: toJson(buildNistAiRmf(reader, sources)) },
      { path: OUTPUT_PATHS.referenceRows, content: toJson(referenceRows) },
    ],
    notes,
  };
}

function main(argv: readonly string[]): number {
  const unknown = argv.filter((arg) => arg !== "--check");
  if (unknown.length > 0) {
    console.error(`Unknown argument: ${unknown[0]}\nUsage: npx tsx scripts/build-catalogs.ts [--check]`);
    return 2;
  }
  const checkOnly = argv.includes("--check");
  const referenceDir = resolveReferenceDir();
  let result: BuildResult;
  try {
    result = buildCatalogFiles(referenceDir);
  } catch (error) {
    if (!(error instanceof ReferenceDataError)) throw error;
    console.error(`build-catalogs: ${error.message}`);
    return 2;
  }
  for (const note of result.notes) console.warn(`note: ${note}`);
  let stale = 0;
  for (const file of result.files) {
    const target = path.join(REPO_ROOT, file.path);
    const current = existsSync(target) ? readFileSync(target, "utf8") : null;
    if (current === file.content) {
      console.log(`unchanged  ${file.path}`);
    } else if (checkOnly) {
      stale++;
      console.log(`STALE      ${file.path}`);
    } else {
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.content);
      console.log(`wrote      ${file.path}`);
    }
  }
  console.log(`reference data: ${referenceDir}`);
  if (stale > 0) console.error(`${stale} file(s) out of date: run npm run catalogs:build`);
  return stale > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
