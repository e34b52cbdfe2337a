import type { Metadata } from "next";
import { ComingSection } from "@/components/ui/coming-section";

export const metadata: Metadata = { title: "Reports" };

export default function ReportsPage() {
  return <ComingSection title="Reports" what="Model cards and audit-ready PDF exports." />;
}
