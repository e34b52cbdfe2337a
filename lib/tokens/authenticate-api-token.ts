import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ServiceContext, TokenScope } from "@/lib/context";
import { hashToken, TOKEN_PREFIX } from "./hash-token";

// lastUsedAt is informational; writing it at most once a minute keeps reads from becoming writes.
const LAST_USED_GRANULARITY_MS = 60_000;

/** Resolves `Authorization: Bearer <token>` to a context for the token's organisation, or throws UNAUTHENTICATED. */
export async function authenticateApiToken(authorization: string | null): Promise<ServiceContext> {
  const secret = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!secret || !secret.startsWith(TOKEN_PREFIX)) throw new AppError("UNAUTHENTICATED", "Send an API token as 'Authorization: Bearer <token>'.");
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    select: { id: true, orgId: true, name: true, scopes: true, revokedAt: true, lastUsedAt: true },
  });
  if (!token || token.revokedAt) throw new AppError("UNAUTHENTICATED", "The API token is not valid or has been revoked.");
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    // @no-audit: the last-used time is bookkeeping shown beside the token, not a change someone made
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() }, select: { id: true } });
  }
  return { orgId: token.orgId, actor: { type: "token", tokenId: token.id, scopes: token.scopes as TokenScope[], label: `API token "${token.name}"` } };
}
