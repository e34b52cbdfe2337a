import type { RiskLevelRef, RiskScoreDto } from "@/lib/risks/schemas";
// the text colour on a level's colour is computed for WCAG contrast: admins choose the colours
import { readableTextOn } from "@/lib/utils/contrast";

export function LevelBadge({ level }: { level: RiskLevelRef }) {
  return (
    <span
      className="inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium"
      style={{ backgroundColor: level.color, color: readableTextOn(level.color) }}
    >
      {level.label}
    </span>
  );
}

/** A score with its level, coloured from the organisation's matrix; "not assessed" for a missing residual rating. */
export function ScoreChip({ score, testId }: { score: RiskScoreDto | null; testId?: string }) {
  if (!score)
    return (
      <span data-testid={testId} className="text-xs text-slate-500">
        Not assessed
      </span>
    );
  return (
    <span
      data-testid={testId}
      data-level={score.level.key}
      title={`Likelihood ${score.likelihood} × impact ${score.impact} = ${score.score}`}
      className="inline-flex items-center gap-1.5 whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium"
      style={{ backgroundColor: score.level.color, color: readableTextOn(score.level.color) }}
    >
      <span className="font-mono">{score.score}</span>
      <span>{score.level.label}</span>
    </span>
  );
}
