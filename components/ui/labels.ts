import type { RiskTier } from "@/lib/systems/schemas";

// Human labels for the domain enums, shared by tables, forms and filters.
export { RISK_TIER_LABELS } from "@/lib/classification/schemas";
export const RISK_TIER_STYLES: Record<RiskTier, string> = {
  prohibited: "bg-red-700 text-white",
  high: "bg-orange-100 text-orange-800",
  limited: "bg-yellow-100 text-yellow-800",
  minimal: "bg-emerald-100 text-emerald-800",
  gpai: "bg-sky-100 text-sky-800",
  gpai_systemic: "bg-purple-100 text-purple-800",
  unclassified: "bg-slate-200 text-slate-700",
};
export const LIFECYCLE_LABELS = {
  idea: "Idea",
  design: "Design",
  development: "Development",
  validation: "Validation",
  production: "Production",
  retired: "Retired",
} as const;
export const EU_ROLE_LABELS = {
  provider: "Provider",
  deployer: "Deployer",
  importer: "Importer",
  distributor: "Distributor",
  product_manufacturer: "Product manufacturer",
  authorised_representative: "Authorised representative",
} as const;
export const AUTONOMY_LABELS = {
  assistive: "Assistive (no decisions)",
  human_in_the_loop: "Human in the loop",
  human_on_the_loop: "Human on the loop",
  autonomous: "Autonomous",
} as const;
export const HOSTING_LABELS = {
  on_premises: "On premises",
  private_cloud: "Private cloud",
  public_cloud: "Public cloud",
  vendor_saas: "Vendor SaaS",
  edge_device: "Edge device",
  hybrid: "Hybrid",
} as const;
export const DATA_CATEGORY_LABELS = {
  personal_data: "Personal data",
  special_category: "GDPR Art 9 special categories",
  criminal_offence: "Criminal offence data (Art 10)",
  children: "Children's data",
} as const;
export const COMPONENT_KIND_LABELS = { model: "Model", dataset: "Dataset", service: "Third-party service" } as const;

export function toOptions<T extends string>(labels: Record<T, string>) {
  return (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));
}
