import type { Metadata } from "next";
import { ComingSection } from "@/components/ui/coming-section";

export const metadata: Metadata = { title: "Findings" };

export default function FindingsPage() {
  return <ComingSection title="Findings" what="Ingest results from LLM security scanners (garak, promptfoo, ModelScan, SARIF) and map them to ATLAS." />;
}
