/**
 * Creates an organisation API token from the command line, as the system actor (audited like one
 * created in Settings), and prints the secret once, on the last line:
 *
 *   npm run token:create -- --org <slug> --name <name> --scope read|write [--scope …]
 *
 * Only the token's hash is stored; the secret cannot be shown again. Exit code 0 on success, 1 on
 * any error. Uses DATABASE_URL (or .env), else the embedded database: stop the app server first in
 * that case (one process per data directory).
 */
import { parseArgs } from "node:util";
import { runCli, UsageError } from "@/scripts/support/cli";

const USAGE = `Usage: npm run token:create -- --org <slug> --name <name> --scope read|write [--scope read|write]
  --org     slug of the organisation the token acts for
  --name    a name to recognise the token by (e.g. "CI pipeline")
  --scope   read (read the inventory) or write (also change it); repeat for both`;

function args(): { slug: string; name: string; scopes: string[] } {
  let parsed;
  try {
    parsed = parseArgs({
      options: { org: { type: "string" }, name: { type: "string" }, scope: { type: "string", multiple: true }, help: { type: "boolean", short: "h" } },
      allowPositionals: false,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const slug = parsed.values.org?.trim();
  if (!slug) throw new UsageError("--org <slug> is required.");
  if (!parsed.values.name?.trim()) throw new UsageError("--name <name> is required.");
  const scopes = (parsed.values.scope ?? []).flatMap((s) => s.split(",")).map((s) => s.trim());
  if (scopes.length === 0) throw new UsageError("--scope read|write is required.");
  return { slug, name: parsed.values.name, scopes };
}

// Read .env like the app (the environment wins) before the database client is loaded.
try {
  process.loadEnvFile(".env");
} catch {
  // no .env: defaults apply
}
const { db } = await import("@/lib/db/client");
const { createApiToken } = await import("@/lib/tokens/create-api-token");

async function main(): Promise<void> {
  const { slug, name, scopes } = args();
  const org = await db.organization.findUnique({ where: { slug }, select: { id: true, slug: true } });
  if (!org) throw new UsageError(`No organisation with slug "${slug}".`);
  const ctx = { orgId: org.id, actor: { type: "system" as const, label: "token-create CLI" } };
  const { id, secret } = await createApiToken({ ctx, input: { name, scopes } });
  console.log(`Created API token ${id} "${name.trim()}" for ${org.slug} with scope ${scopes.join(", ")}. Copy the secret now: it is not shown again.`);
  console.log(secret);
}

await runCli(main, { usage: USAGE, failure: "the token was not created.", cleanup: () => db.$disconnect() });
