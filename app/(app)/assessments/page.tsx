import type { Metadata } from "next";
import { ComingSection } from "@/components/ui/coming-section";

export const metadata: Metadata = { title: "Assessments" };

export default function AssessmentsPage() {
  return <ComingSection title="Assessments" what="DPIA and FRIA assessments per AI system." />;
}
