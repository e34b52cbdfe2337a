import type { AUTONOMY_LEVELS, DATA_CATEGORIES, HOSTINGS } from "@/lib/systems/schemas";
import { techniqueDisplayName, type AtlasMatrixSource, type AtlasTechniqueRef } from "./atlas-matrix-source";

// Proposes MITRE ATLAS techniques for an AI system from what the inventory records about it. PURE:
// no database, no clock; the caller passes the organisation's current catalog, so a suggestion is
// only made for a technique that exists in that release, under that release's name. Every
// suggestion carries a `why` that quotes the attribute it was derived from, so a reviewer can judge
// it. These are prompts for a threat-modelling conversation, not findings: nothing is added until a
// person picks a suggestion and writes a rationale.

export type SuggestionSystem = {
  description: string;
  purpose: string;
  deploymentContext: string;
  modelType: string;
  foundationModel: string;
  vendor: string;
  hosting: (typeof HOSTINGS)[number] | null;
  dataCategories: readonly (typeof DATA_CATEGORIES)[number][];
  autonomyLevel: (typeof AUTONOMY_LEVELS)[number];
  components: readonly { kind: "model" | "dataset" | "service"; name: string; sourceUrl: string; licence: string }[];
};

export const SUGGESTION_GROUPS = {
  llm: "Large language model",
  rag: "Retrieval (RAG)",
  data_leakage: "Personal data in an LLM",
  supply_chain: "Public AI supply chain",
  exposure: "Exposed inference",
  evasion: "Model evasion",
  poisoning: "Learning from user data",
  agent: "Agents and tools",
} as const;
export type SuggestionGroup = keyof typeof SUGGESTION_GROUPS;

export type TechniqueSuggestion = {
  techniqueId: string;
  /** The technique's name in the given catalog ("LLM Prompt Injection: Direct" for a sub-technique). */
  name: string;
  parentId: string | null;
  group: SuggestionGroup;
  /** One sentence per rule that proposed the technique, each quoting the system attribute it read. */
  why: string;
  /** Already in the system's threat profile: shown, but not offered again. */
  inProfile: boolean;
};

/**
 * Every technique a rule can propose, with its name in ATLAS 5.6.0. The unit test checks each id and
 * name against the built-in catalog, so a renumbered or renamed technique fails the build instead of
 * silently disappearing from the suggestions.
 */
export const SUGGESTABLE_TECHNIQUES = {
  "AML.T0051": "LLM Prompt Injection",
  "AML.T0051.000": "Direct",
  "AML.T0051.001": "Indirect",
  "AML.T0054": "LLM Jailbreak",
  "AML.T0056": "Extract LLM System Prompt",
  "AML.T0057": "LLM Data Leakage",
  "AML.T0064": "Gather RAG-Indexed Targets",
  "AML.T0066": "Retrieval Content Crafting",
  "AML.T0070": "RAG Poisoning",
  "AML.T0071": "False RAG Entry Injection",
  "AML.T0085.000": "RAG Databases",
  "AML.T0010": "AI Supply Chain Compromise",
  "AML.T0010.001": "AI Software",
  "AML.T0010.002": "Data",
  "AML.T0010.003": "Model",
  "AML.T0011.000": "Unsafe AI Artifacts",
  "AML.T0019": "Publish Poisoned Datasets",
  "AML.T0058": "Publish Poisoned Models",
  "AML.T0024": "Exfiltration via AI Inference API",
  "AML.T0029": "Denial of AI Service",
  "AML.T0034": "Cost Harvesting",
  "AML.T0015": "Evade AI Model",
  "AML.T0043": "Craft Adversarial Data",
  "AML.T0020": "Poison Training Data",
  "AML.T0053": "AI Agent Tool Invocation",
  "AML.T0080": "AI Agent Context Poisoning",
  "AML.T0086": "Exfiltration via AI Agent Tool Invocation",
  "AML.T0101": "Data Destruction via AI Agent Tool Invocation",
  "AML.T0110": "AI Agent Tool Poisoning",
} as const satisfies Record<string, string>;
export type SuggestableTechniqueId = keyof typeof SUGGESTABLE_TECHNIQUES;

// ── Signals ───────────────────────────────────────────────────────────────────────────────────

type TextField = "modelType" | "foundationModel" | "vendor" | "description" | "purpose" | "deploymentContext";
const FIELD_LABELS: Record<TextField, string> = {
  modelType: "model type",
  foundationModel: "foundation model",
  vendor: "vendor",
  description: "description",
  purpose: "purpose",
  deploymentContext: "deployment context",
};

const LLM_TERMS =
  /\b(llms?|large language models?|gpt[\w.-]*|chatgpt|chat ?bots?|chat assistants?|chat|conversational ai|generative|gen ?ai|rag|retrieval[- ]augmented|copilot|instruct(ion)?[- ]tuned|text generation|code completion)\b/i;
const LLM_FAMILIES = /\b(openai|anthropic|claude|mistral|mixtral|llama|gemini|gemma|cohere|qwen|deepseek|falcon|gpt[\w.-]*)\b/i;
/** A model type that names a non-generative model: a foundation model behind it is not treated as an LLM. */
const NON_GENERATIVE =
  /\b(classif\w*|rank\w*|regression|encoder|embeddings?|tabular|trees?|boost\w*|cnn|convolutional|recommender|speech[- ]to[- ]text|transcription|ocr|detection|segmentation|forecast\w*|clustering|linear model)\b/i;
const EXTERNAL_CONTENT =
  /\b(retriev\w*|rag|documents?|web ?pages?|web content|brows\w*|web search|internet search|e-?mails?|attachments?|pdfs?|uploaded files?|search results?|knowledge base|tickets?|urls?)\b/i;
const RAG_TERMS =
  /\b(rag|retrieval[- ]augmented|retrieval|vector (store|database|db|index|search)|vector ?stores?|knowledge base|semantic search|qdrant|pinecone|weaviate|chroma(db)?|milvus|pgvector|faiss)\b/i;
const EXPOSURE_TERMS =
  /\b(public[- ]facing|publicly (available|accessible|exposed)|public (website|web ?site|web|app|api|endpoint|portal|internet)|internet[- ]facing|on the (public )?internet|customer[- ]facing|consumer[- ]facing|external users?|anonymous users?|open to the public|mobile app|web ?app|customer portal|self-service portal|(public|open|external|partner) (rest )?api)\b/i;
const EXTERNAL_USERS =
  /\b(external users?|(used|accessed|queried) by (customers|consumers|the public|partners|brokers|external)|customers? (use|access|chat|query|log in|sign in)|end users|public users)\b/i;
const LEARNS_FROM_USERS =
  /\b(retrain\w*|re-train\w*|continuous(ly)? (learn\w*|train\w*)|online learning|learns? from|user feedback|customer feedback|feedback loop|fine-tun\w* on (user|customer)\w*|interaction (events|data)|clickstream|user-provided|user-generated|crowd-?sourced|self-learning|active learning)\b/i;
const AGENT_TERMS =
  /\b(ai agents?|llm agents?|autonomous agents?|software agents?|coding agents?|agentic|tool[- ](use|calling|calls?)|function[- ]calling|plugins?|mcp|model context protocol|executes? (code|commands)|takes? actions?)\b/i;
const INPUT_KINDS: [RegExp, string][] = [
  [/\btransactions?\b/i, "transactions"],
  [/\b(images?|radiographs?|x-rays?|photos?|scans?)\b/i, "images"],
  [/\bclaims?\b/i, "claims"],
  [/\b(applications?|applicants?|cvs?)\b/i, "applications"],
  [/\b(audio|speech|calls?)\b/i, "audio"],
  [/\bdocuments?\b/i, "documents"],
];

/** Where anyone can publish models, datasets or packages (exact hosts: docs.github.com is documentation, not a hub). */
const PUBLIC_HUBS = /^(www\.)?(huggingface\.co|hf\.co|github\.com|raw\.githubusercontent\.com|pypi\.org|files\.pythonhosted\.org|kaggle\.com)$/i;

const DATA_CATEGORY_NAMES: Record<(typeof DATA_CATEGORIES)[number], string> = {
  personal_data: "personal data",
  special_category: "special-category data (GDPR Art 9)",
  criminal_offence: "criminal offence data",
  children: "children's data",
};
const HOSTING_NAMES: Record<(typeof HOSTINGS)[number], string> = {
  on_premises: "on premises",
  private_cloud: "private cloud",
  public_cloud: "public cloud",
  vendor_saas: "vendor SaaS",
  edge_device: "edge device",
  hybrid: "hybrid",
};

type Citation = { field: TextField; value: string; match: string };

/** The first field (in the given order) whose text matches, with the matched words. */
function firstMatch(system: SuggestionSystem, fields: readonly TextField[], pattern: RegExp): Citation | null {
  for (const field of fields) {
    const value = system[field].trim();
    const match = value.match(pattern);
    if (match) return { field, value, match: match[0] };
  }
  return null;
}

/** The attribute as a noun phrase: `the model type "LLM with RAG"` for short values, else `"retrieval" in the description`. */
function cite(c: Citation): string {
  return c.value.length <= 90 ? `the ${FIELD_LABELS[c.field]} "${c.value}"` : `"${c.match}" in the ${FIELD_LABELS[c.field]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function hubOf(sourceUrl: string): string | null {
  let host: string;
  try {
    host = new URL(sourceUrl).hostname;
  } catch {
    return null;
  }
  return PUBLIC_HUBS.test(host) ? host.replace(/^www\./i, "").toLowerCase() : null;
}

function listNames(names: string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  if (quoted.length <= 2) return quoted.join(" and ");
  return `${quoted.slice(0, 2).join(", ")} and ${quoted.length - 2} more`;
}

// ── Rules ─────────────────────────────────────────────────────────────────────────────────────

type Proposal = { id: SuggestableTechniqueId; group: SuggestionGroup; why: string };

/** Why the system counts as an LLM, as a sentence start ("The model type "…" indicates a large language model"), or null. */
function llmSignal(system: SuggestionSystem): string | null {
  const described = firstMatch(system, ["modelType", "foundationModel", "description", "purpose"], LLM_TERMS);
  if (described) return `${capitalise(cite(described))} indicates a large language model`;
  const family = firstMatch(system, ["foundationModel", "vendor"], LLM_FAMILIES);
  if (family) return `${capitalise(cite(family))} names an LLM family`;
  if (system.foundationModel.trim() && !NON_GENERATIVE.test(system.modelType)) {
    return `The foundation model "${system.foundationModel.trim()}" is treated as a generative model (the model type does not say otherwise)`;
  }
  return null;
}

/** Why outsiders can query the model, as a sentence start, or null. */
function exposureSignal(system: SuggestionSystem): string | null {
  const exposed = firstMatch(system, ["deploymentContext", "description"], EXPOSURE_TERMS);
  if (exposed) return `${capitalise(cite(exposed))} means outsiders can query the model`;
  if (system.hosting === "public_cloud" || system.hosting === "vendor_saas") {
    const users = firstMatch(system, ["deploymentContext", "description"], EXTERNAL_USERS);
    if (users)
      return `Hosting "${HOSTING_NAMES[system.hosting]}" with external users ("${users.match}" in the ${FIELD_LABELS[users.field]}) means outsiders can query the model`;
  }
  return null;
}

/** The kind of input the system scores, from the earliest mention in the model type, then the description and purpose. */
function inputKind(system: SuggestionSystem): string | null {
  for (const field of ["modelType", "description", "purpose"] as const) {
    let best: { index: number; kind: string } | null = null;
    for (const [pattern, kind] of INPUT_KINDS) {
      const index = system[field].search(pattern);
      if (index >= 0 && (!best || index < best.index)) best = { index, kind };
    }
    if (best) return best.kind;
  }
  return null;
}

/** A text match, or else a component whose name matches (cited by name). */
function textOrComponent(system: SuggestionSystem, fields: readonly TextField[], pattern: RegExp, kinds: readonly string[]): string | null {
  const text = firstMatch(system, fields, pattern);
  if (text) return capitalise(cite(text));
  const component = system.components.find((c) => kinds.includes(c.kind) && pattern.test(c.name));
  return component ? `The ${component.kind === "service" ? "component" : component.kind} "${component.name}"` : null;
}

function proposals(system: SuggestionSystem): Proposal[] {
  const out: Proposal[] = [];
  const add = (group: SuggestionGroup, why: string, ...ids: SuggestableTechniqueId[]) => ids.forEach((id) => out.push({ id, group, why }));
  const everyText: TextField[] = ["modelType", "description", "purpose", "deploymentContext"];

  const llm = llmSignal(system);
  const exposure = exposureSignal(system);
  if (llm) {
    add("llm", `${llm}: text that reaches its prompt can override its instructions.`, "AML.T0051");
    add("llm", `${llm}: users can try to talk it out of its guardrails.`, "AML.T0054");
    // direct injection needs someone typing into the prompt: cite the exposure first when there is one
    if (exposure) add("llm", `${exposure}: anyone who reaches it can type instructions straight into its prompt.`, "AML.T0051.000");
    const content = firstMatch(system, everyText, EXTERNAL_CONTENT);
    if (content) {
      add(
        "llm",
        `${capitalise(cite(content))} means the LLM reads content written by others: instructions can arrive in a user's prompt (direct) or hidden in that content (indirect).`,
        "AML.T0051.000",
        "AML.T0051.001",
      );
    }
    if (exposure) add("llm", `${exposure}, including probing the LLM for its system prompt.`, "AML.T0056");

    const rag = textOrComponent(system, everyText, RAG_TERMS, ["service", "dataset"]);
    if (rag) {
      add(
        "rag",
        `${rag} indicates retrieval-augmented generation: whoever can write to the indexed content can steer the answers.`,
        "AML.T0070",
        "AML.T0071",
        "AML.T0066",
      );
      add("rag", `${rag} indicates a retrieval index that adversaries can map and collect from.`, "AML.T0064", "AML.T0085.000");
    }

    if (system.dataCategories.length > 0) {
      const categories = system.dataCategories.map((c) => DATA_CATEGORY_NAMES[c]).join(", ");
      add("data_leakage", `The data categories (${categories}) are processed by an LLM, which can be made to repeat them in its answers.`, "AML.T0057");
    }
  }

  // Public model hubs and package indexes: anything downloaded from them is only as trustworthy as its publisher.
  const fromHub = system.components.map((c) => ({ ...c, host: hubOf(c.sourceUrl) })).filter((c): c is typeof c & { host: string } => c.host !== null);
  if (fromHub.length > 0) {
    const plural = fromHub.length > 1;
    const listed = fromHub.map((c) => `"${c.name}" (${c.kind}${c.licence ? `, ${c.licence}` : ""}) from ${c.host}`).join("; ");
    add(
      "supply_chain",
      `The component${plural ? "s" : ""} ${listed} ${plural ? "come" : "comes"} from a public hub: a compromised upstream artefact enters the system with ${plural ? "them" : "it"}.`,
      "AML.T0010",
    );
    const hosts = (list: typeof fromHub) => [...new Set(list.map((c) => c.host))].join(", ");
    const models = fromHub.filter((c) => c.kind === "model");
    const datasets = fromHub.filter((c) => c.kind === "dataset");
    const software = fromHub.filter((c) => c.kind === "service");
    if (models.length > 0) {
      const many = models.length > 1;
      add(
        "supply_chain",
        `The model${many ? "s" : ""} ${listNames(models.map((c) => c.name))} ${many ? "are" : "is"} downloaded from ${hosts(models)}, where anyone can publish a poisoned or backdoored model and model files can carry code that runs on load.`,
        "AML.T0010.003",
        "AML.T0058",
        "AML.T0011.000",
      );
    }
    if (datasets.length > 0) {
      const many = datasets.length > 1;
      add(
        "supply_chain",
        `The dataset${many ? "s" : ""} ${listNames(datasets.map((c) => c.name))} ${many ? "come" : "comes"} from ${hosts(datasets)}, where an adversary can publish or alter poisoned data.`,
        "AML.T0010.002",
        "AML.T0019",
      );
    }
    if (software.length > 0) {
      const many = software.length > 1;
      add(
        "supply_chain",
        `The software ${listNames(software.map((c) => c.name))} ${many ? "are" : "is"} taken from ${hosts(software)}: a compromised release runs inside the system.`,
        "AML.T0010.001",
      );
    }
  }

  if (exposure) {
    add("exposure", `${exposure}: repeated queries can extract the model, its training data or membership information.`, "AML.T0024");
    add("exposure", `${exposure}: floods of requests can make it unavailable.`, "AML.T0029");
    add("exposure", `${exposure}: expensive queries run up the operator's compute bill.`, "AML.T0034");
  }

  const firstModel = system.components.find((c) => c.kind === "model");
  if (!llm && (system.modelType.trim() || firstModel)) {
    const subject = system.modelType.trim() ? `The model type "${system.modelType.trim()}"` : `The model "${firstModel!.name}"`;
    const kind = inputKind(system);
    add(
      "evasion",
      `${subject} describes a predictive (non-generative) model${kind ? ` of ${kind}` : ""}: whoever controls part of an input can craft it to be scored wrongly.`,
      "AML.T0043",
      "AML.T0015",
    );
  }

  const learns = textOrComponent(system, everyText, LEARNS_FROM_USERS, ["dataset"]);
  if (learns) add("poisoning", `${learns} shows that the system learns from data its users provide, so they can poison what it learns.`, "AML.T0020");

  const agentText = firstMatch(system, everyText, AGENT_TERMS);
  const agent = agentText
    ? `${capitalise(cite(agentText))} describes an agent that calls tools`
    : llm && system.autonomyLevel === "autonomous"
      ? `The autonomy level "autonomous" means the LLM acts without a person approving each step`
      : null;
  if (agent) {
    add("agent", `${agent}: injected instructions can make it invoke tools on the adversary's behalf.`, "AML.T0053", "AML.T0086", "AML.T0101");
    add("agent", `${agent}: its memory, context and tool descriptions are places to plant instructions.`, "AML.T0080", "AML.T0110");
    add("agent", `${agent}: tool results are outside content that reaches the prompt.`, "AML.T0051.001");
  }
  return out;
}

/**
 * The suggestions for one system, in rule order (LLM, RAG, personal data, supply chain, exposure,
 * evasion, poisoning, agents), one per technique with the reasons of every rule that proposed it.
 * Techniques that do not exist in `catalog` are left out.
 */
export function suggestTechniques({
  system,
  catalog,
  profileTechniqueIds = [],
}: {
  system: SuggestionSystem;
  catalog: AtlasMatrixSource;
  profileTechniqueIds?: readonly string[];
}): TechniqueSuggestion[] {
  const byId = new Map<string, AtlasTechniqueRef>(catalog.techniques.map((t) => [t.id, t]));
  const inProfile = new Set(profileTechniqueIds);
  const merged = new Map<string, TechniqueSuggestion>();
  for (const { id, group, why } of proposals(system)) {
    const technique = byId.get(id);
    if (!technique) continue;
    const existing = merged.get(id);
    if (existing) {
      if (!existing.why.includes(why)) existing.why = `${existing.why} ${why}`;
      continue;
    }
    merged.set(id, { techniqueId: id, name: techniqueDisplayName(technique, byId), parentId: technique.parentId, group, why, inProfile: inProfile.has(id) });
  }
  return [...merged.values()];
}
