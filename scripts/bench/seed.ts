// Fixture data for scripts/bench-inventory.ts: extra members and N AI systems per organisation,
// inserted with one `INSERT ... SELECT generate_series` per table (plain pg, no audit events:
// this is throw-away benchmark data in a scratch database, not a product code path).
import type pg from "pg";

type Weighted = readonly (readonly [string, number])[];

// Rough shape of a mid-size enterprise inventory.
const TIERS: Weighted = [
  ["minimal", 40],
  ["limited", 22],
  ["high", 18],
  ["unclassified", 10],
  ["gpai", 5],
  ["gpai_systemic", 2],
  ["prohibited", 3],
];
const STAGES: Weighted = [
  ["idea", 8],
  ["design", 10],
  ["development", 17],
  ["validation", 12],
  ["production", 45],
  ["retired", 8],
];
const EU_ROLES: Weighted = [
  ["deployer", 60],
  ["provider", 30],
  ["importer", 3],
  ["distributor", 3],
  ["product_manufacturer", 3],
  ["authorised_representative", 1],
];
const AUTONOMY: Weighted = [
  ["assistive", 30],
  ["human_in_the_loop", 45],
  ["human_on_the_loop", 20],
  ["autonomous", 5],
];
const HOSTING: Weighted = [
  ["vendor_saas", 35],
  ["public_cloud", 30],
  ["private_cloud", 15],
  ["on_premises", 12],
  ["hybrid", 5],
  ["edge_device", 3],
];

export const BUSINESS_UNITS = [
  "Claims",
  "Underwriting",
  "Retail Banking",
  "Corporate Banking",
  "Wealth Management",
  "Human Resources",
  "Marketing",
  "Customer Service",
  "Finance",
  "Procurement",
  "Legal & Compliance",
  "IT Operations",
  "Supply Chain",
  "Product",
  "Risk Management",
];
const DOMAINS = [
  "Claims",
  "Fraud",
  "Credit",
  "Underwriting",
  "Recruiting",
  "Support",
  "Pricing",
  "Churn",
  "Demand",
  "Contract",
  "Invoice",
  "KYC",
  "AML",
  "Sales",
  "Maintenance",
  "Quality",
  "Payroll",
  "Onboarding",
  "Collections",
  "Document",
];
const KINDS = [
  "scoring model",
  "triage assistant",
  "chatbot",
  "classifier",
  "forecaster",
  "recommender",
  "summariser",
  "extraction pipeline",
  "anomaly detector",
  "copilot",
  "routing engine",
  "OCR service",
];
const REGIONS = ["EMEA", "NA", "APAC", "LATAM", "Global"];
const VENDORS = [
  "",
  "",
  "",
  "OpenAI",
  "Anthropic",
  "Microsoft",
  "Google Cloud",
  "AWS",
  "Salesforce",
  "SAP",
  "Workday",
  "UiPath",
  "ServiceNow",
  "H2O.ai",
  "DataRobot",
];
const MODEL_TYPES = [
  "gradient boosting",
  "logistic regression",
  "LLM",
  "transformer classifier",
  "random forest",
  "rules + ML",
  "CNN",
  "time-series ARIMA",
  "retrieval-augmented LLM",
];
const FOUNDATION_MODELS = ["", "", "", "GPT-4o", "Claude Sonnet", "Llama 3 70B", "Mistral Large", "Gemini 1.5 Pro"];
const PURPOSES = [
  "reduce manual review time",
  "prioritise incoming cases",
  "detect suspicious transactions",
  "answer customer questions",
  "forecast demand",
  "screen applications",
  "extract fields from documents",
  "flag quality defects",
];
const DATA_CATEGORY_SETS = [
  "{}",
  "{}",
  "{personal_data}",
  "{personal_data}",
  "{personal_data,special_category}",
  "{personal_data,children}",
  "{criminal_offence,personal_data}",
];
const BASES = ["", "Art 6(2), Annex III point 4(a)", "Art 6(2), Annex III point 5(b)", "Art 6(1), Annex I", "Art 50(1)", "Art 51"];
const FIRST = [
  "Ada",
  "Grace",
  "Alan",
  "Katherine",
  "Tim",
  "Barbara",
  "Linus",
  "Margaret",
  "Dennis",
  "Frances",
  "Edsger",
  "Radia",
  "Ken",
  "Hedy",
  "John",
  "Sophie",
  "Donald",
  "Shafi",
  "Leslie",
  "Anita",
];
const LAST = [
  "Lovelace",
  "Hopper",
  "Turing",
  "Johnson",
  "Berners-Lee",
  "Liskov",
  "Torvalds",
  "Hamilton",
  "Ritchie",
  "Allen",
  "Dijkstra",
  "Perlman",
  "Thompson",
  "Lamarr",
  "McCarthy",
  "Wilson",
  "Knuth",
  "Goldwasser",
  "Lamport",
  "Borg",
];

const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const arr = (xs: readonly string[]) => `ARRAY[${xs.map(lit).join(",")}]::text[]`;
/** `arr[1 + floor(r * len)]` – a uniform pick driven by the random column `r`. */
const pick = (xs: readonly string[], r: string) => `(${arr(xs)})[1 + floor(${r} * ${xs.length})::int]`;
/** A CASE over cumulative weights – a weighted pick driven by the random column `r`, cast to `type`. */
function weighted(ws: Weighted, r: string, type: string) {
  const total = ws.reduce((a, [, w]) => a + w, 0);
  let acc = 0;
  const arms = ws.slice(0, -1).map(([v, w]) => `WHEN ${r} < ${(acc += w) / total} THEN ${lit(v)}`);
  return `(CASE ${arms.join(" ")} ELSE ${lit(ws[ws.length - 1][0])} END)::"${type}"`;
}

/** Adds `count` members (mostly risk owners; no password: they never sign in) to the organisation; returns all member user ids. */
export async function seedMembers(client: pg.ClientBase, orgId: string, count: number): Promise<string[]> {
  await client.query(
    `WITH u AS (
       INSERT INTO "User" (id, email, name, "passwordHash")
       SELECT 'cbenchu' || substr(md5($1 || i::text), 1, 18), 'member' || i || '-' || substr(md5($1), 1, 8) || '@bench.test',
              ${pick(FIRST, "random()")} || ' ' || ${pick(LAST, "random()")}, NULL
       FROM generate_series(1, $2::int) i
       RETURNING id)
     INSERT INTO "Membership" (id, "orgId", "userId", role)
     SELECT 'cbenchm' || substr(md5(u.id), 1, 18), $1, u.id,
            (CASE WHEN random() < 0.8 THEN 'risk_owner' WHEN random() < 0.5 THEN 'executive' ELSE 'auditor' END)::"Role"
     FROM u`,
    [orgId, count],
  );
  const { rows } = await client.query<{ userId: string }>(`SELECT "userId" FROM "Membership" WHERE "orgId" = $1`, [orgId]);
  return rows.map((r) => r.userId);
}

/** Inserts `count` AI systems for the organisation in one statement (version 1, valid enums and arrays). */
export async function seedSystems(client: pg.ClientBase, orgId: string, ownerIds: string[], count: number): Promise<void> {
  await client.query(
    `WITH g AS (
       SELECT i, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8,
              now() AT TIME ZONE 'UTC' - random() * interval '730 days' AS created
       FROM generate_series(1, $3::int) i),
     s AS (
       SELECT g.*, ${weighted(TIERS, "r1", "RiskTier")} AS tier, ${weighted(STAGES, "r2", "LifecycleStage")} AS stage,
              created + random() * ((now() AT TIME ZONE 'UTC') - created) AS updated
       FROM g)
     INSERT INTO "AISystem" (id, "orgId", name, description, purpose, "businessUnit", "ownerId", "lifecycleStage", "deploymentContext",
       "euAiActRole", "riskTier", "riskTierBasis", "riskTierRationale", "modelType", "foundationModel", vendor, hosting, "dataCategories",
       "affectedPersons", "humanOversight", "autonomyLevel", "isDemo", "archivedAt", version, "createdAt", "updatedAt")
     SELECT 'cbench' || substr(md5($1 || i::text), 1, 19), $1,
            ${pick(DOMAINS, "r3")} || ' ' || ${pick(KINDS, "r4")} || ' (' || ${pick(REGIONS, "r5")} || ')',
            'Uses ' || ${pick(MODEL_TYPES, "random()")} || ' to ' || ${pick(PURPOSES, "random()")} || ' for the ' || ${pick(BUSINESS_UNITS, "r6")} || ' team.',
            initcap(${pick(PURPOSES, "random()")}),
            ${pick(BUSINESS_UNITS, "r6")},
            CASE WHEN r7 < 0.1 THEN NULL ELSE ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int] END,
            stage,
            ${pick(REGIONS, "r5")} || ' operations',
            ${weighted(EU_ROLES, "random()", "EuAiActRole")},
            tier,
            CASE WHEN tier IN ('high', 'gpai', 'gpai_systemic', 'limited') THEN ${pick(BASES, "random()")} ELSE '' END,
            CASE WHEN tier = 'unclassified' THEN '' ELSE 'Assessed by the compliance office.' END,
            ${pick(MODEL_TYPES, "random()")},
            ${pick(FOUNDATION_MODELS, "random()")},
            ${pick(VENDORS, "random()")},
            CASE WHEN random() < 0.1 THEN NULL ELSE ${weighted(HOSTING, "random()", "Hosting")} END,
            (${arr(DATA_CATEGORY_SETS)})[1 + floor(random() * ${DATA_CATEGORY_SETS.length})::int]::text[],
            ${pick(["Customers", "Employees", "Applicants", "Suppliers", "Patients"], "random()")},
            'Reviewed weekly by the model owner.',
            ${weighted(AUTONOMY, "random()", "AutonomyLevel")},
            false,
            CASE WHEN (stage = 'retired' AND r8 < 0.6) OR r8 < 0.03 THEN updated ELSE NULL END,
            1, created, updated
     FROM s`,
    [orgId, ownerIds, count],
  );
}
