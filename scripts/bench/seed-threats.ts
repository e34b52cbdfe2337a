// Fixture data for scripts/bench-threats.ts: threat profiles, risks and control statuses for the AI
// systems seedSystems created, inserted with `INSERT ... SELECT` through plain pg (no audit events:
// throw-away benchmark data in a scratch database, not a product code path).
import type pg from "pg";

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const arr = (xs: readonly string[]) => `ARRAY[${xs.map(lit).join(",")}]::text[]`;
const pick = (xs: readonly string[], r: string) => `(${arr(xs)})[1 + floor(${r} * ${xs.length})::int]`;

const RATIONALES = [
  "The model is reachable through a public chat interface.",
  "Third-party documents are retrieved into the prompt.",
  "Training data comes partly from external sources we do not control.",
  "The model weights are hosted by a vendor.",
  "Outputs feed an automated decision without review.",
  "The API is exposed to partner integrations.",
  "Red-team exercise found this path plausible.",
  "Listed in the vendor's own threat model.",
];
const RISK_TITLES = [
  "Prompt injection changes the assistant's instructions",
  "Training data poisoned through an upstream source",
  "Model extraction through the public API",
  "Sensitive data leaks in generated answers",
  "Evasion of the classifier with crafted inputs",
  "Membership inference on customer records",
  "Supply-chain compromise of a model dependency",
  "Denial of service through expensive queries",
  "Jailbreak bypasses content safeguards",
  "Biased outcomes for a protected group",
  "Unreviewed automated decisions",
  "Drift degrades accuracy without alerting",
];
const PLANS = [
  "Input filtering and output review.",
  "Add monitoring and rate limits.",
  "Vendor contract clause and audit.",
  "Retrain with curated data.",
  "Human review of every decision above threshold.",
  "",
];

/**
 * A threat profile for every system of the organisation: `min`..`max` techniques each (uniform
 * count), drawn without repetition from `techniques` in proportion to their `weight` (weighted
 * sampling: order by -ln(u)/w), with a rationale, a source and the recorded name.
 */
export async function seedThreatProfiles(
  client: pg.ClientBase,
  {
    orgId,
    techniques,
    atlasVersion,
    creatorIds,
    min = 5,
    max = 25,
  }: {
    orgId: string;
    techniques: { id: string; name: string; weight: number }[];
    atlasVersion: string;
    creatorIds: string[];
    min?: number;
    max?: number;
  },
): Promise<void> {
  await client.query(
    `WITH t AS (SELECT * FROM unnest($2::text[], $3::text[], $8::float8[]) AS t(id, name, w))
     INSERT INTO "ThreatProfileEntry" (id, "orgId", "systemId", "techniqueId", "techniqueName", "atlasVersion", rationale, source, "createdById", "createdAt")
     SELECT 'cbencht' || substr(md5(s.id || x.id), 1, 18), $1, s.id, x.id, x.name, $4,
            ${pick(RATIONALES, "random()")},
            (CASE WHEN random() < 0.55 THEN 'suggested' WHEN random() < 0.75 THEN 'manual' ELSE 'imported' END),
            ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int],
            s."createdAt" + random() * ((now() AT TIME ZONE 'UTC') - s."createdAt")
     FROM "AISystem" s
     CROSS JOIN LATERAL (SELECT t.id, t.name FROM t WHERE s.id IS NOT NULL ORDER BY -ln(1.0 - random()) / t.w LIMIT $6::int + floor(random() * ($7::int - $6::int + 1))::int) x
     WHERE s."orgId" = $1`,
    [orgId, techniques.map((t) => t.id), techniques.map((t) => t.name), atlasVersion, creatorIds, min, max, techniques.map((t) => t.weight)],
  );
}

/**
 * `count` risks spread over the organisation's systems (skewed: some systems carry many more than
 * others), each naming 1–3 techniques of its system's profile (12 % none), sometimes an OWASP id.
 * Consistent with the domain rules: ratings 1..5, residual set in pairs and never above inherent,
 * treatment "accept" exactly when status "accepted" with an approver, a date and a reason.
 */
export async function seedRisks(
  client: pg.ClientBase,
  { orgId, count, ownerIds, approverIds, owaspIds }: { orgId: string; count: number; ownerIds: string[]; approverIds: string[]; owaspIds: string[] },
): Promise<void> {
  await client.query(
    `WITH sys AS (SELECT array_agg(id ORDER BY id) AS ids, count(*)::int AS n FROM "AISystem" WHERE "orgId" = $1),
     g AS (
       SELECT i, sys.ids[1 + floor(power(random(), 1.6) * sys.n)::int] AS sid,
              random() r1, random() r2, random() r3, random() r4, random() r5, random() r6,
              1 + floor(random() * 5)::int AS il, 1 + floor(random() * 5)::int AS ii,
              (now() AT TIME ZONE 'UTC') - random() * interval '540 days' AS created
       FROM generate_series(1, $2::int) i, sys),
     h AS (
       SELECT g.*,
              (CASE WHEN r1 < 0.35 THEN 'open' WHEN r1 < 0.70 THEN 'in_treatment' WHEN r1 < 0.85 THEN 'closed' ELSE 'accepted' END) AS st,
              created + random() * ((now() AT TIME ZONE 'UTC') - created) AS updated
       FROM g),
     k AS (
       SELECT h.*,
              (st = 'accepted' OR st = 'closed' OR (st = 'in_treatment' AND r2 < 0.7) OR (st = 'open' AND r2 < 0.2)) AS assessed
       FROM h)
     INSERT INTO "Risk" (id, "orgId", "systemId", title, description, category, "techniqueIds", "owaspIds", "inherentLikelihood", "inherentImpact",
       treatment, "treatmentPlan", "residualLikelihood", "residualImpact", "ownerId", "dueDate", status, "acceptanceReason", "acceptedById", "acceptedAt",
       version, "createdAt", "updatedAt")
     SELECT 'cbenchr' || substr(md5($1 || i::text), 1, 18), $1, sid,
            ${pick(RISK_TITLES, "r3")},
            'Identified during the threat-modelling review of this system.',
            (CASE WHEN r4 < 0.45 THEN 'security' WHEN r4 < 0.60 THEN 'privacy' WHEN r4 < 0.70 THEN 'fairness' WHEN r4 < 0.78 THEN 'safety'
                  WHEN r4 < 0.85 THEN 'transparency' WHEN r4 < 0.92 THEN 'accountability' ELSE 'robustness' END)::"RiskCategory",
            CASE WHEN r5 < 0.12 THEN '{}'::text[] ELSE coalesce((
              SELECT array_agg(e."techniqueId") FROM (
                SELECT "techniqueId" FROM "ThreatProfileEntry" e WHERE e."systemId" = k.sid ORDER BY random() LIMIT 1 + floor(k.r6 * 3)::int) e), '{}'::text[]) END,
            CASE WHEN r6 < 0.25 THEN ARRAY[($5::text[])[1 + floor(random() * cardinality($5::text[]))::int]] ELSE '{}'::text[] END,
            il, ii,
            (CASE WHEN st = 'accepted' THEN 'accept' WHEN r2 < 0.8 THEN 'mitigate' WHEN r2 < 0.93 THEN 'transfer' ELSE 'avoid' END)::"RiskTreatment",
            ${pick(PLANS, "random()")},
            CASE WHEN assessed THEN 1 + floor(random() * il)::int END,
            CASE WHEN assessed THEN 1 + floor(random() * ii)::int END,
            CASE WHEN random() < 0.9 THEN ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int] END,
            CASE WHEN st IN ('open', 'in_treatment') AND random() < 0.7 THEN date_trunc('day', (now() AT TIME ZONE 'UTC') + (random() * 300 - 60) * interval '1 day') END,
            st::"RiskStatus",
            CASE WHEN st = 'accepted' THEN 'Residual risk within appetite; reviewed by the risk committee.' ELSE '' END,
            CASE WHEN st = 'accepted' THEN ($4::text[])[1 + floor(random() * cardinality($4::text[]))::int] END,
            CASE WHEN st = 'accepted' THEN updated END,
            1, created, updated
     FROM k`,
    [orgId, count, ownerIds, approverIds, owaspIds],
  );
}

/** Stored control statuses (most applicable controls have one; the rest default to not started). */
export async function seedSystemControls(
  client: pg.ClientBase,
  { orgId, rows, ownerIds }: { orgId: string; rows: { systemId: string; framework: string; controlId: string }[]; ownerIds: string[] },
): Promise<void> {
  for (let i = 0; i < rows.length; i += 20_000) {
    const chunk = rows.slice(i, i + 20_000);
    await client.query(
      `INSERT INTO "SystemControl" (id, "orgId", "systemId", framework, "controlId", status, justification, "ownerId", "reviewDate", version, "updatedAt")
       SELECT 'cbenchc' || substr(md5(c.sid || c.fw || c.cid), 1, 18), $1, c.sid, c.fw, c.cid, st::"ControlStatus",
              CASE WHEN st = 'not_applicable' THEN 'Not relevant for this deployment.' ELSE '' END,
              CASE WHEN random() < 0.7 THEN ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int] END,
              CASE WHEN random() < 0.4 THEN date_trunc('day', (now() AT TIME ZONE 'UTC') + random() * interval '365 days') END,
              1, (now() AT TIME ZONE 'UTC') - random() * interval '365 days'
       FROM (SELECT *, (CASE WHEN r < 0.35 THEN 'implemented' WHEN r < 0.70 THEN 'in_progress' WHEN r < 0.90 THEN 'not_started' ELSE 'not_applicable' END) AS st
             FROM (SELECT *, random() AS r FROM unnest($2::text[], $3::text[], $4::text[]) AS u(sid, fw, cid)) u) c`,
      [orgId, chunk.map((r) => r.systemId), chunk.map((r) => r.framework), chunk.map((r) => r.controlId), ownerIds],
    );
  }
}
