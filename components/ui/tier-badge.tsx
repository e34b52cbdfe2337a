import type { RiskTier } from "@/lib/systems/schemas";
import { RISK_TIER_LABELS, RISK_TIER_STYLES } from "@/components/labels";

export function TierBadge({ tier }: { tier: RiskTier }) {
  return <span className={`inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ${RISK_TIER_STYLES[tier]}`}>{RISK_TIER_LABELS[tier]}</span>;
}
