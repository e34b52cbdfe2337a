import type { Severity } from "@/lib/findings/parsers/types";

/**
 * ModelScan (protectai/modelscan) → MITRE ATLAS techniques and OWASP LLM Top 10 2025 ids (issue 7, section 2).
 *
 * Every ModelScan issue is code or a file/network operation embedded in a serialised model, so every row maps to
 * the same supply-chain techniques; the operator rows add ModelScan's default severity for the operator.
 * ModelScan's JSON report names the scanner (`modelscan.scanners.PickleUnsafeOpScan`), the operator (`system`)
 * and its module (`posix`); the parsers emit operator as testId, scanner as detector and `module:<module>` as a tag.
 */
export type ModelScanScannerRow = {
  readonly scanner: string;
  readonly techniqueIds: readonly string[];
  readonly owaspIds: readonly string[];
  readonly source: string;
};

export type ModelScanOperatorRow = {
  /** The `module` field of a ModelScan issue (`posix`, `builtins`, `Tensorflow`, `Keras`). */
  readonly module: string;
  /** The operators flagged in that module; `*` for all of them. */
  readonly operators: "*" | readonly string[];
  readonly severity: Severity;
  readonly techniqueIds: readonly string[];
  readonly owaspIds: readonly string[];
  readonly source: string;
};

/** ATLAS 5.6.0 techniques for a model file that runs embedded code or operations when loaded. */
const SUPPLY_CHAIN = ["AML.T0010.003", "AML.T0011.000", "AML.T0018.002"] as const;
const OWASP = ["LLM03:2025"] as const;
const WHY =
  "ATLAS technique description: AI Supply Chain Compromise: Model (AML.T0010.003) says loading a model often executes saved code; User Execution: Unsafe AI Artifacts (AML.T0011.000) and Manipulate AI Model: Embed Malware (AML.T0018.002) name unsafe deserialisation (pickle, exec); OWASP LLM03:2025 (Supply Chain) covers tampered third-party models";
const SETTINGS = "modelscan settings.py DEFAULT_SETTINGS (commit 8b8ed4b)";

export const MODELSCAN_SCANNERS = [
  { scanner: "modelscan.scanners.H5LambdaDetectScan", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: `${WHY}; scanner list: ${SETTINGS}` },
  { scanner: "modelscan.scanners.KerasLambdaDetectScan", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: `${WHY}; scanner list: ${SETTINGS}` },
  { scanner: "modelscan.scanners.NumpyUnsafeOpScan", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: `${WHY}; scanner list: ${SETTINGS}` },
  { scanner: "modelscan.scanners.PickleUnsafeOpScan", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: `${WHY}; scanner list: ${SETTINGS}` },
  { scanner: "modelscan.scanners.PyTorchUnsafeOpScan", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: `${WHY}; scanner list: ${SETTINGS}` },
  { scanner: "modelscan.scanners.SavedModelLambdaDetectScan", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: `${WHY}; scanner list: ${SETTINGS}` },
  { scanner: "modelscan.scanners.SavedModelTensorflowOpScan", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: `${WHY}; scanner list: ${SETTINGS}` },
] as const satisfies readonly ModelScanScannerRow[];

const CRITICAL = `${WHY}; severity: ${SETTINGS} unsafe_globals CRITICAL (can execute code; docs/severity_levels.md)`;
const HIGH = `${WHY}; severity: ${SETTINGS} unsafe_globals HIGH (cannot execute code but can be exploited; docs/severity_levels.md)`;
const BUILTINS = ["__import__", "apply", "breakpoint", "compile", "eval", "exec", "getattr", "open"] as const;

export const MODELSCAN_UNSAFE_OPERATORS = [
  { module: "__builtin__", operators: BUILTINS, severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "_pickle", operators: "*", severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "asyncio", operators: "*", severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "bdb", operators: "*", severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "builtins", operators: BUILTINS, severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "nt", operators: "*", severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "operator", operators: ["attrgetter"], severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "os", operators: "*", severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "pdb", operators: "*", severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "pickle", operators: "*", severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "posix", operators: "*", severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "pty", operators: "*", severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "runpy", operators: "*", severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "shutil", operators: "*", severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "socket", operators: "*", severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "subprocess", operators: "*", severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "sys", operators: "*", severity: "critical", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: CRITICAL },
  { module: "aiohttp.client", operators: "*", severity: "high", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: HIGH },
  { module: "httplib", operators: "*", severity: "high", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: HIGH },
  { module: "requests.api", operators: "*", severity: "high", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: HIGH },
  { module: "webbrowser", operators: "*", severity: "high", techniqueIds: SUPPLY_CHAIN, owaspIds: OWASP, source: HIGH },
  {
    module: "Tensorflow",
    operators: ["ReadFile", "WriteFile"],
    severity: "high",
    techniqueIds: SUPPLY_CHAIN,
    owaspIds: OWASP,
    source: `${WHY}; severity: ${SETTINGS} SavedModelTensorflowOpScan unsafe_tf_operators (ReadFile, WriteFile: HIGH)`,
  },
  {
    module: "Keras",
    operators: ["Lambda"],
    severity: "medium",
    techniqueIds: SUPPLY_CHAIN,
    owaspIds: OWASP,
    source: `${WHY}; severity: ${SETTINGS} SavedModelLambdaDetectScan unsafe_keras_operators (Lambda: MEDIUM; a Lambda layer can run arbitrary code)`,
  },
] as const satisfies readonly ModelScanOperatorRow[];
