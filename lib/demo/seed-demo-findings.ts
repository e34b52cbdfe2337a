import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/context";
import { importFindings } from "@/lib/findings/import-findings";
import type { ImportFormat } from "@/lib/findings/schemas";

// Real scanner reports from the reference data (REFERENCE_DATA_DIR, default ../shared/reference), imported on the
// demo systems through the one ingest path (importFindings), so the Findings pages show real data. The files are
// read where they are, never copied into the repository.

type DemoReport = { file: string; format: ImportFormat };

/**
 * Demo system (by name) → its reports, in the order they are imported. garak's test.report.jsonl and
 * test_with_ci.report.jsonl are two runs of the same probe × detector (test.Test · always.Pass, 0 of 8 then 13 of
 * 50 outputs failing), so the chatbot's finding has an attack-success history of two points.
 */
export const DEMO_FINDING_REPORTS: Readonly<Record<string, readonly DemoReport[]>> = {
  "Customer service chatbot 'Nora'": [
    { file: "garak/test.report.jsonl", format: "garak" },
    { file: "garak/test_with_ci.report.jsonl", format: "garak" },
    { file: "garak/tbsa_digest_0.json", format: "garak-digest" },
    { file: "promptfoo/redteam-output.json", format: "promptfoo" },
  ],
  // the document classifier runs on the group's own GPU cluster: its model files are scanned before deployment
  "Incoming document extraction pipeline": [
    { file: "modelscan/report-0.5.0-tensorflow-fashion-mnist.json", format: "modelscan" },
    { file: "modelscan/report-0.7.3-pytorch-sentiment.json", format: "modelscan" },
  ],
  // static analysis of the code written with the assistant
  "Developer code assistant (GitHub Copilot Business)": [{ file: "sarif/bandit-report.sarif", format: "sarif" }],
};

/** REFERENCE_DATA_DIR if set (a relative value resolves from the working directory), else ../shared/reference. */
export function demoReferenceDir(): string {
  const configured = process.env.REFERENCE_DATA_DIR?.trim();
  return configured ? path.resolve(configured) : path.resolve(process.cwd(), "../shared/reference");
}

export type DemoFindingsResult = {
  /** Reports imported by this run (a file already imported on its system is reported as a duplicate and not counted). */
  imported: number;
  /** Why some or all reports were not imported (reference data missing, a file refused), one plain sentence each. */
  notes: string[];
};

/**
 * Imports each demo report on its demo system (active demo systems only, found by name) with `importFindings`,
 * one transaction per file, as `actor`. Idempotent: a byte-identical file already imported on the system comes
 * back as a duplicate and stores nothing. Without the reference directory nothing is imported and one note says so.
 */
export async function seedDemoFindings({ orgId, actor, referenceDir = demoReferenceDir() }: { orgId: string; actor: Actor; referenceDir?: string }) {
  const result: DemoFindingsResult = { imported: 0, notes: [] };
  if (!existsSync(referenceDir)) {
    result.notes.push(`No scanner findings imported: the reference data directory ${referenceDir} was not found (set REFERENCE_DATA_DIR).`);
    return result;
  }
  const systems = await db.aISystem.findMany({
    where: { orgId, isDemo: true, archivedAt: null, name: { in: Object.keys(DEMO_FINDING_REPORTS) } },
    select: { id: true, name: true },
  });
  const ctx = { orgId, actor };
  for (const system of systems) {
    for (const report of DEMO_FINDING_REPORTS[system.name] ?? []) {
      const file = path.join(referenceDir, report.file);
      if (!existsSync(file)) {
        result.notes.push(`Skipped ${report.file}: not found in ${referenceDir}.`);
        continue;
      }
      const summary = await importFindings({
        ctx,
        input: { systemId: system.id, format: report.format, fileName: path.basename(report.file), source: createReadStream(file) },
      });
      if (summary.status === "rejected") {
        result.notes.push(`Skipped ${report.file}: ${summary.rejected.map((r) => `${r.location}: ${r.message}`).join("; ")}`);
      } else if (!summary.duplicate) {
        result.imported++;
      }
    }
  }
  return result;
}
