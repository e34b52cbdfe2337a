export * from "./types";
export { ParseRejection, isParseRejection, formatLocation } from "./errors";
export { detectFormat, parseFindings, sniffFormat, PARSERS } from "./detect-format";
export { parseGarakReport } from "./garak-report";
export { parseGarakDigest } from "./garak-digest";
export { parsePromptfoo } from "./promptfoo";
export { parseModelScan } from "./modelscan";
export { parseSarif } from "./sarif";
export { parseCsv, CSV_COLUMNS } from "./csv";
