/**
 * Imports an official MITRE ATLAS release file into one organisation's catalog, as the system actor:
 *
 *   npm run atlas:import -- <ATLAS.yaml> --org <slug>
 *
 * Prints what happened (imported / unchanged, and whether an older version became current), the
 * differences against the catalog the organisation saw before, and what its catalog now holds.
 * A refused file prints every issue with the path of the offending key. Exit code 0 on success
 * (also when the file was already imported), 1 on any error. Uses DATABASE_URL (or .env), else the
 * embedded database: stop the app server first in that case (one process per data directory).
 */
import { stat, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { runCli, UsageError } from "@/scripts/support/cli";
import { ATLAS_MAX_BYTES, type AtlasImportResult, type AtlasView } from "@/lib/atlas/schemas";

const USAGE = `Usage: npm run atlas:import -- <file> --org <slug>
  <file>   the release file, e.g. ATLAS.yaml from https://github.com/mitre-atlas/atlas-data (dist/)
  --org    slug of the organisation to import into`;

function args(): { file: string; slug: string } {
  let parsed;
  try {
    parsed = parseArgs({ options: { org: { type: "string" }, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (parsed.positionals.length === 0) throw new UsageError("Name the release file to import.");
  if (parsed.positionals.length > 1) throw new UsageError(`Expected one file, got ${parsed.positionals.length}: ${parsed.positionals.join(" ")}`);
  const slug = parsed.values.org?.trim();
  if (!slug) throw new UsageError("--org <slug> is required.");
  return { file: parsed.positionals[0], slug };
}

// Read .env like the app (the environment wins) before the database client is loaded.
try {
  process.loadEnvFile(".env");
} catch {
  // no .env: defaults apply
}
const { db } = await import("@/lib/db/client");
const { importAtlasRelease } = await import("@/lib/atlas/import-atlas-release");
const { getAtlasView } = await import("@/lib/atlas/get-atlas-view");

async function main(): Promise<void> {
  const { file, slug } = args();
  const full = path.resolve(file);
  const info = await stat(full).catch(() => null);
  if (!info) throw new UsageError(`File not found: ${full}`);
  if (!info.isFile()) throw new UsageError(`Not a file: ${full}`);
  if (info.size > ATLAS_MAX_BYTES)
    throw new UsageError(`${full} is ${(info.size / 1024 / 1024).toFixed(1)} MB; the limit is ${ATLAS_MAX_BYTES / 1024 / 1024} MB.`);
  const org = await db.organization.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!org) throw new UsageError(`No organisation with slug "${slug}".`);

  const ctx = { orgId: org.id, actor: { type: "system" as const, label: "atlas-import CLI" } };
  const started = performance.now();
  const result = await importAtlasRelease({ ctx, input: { yaml: await readFile(full, "utf8") } });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const view = await getAtlasView({ ctx });

  console.log(`${result.message}`);
  console.log(`Release ${result.release.id}, sha256 ${result.release.sha256}${result.status === "imported" ? `, imported in ${seconds} s` : ""}.`);
  for (const w of result.warnings) console.log(`Warning: ${w.path}: ${w.message}`);
  if (result.status === "imported") printChanges(result, view);
  const subs = view.techniques.filter((t) => t.parentId !== null).length;
  console.log(
    `Catalog of ${org.slug} now: MITRE ATLAS ${view.source.version} (${view.source.kind}): ${view.tactics.length} tactics, ${view.techniques.length - subs} techniques, ` +
      `${subs} sub-techniques, ${view.mitigations.length} mitigations, ${view.caseStudies.length} case studies.`,
  );
}

function printChanges(result: AtlasImportResult, view: AtlasView): void {
  const { baseline, added, removed, renamed, moved } = result.release.changes;
  const against = baseline.kind === "builtin" ? `the built-in catalog ${baseline.version}` : `the previously current release ${baseline.version}`;
  if (added.length + removed.length + renamed.length + moved.length === 0) {
    console.log(`Changes against ${against}: none (ids, names, tactics and parents are the same).`);
    return;
  }
  console.log(`Changes against ${against}: ${added.length} added, ${removed.length} removed, ${renamed.length} renamed, ${moved.length} moved.`);
  const tacticName = new Map(view.tactics.map((t) => [t.id, t.name]));
  const tactics = (ids: string[]) => ids.map((id) => tacticName.get(id) ?? id).join(", ") || "none";
  const kind = (k: string) => k.padEnd(12);
  for (const o of added) console.log(`  added    ${kind(o.kind)} ${o.id}  ${o.name}`);
  for (const o of removed) console.log(`  removed  ${kind(o.kind)} ${o.id}  ${o.name}`);
  for (const o of renamed) console.log(`  renamed  ${kind(o.kind)} ${o.id}  "${o.from}" → "${o.to}"`);
  for (const o of moved) {
    const parts = [];
    if (o.fromParent !== o.toParent) parts.push(`parent ${o.fromParent ?? "none"} → ${o.toParent ?? "none"}`);
    if (o.fromTactics.join() !== o.toTactics.join()) parts.push(`tactics ${tactics(o.fromTactics)} → ${tactics(o.toTactics)}`);
    console.log(`  moved    ${kind(o.kind)} ${o.id}  ${o.name}: ${parts.join("; ")}`);
  }
}

await runCli(main, { usage: USAGE, failure: "the import failed.", cleanup: () => db.$disconnect() });
