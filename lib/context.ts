import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/lib/auth/roles";

export type TokenScope = "read" | "write";

/** Who performs an action: a signed-in member, an organisation API token, or the system (seed, CLI). */
export type Actor =
  | { type: "user"; userId: string; role: Role; label: string }
  | { type: "token"; tokenId: string; scopes: TokenScope[]; label: string }
  | { type: "system"; label: string };

/** Passed to every domain verb: the organisation every query is scoped to, the actor, and an optional transaction. */
export type ServiceContext = {
  orgId: string;
  actor: Actor;
  tx?: Prisma.TransactionClient;
};

export function actorId(actor: Actor): string {
  if (actor.type === "user") return actor.userId;
  if (actor.type === "token") return actor.tokenId;
  return "system";
}
