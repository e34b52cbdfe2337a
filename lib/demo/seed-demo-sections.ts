import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { mapPrismaError } from "@/lib/db/map-prisma-error";
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import type { Actor, ServiceContext } from "@/lib/context";
import { getAtlasView } from "@/lib/atlas/get-atlas-view";
import { listThreatSuggestions } from "@/lib/threats/list-threat-suggestions";
import { addThreatProfileEntries } from "@/lib/threats/add-threat-profile-entries";
import { MAX_RATIONALE } from "@/lib/threats/schemas";
import { createRisk } from "@/lib/risks/create-risk";
import { updateRisk } from "@/lib/risks/update-risk";
import { acceptRisk } from "@/lib/risks/accept-risk";
import type { FrameworkId } from "@/lib/catalogs/frameworks";
import { listSystemControls } from "@/lib/controls/list-system-controls";
import { updateSystemControl } from "@/lib/controls/update-system-control";
import type { ControlRef } from "@/lib/controls/schemas";
import { createEvidence } from "@/lib/evidence/create-evidence";
import { linkEvidence } from "@/lib/evidence/link-evidence";
import { DEMO_MEMBERS } from "./demo-systems";
import { DEMO_RISKS, type DemoControlRefs, type DemoRisk } from "./demo-risks";
import { DEMO_CONTROLS, DEMO_GROUP_CONTROLS, type DemoControlStatus } from "./demo-controls";

// The demo organisation's threat profiles, risk registers, control statuses and evidence, added
// through the domain verbs (every row has its audit event). Data: demo-risks.ts, demo-controls.ts.

export type DemoSectionCounts = { threatEntries: number; risks: number; controlStatuses: number; evidence: number };

type Client = Prisma.TransactionClient;
type DemoSystemRow = { id: string; name: string; lifecycleStage: string };
type DemoOrg = {
  ctx: ServiceContext;
  tx: Client;
  /** Active (not archived) demo systems by name; renamed or archived ones are skipped. */
  systems: Map<string, DemoSystemRow>;
  /** The demo member of each role, while that account is still a member of the organisation. */
  members: Map<Role, { userId: string; role: Role }>;
};

/**
 * Fills each section once: a section is added when the demo organisation has none of its rows yet,
 * in its own transaction. An interrupted run resumes at the first empty section, and a demo
 * organisation created before a section existed gets it on the next run; a section someone has
 * started to edit is left alone. Returns what this run added.
 */
export async function seedDemoSections({ orgId, actor }: { orgId: string; actor: Actor }): Promise<DemoSectionCounts> {
  const threatEntries = await section(orgId, actor, (tx) => tx.threatProfileEntry.count({ where: { orgId } }), addThreatProfiles);
  const risks = await section(orgId, actor, (tx) => tx.risk.count({ where: { orgId } }), addRisks);
  const controls = await section(
    orgId,
    actor,
    async (tx) => (await tx.systemControl.count({ where: { orgId } })) + (await tx.evidence.count({ where: { orgId } })),
    addControls,
  );
  return { threatEntries: threatEntries ?? 0, risks: risks ?? 0, controlStatuses: controls?.statuses ?? 0, evidence: controls?.evidence ?? 0 };
}

/** Runs `fill` in its own transaction when `existing` counts no rows; null when the section was already there. */
async function section<T>(orgId: string, actor: Actor, existing: (tx: Client) => Promise<number>, fill: (org: DemoOrg) => Promise<T>): Promise<T | null> {
  try {
    return await db.$transaction(
      async (tx: Client) => {
        // Lock the organisation row first: a second seed running at the same time waits here and then
        // finds the section filled, instead of adding it twice (recordAudit takes the same lock).
        await tx.$queryRaw`SELECT id FROM "Organization" WHERE id = ${orgId} FOR NO KEY UPDATE`;
        if ((await existing(tx)) > 0) return null;
        return fill(await loadDemoOrg(tx, { orgId, actor, tx }));
      },
      // a few hundred audited writes; the default 5 s is too tight for the embedded database on slow disks
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    throw mapPrismaError(error);
  }
}

async function loadDemoOrg(tx: Client, ctx: ServiceContext): Promise<DemoOrg> {
  const [systems, memberships] = await Promise.all([
    tx.aISystem.findMany({ where: { orgId: ctx.orgId, isDemo: true, archivedAt: null }, select: { id: true, name: true, lifecycleStage: true } }),
    tx.membership.findMany({
      where: { orgId: ctx.orgId, user: { email: { in: DEMO_MEMBERS.map((m) => m.email) } } },
      select: { userId: true, role: true, user: { select: { email: true } } },
    }),
  ]);
  const members = new Map<Role, { userId: string; role: Role }>();
  for (const m of DEMO_MEMBERS) {
    const membership = memberships.find((x) => x.user.email === m.email);
    if (membership) members.set(m.role, { userId: membership.userId, role: membership.role });
  }
  return { ctx, tx, systems: new Map(systems.map((s) => [s.name, s])), members };
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

// ── Threat profiles ──────────────────────────────────────────────────────────────────────────

/** The suggested techniques (with the suggestion's reason), then the manual ones; returns the number of entries added. */
async function addThreatProfiles({ ctx, systems }: DemoOrg): Promise<number> {
  const known = new Set((await getAtlasView({ ctx })).techniques.map((t) => t.id));
  let added = 0;
  for (const [name, data] of Object.entries(DEMO_RISKS)) {
    const system = systems.get(name);
    if (!system) continue;
    const suggested = data.suggestedThreats ? (await listThreatSuggestions({ ctx, input: { systemId: system.id } })).filter((s) => !s.inProfile) : [];
    const suggestedIds = new Set(suggested.map((s) => s.techniqueId));
    const batches = [
      { source: "suggested" as const, entries: suggested.map((s) => ({ techniqueId: s.techniqueId, rationale: s.why.slice(0, MAX_RATIONALE) })) },
      // an imported ATLAS release may lack a technique; the suggestions already cover some
      { source: "manual" as const, entries: data.manualThreats.filter((t) => known.has(t.techniqueId) && !suggestedIds.has(t.techniqueId)) },
    ];
    for (const { source, entries } of batches) {
      if (entries.length === 0) continue;
      await addThreatProfileEntries({
        ctx,
        input: { systemId: system.id, source, entries: entries.map((e) => ({ techniqueId: e.techniqueId, rationale: e.rationale })) },
      });
      added += entries.length;
    }
  }
  return added;
}

// ── Risks ────────────────────────────────────────────────────────────────────────────────────

function controlRefs(refs: DemoControlRefs): { framework: FrameworkId; controlId: string }[] {
  return Object.entries(refs).flatMap(([framework, ids]) => ids.map((controlId) => ({ framework: framework as FrameworkId, controlId })));
}

/** Creates each risk as "open", then records its progress (updateRisk, acceptRisk); returns the number of risks. */
async function addRisks({ ctx, tx, systems, members }: DemoOrg): Promise<number> {
  let added = 0;
  for (const [name, data] of Object.entries(DEMO_RISKS)) {
    const system = systems.get(name);
    if (!system) continue;
    // a risk names only techniques of its system's threat profile (someone may have edited the profile)
    const profile = new Set(
      (await tx.threatProfileEntry.findMany({ where: { orgId: ctx.orgId, systemId: system.id }, select: { techniqueId: true } })).map((e) => e.techniqueId),
    );
    for (const risk of data.risks) {
      await addRisk(ctx, system.id, risk, profile, members);
      added++;
    }
  }
  return added;
}

async function addRisk(ctx: ServiceContext, systemId: string, risk: DemoRisk, profile: Set<string>, members: DemoOrg["members"]) {
  const { inherent, ownerRole, dueInDays, controls, progress, techniqueIds = [], owaspIds = [], ...fields } = risk;
  let current = await createRisk({
    ctx,
    input: {
      systemId,
      risk: {
        ...fields,
        techniqueIds: techniqueIds.filter((id) => profile.has(id)),
        owaspIds: [...owaspIds],
        inherentLikelihood: inherent[0],
        inherentImpact: inherent[1],
        ownerId: members.get(ownerRole)?.userId ?? null,
        dueDate: day(dueInDays),
        controls: controlRefs(controls),
      },
    },
  });
  if (!progress) return;
  const residual = { residualLikelihood: progress.residual[0], residualImpact: progress.residual[1] };
  if ("status" in progress) {
    await updateRisk({ ctx, input: { id: current.id, patch: { version: current.version, status: progress.status, ...residual } } });
    return;
  }
  current = await updateRisk({ ctx, input: { id: current.id, patch: { version: current.version, ...residual } } });
  const approver = members.get(progress.acceptedBy);
  // only while the demo account still holds a role that may approve; otherwise the risk stays open
  if (approver && can({ type: "user", userId: approver.userId, role: approver.role, label: "" }, "risk:approve")) {
    await acceptRisk({ ctx, input: { id: current.id, approverId: approver.userId, reason: progress.reason, version: current.version } });
  }
}

// ── Controls and evidence ────────────────────────────────────────────────────────────────────

const refKey = (ref: ControlRef) => `${ref.framework}:${ref.controlId}`;

/** Control statuses (group-wide ones first, a system's own win) and evidence, for applicable controls only. */
async function addControls({ ctx, systems, members }: DemoOrg): Promise<{ statuses: number; evidence: number }> {
  let statuses = 0;
  let evidence = 0;
  for (const system of systems.values()) {
    if (system.lifecycleStage === "idea") continue;
    const own = DEMO_CONTROLS[system.name];
    const wanted = new Map<string, DemoControlStatus>([...DEMO_GROUP_CONTROLS, ...(own?.controls ?? [])].map((c) => [refKey(c), c]));
    // the system's tier, role or classification may have been changed since it was seeded
    const { controls } = await listSystemControls({ ctx, input: { systemId: system.id } });
    const applicable = new Set(controls.map(refKey));
    for (const c of wanted.values()) {
      if (!applicable.has(refKey(c))) continue;
      await updateSystemControl({
        ctx,
        input: {
          systemId: system.id,
          framework: c.framework,
          controlId: c.controlId,
          status: c.status,
          justification: c.justification,
          ownerId: members.get(c.ownerRole)?.userId ?? null,
          reviewDate: day(c.reviewInDays),
        },
      });
      statuses++;
    }
    for (const item of own?.evidence ?? []) {
      const links = item.links.filter((l) => applicable.has(refKey(l))).map((l) => ({ framework: l.framework, controlId: l.controlId }));
      if (links.length === 0) continue;
      const created = await createEvidence({
        ctx,
        input:
          item.kind === "link"
            ? { systemId: system.id, kind: "link", title: item.title, url: item.url, links }
            : {
                systemId: system.id,
                kind: "file",
                title: item.title,
                file: { name: item.fileName, mimeType: item.mimeType, bytes: new TextEncoder().encode(item.content()) },
                links,
              },
      });
      evidence++;
      for (const also of item.alsoLinks ?? []) {
        if (applicable.has(refKey(also))) await linkEvidence({ ctx, input: { evidenceId: created.id, framework: also.framework, controlId: also.controlId } });
      }
    }
  }
  return { statuses, evidence };
}
