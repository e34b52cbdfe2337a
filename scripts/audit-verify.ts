/**
 * Verifies the audit hash chain of every organisation, or of one:
 *
 *   npx tsx scripts/audit-verify.ts [--org <slug>]      (npm run audit:verify -- --org <slug>)
 *
 * Prints one line per organisation:
 *   OK  <slug>  <n> events
 *   BROKEN <slug> at event #<seq> (<eventId>): <reason>
 * Exit code: 0 all chains intact, 1 at least one chain broken, 2 usage error or failure.
 * Uses DATABASE_URL, or the embedded database when it is not set (lib/db/client.ts).
 */
import { db } from "@/lib/db/client";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import type { ServiceContext } from "@/lib/context";

const USAGE = "Usage: npx tsx scripts/audit-verify.ts [--org <slug>]";

class UsageError extends Error {}

function parseArgs(argv: string[]): { slug?: string } {
  let slug: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--org") {
      slug = argv[++i];
      if (!slug || slug.startsWith("--")) throw new UsageError("--org needs an organisation slug.");
    } else if (arg.startsWith("--org=")) {
      slug = arg.slice("--org=".length);
      if (!slug) throw new UsageError("--org needs an organisation slug.");
    } else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else {
      throw new UsageError(`Unknown argument: ${arg}`);
    }
  }
  return { slug };
}

async function main(): Promise<number> {
  const { slug } = parseArgs(process.argv.slice(2));
  const orgs = await db.organization.findMany({ where: slug ? { slug } : {}, select: { id: true, slug: true }, orderBy: { slug: "asc" } });
  if (slug && orgs.length === 0) throw new UsageError(`No organisation with slug "${slug}".`);
  if (orgs.length === 0) console.log("No organisations.");

  let broken = 0;
  for (const org of orgs) {
    const ctx: ServiceContext = { orgId: org.id, actor: { type: "system", label: "audit-verify CLI" } };
    const report = await verifyAuditChain({ ctx });
    if (report.ok) {
      console.log(`OK  ${org.slug}  ${report.checked} events`);
    } else {
      broken += 1;
      const at = report.firstBreak!;
      console.log(`BROKEN ${org.slug} at event #${at.seq} (${at.eventId ?? "no stored event"}): ${at.reason}`);
    }
  }
  return broken > 0 ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof UsageError) console.error(`${error.message}\n${USAGE}`);
  else console.error("audit-verify failed:", error);
  process.exitCode = 2;
} finally {
  await db.$disconnect();
}
