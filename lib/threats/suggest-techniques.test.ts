import { describe, expect, it } from "vitest";
import { getAtlasCatalog } from "@/lib/catalogs/get-atlas-catalog";
import { DEMO_SYSTEMS } from "@/lib/demo/demo-systems";
import { SUGGESTABLE_TECHNIQUES, suggestTechniques, type SuggestionSystem, type TechniqueSuggestion } from "./suggest-techniques";

const catalog = getAtlasCatalog();
const byId = new Map(catalog.techniques.map((t) => [t.id, t]));

const BLANK: SuggestionSystem = {
  description: "",
  purpose: "",
  deploymentContext: "",
  modelType: "",
  foundationModel: "",
  vendor: "",
  hosting: null,
  dataCategories: [],
  autonomyLevel: "human_in_the_loop",
  components: [],
};

const RAG_CHATBOT: SuggestionSystem = {
  ...BLANK,
  description: "Answers customer questions about tariffs and contracts from the product documentation.",
  purpose: "First-line customer support outside office hours.",
  deploymentContext: "Public website chat widget, available to anonymous visitors.",
  modelType: "LLM with retrieval-augmented generation",
  foundationModel: "Llama 3.1 8B Instruct",
  hosting: "public_cloud",
  dataCategories: ["personal_data"],
  autonomyLevel: "human_on_the_loop",
  components: [
    {
      kind: "model",
      name: "Meta-Llama-3.1-8B-Instruct",
      sourceUrl: "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct",
      licence: "LicenseRef-Llama-3.1",
    },
    { kind: "service", name: "Qdrant", sourceUrl: "https://github.com/qdrant/qdrant", licence: "Apache-2.0" },
    { kind: "dataset", name: "Product documentation", sourceUrl: "", licence: "LicenseRef-Internal" },
  ],
};

const FRAUD_MODEL: SuggestionSystem = {
  ...BLANK,
  description: "Scores card transactions for fraud in real time; high scores are held for review by the fraud team.",
  purpose: "Reduce card fraud losses.",
  deploymentContext: "Called by the card authorisation platform for every transaction; scores are visible to fraud analysts only.",
  modelType: "Gradient-boosted decision trees (tabular)",
  hosting: "on_premises",
  dataCategories: ["personal_data"],
  components: [
    { kind: "model", name: "card-fraud-gbm", sourceUrl: "", licence: "LicenseRef-Internal" },
    { kind: "service", name: "XGBoost", sourceUrl: "https://github.com/dmlc/xgboost", licence: "Apache-2.0" },
  ],
};

const LLM_TECHNIQUES = Object.keys(SUGGESTABLE_TECHNIQUES).filter((id) => {
  const name = byId.get(id.split(".").slice(0, 2).join("."))?.name ?? "";
  return /LLM|RAG|Retrieval|AI Agent/.test(name);
});

const ids = (list: TechniqueSuggestion[]) => list.map((s) => s.techniqueId);
const why = (list: TechniqueSuggestion[], id: string) => list.find((s) => s.techniqueId === id)?.why ?? "";

describe("the techniques the rules can suggest", () => {
  it.each(Object.entries(SUGGESTABLE_TECHNIQUES))("%s exists in the built-in ATLAS catalog as %s", (id, name) => {
    const technique = byId.get(id);
    expect(technique, `${id} is not in ATLAS ${catalog.version}`).toBeDefined();
    expect(technique!.name).toBe(name);
  });

  it("never suggests an id outside the list (a maximal system triggers every rule)", () => {
    const everything: SuggestionSystem = {
      ...RAG_CHATBOT,
      description: "An agentic assistant with tool calling that reads e-mails, retrains nightly on user feedback and acts on the public API.",
      autonomyLevel: "autonomous",
      components: [...RAG_CHATBOT.components, { kind: "dataset", name: "squad", sourceUrl: "https://www.kaggle.com/datasets/x/squad", licence: "CC-BY-4.0" }],
    };
    const suggested = suggestTechniques({ system: everything, catalog });
    for (const s of suggested) {
      expect(Object.keys(SUGGESTABLE_TECHNIQUES)).toContain(s.techniqueId);
      expect(byId.has(s.techniqueId)).toBe(true);
    }
    // everything except the classical-ML rule (the system is an LLM) fires
    expect(ids(suggested).sort()).toEqual(
      Object.keys(SUGGESTABLE_TECHNIQUES)
        .filter((id) => id !== "AML.T0043" && id !== "AML.T0015")
        .sort(),
    );
  });

  it("every suggestion of every demo system is a catalog technique with a reason", () => {
    for (const system of DEMO_SYSTEMS) {
      for (const s of suggestTechniques({ system: { ...system, hosting: system.hosting ?? null }, catalog })) {
        expect(byId.has(s.techniqueId), `${system.name}: ${s.techniqueId}`).toBe(true);
        expect(s.why.length, `${system.name}: ${s.techniqueId}`).toBeGreaterThan(20);
      }
    }
  });
});

describe("suggestTechniques for a RAG chatbot on a public website with a Hugging Face model", () => {
  const suggested = suggestTechniques({ system: RAG_CHATBOT, catalog });

  it("proposes prompt injection (with direct and indirect), jailbreak and the RAG techniques", () => {
    expect(ids(suggested)).toEqual(expect.arrayContaining(["AML.T0051", "AML.T0051.000", "AML.T0051.001", "AML.T0054", "AML.T0070", "AML.T0071"]));
    expect(why(suggested, "AML.T0051")).toContain('model type "LLM with retrieval-augmented generation"');
    expect(why(suggested, "AML.T0070")).toMatch(/retrieval-augmented generation/);
    // direct injection is about who can type into the prompt: the public website comes first
    expect(why(suggested, "AML.T0051.000")).toMatch(/^.*outsiders can query the model: anyone who reaches it can type instructions straight into its prompt\./);
    expect(why(suggested, "AML.T0051.001")).not.toContain("outsiders");
  });

  it("proposes LLM data leakage because of the personal data, naming the category", () => {
    expect(ids(suggested)).toContain("AML.T0057");
    expect(why(suggested, "AML.T0057")).toContain("personal data");
  });

  it("proposes AI supply chain compromise for the Hugging Face model, naming the component and hub", () => {
    expect(ids(suggested)).toEqual(expect.arrayContaining(["AML.T0010", "AML.T0010.003", "AML.T0058", "AML.T0010.001"]));
    expect(why(suggested, "AML.T0010.003")).toContain('"Meta-Llama-3.1-8B-Instruct"');
    expect(why(suggested, "AML.T0010.003")).toContain("huggingface.co");
    expect(why(suggested, "AML.T0010")).toContain("github.com");
    // the internal dataset has no public source
    expect(ids(suggested)).not.toContain("AML.T0010.002");
  });

  it("proposes inference-API exfiltration, denial of service and cost harvesting, citing the deployment context", () => {
    expect(ids(suggested)).toEqual(expect.arrayContaining(["AML.T0024", "AML.T0029", "AML.T0034"]));
    for (const id of ["AML.T0024", "AML.T0029", "AML.T0034"]) expect(why(suggested, id)).toMatch(/deployment context/);
  });

  it("does not propose evasion of a classical model or agent techniques", () => {
    expect(ids(suggested)).not.toContain("AML.T0043");
    expect(ids(suggested)).not.toContain("AML.T0053");
  });

  it("gives each technique once, with the catalog's display name", () => {
    expect(new Set(ids(suggested)).size).toBe(suggested.length);
    expect(suggested.find((s) => s.techniqueId === "AML.T0051.001")?.name).toBe("LLM Prompt Injection: Indirect");
  });

  it("leaves out LLM data leakage when no personal data is processed", () => {
    expect(ids(suggestTechniques({ system: { ...RAG_CHATBOT, dataCategories: [] }, catalog }))).not.toContain("AML.T0057");
  });

  it("flags suggestions already in the profile", () => {
    const flagged = suggestTechniques({ system: RAG_CHATBOT, catalog, profileTechniqueIds: ["AML.T0051", "AML.T0024"] });
    expect(
      flagged
        .filter((s) => s.inProfile)
        .map((s) => s.techniqueId)
        .sort(),
    ).toEqual(["AML.T0024", "AML.T0051"]);
  });

  it("skips techniques missing from an older catalog", () => {
    const older = { ...catalog, techniques: catalog.techniques.filter((t) => t.id !== "AML.T0070") };
    expect(ids(suggestTechniques({ system: RAG_CHATBOT, catalog: older }))).not.toContain("AML.T0070");
  });
});

describe("suggestTechniques for a tabular fraud model", () => {
  const suggested = suggestTechniques({ system: FRAUD_MODEL, catalog });

  it("proposes no LLM, RAG or agent technique", () => {
    expect(LLM_TECHNIQUES.length).toBeGreaterThan(10);
    for (const id of LLM_TECHNIQUES) expect(ids(suggested)).not.toContain(id);
  });

  it("proposes evasion via crafted adversarial transactions, citing the model type", () => {
    expect(ids(suggested)).toEqual(expect.arrayContaining(["AML.T0043", "AML.T0015"]));
    expect(why(suggested, "AML.T0043")).toContain('"Gradient-boosted decision trees (tabular)"');
    expect(why(suggested, "AML.T0043")).toContain("transactions");
  });

  it("does not treat an internal scoring service as exposed", () => {
    expect(ids(suggested)).not.toContain("AML.T0024");
  });

  it("proposes training-data poisoning only when the model learns from user-provided data", () => {
    expect(ids(suggested)).not.toContain("AML.T0020");
    const learning = suggestTechniques({
      system: { ...FRAUD_MODEL, description: `${FRAUD_MODEL.description} Retrained weekly on analyst feedback.` },
      catalog,
    });
    expect(ids(learning)).toContain("AML.T0020");
    expect(why(learning, "AML.T0020")).toContain("Retrained");
  });

  it("proposes AI software supply chain for the library from GitHub", () => {
    expect(ids(suggested)).toEqual(expect.arrayContaining(["AML.T0010", "AML.T0010.001"]));
    expect(why(suggested, "AML.T0010.001")).toContain('"XGBoost"');
  });
});

describe("suggestTechniques rules in detail", () => {
  it("proposes nothing for a system with no model information", () => {
    expect(suggestTechniques({ system: BLANK, catalog })).toEqual([]);
  });

  it("treats a foundation model as generative unless the model type says otherwise", () => {
    expect(ids(suggestTechniques({ system: { ...BLANK, foundationModel: "Acme Base 7B" }, catalog }))).toContain("AML.T0051");
    const ranker = suggestTechniques({ system: { ...BLANK, foundationModel: "XLM-RoBERTa base", modelType: "Cross-encoder text ranking" }, catalog });
    expect(ids(ranker)).not.toContain("AML.T0051");
    expect(ids(ranker)).toContain("AML.T0043");
  });

  it("proposes agent techniques for an autonomous LLM or one described with tools, not for an autonomous recommender", () => {
    const agent = suggestTechniques({ system: { ...BLANK, modelType: "LLM", autonomyLevel: "autonomous" }, catalog });
    expect(ids(agent)).toEqual(expect.arrayContaining(["AML.T0053", "AML.T0086", "AML.T0080"]));
    expect(why(agent, "AML.T0053")).toContain('"autonomous"');
    const tools = suggestTechniques({ system: { ...BLANK, modelType: "LLM", description: "Uses function calling to book appointments." }, catalog });
    expect(why(tools, "AML.T0053")).toContain("function calling");
    const recommender = suggestTechniques({ system: { ...BLANK, modelType: "Matrix factorisation recommender", autonomyLevel: "autonomous" }, catalog });
    expect(ids(recommender)).not.toContain("AML.T0053");
  });

  it("does not mistake a human agent for an AI agent", () => {
    const handover = suggestTechniques({ system: { ...BLANK, modelType: "LLM", description: "Hands over to a human agent on request." }, catalog });
    expect(ids(handover)).not.toContain("AML.T0053");
  });

  it("treats vendor SaaS with external users as exposed", () => {
    const saas = suggestTechniques({
      system: { ...FRAUD_MODEL, hosting: "vendor_saas", deploymentContext: "Used by brokers: accessed by partners through the vendor's portal." },
      catalog,
    });
    expect(ids(saas)).toContain("AML.T0024");
    expect(why(saas, "AML.T0024")).toContain("vendor SaaS");
  });

  it("proposes dataset poisoning for a Kaggle dataset", () => {
    const kaggle = suggestTechniques({
      system: {
        ...FRAUD_MODEL,
        components: [{ kind: "dataset", name: "creditcardfraud", sourceUrl: "https://www.kaggle.com/datasets/mlg-ulb/creditcardfraud", licence: "ODbL-1.0" }],
      },
      catalog,
    });
    expect(ids(kaggle)).toEqual(expect.arrayContaining(["AML.T0010", "AML.T0010.002", "AML.T0019"]));
    expect(why(kaggle, "AML.T0019")).toContain('"creditcardfraud"');
  });

  it("finds the demo chatbot's public website and the ranker's non-generative model", () => {
    const nora = DEMO_SYSTEMS.find((s) => s.name.startsWith("Customer service chatbot"))!;
    const noraIds = ids(suggestTechniques({ system: { ...nora, hosting: nora.hosting ?? null }, catalog }));
    expect(noraIds).toEqual(expect.arrayContaining(["AML.T0051", "AML.T0070", "AML.T0057", "AML.T0010.003", "AML.T0024", "AML.T0029", "AML.T0034"]));
    expect(noraIds).not.toContain("AML.T0053");
    const ranker = DEMO_SYSTEMS.find((s) => s.name.startsWith("Applicant pre-screening"))!;
    const rankerIds = ids(suggestTechniques({ system: { ...ranker, hosting: ranker.hosting ?? null }, catalog }));
    for (const id of LLM_TECHNIQUES) expect(rankerIds).not.toContain(id);
  });
});
