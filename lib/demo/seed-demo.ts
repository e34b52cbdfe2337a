import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { mapPrismaError } from "@/lib/db/map-prisma-error";
import { createOrganization } from "@/lib/orgs/create-organization";
import { addMember } from "@/lib/members/add-member";
import { createDemoSystem } from "@/lib/systems/create-demo-system";
import { createComponent } from "@/lib/components/create-component";
import { generatePassword } from "@/lib/auth/generate-password";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import type { ServiceContext } from "@/lib/context";
import { DEMO_MEMBERS, DEMO_ORG, DEMO_SYSTEMS } from "./demo-systems";
import { resetDemoPasswords, type DemoLogin } from "./reset-demo-passwords";
import { seedDemoSections, type DemoSectionCounts } from "./seed-demo-sections";
import { seedDemoFindings } from "./seed-demo-findings";

export type { DemoLogin };

/** What one run of the seed added (`findingImports`: scanner reports imported from the reference data). */
export type DemoSeedAdded = { organisation: boolean; systems: number } & DemoSectionCounts & { findingImports: number };

const ACTOR = { type: "system", label: "demo seed" } as const;

/**
 * Creates the demo organisation (slug "demo") with one member per role and the demo AI systems,
 * then their threat profiles, risks, control statuses and evidence (seed-demo-sections.ts), all
 * through the domain verbs so every row has its audit event, and real scanner reports from the
 * reference data on some systems (seed-demo-findings.ts; `notes` says when they were skipped). Idempotent: when the organisation
 * already exists nothing is created again and the demo accounts get fresh random passwords instead,
 * so the returned logins always work. Each part is added once, when the organisation has none of
 * it yet, so a run resumes an interrupted one and brings an older demo organisation up to date.
 * `created` is true when this run added anything; `added` says what.
 */
export async function seedDemo(): Promise<{ created: boolean; added: DemoSeedAdded; orgId: string; logins: DemoLogin[]; notes: string[] }> {
  const existing = await db.organization.findUnique({ where: { slug: DEMO_ORG.slug }, select: { id: true, isDemo: true } });
  if (existing && !existing.isDemo) {
    throw new Error(`An organisation with the slug "${DEMO_ORG.slug}" exists and is not demo data; the demo seed will not touch it.`);
  }

  // e-mail → password for the accounts whose password this run has just set
  const known = new Map<string, string>();
  let orgId = existing?.id;
  if (!orgId) {
    const admin = DEMO_MEMBERS.find((m) => m.role === "admin")!;
    const password = generatePassword();
    // createOrganization links an existing account without touching its password
    const accountExisted = Boolean(await db.user.findUnique({ where: { email: admin.email }, select: { id: true } }));
    ({ orgId } = await createOrganization({ input: { name: DEMO_ORG.name, slug: DEMO_ORG.slug, isDemo: true, admin: { ...admin, password } } }));
    if (!accountExisted) known.set(admin.email, password);
  }

  // Members, systems and components go in one transaction, so the organisation either has all of
  // them or none; "no systems yet" therefore also resumes a run that stopped after the step above.
  const populating = (await db.aISystem.count({ where: { orgId } })) === 0;
  if (populating) {
    for (const [email, password] of await populate(orgId)) known.set(email, password);
  }
  const sections = await seedDemoSections({ orgId, actor: ACTOR });
  // importFindings reports a file already imported on the system as a duplicate and stores nothing
  const findings = await seedDemoFindings({ orgId, actor: ACTOR });
  const added: DemoSeedAdded = { organisation: !existing, systems: populating ? DEMO_SYSTEMS.length : 0, ...sections, findingImports: findings.imported };

  const toReset = DEMO_MEMBERS.filter((m) => !known.has(m.email)).map((m) => m.email);
  const reset = toReset.length > 0 ? await resetDemoPasswords({ orgId, emails: toReset }) : [];
  const logins: DemoLogin[] = [];
  for (const m of DEMO_MEMBERS) {
    const password = known.get(m.email);
    if (password) logins.push({ role: m.role, email: m.email, password });
    else logins.push(...reset.filter((r) => r.email === m.email));
  }
  return { created: Object.values(added).some(Boolean), added, orgId, logins, notes: findings.notes };
}

/** Adds the demo members and creates the systems with their components; returns the new accounts' passwords. */
async function populate(orgId: string): Promise<Map<string, string>> {
  const passwords = new Map<string, string>();
  try {
    await db.$transaction(
      async (tx: Prisma.TransactionClient) => {
        const ctx: ServiceContext = { orgId, actor: ACTOR, tx };
        const memberships = await tx.membership.findMany({ where: { orgId }, select: { role: true, userId: true, user: { select: { email: true } } } });
        const userIdByRole = new Map<Role, string>();
        for (const m of DEMO_MEMBERS) {
          const current = memberships.find((x) => x.user.email === m.email);
          if (current) {
            userIdByRole.set(m.role, current.userId);
            continue;
          }
          const { userId, initialPassword } = await addMember({ ctx, input: { email: m.email, name: m.name, role: m.role } });
          userIdByRole.set(m.role, userId);
          if (initialPassword) passwords.set(m.email, initialPassword);
        }
        for (const { ownerRole, components, ...system } of DEMO_SYSTEMS) {
          const ownerId = ownerRole ? (userIdByRole.get(ownerRole) ?? null) : null;
          const created = await createDemoSystem({ ctx, input: { ...system, ownerId } });
          for (const component of components) {
            await createComponent({ ctx, input: { systemId: created.id, component } });
          }
        }
      },
      // bcrypt for four accounts plus ~50 audited inserts; the default 5 s is too tight on slow disks
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    throw mapPrismaError(error);
  }
  return passwords;
}

/** One line for the seed's output: what this run added, or that the demo data was already complete; then the seed's notes, one a line. */
export function formatDemoSeedSummary(added: DemoSeedAdded, notes: readonly string[] = []): string {
  const parts = [
    added.systems > 0 && `${added.systems} AI systems`,
    added.threatEntries > 0 && `${added.threatEntries} threat-profile entries`,
    added.risks > 0 && `${added.risks} risks`,
    added.controlStatuses > 0 && `${added.controlStatuses} control statuses`,
    added.evidence > 0 && `${added.evidence} pieces of evidence`,
    added.findingImports > 0 && `${added.findingImports} scanner reports`,
  ].filter((p): p is string => Boolean(p));
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  const summary =
    parts.length === 0
      ? "The demo organisation already exists: nothing was added; the demo accounts got new passwords."
      : `${added.organisation ? "Created the demo organisation with its members" : "Added to the demo organisation"}: ${list}.`;
  return [summary, ...notes].join("\n");
}

/** The logins as a bordered table, for the seed and `npm run demo`. */
export function formatDemoLogins(logins: DemoLogin[], loginUrl: string): string {
  const rows = [["Role", "E-mail", "Password"], ...logins.map((l) => [ROLE_LABELS[l.role as Role] ?? l.role, l.email, l.password])];
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (l: string, m: string, r: string) => l + widths.map((w) => "─".repeat(w + 2)).join(m) + r;
  const row = (cells: string[]) => "│" + cells.map((c, i) => ` ${c.padEnd(widths[i])} `).join("│") + "│";
  return [
    `Demo logins – ${DEMO_ORG.name}`,
    line("┌", "┬", "┐"),
    row(rows[0]),
    line("├", "┼", "┤"),
    ...rows.slice(1).map(row),
    line("└", "┴", "┘"),
    ...(logins.length < DEMO_MEMBERS.length
      ? ["Some demo accounts have no login here: they were removed from the demo organisation, or also belong to a non-demo organisation."]
      : []),
    `Sign in at ${loginUrl}`,
    "Everything in this organisation is marked as demo data. Passwords change every time the seed runs.",
  ].join("\n");
}
