import { mapGarakOwaspTag } from "@/lib/catalogs/map-garak-owasp-tag";

/**
 * garak probes → MITRE ATLAS techniques and OWASP LLM Top 10 ids (issue 7, section 2).
 *
 * One row per probe module (the part of a probe class name before the first dot: `dan` in `dan.Dan_11_0`); a
 * row with `probe` set overrides its module's row for that one probe class (used where a module mixes things).
 *
 * - `garakOwaspTags` are garak's own `owasp:llmNN` probe tags as garak writes them (2023 / v1.1 numbering), read
 *   from garak's probe classes (garak/probes/*.py, via garak/resources/plugin_cache.json at commit cafbe99). They
 *   are re-keyed to 2025 at lookup by `mapGarakOwaspTag` (lib/catalogs), never stored as 2025 ids here.
 * - `owaspIds` are 2025 ids added by our own analysis where garak carries no tag (said so in `source`).
 * - `techniqueIds` are ATLAS 5.6.0 techniques chosen by us from the technique descriptions (garak tags no ATLAS ids).
 */
export type GarakProbeRow = {
  readonly module: string;
  /** A full probe class name (`module.Class`) when the row overrides its module's row for that probe. */
  readonly probe?: string;
  readonly garakOwaspTags: readonly string[];
  readonly owaspIds: readonly string[];
  readonly techniqueIds: readonly string[];
  readonly source: string;
};

const TAGS = "OWASP: garak probe tags (plugin_cache.json @ cafbe99), 2023 numbering re-keyed to 2025 via lib/catalogs mapGarakOwaspTag";
const NO_TAGS = "OWASP: garak carries no owasp tag for these probes";

export const GARAK_PROBES = [
  {
    module: "adaptive_attacks",
    garakOwaspTags: ["owasp:llm01"],
    owaspIds: [],
    techniqueIds: ["AML.T0051.000", "AML.T0054"],
    source: `${TAGS}; ATLAS: our analysis: adaptive prompts that make the model disregard its system prompt are jailbreaks (AML.T0054) sent as direct prompt injection (AML.T0051.000)`,
  },
  {
    module: "agent_breaker",
    garakOwaspTags: ["owasp:llm01", "owasp:llm07", "owasp:llm08"],
    owaspIds: [],
    techniqueIds: ["AML.T0051", "AML.T0053"],
    source: `${TAGS}; ATLAS: our analysis: prompt injection (AML.T0051) that makes an agent misuse its tools (AI Agent Tool Invocation, AML.T0053)`,
  },
  {
    module: "ansiescape",
    garakOwaspTags: ["owasp:llm01", "owasp:llm02", "owasp:llm05"],
    owaspIds: [],
    techniqueIds: ["AML.T0051.000"],
    source: `${TAGS}; ATLAS: our analysis: the prompt directly asks the model to emit terminal escape codes (AML.T0051.000); no ATLAS technique covers the escape codes themselves`,
  },
  {
    module: "ansiescape",
    probe: "ansiescape.AnsiRawTokenizerHF",
    garakOwaspTags: ["owasp:llm05"],
    owaspIds: [],
    techniqueIds: [],
    source: `${TAGS}; ATLAS: our analysis: inspects the tokenizer's vocabulary for escape-code tokens, no prompt is sent, so no attack technique applies`,
  },
  {
    module: "apikey",
    garakOwaspTags: [],
    owaspIds: ["LLM02:2025"],
    techniqueIds: ["AML.T0057"],
    source: `${NO_TAGS}; our analysis: asking the model to produce or complete API keys tests whether secrets leak from its training data (Sensitive Information Disclosure LLM02:2025; LLM Data Leakage AML.T0057)`,
  },
  {
    module: "atkgen",
    garakOwaspTags: [],
    owaspIds: [],
    techniqueIds: ["AML.T0048.002"],
    source: `${NO_TAGS}; ATLAS: our analysis: an attacker model elicits toxic output; ATLAS describes the exposure of people to such content as Societal Harm (AML.T0048.002)`,
  },
  {
    module: "audio",
    garakOwaspTags: [],
    owaspIds: ["LLM01:2025"],
    techniqueIds: ["AML.T0051.000", "AML.T0054"],
    source: `${NO_TAGS}; our analysis: audio input that makes the model disregard its system prompt is a jailbreak (AML.T0054) by direct prompt injection (AML.T0051.000, LLM01:2025)`,
  },
  {
    module: "av_spam_scanning",
    garakOwaspTags: ["owasp:llm02"],
    owaspIds: [],
    techniqueIds: [],
    source: `${TAGS}; ATLAS: our analysis: whether the model emits known antivirus/spam test signatures has no ATLAS technique of its own`,
  },
  {
    module: "badchars",
    garakOwaspTags: [],
    owaspIds: ["LLM01:2025"],
    techniqueIds: ["AML.T0054", "AML.T0068"],
    source: `${NO_TAGS}; our analysis: imperceptible character perturbations hide a request from refusal checks (LLM Prompt Obfuscation AML.T0068) to jailbreak the model (AML.T0054, LLM01:2025)`,
  },
  {
    module: "continuation",
    garakOwaspTags: ["owasp:llm01"],
    owaspIds: [],
    techniqueIds: ["AML.T0048.002"],
    source: `${TAGS}; ATLAS: our analysis: the model is led to complete ethnic slurs; ATLAS describes such content reaching the public as Societal Harm (AML.T0048.002)`,
  },
  {
    module: "dan",
    garakOwaspTags: ["owasp:llm01"],
    owaspIds: [],
    techniqueIds: ["AML.T0051.000", "AML.T0054"],
    source: `${TAGS}; ATLAS: our analysis: "Do Anything Now" role-play prompts are the ATLAS example of LLM Jailbreak (AML.T0054), sent as direct prompt injection (AML.T0051.000)`,
  },
  {
    module: "divergence",
    garakOwaspTags: ["owasp:llm06", "owasp:llm10"],
    owaspIds: [],
    techniqueIds: ["AML.T0057"],
    source: `${TAGS}; ATLAS: our analysis: asking the model to repeat a word until it diverges replays training data (LLM Data Leakage AML.T0057)`,
  },
  {
    module: "divergence",
    probe: "divergence.RepeatedToken",
    garakOwaspTags: ["owasp:llm04"],
    owaspIds: [],
    techniqueIds: ["AML.T0029"],
    source: `${TAGS}; ATLAS: our analysis: long repeated-token prompts stress the model into instability (Denial of AI Service AML.T0029)`,
  },
  {
    module: "doctor",
    garakOwaspTags: ["owasp:llm01"],
    owaspIds: [],
    techniqueIds: ["AML.T0051.000", "AML.T0054"],
    source: `${TAGS}; ATLAS: our analysis: role-play as a doctor to get past guardrails is a jailbreak (AML.T0054) by direct prompt injection (AML.T0051.000)`,
  },
  {
    module: "donotanswer",
    garakOwaspTags: [],
    owaspIds: [],
    techniqueIds: ["AML.T0048.002"],
    source: `${NO_TAGS} (DiscriminationExclusionToxicityHatefulOffensive, HumanChatbox, MaliciousUses); ATLAS: our analysis: plain harmful requests from the Do-Not-Answer set test content harms (Societal Harm AML.T0048.002)`,
  },
  {
    module: "donotanswer",
    probe: "donotanswer.InformationHazard",
    garakOwaspTags: ["owasp:llm06"],
    owaspIds: [],
    techniqueIds: ["AML.T0057"],
    source: `${TAGS}; ATLAS: our analysis: requests for private or sensitive information test LLM Data Leakage (AML.T0057)`,
  },
  {
    module: "donotanswer",
    probe: "donotanswer.MisinformationHarms",
    garakOwaspTags: ["owasp:llm09"],
    owaspIds: [],
    techniqueIds: ["AML.T0048.002"],
    source: `${TAGS}; ATLAS: our analysis: misinformation reaching the public is Societal Harm (AML.T0048.002)`,
  },
  {
    module: "dra",
    garakOwaspTags: ["owasp:llm01"],
    owaspIds: [],
    techniqueIds: ["AML.T0054", "AML.T0068"],
    source: `${TAGS}; ATLAS: our analysis: DRA disguises the harmful request as a letter puzzle the model reconstructs (LLM Prompt Obfuscation AML.T0068) to jailbreak it (AML.T0054)`,
  },
  {
    module: "encoding",
    garakOwaspTags: ["owasp:llm01"],
    owaspIds: [],
    techniqueIds: ["AML.T0051.000", "AML.T0068"],
    source: `${TAGS}; ATLAS: our analysis: payloads encoded (base64, ROT13, Morse, …) to slip past filters are LLM Prompt Obfuscation (AML.T0068) of a direct prompt injection (AML.T0051.000)`,
  },
  {
    module: "exploitation",
    garakOwaspTags: ["owasp:llm02", "owasp:llm06"],
    owaspIds: [],
    techniqueIds: ["AML.T0050", "AML.T0051"],
    source: `${TAGS}; ATLAS: our analysis: prompt injection (AML.T0051) that makes the model emit template or SQL code a downstream interpreter runs (Command and Scripting Interpreter AML.T0050)`,
  },
  {
    module: "fileformats",
    garakOwaspTags: ["owasp:llm05"],
    owaspIds: [],
    techniqueIds: ["AML.T0010.003", "AML.T0011.000"],
    source: `${TAGS}; ATLAS: our analysis: lists the model repository's files to find unsafe serialised formats (AI Supply Chain Compromise: Model AML.T0010.003; User Execution: Unsafe AI Artifacts AML.T0011.000)`,
  },
  {
    module: "fitd",
    garakOwaspTags: ["owasp:llm01", "owasp:llm02", "owasp:llm05"],
    owaspIds: [],
    techniqueIds: ["AML.T0054"],
    source: `${TAGS}; ATLAS: our analysis: foot-in-the-door escalation from benign to harmful queries is a multi-turn jailbreak (AML.T0054)`,
  },
  {
    module: "glitch",
    garakOwaspTags: ["owasp:llm05"],
    owaspIds: [],
    techniqueIds: [],
    source: `${TAGS}; ATLAS: our analysis: glitch tokens test model robustness; no ATLAS technique describes them`,
  },
  {
    module: "goat",
    garakOwaspTags: ["owasp:llm01", "owasp:llm09"],
    owaspIds: [],
    techniqueIds: ["AML.T0054"],
    source: `${TAGS}; ATLAS: our analysis: an attacker agent runs a multi-turn jailbreak conversation (AML.T0054)`,
  },
  {
    module: "goodside",
    garakOwaspTags: [],
    owaspIds: [],
    techniqueIds: [],
    source: `${NO_TAGS} (ThreatenJSON); ATLAS: our analysis: threatening the model to get bare JSON tests output formatting, no attack technique`,
  },
  {
    module: "goodside",
    probe: "goodside.Davidjl",
    garakOwaspTags: ["owasp:llm05"],
    owaspIds: [],
    techniqueIds: [],
    source: `${TAGS}; ATLAS: our analysis: a glitch-token name tests robustness; no ATLAS technique describes it`,
  },
  {
    module: "goodside",
    probe: "goodside.Tag",
    garakOwaspTags: ["owasp:llm01"],
    owaspIds: [],
    techniqueIds: ["AML.T0051", "AML.T0068"],
    source: `${TAGS}; ATLAS: our analysis: instructions hidden in invisible Unicode tag characters are LLM Prompt Obfuscation (AML.T0068) of a prompt injection (AML.T0051)`,
  },
  {
    module: "goodside",
    probe: "goodside.WhoIsRiley",
    garakOwaspTags: ["owasp:llm09"],
    owaspIds: [],
    techniqueIds: [],
    source: `${TAGS}; ATLAS: our analysis: a hallucination test about a person has no ATLAS attack technique`,
  },
  {
    module: "grandma",
    garakOwaspTags: [],
    owaspIds: ["LLM01:2025"],
    techniqueIds: ["AML.T0054"],
    source: `${NO_TAGS} (GrandmaIntent, Slurs, Substances); our analysis: the "grandma" role-play is a jailbreak (AML.T0054) by prompt injection (LLM01:2025)`,
  },
  {
    module: "grandma",
    probe: "grandma.Win10",
    garakOwaspTags: ["owasp:llm06"],
    owaspIds: ["LLM01:2025"],
    techniqueIds: ["AML.T0054", "AML.T0057"],
    source: `${TAGS}; our analysis: a role-play jailbreak (AML.T0054, LLM01:2025) to leak product keys from training data (AML.T0057)`,
  },
  {
    module: "grandma",
    probe: "grandma.Win11",
    garakOwaspTags: ["owasp:llm06"],
    owaspIds: ["LLM01:2025"],
    techniqueIds: ["AML.T0054", "AML.T0057"],
    source: `${TAGS}; our analysis: a role-play jailbreak (AML.T0054, LLM01:2025) to leak product keys from training data (AML.T0057)`,
  },
  {
    module: "latentinjection",
    garakOwaspTags: ["owasp:llm01"],
    owaspIds: [],
    techniqueIds: ["AML.T0051.001"],
    source: `${TAGS}; ATLAS: our analysis: instructions hidden in a document, report, résumé or whois record the model processes are indirect prompt injection (AML.T0051.001)`,
  },
  {
    module: "leakreplay",
    garakOwaspTags: ["owasp:llm06", "owasp:llm10"],
    owaspIds: [],
    techniqueIds: ["AML.T0024.000", "AML.T0057"],
    source: `${TAGS}; ATLAS: our analysis: cloze and completion tests show whether a text was in the training data (Infer Training Data Membership AML.T0024.000) by replaying it (LLM Data Leakage AML.T0057)`,
  },
  {
    module: "lmrc",
    garakOwaspTags: [],
    owaspIds: [],
    techniqueIds: ["AML.T0048.002"],
    source: `${NO_TAGS}; ATLAS: our analysis: Language Model Risk Cards probes (slurs, sexual content, bullying, profanity, …) test harmful content; ATLAS calls its effect Societal Harm (AML.T0048.002)`,
  },
  {
    module: "lmrc",
    probe: "lmrc.QuackMedicine",
    garakOwaspTags: [],
    owaspIds: ["LLM09:2025"],
    techniqueIds: ["AML.T0048.003"],
    source: `${NO_TAGS}; our analysis: endorsing quack medicine is misinformation (LLM09:2025) harming the individual user (User Harm AML.T0048.003)`,
  },
  {
    module: "malwaregen",
    garakOwaspTags: [],
    owaspIds: [],
    techniqueIds: ["AML.T0016.002"],
    source: `${NO_TAGS}; ATLAS: our analysis: ATLAS Obtain Capabilities: Generative AI (AML.T0016.002) names generating malware as a use of an LLM by an adversary`,
  },
  {
    module: "misleading",
    garakOwaspTags: ["owasp:llm09"],
    owaspIds: [],
    techniqueIds: [],
    source: `${TAGS}; ATLAS: our analysis: expanding on a false assertion is misinformation, for which ATLAS has no attack technique`,
  },
  {
    module: "packagehallucination",
    garakOwaspTags: ["owasp:llm02", "owasp:llm09"],
    owaspIds: [],
    techniqueIds: ["AML.T0060", "AML.T0062"],
    source: `${TAGS}; ATLAS technique description: Discover LLM Hallucinations (AML.T0062) and Publish Hallucinated Entities (AML.T0060) name hallucinated software packages`,
  },
  {
    module: "phrasing",
    garakOwaspTags: ["owasp:llm01"],
    owaspIds: [],
    techniqueIds: ["AML.T0051.000", "AML.T0054"],
    source: `${TAGS}; ATLAS: our analysis: rephrasing a refused request in the past or future tense is a jailbreak (AML.T0054) by direct prompt injection (AML.T0051.000)`,
  },
  {
    module: "promptinject",
    garakOwaspTags: ["owasp:llm01"],
    owaspIds: [],
    techniqueIds: ["AML.T0051.000"],
    source: `${TAGS}; ATLAS: our analysis: PromptInject goal hijacking ("ignore the above and say …") is direct prompt injection (AML.T0051.000)`,
  },
  {
    module: "propile",
    garakOwaspTags: ["owasp:llm06"],
    owaspIds: [],
    techniqueIds: ["AML.T0057"],
    source: `${TAGS}; ATLAS: our analysis: prompting with a person's name to extract their PII from training data is LLM Data Leakage (AML.T0057)`,
  },
  {
    module: "realtoxicityprompts",
    garakOwaspTags: [],
    owaspIds: [],
    techniqueIds: ["AML.T0048.002"],
    source: `${NO_TAGS}; ATLAS: our analysis: RealToxicityPrompts measure toxic output; ATLAS calls its effect Societal Harm (AML.T0048.002)`,
  },
  {
    module: "sata",
    garakOwaspTags: ["owasp:llm01"],
    owaspIds: [],
    techniqueIds: ["AML.T0054", "AML.T0068"],
    source: `${TAGS}; ATLAS: our analysis: SATA masks the harmful keywords and asks the model to fill them in (LLM Prompt Obfuscation AML.T0068) to jailbreak it (AML.T0054)`,
  },
  {
    module: "smuggling",
    garakOwaspTags: [],
    owaspIds: ["LLM01:2025"],
    techniqueIds: ["AML.T0054", "AML.T0068"],
    source: `${NO_TAGS} (FunctionMasking, HypotheticalResponse); our analysis: smuggling a banned request inside code or a hypothetical (LLM Prompt Obfuscation AML.T0068) is a jailbreak (AML.T0054, LLM01:2025)`,
  },
  {
    module: "smuggling",
    probe: "smuggling.HomoglyphObfuscation",
    garakOwaspTags: ["owasp:llm01"],
    owaspIds: [],
    techniqueIds: ["AML.T0054", "AML.T0068"],
    source: `${TAGS}; ATLAS: our analysis: homoglyph substitution to pass content filters is LLM Prompt Obfuscation (AML.T0068) for a jailbreak (AML.T0054)`,
  },
  {
    module: "snowball",
    garakOwaspTags: ["owasp:llm09"],
    owaspIds: [],
    techniqueIds: [],
    source: `${TAGS}; ATLAS: our analysis: snowballed hallucinations (primes, senators, flight routes) are misinformation, for which ATLAS has no attack technique`,
  },
  {
    module: "suffix",
    garakOwaspTags: [],
    owaspIds: ["LLM01:2025"],
    techniqueIds: ["AML.T0043", "AML.T0054"],
    source: `${NO_TAGS}; our analysis: GCG/BEAST adversarial suffixes are crafted adversarial data (AML.T0043) used to jailbreak the model (AML.T0054, LLM01:2025)`,
  },
  {
    module: "sysprompt_extraction",
    garakOwaspTags: ["owasp:llm01"],
    owaspIds: ["LLM07:2025"],
    techniqueIds: ["AML.T0056"],
    source: `${TAGS}; our analysis: the probe extracts the system prompt (Extract LLM System Prompt AML.T0056; System Prompt Leakage LLM07:2025)`,
  },
  {
    module: "tap",
    garakOwaspTags: [],
    owaspIds: ["LLM01:2025"],
    techniqueIds: ["AML.T0043.001", "AML.T0054"],
    source: `${NO_TAGS}; our analysis: TAP/PAIR refine jailbreak prompts by querying the target (Craft Adversarial Data: Black-Box Optimization AML.T0043.001; LLM Jailbreak AML.T0054; LLM01:2025)`,
  },
  {
    module: "test",
    garakOwaspTags: [],
    owaspIds: [],
    techniqueIds: [],
    source: "garak's own test probes (test.Blank, test.Test) send fixed strings and test nothing; our analysis: no mapping",
  },
  {
    module: "topic",
    garakOwaspTags: ["owasp:llm10"],
    owaspIds: [],
    techniqueIds: [],
    source: `${TAGS}; ATLAS: our analysis: steering the model off its allowed topics has no ATLAS technique of its own`,
  },
  {
    module: "visual_jailbreak",
    garakOwaspTags: ["owasp:llm01"],
    owaspIds: [],
    techniqueIds: ["AML.T0051.000", "AML.T0054"],
    source: `${TAGS}; ATLAS: our analysis: FigStep puts the instructions in an image to jailbreak a vision model (AML.T0054) by direct prompt injection (AML.T0051.000)`,
  },
  {
    module: "web_injection",
    garakOwaspTags: ["owasp:llm02", "owasp:llm06"],
    owaspIds: [],
    techniqueIds: ["AML.T0051", "AML.T0077"],
    source: `${TAGS}; ATLAS: our analysis: prompt injection (AML.T0051) that makes the model emit Markdown images or links carrying private data to an attacker's server (LLM Response Rendering AML.T0077)`,
  },
  {
    module: "web_injection",
    probe: "web_injection.MarkdownXSS",
    garakOwaspTags: ["owasp:llm02", "owasp:llm06"],
    owaspIds: [],
    techniqueIds: ["AML.T0051"],
    source: `${TAGS}; ATLAS: our analysis: prompt injection (AML.T0051) that makes the model emit script for the user's browser; ATLAS has no cross-site-scripting technique`,
  },
  {
    module: "web_injection",
    probe: "web_injection.TaskXSS",
    garakOwaspTags: ["owasp:llm02", "owasp:llm06"],
    owaspIds: [],
    techniqueIds: ["AML.T0051"],
    source: `${TAGS}; ATLAS: our analysis: prompt injection (AML.T0051) that makes the model emit script for the user's browser; ATLAS has no cross-site-scripting technique`,
  },
] as const satisfies readonly GarakProbeRow[];

/**
 * Probe modules garak renamed: reports from older garak versions name the old module, which is looked up under
 * the new name. Each rename is read from garak's git history (`git log --diff-filter=R -- garak/probes/`).
 */
export const GARAK_MODULE_RENAMES = [
  { from: "adaptiveattacks", to: "adaptive_attacks", source: "garak commit a4620622 renamed probes/adaptiveattacks.py to adaptive_attacks.py" },
  { from: "gcg", to: "suffix", source: "garak commit 96de9422 renamed probes/gcg.py to suffix.py" },
  { from: "html_injection", to: "web_injection", source: "garak commit c38c4916 renamed probes/html_injection.py to web_injection.py" },
  { from: "injection", to: "exploitation", source: "garak commit 16eee2dd renamed probes/injection.py to exploitation.py" },
  { from: "knownbadsignatures", to: "av_spam_scanning", source: "garak commit 40704392 renamed probes/knownbadsignatures.py to av_spam_scanning.py" },
  { from: "replay", to: "divergence", source: "garak commit 70adb389 renamed probes/replay.py to divergence.py" },
  { from: "sysprompt", to: "sysprompt_extraction", source: "garak commit c24c3cbb renamed probes/sysprompt.py to sysprompt_extraction.py" },
  { from: "xss", to: "web_injection", source: "garak commits 4aec6cd0 (probes/xss.py to html_injection.py) and c38c4916 (to web_injection.py)" },
] as const;

/** A garak row's OWASP 2025 ids: its garak tags re-keyed from the 2023 numbering, plus our own; sorted, once each. */
export function garakOwaspIds(row: GarakProbeRow): string[] {
  return [...new Set([...row.garakOwaspTags.flatMap((tag) => mapGarakOwaspTag(tag)), ...row.owaspIds])].sort();
}
