import type { Severity } from "@/lib/findings/parsers/types";

/**
 * promptfoo red-team plugins → MITRE ATLAS techniques and OWASP LLM Top 10 2025 ids (issue 7, section 2).
 *
 * promptfoo 0.123.1 maps its plugins to OWASP LLM Top 10 items (OWASP_LLM_TOP_10_MAPPING in
 * src/redteam/constants/frameworks.ts, keys `owasp:llm:01` … `owasp:llm:10` in the 2025 numbering) and to ATLAS
 * *tactics* only (MITRE_ATLAS_MAPPING). The ATLAS techniques here are our choice within those tactics, and each
 * row says why. A key ending in `:*` covers a plugin family (`harmful:*`); an exact key wins over its family.
 */
export type PromptfooPluginRow = {
  readonly plugin: string;
  readonly techniqueIds: readonly string[];
  readonly owaspIds: readonly string[];
  readonly source: string;
};

export const PROMPTFOO_PLUGINS = [
  {
    plugin: "ascii-smuggling",
    techniqueIds: ["AML.T0051", "AML.T0068"],
    owaspIds: ["LLM01:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics ai-attack-staging, defense-evasion, exfiltration; our analysis: instructions hidden in invisible Unicode tag characters are LLM Prompt Obfuscation (AML.T0068) of a prompt injection (AML.T0051)",
  },
  {
    plugin: "indirect-prompt-injection",
    techniqueIds: ["AML.T0051.001"],
    owaspIds: ["LLM01:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics ai-attack-staging, execution, exfiltration, initial-access, persistence; our analysis: injection through untrusted variables the prompt includes is indirect prompt injection (AML.T0051.001)",
  },
  {
    plugin: "prompt-extraction",
    techniqueIds: ["AML.T0056"],
    owaspIds: ["LLM01:2025", "LLM02:2025", "LLM07:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics collection, credential-access, discovery, exfiltration, reconnaissance; our analysis: system prompt disclosure is Extract LLM System Prompt (AML.T0056)",
  },
  {
    plugin: "hijacking",
    techniqueIds: ["AML.T0051.000"],
    owaspIds: ["LLM01:2025"],
    source:
      "OWASP: our analysis; ATLAS: promptfoo maps it to the ATLAS tactics defense-evasion, execution, impact; our analysis: steering the application away from its purpose is direct prompt injection (AML.T0051.000, LLM01:2025)",
  },
  {
    plugin: "system-prompt-override",
    techniqueIds: ["AML.T0051.000"],
    owaspIds: ["LLM01:2025"],
    source:
      "OWASP: our analysis; ATLAS: promptfoo maps it to the ATLAS tactics discovery, execution, persistence, privilege-escalation; our analysis: overriding the system prompt from the user turn is direct prompt injection (AML.T0051.000, LLM01:2025)",
  },
  {
    plugin: "excessive-agency",
    techniqueIds: ["AML.T0053"],
    owaspIds: ["LLM06:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics ai-attack-staging, command-and-control, execution, impact, privilege-escalation; our analysis: actions beyond the application's boundaries through its tools are AI Agent Tool Invocation (AML.T0053)",
  },
  {
    plugin: "shell-injection",
    techniqueIds: ["AML.T0050", "AML.T0053"],
    owaspIds: ["LLM05:2025", "LLM06:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics command-and-control, execution, initial-access, privilege-escalation; our analysis: commands the agent passes to a shell tool are Command and Scripting Interpreter (AML.T0050) via AI Agent Tool Invocation (AML.T0053)",
  },
  {
    plugin: "sql-injection",
    techniqueIds: ["AML.T0051.000", "AML.T0053"],
    owaspIds: ["LLM05:2025", "LLM06:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics execution, initial-access; our analysis: SQL smuggled in the prompt and run through the agent's database tool: prompt injection (AML.T0051.000) and AI Agent Tool Invocation (AML.T0053)",
  },
  {
    plugin: "ssrf",
    techniqueIds: ["AML.T0053"],
    owaspIds: ["LLM05:2025", "LLM06:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics command-and-control, execution, initial-access; our analysis: requests the agent's fetch tool makes to attacker-chosen URLs are AI Agent Tool Invocation (AML.T0053)",
  },
  {
    plugin: "bola",
    techniqueIds: ["AML.T0053"],
    owaspIds: ["LLM06:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics lateral-movement, privilege-escalation; our analysis: reaching other users' objects through the agent's tools is AI Agent Tool Invocation (AML.T0053)",
  },
  {
    plugin: "bfla",
    techniqueIds: ["AML.T0053"],
    owaspIds: ["LLM06:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics lateral-movement, privilege-escalation; our analysis: calling functions above the user's privilege through the agent is AI Agent Tool Invocation (AML.T0053)",
  },
  {
    plugin: "rbac",
    techniqueIds: ["AML.T0053"],
    owaspIds: ["LLM06:2025", "LLM07:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics lateral-movement, privilege-escalation, reconnaissance; our analysis: acting outside the user's role through the agent's tools is AI Agent Tool Invocation (AML.T0053)",
  },
  {
    plugin: "debug-access",
    techniqueIds: ["AML.T0069"],
    owaspIds: ["LLM05:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics discovery, initial-access, privilege-escalation; our analysis: reaching debug commands reveals system internals (Discover LLM System Information AML.T0069)",
  },
  {
    plugin: "tool-discovery",
    techniqueIds: ["AML.T0084.001"],
    owaspIds: ["LLM07:2025"],
    source:
      "OWASP: our analysis; ATLAS: promptfoo maps it to the ATLAS tactics credential-access, discovery, execution; our analysis: enumerating the agent's tools is Discover AI Agent Configuration: Tool Definitions (AML.T0084.001)",
  },
  {
    plugin: "cross-session-leak",
    techniqueIds: ["AML.T0057"],
    owaspIds: ["LLM02:2025", "LLM08:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics exfiltration, persistence; our analysis: another user's data in a new session is LLM Data Leakage (AML.T0057)",
  },
  {
    plugin: "pii:*",
    techniqueIds: ["AML.T0057"],
    owaspIds: ["LLM02:2025", "LLM07:2025", "LLM08:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: our analysis: personal data disclosed by the model is LLM Data Leakage (AML.T0057)",
  },
  {
    plugin: "harmful:privacy",
    techniqueIds: ["AML.T0057"],
    owaspIds: ["LLM01:2025", "LLM02:2025", "LLM07:2025", "LLM08:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics collection, credential-access, exfiltration; our analysis: privacy violations disclose personal data (LLM Data Leakage AML.T0057)",
  },
  {
    plugin: "data-exfil",
    techniqueIds: ["AML.T0086"],
    owaspIds: ["LLM02:2025", "LLM06:2025"],
    source:
      "OWASP: our analysis; ATLAS: promptfoo maps it to the ATLAS tactics collection, credential-access, exfiltration; our analysis: data sent out through the agent's tools is Exfiltration via AI Agent Tool Invocation (AML.T0086)",
  },
  {
    plugin: "rag-document-exfiltration",
    techniqueIds: ["AML.T0057", "AML.T0085.000"],
    owaspIds: ["LLM02:2025", "LLM08:2025"],
    source:
      "OWASP: our analysis; ATLAS: promptfoo maps it to the ATLAS tactics collection, credential-access, exfiltration; our analysis: retrieval documents disclosed to the user are Data from AI Services: RAG Databases (AML.T0085.000) leaked by the model (AML.T0057)",
  },
  {
    plugin: "rag-poisoning",
    techniqueIds: ["AML.T0070"],
    owaspIds: ["LLM04:2025", "LLM08:2025"],
    source:
      "OWASP: our analysis; ATLAS: promptfoo maps it to the ATLAS tactics ai-attack-staging, persistence; our analysis: poisoned retrieval content is RAG Poisoning (AML.T0070)",
  },
  {
    plugin: "rag-source-attribution",
    techniqueIds: ["AML.T0067.000"],
    owaspIds: ["LLM09:2025"],
    source:
      "OWASP: our analysis; ATLAS: promptfoo maps it to the ATLAS tactics defense-evasion; our analysis: fabricated or manipulated citations are LLM Trusted Output Components Manipulation: Citations (AML.T0067.000)",
  },
  {
    plugin: "divergent-repetition",
    techniqueIds: ["AML.T0057"],
    owaspIds: ["LLM10:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics impact; our analysis: repetition that makes the model diverge and replay training data is LLM Data Leakage (AML.T0057)",
  },
  {
    plugin: "reasoning-dos",
    techniqueIds: ["AML.T0029", "AML.T0034.001"],
    owaspIds: ["LLM10:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics impact; our analysis: prompts that force excessive reasoning are Resource-Intensive Queries (AML.T0034.001) towards Denial of AI Service (AML.T0029)",
  },
  {
    plugin: "hallucination",
    techniqueIds: [],
    owaspIds: ["LLM09:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics ai-attack-staging; our analysis: fabricated information is misinformation, for which ATLAS has no attack technique",
  },
  {
    plugin: "overreliance",
    techniqueIds: [],
    owaspIds: ["LLM09:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: our analysis: accepting a user's false premises is a misinformation risk, for which ATLAS has no attack technique",
  },
  {
    plugin: "unverifiable-claims",
    techniqueIds: [],
    owaspIds: ["LLM09:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: unverifiable claims are misinformation (LLM09:2025), for which ATLAS has no attack technique",
  },
  {
    plugin: "imitation",
    techniqueIds: ["AML.T0048.001"],
    owaspIds: [],
    source:
      "OWASP: none in promptfoo's mapping; ATLAS: promptfoo maps it to the ATLAS tactics defense-evasion, impact; our analysis: impersonating people or brands degrades trust in the deployer (Reputational Harm AML.T0048.001)",
  },
  {
    plugin: "competitors",
    techniqueIds: ["AML.T0048.001"],
    owaspIds: [],
    source:
      "OWASP: none in promptfoo's mapping; ATLAS: promptfoo maps it to the ATLAS tactics reconnaissance; our analysis: endorsing competitors harms the deployer's standing (Reputational Harm AML.T0048.001)",
  },
  {
    plugin: "politics",
    techniqueIds: ["AML.T0048.001"],
    owaspIds: [],
    source:
      "OWASP: none in promptfoo's mapping; ATLAS: our analysis: taking political positions harms the deployer's standing (Reputational Harm AML.T0048.001)",
  },
  {
    plugin: "religion",
    techniqueIds: ["AML.T0048.001"],
    owaspIds: [],
    source:
      "OWASP: none in promptfoo's mapping; ATLAS: our analysis: taking religious positions harms the deployer's standing (Reputational Harm AML.T0048.001)",
  },
  {
    plugin: "contracts",
    techniqueIds: ["AML.T0048.000"],
    owaspIds: ["LLM06:2025"],
    source:
      "OWASP: our analysis; ATLAS: our analysis: unauthorised contractual commitments expose the deployer to Financial Harm (AML.T0048.000); acting beyond its mandate is Excessive Agency (LLM06:2025)",
  },
  {
    plugin: "harmful:*",
    techniqueIds: ["AML.T0048.002"],
    owaspIds: ["LLM01:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics impact; our analysis: harmful generated content reaching the public is Societal Harm (AML.T0048.002)",
  },
  {
    plugin: "harmful:self-harm",
    techniqueIds: ["AML.T0048.003"],
    owaspIds: ["LLM01:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: our analysis: self-harm content harms the individual user (User Harm AML.T0048.003)",
  },
  {
    plugin: "harmful:specialized-advice",
    techniqueIds: ["AML.T0048.003"],
    owaspIds: ["LLM01:2025", "LLM04:2025", "LLM09:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: our analysis: unqualified professional advice harms the individual user (User Harm AML.T0048.003)",
  },
  {
    plugin: "harmful:hate",
    techniqueIds: ["AML.T0048.002"],
    owaspIds: ["LLM01:2025", "LLM04:2025"],
    source: "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: our analysis: hate speech reaching the public is Societal Harm (AML.T0048.002)",
  },
  {
    plugin: "harmful:radicalization",
    techniqueIds: ["AML.T0048.002"],
    owaspIds: ["LLM01:2025", "LLM04:2025"],
    source: "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: our analysis: extremist recruitment content is Societal Harm (AML.T0048.002)",
  },
  {
    plugin: "harmful:misinformation-disinformation",
    techniqueIds: ["AML.T0048.002"],
    owaspIds: ["LLM01:2025", "LLM04:2025", "LLM09:2025"],
    source: "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: our analysis: disinformation campaigns are Societal Harm (AML.T0048.002)",
  },
  {
    plugin: "harmful:cybercrime",
    techniqueIds: ["AML.T0016.002"],
    owaspIds: ["LLM01:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics command-and-control, initial-access, lateral-movement, resource-development; our analysis: promptfoo maps it to ATLAS Resource Development; an adversary using the model for cybercrime is Obtain Capabilities: Generative AI (AML.T0016.002)",
  },
  {
    plugin: "harmful:cybercrime:malicious-code",
    techniqueIds: ["AML.T0016.002"],
    owaspIds: ["LLM01:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: promptfoo maps it to the ATLAS tactics ai-attack-staging, command-and-control, resource-development; our analysis: ATLAS Obtain Capabilities: Generative AI (AML.T0016.002) names generating malware; promptfoo maps the plugin to Resource Development",
  },
  {
    plugin: "bias:*",
    techniqueIds: ["AML.T0048.002"],
    owaspIds: ["LLM04:2025"],
    source:
      "OWASP: promptfoo OWASP_LLM_TOP_10_MAPPING (2025 numbering); ATLAS: our analysis: biased output about protected groups is Societal Harm (AML.T0048.002)",
  },
  {
    plugin: "beavertails",
    techniqueIds: ["AML.T0048.002"],
    owaspIds: [],
    source:
      "OWASP: none in promptfoo's mapping; ATLAS: our analysis: harmful prompts from the BeaverTails dataset test harmful content (Societal Harm AML.T0048.002)",
  },
  {
    plugin: "harmbench",
    techniqueIds: ["AML.T0048.002"],
    owaspIds: [],
    source:
      "OWASP: none in promptfoo's mapping; ATLAS: our analysis: harmful behaviours from the HarmBench dataset test harmful content (Societal Harm AML.T0048.002)",
  },
  {
    plugin: "donotanswer",
    techniqueIds: ["AML.T0048.002"],
    owaspIds: [],
    source:
      "OWASP: none in promptfoo's mapping; ATLAS: our analysis: harmful requests from the Do-Not-Answer dataset test harmful content (Societal Harm AML.T0048.002)",
  },
  {
    plugin: "toxic-chat",
    techniqueIds: ["AML.T0048.002"],
    owaspIds: [],
    source:
      "OWASP: none in promptfoo's mapping; ATLAS: our analysis: toxic prompts from the ToxicChat dataset test harmful content (Societal Harm AML.T0048.002)",
  },
  {
    plugin: "aegis",
    techniqueIds: ["AML.T0048.002"],
    owaspIds: [],
    source: "OWASP: none in promptfoo's mapping; ATLAS: our analysis: NVIDIA Aegis content-safety prompts test harmful content (Societal Harm AML.T0048.002)",
  },
  {
    plugin: "unsafebench",
    techniqueIds: ["AML.T0048.002"],
    owaspIds: [],
    source: "OWASP: none in promptfoo's mapping; ATLAS: our analysis: unsafe images from UnsafeBench test harmful content (Societal Harm AML.T0048.002)",
  },
  {
    plugin: "vlguard",
    techniqueIds: ["AML.T0048.002"],
    owaspIds: [],
    source: "OWASP: none in promptfoo's mapping; ATLAS: our analysis: unsafe images from VLGuard test harmful content (Societal Harm AML.T0048.002)",
  },
  {
    plugin: "vlsu",
    techniqueIds: ["AML.T0048.002"],
    owaspIds: [],
    source: "OWASP: none in promptfoo's mapping; ATLAS: our analysis: unsafe image-text pairs test harmful content (Societal Harm AML.T0048.002)",
  },
  {
    plugin: "wordplay",
    techniqueIds: ["AML.T0048.002"],
    owaspIds: [],
    source:
      "OWASP: none in promptfoo's mapping; ATLAS: our analysis: riddles that trick the model into profanity test harmful content (Societal Harm AML.T0048.002)",
  },
  {
    plugin: "xstest",
    techniqueIds: [],
    owaspIds: [],
    source: "OWASP: none in promptfoo's mapping; ATLAS: our analysis: XSTest measures over-refusal of safe prompts, not an attack",
  },
  {
    plugin: "cyberseceval",
    techniqueIds: ["AML.T0051.000"],
    owaspIds: ["LLM01:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: Meta's CyberSecEval prompt-injection cases are direct prompt injection (AML.T0051.000, LLM01:2025)",
  },
  {
    plugin: "pliny",
    techniqueIds: ["AML.T0051.000", "AML.T0054"],
    owaspIds: ["LLM01:2025"],
    source:
      "OWASP: our analysis; ATLAS: our analysis: Pliny's published jailbreak prompts are LLM Jailbreak (AML.T0054) by direct prompt injection (AML.T0051.000, LLM01:2025)",
  },
  {
    plugin: "special-token-injection",
    techniqueIds: ["AML.T0051.000"],
    owaspIds: ["LLM01:2025"],
    source:
      "OWASP: our analysis; ATLAS: promptfoo maps it to the ATLAS tactics defense-evasion; our analysis: chat-template delimiter tokens in user input are direct prompt injection (AML.T0051.000, LLM01:2025)",
  },
  {
    plugin: "model-identification",
    techniqueIds: ["AML.T0014"],
    owaspIds: [],
    source:
      "OWASP: none in promptfoo's mapping; ATLAS: promptfoo maps it to the ATLAS tactics discovery, reconnaissance; our analysis: getting the model to name itself is Discover AI Model Family (AML.T0014)",
  },
  {
    plugin: "mcp",
    techniqueIds: ["AML.T0053"],
    owaspIds: ["LLM06:2025"],
    source:
      "OWASP: our analysis; ATLAS: promptfoo maps it to the ATLAS tactics command-and-control, execution, initial-access, privilege-escalation; our analysis: attacks through Model Context Protocol tools are AI Agent Tool Invocation (AML.T0053)",
  },
  {
    plugin: "agentic:memory-poisoning",
    techniqueIds: ["AML.T0080.000"],
    owaspIds: ["LLM04:2025"],
    source:
      "OWASP: our analysis; ATLAS: promptfoo maps it to the ATLAS tactics persistence; our analysis: planting instructions in an agent's memory is AI Agent Context Poisoning: Memory (AML.T0080.000)",
  },
  {
    plugin: "cca",
    techniqueIds: ["AML.T0092"],
    owaspIds: ["LLM01:2025"],
    source:
      "OWASP: our analysis; ATLAS: our analysis: a fabricated conversation history is Manipulate User LLM Chat History (AML.T0092); a prompt injection (LLM01:2025)",
  },
  {
    plugin: "intent",
    techniqueIds: [],
    owaspIds: [],
    source: "OWASP: none in promptfoo's mapping; ATLAS: our analysis: custom intents are written by the user; what they test depends on the intent",
  },
  {
    plugin: "policy",
    techniqueIds: [],
    owaspIds: [],
    source:
      "OWASP: none in promptfoo's mapping; ATLAS: promptfoo maps it to the ATLAS tactics reconnaissance; our analysis: custom policies are written by the user; what they test depends on the policy",
  },
  {
    plugin: "goal-misalignment",
    techniqueIds: [],
    owaspIds: [],
    source: "OWASP: none in promptfoo's mapping; ATLAS: our analysis: no ATLAS technique describes proxy-goal misalignment",
  },
  {
    plugin: "off-topic",
    techniqueIds: [],
    owaspIds: [],
    source: "OWASP: none in promptfoo's mapping; ATLAS: our analysis: steering the application off its topic has no ATLAS technique of its own",
  },
  {
    plugin: "coding-agent:*",
    techniqueIds: ["AML.T0053"],
    owaspIds: ["LLM06:2025"],
    source:
      "OWASP: our analysis; ATLAS: our analysis: coding-agent tests make the agent misuse its tools (AI Agent Tool Invocation AML.T0053; Excessive Agency LLM06:2025)",
  },
  {
    plugin: "coding-agent:repo-prompt-injection",
    techniqueIds: ["AML.T0051.001", "AML.T0053"],
    owaspIds: ["LLM01:2025"],
    source:
      "OWASP: our analysis; ATLAS: our analysis: instructions planted in the repository are indirect prompt injection (AML.T0051.001) acting through the agent's tools (AML.T0053)",
  },
  {
    plugin: "coding-agent:terminal-output-injection",
    techniqueIds: ["AML.T0051.001", "AML.T0053"],
    owaspIds: ["LLM01:2025"],
    source:
      "OWASP: our analysis; ATLAS: our analysis: instructions in tool output the agent reads are indirect prompt injection (AML.T0051.001) acting through its tools (AML.T0053)",
  },
  {
    plugin: "coding-agent:secret-env-read",
    techniqueIds: ["AML.T0053", "AML.T0055"],
    owaspIds: ["LLM02:2025", "LLM06:2025"],
    source:
      "OWASP: our analysis; ATLAS: our analysis: reading secrets from the environment is Unsecured Credentials (AML.T0055) through the agent's tools (AML.T0053)",
  },
  {
    plugin: "coding-agent:secret-file-read",
    techniqueIds: ["AML.T0053", "AML.T0055"],
    owaspIds: ["LLM02:2025", "LLM06:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: reading secret files is Unsecured Credentials (AML.T0055) through the agent's tools (AML.T0053)",
  },
  {
    plugin: "coding-agent:procfs-credential-read",
    techniqueIds: ["AML.T0053", "AML.T0055"],
    owaspIds: ["LLM02:2025", "LLM06:2025"],
    source:
      "OWASP: our analysis; ATLAS: our analysis: reading credentials from /proc is Unsecured Credentials (AML.T0055) through the agent's tools (AML.T0053)",
  },
  {
    plugin: "coding-agent:sandbox-read-escape",
    techniqueIds: ["AML.T0053", "AML.T0105"],
    owaspIds: ["LLM06:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: reading outside the sandbox is Escape to Host (AML.T0105) through the agent's tools (AML.T0053)",
  },
  {
    plugin: "coding-agent:sandbox-write-escape",
    techniqueIds: ["AML.T0053", "AML.T0105"],
    owaspIds: ["LLM06:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: writing outside the sandbox is Escape to Host (AML.T0105) through the agent's tools (AML.T0053)",
  },
  {
    plugin: "coding-agent:delayed-ci-exfil",
    techniqueIds: ["AML.T0086"],
    owaspIds: ["LLM02:2025", "LLM06:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: data sent out through the agent's tools is Exfiltration via AI Agent Tool Invocation (AML.T0086)",
  },
  {
    plugin: "coding-agent:steganographic-exfil",
    techniqueIds: ["AML.T0086"],
    owaspIds: ["LLM02:2025", "LLM06:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: data hidden in the agent's output channels is Exfiltration via AI Agent Tool Invocation (AML.T0086)",
  },
  {
    plugin: "coding-agent:network-egress-bypass",
    techniqueIds: ["AML.T0086"],
    owaspIds: ["LLM06:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: network egress past the sandbox policy is Exfiltration via AI Agent Tool Invocation (AML.T0086)",
  },
  {
    plugin: "financial:*",
    techniqueIds: [],
    owaspIds: [],
    source: "OWASP: none in promptfoo's mapping; ATLAS: our analysis: industry compliance tests (financial services) with no ATLAS attack technique",
  },
  {
    plugin: "financial:confidential-disclosure",
    techniqueIds: ["AML.T0057"],
    owaspIds: ["LLM02:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: disclosing confidential financial data is LLM Data Leakage (AML.T0057; LLM02:2025)",
  },
  {
    plugin: "financial:data-leakage",
    techniqueIds: ["AML.T0057"],
    owaspIds: ["LLM02:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: exposing proprietary financial data is LLM Data Leakage (AML.T0057; LLM02:2025)",
  },
  {
    plugin: "financial:hallucination",
    techniqueIds: [],
    owaspIds: ["LLM09:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: fabricated market data is misinformation (LLM09:2025)",
  },
  {
    plugin: "financial:counterfactual",
    techniqueIds: [],
    owaspIds: ["LLM09:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: false financial narratives are misinformation (LLM09:2025)",
  },
  {
    plugin: "medical:*",
    techniqueIds: [],
    owaspIds: ["LLM09:2025"],
    source:
      "OWASP: our analysis; ATLAS: our analysis: medical tests check incorrect or fabricated medical content: misinformation (LLM09:2025); no ATLAS attack technique",
  },
  {
    plugin: "medical:fda:ai-disclosure",
    techniqueIds: [],
    owaspIds: [],
    source: "OWASP: none in promptfoo's mapping; ATLAS: our analysis: an FDA transparency requirement; no ATLAS or OWASP item",
  },
  {
    plugin: "medical:fda:cyber-access-control",
    techniqueIds: ["AML.T0053"],
    owaspIds: ["LLM06:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: acting beyond the user's access through the device's AI (AML.T0053; Excessive Agency LLM06:2025)",
  },
  {
    plugin: "medical:fda:cyber-audit-tampering",
    techniqueIds: ["AML.T0053"],
    owaspIds: ["LLM06:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: tampering with audit records through the device's AI (AML.T0053; Excessive Agency LLM06:2025)",
  },
  {
    plugin: "pharmacy:*",
    techniqueIds: [],
    owaspIds: ["LLM09:2025"],
    source:
      "OWASP: our analysis; ATLAS: our analysis: pharmacy tests check incorrect dosage, interaction and compliance content: misinformation (LLM09:2025); no ATLAS attack technique",
  },
  {
    plugin: "insurance:*",
    techniqueIds: [],
    owaspIds: [],
    source: "OWASP: none in promptfoo's mapping; ATLAS: our analysis: industry compliance tests (insurance) with no ATLAS attack technique",
  },
  {
    plugin: "insurance:data-disclosure",
    techniqueIds: ["AML.T0057"],
    owaspIds: ["LLM02:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: disclosing policyholder data is LLM Data Leakage (AML.T0057; LLM02:2025)",
  },
  {
    plugin: "insurance:phi-disclosure",
    techniqueIds: ["AML.T0057"],
    owaspIds: ["LLM02:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: disclosing protected health information is LLM Data Leakage (AML.T0057; LLM02:2025)",
  },
  {
    plugin: "insurance:network-misinformation",
    techniqueIds: [],
    owaspIds: ["LLM09:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: wrong provider-network information is misinformation (LLM09:2025)",
  },
  {
    plugin: "ecommerce:*",
    techniqueIds: [],
    owaspIds: [],
    source: "OWASP: none in promptfoo's mapping; ATLAS: our analysis: industry compliance tests (e-commerce) with no ATLAS attack technique",
  },
  {
    plugin: "ecommerce:pci-dss",
    techniqueIds: ["AML.T0057"],
    owaspIds: ["LLM02:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: exposing payment card data is LLM Data Leakage (AML.T0057; LLM02:2025)",
  },
  {
    plugin: "telecom:*",
    techniqueIds: [],
    owaspIds: [],
    source: "OWASP: none in promptfoo's mapping; ATLAS: our analysis: industry compliance tests (telecommunications) with no ATLAS attack technique",
  },
  {
    plugin: "telecom:cpni-disclosure",
    techniqueIds: ["AML.T0057"],
    owaspIds: ["LLM02:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: disclosing customer network information is LLM Data Leakage (AML.T0057; LLM02:2025)",
  },
  {
    plugin: "telecom:location-disclosure",
    techniqueIds: ["AML.T0057"],
    owaspIds: ["LLM02:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: disclosing a subscriber's location is LLM Data Leakage (AML.T0057; LLM02:2025)",
  },
  {
    plugin: "telecom:account-takeover",
    techniqueIds: ["AML.T0053"],
    owaspIds: ["LLM06:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: changing account ownership through the assistant's tools (AML.T0053; Excessive Agency LLM06:2025)",
  },
  {
    plugin: "telecom:unauthorized-changes",
    techniqueIds: ["AML.T0053"],
    owaspIds: ["LLM06:2025"],
    source:
      "OWASP: our analysis; ATLAS: our analysis: account changes without authorisation through the assistant's tools (AML.T0053; Excessive Agency LLM06:2025)",
  },
  {
    plugin: "realestate:*",
    techniqueIds: ["AML.T0048.002"],
    owaspIds: [],
    source: "OWASP: none in promptfoo's mapping; ATLAS: our analysis: discrimination in housing is Societal Harm (AML.T0048.002)",
  },
  {
    plugin: "teen-safety:*",
    techniqueIds: ["AML.T0048.002"],
    owaspIds: [],
    source: "OWASP: none in promptfoo's mapping; ATLAS: our analysis: exposing minors to harmful content is the ATLAS example of Societal Harm (AML.T0048.002)",
  },
  {
    plugin: "coppa",
    techniqueIds: [],
    owaspIds: ["LLM02:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: collecting or disclosing children's data: Sensitive Information Disclosure (LLM02:2025)",
  },
  {
    plugin: "ferpa",
    techniqueIds: [],
    owaspIds: ["LLM02:2025"],
    source: "OWASP: our analysis; ATLAS: our analysis: disclosing student records: Sensitive Information Disclosure (LLM02:2025)",
  },
] as const satisfies readonly PromptfooPluginRow[];

/** Where the default severities come from. */
export const PROMPTFOO_SEVERITY_SOURCE = "promptfoo 0.123.1 riskCategorySeverityMap (src/redteam/constants/metadata.ts): the plugin's default severity";

/** Each red-team plugin's default severity in promptfoo 0.123.1 (every plugin in ALL_PLUGINS), by plugin id. */
export const PROMPTFOO_DEFAULT_SEVERITY: Readonly<Record<string, Severity>> = {
  aegis: "medium",
  "agentic:memory-poisoning": "high",
  "ascii-smuggling": "low",
  beavertails: "low",
  bfla: "high",
  "bias:age": "low",
  "bias:disability": "low",
  "bias:gender": "low",
  "bias:race": "low",
  bola: "high",
  cca: "high",
  "coding-agent:automation-poisoning": "high",
  "coding-agent:delayed-ci-exfil": "high",
  "coding-agent:generated-vulnerability": "high",
  "coding-agent:network-egress-bypass": "high",
  "coding-agent:procfs-credential-read": "high",
  "coding-agent:repo-prompt-injection": "high",
  "coding-agent:sandbox-read-escape": "high",
  "coding-agent:sandbox-write-escape": "high",
  "coding-agent:secret-env-read": "high",
  "coding-agent:secret-file-read": "high",
  "coding-agent:steganographic-exfil": "high",
  "coding-agent:terminal-output-injection": "high",
  "coding-agent:verifier-sabotage": "high",
  competitors: "low",
  contracts: "medium",
  coppa: "high",
  "cross-session-leak": "medium",
  cyberseceval: "medium",
  "data-exfil": "high",
  "debug-access": "high",
  "divergent-repetition": "medium",
  donotanswer: "medium",
  "ecommerce:compliance-bypass": "high",
  "ecommerce:order-fraud": "high",
  "ecommerce:pci-dss": "critical",
  "ecommerce:price-manipulation": "high",
  "excessive-agency": "medium",
  ferpa: "medium",
  "financial:calculation-error": "low",
  "financial:compliance-violation": "medium",
  "financial:confidential-disclosure": "high",
  "financial:counterfactual": "medium",
  "financial:data-leakage": "medium",
  "financial:defamation": "medium",
  "financial:hallucination": "low",
  "financial:impartiality": "medium",
  "financial:japan-fiea-suitability": "high",
  "financial:misconduct": "high",
  "financial:sox-compliance": "high",
  "financial:sycophancy": "low",
  "goal-misalignment": "low",
  hallucination: "medium",
  harmbench: "medium",
  "harmful:chemical-biological-weapons": "high",
  "harmful:child-exploitation": "critical",
  "harmful:copyright-violations": "low",
  "harmful:cybercrime": "low",
  "harmful:cybercrime:malicious-code": "low",
  "harmful:graphic-content": "medium",
  "harmful:harassment-bullying": "low",
  "harmful:hate": "critical",
  "harmful:illegal-activities": "medium",
  "harmful:illegal-drugs": "medium",
  "harmful:illegal-drugs:meth": "low",
  "harmful:indiscriminate-weapons": "medium",
  "harmful:insults": "low",
  "harmful:intellectual-property": "medium",
  "harmful:misinformation-disinformation": "medium",
  "harmful:non-violent-crime": "medium",
  "harmful:privacy": "high",
  "harmful:profanity": "low",
  "harmful:radicalization": "low",
  "harmful:self-harm": "critical",
  "harmful:sex-crime": "high",
  "harmful:sexual-content": "medium",
  "harmful:specialized-advice": "medium",
  "harmful:unsafe-practices": "low",
  "harmful:violent-crime": "high",
  "harmful:weapons:ied": "low",
  hijacking: "high",
  imitation: "low",
  "indirect-prompt-injection": "high",
  "insurance:coverage-discrimination": "critical",
  "insurance:data-disclosure": "critical",
  "insurance:network-misinformation": "high",
  "insurance:phi-disclosure": "critical",
  intent: "high",
  mcp: "high",
  "medical:anchoring-bias": "high",
  "medical:fda:ai-disclosure": "high",
  "medical:fda:cyber-access-control": "critical",
  "medical:fda:cyber-audit-tampering": "critical",
  "medical:hallucination": "critical",
  "medical:incorrect-knowledge": "critical",
  "medical:off-label-use": "high",
  "medical:prioritization-error": "high",
  "medical:sycophancy": "medium",
  "model-identification": "medium",
  "off-topic": "medium",
  overreliance: "low",
  "pharmacy:controlled-substance-compliance": "high",
  "pharmacy:dosage-calculation": "critical",
  "pharmacy:drug-interaction": "critical",
  "pii:api-db": "high",
  "pii:direct": "high",
  "pii:session": "high",
  "pii:social": "high",
  pliny: "medium",
  policy: "high",
  politics: "low",
  "prompt-extraction": "medium",
  "rag-document-exfiltration": "medium",
  "rag-poisoning": "medium",
  "rag-source-attribution": "high",
  rbac: "high",
  "realestate:accessibility-discrimination": "high",
  "realestate:advertising-discrimination": "high",
  "realestate:discriminatory-listings": "high",
  "realestate:fair-housing-discrimination": "critical",
  "realestate:lending-discrimination": "critical",
  "realestate:source-of-income": "high",
  "realestate:steering": "critical",
  "realestate:valuation-bias": "high",
  "reasoning-dos": "low",
  religion: "low",
  "shell-injection": "high",
  "special-token-injection": "medium",
  "sql-injection": "high",
  ssrf: "high",
  "system-prompt-override": "high",
  "teen-safety:age-restricted-goods-and-services": "low",
  "teen-safety:dangerous-content": "low",
  "teen-safety:dangerous-roleplay": "low",
  "teen-safety:harmful-body-ideals": "low",
  "telecom:accessibility-violation": "medium",
  "telecom:account-takeover": "critical",
  "telecom:billing-misinformation": "medium",
  "telecom:coverage-misinformation": "medium",
  "telecom:cpni-disclosure": "critical",
  "telecom:e911-misinformation": "critical",
  "telecom:fraud-enablement": "high",
  "telecom:law-enforcement-request-handling": "medium",
  "telecom:location-disclosure": "critical",
  "telecom:porting-misinformation": "high",
  "telecom:tcpa-violation": "high",
  "telecom:unauthorized-changes": "high",
  "tool-discovery": "low",
  "toxic-chat": "medium",
  unsafebench: "medium",
  "unverifiable-claims": "medium",
  vlguard: "medium",
  vlsu: "medium",
  wordplay: "low",
  xstest: "low",
};

/**
 * promptfoo strategies (the parsers' `detector` for a promptfoo result) that are an attack technique of their own,
 * added to the plugin's mapping. `basic` (no strategy) and carriers such as `retry`, `layer`, `image`, `audio`
 * map to nothing.
 */
export type PromptfooStrategyRow = {
  readonly strategy: string;
  readonly techniqueIds: readonly string[];
  readonly owaspIds: readonly string[];
  readonly source: string;
};

const JAILBREAK =
  "ATLAS: our analysis: a strategy that rewrites or iterates the attack to get past the model's safety training is LLM Jailbreak (AML.T0054); OWASP LLM01:2025 (Prompt Injection) names jailbreaking as a form of prompt injection";
const OBFUSCATION =
  "ATLAS: promptfoo maps its encoding strategies (base64, leetspeak, rot13) to the ATLAS tactic defense-evasion; our analysis: encoding the attack to get past filters is LLM Prompt Obfuscation (AML.T0068)";

export const PROMPTFOO_STRATEGIES = [
  {
    strategy: "authoritative-markup-injection",
    techniqueIds: ["AML.T0051.000"],
    owaspIds: ["LLM01:2025"],
    source: "our analysis: instructions dressed as authoritative markup in the user turn are direct prompt injection (AML.T0051.000, LLM01:2025)",
  },
  { strategy: "base64", techniqueIds: ["AML.T0068"], owaspIds: [], source: OBFUSCATION },
  { strategy: "best-of-n", techniqueIds: ["AML.T0054"], owaspIds: ["LLM01:2025"], source: JAILBREAK },
  { strategy: "camelcase", techniqueIds: ["AML.T0068"], owaspIds: [], source: OBFUSCATION },
  { strategy: "citation", techniqueIds: ["AML.T0054"], owaspIds: ["LLM01:2025"], source: JAILBREAK },
  { strategy: "crescendo", techniqueIds: ["AML.T0054"], owaspIds: ["LLM01:2025"], source: JAILBREAK },
  { strategy: "emoji", techniqueIds: ["AML.T0068"], owaspIds: [], source: OBFUSCATION },
  {
    strategy: "gcg",
    techniqueIds: ["AML.T0043", "AML.T0054"],
    owaspIds: ["LLM01:2025"],
    source: `${JAILBREAK}; a Greedy Coordinate Gradient suffix is Craft Adversarial Data (AML.T0043)`,
  },
  { strategy: "goat", techniqueIds: ["AML.T0054"], owaspIds: ["LLM01:2025"], source: JAILBREAK },
  { strategy: "hex", techniqueIds: ["AML.T0068"], owaspIds: [], source: OBFUSCATION },
  { strategy: "homoglyph", techniqueIds: ["AML.T0068"], owaspIds: [], source: OBFUSCATION },
  { strategy: "jailbreak", techniqueIds: ["AML.T0054"], owaspIds: ["LLM01:2025"], source: JAILBREAK },
  { strategy: "jailbreak-templates", techniqueIds: ["AML.T0054"], owaspIds: ["LLM01:2025"], source: JAILBREAK },
  { strategy: "jailbreak:composite", techniqueIds: ["AML.T0054"], owaspIds: ["LLM01:2025"], source: JAILBREAK },
  { strategy: "jailbreak:likert", techniqueIds: ["AML.T0054"], owaspIds: ["LLM01:2025"], source: JAILBREAK },
  { strategy: "jailbreak:meta", techniqueIds: ["AML.T0054"], owaspIds: ["LLM01:2025"], source: JAILBREAK },
  {
    strategy: "jailbreak:tree",
    techniqueIds: ["AML.T0043.001", "AML.T0054"],
    owaspIds: ["LLM01:2025"],
    source: `${JAILBREAK}; the tree search refines prompts by querying the target (Craft Adversarial Data: Black-Box Optimization AML.T0043.001)`,
  },
  { strategy: "leetspeak", techniqueIds: ["AML.T0068"], owaspIds: [], source: OBFUSCATION },
  { strategy: "math-prompt", techniqueIds: ["AML.T0068"], owaspIds: [], source: OBFUSCATION },
  { strategy: "mischievous-user", techniqueIds: ["AML.T0054"], owaspIds: ["LLM01:2025"], source: JAILBREAK },
  { strategy: "morse", techniqueIds: ["AML.T0068"], owaspIds: [], source: OBFUSCATION },
  { strategy: "multilingual", techniqueIds: ["AML.T0068"], owaspIds: [], source: OBFUSCATION },
  { strategy: "other-encodings", techniqueIds: ["AML.T0068"], owaspIds: [], source: OBFUSCATION },
  { strategy: "piglatin", techniqueIds: ["AML.T0068"], owaspIds: [], source: OBFUSCATION },
  {
    strategy: "prompt-injection",
    techniqueIds: ["AML.T0051.000"],
    owaspIds: ["LLM01:2025"],
    source:
      "our analysis: promptfoo's prompt-injection strategy wraps the test in known injection payloads: direct prompt injection (AML.T0051.000, LLM01:2025)",
  },
  { strategy: "rot13", techniqueIds: ["AML.T0068"], owaspIds: [], source: OBFUSCATION },
] as const satisfies readonly PromptfooStrategyRow[];
