import type { RiskLevelRef, RiskScoreDto } from "@/lib/risks/schemas";

/** Black or white, whichever reads better on the level's colour (WCAG relative luminance). */
export function textColorOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance > 0.179 ? "#0f172a" : "#ffffff";
}

export function LevelBadge({ level }: { level: RiskLevelRef }) {
  return (
    <span
      className="inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium"
      style={{ backgroundColor: level.color, color: textColorOn(level.color) }}
    >
      {level.label}
    </span>
  );
}

/** A score with its level, coloured from the organisation's matrix; "not assessed" for a missing residual rating. */
export function ScoreChip({ score, testId }: { score: RiskScoreDto | null; testId?: string }) {
  if (!score)
    return (
      <span data-testid={testId} className="text-xs text-slate-400">
        Not assessed
      </span>
    );
  return (
    <span
      data-testid={testId}
      data-level={score.level.key}
      title={`Likelihood ${score.likelihood} × impact ${score.impact} = ${score.score}`}
      className="inline-flex items-center gap-1.5 whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium"
      style={{ backgroundColor: score.level.color, color: textColorOn(score.level.color) }}
    >
      <span className="font-mono">{score.score}</span>
      <span>{score.level.label}</span>
    </span>
  );
}
