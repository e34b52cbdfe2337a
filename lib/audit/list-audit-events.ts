import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import type { Changes } from "./diff-changes";
import { listAuditEventsSchema } from "./schemas";

export type AuditEventRow = {
  id: string;
  seq: number;
  action: string;
  entityType: string;
  entityId: string;
  subjectId: string | null;
  actorType: string;
  actorLabel: string;
  createdAt: string;
  changes: Changes;
  hash: string;
  prevHash: string | null;
};

export async function listAuditEvents({ ctx, input }: { ctx: ServiceContext; input: unknown }) {
  assertCan(ctx, "audit:read");
  const f = listAuditEventsSchema.parse(input ?? {});
  const where: Prisma.AuditEventWhereInput = {
    orgId: ctx.orgId,
    ...(f.action && { action: f.action }),
    ...(f.entityType && { entityType: f.entityType }),
    ...(f.actor && { actorLabel: { contains: f.actor, mode: "insensitive" } }),
    ...((f.from || f.to) && {
      createdAt: {
        ...(f.from && { gte: new Date(`${f.from}T00:00:00Z`) }),
        ...(f.to && { lt: new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000) }),
      },
    }),
  };
  const client = ctx.tx ?? db;
  const [rows, total] = await Promise.all([
    client.auditEvent.findMany({
      where,
      orderBy: { seq: "desc" },
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
      select: {
        id: true,
        seq: true,
        action: true,
        entityType: true,
        entityId: true,
        subjectId: true,
        actorType: true,
        actorLabel: true,
        createdAt: true,
        changes: true,
        hash: true,
        prevHash: true,
      },
    }),
    client.auditEvent.count({ where }),
  ]);
  const items: AuditEventRow[] = rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), changes: r.changes as Changes }));
  return { items, total, page: f.page, pageSize: f.pageSize, filters: f };
}
