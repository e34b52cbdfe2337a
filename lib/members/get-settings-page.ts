import { assertCan, can } from "@/lib/auth/permissions";
import type { ServiceContext } from "@/lib/context";
import { listApiTokens, type ApiTokenRow } from "@/lib/tokens/list-api-tokens";
import { listInvitations, type InvitationRow } from "@/lib/invitations/list-invitations";
import { listMembers, type MemberRow } from "./list-members";

export type SettingsPage = {
  members: MemberRow[];
  /** The organisation's API tokens, or null when the viewer may not manage them. */
  tokens: ApiTokenRow[] | null;
  /** Pending and expired invitations, or null when the viewer may not manage members. */
  invitations: InvitationRow[] | null;
  /** What the viewer may do here (member:manage: roles, removal, invitations; token:manage: tokens). */
  viewer: { canManageMembers: boolean; canManageTokens: boolean };
};

/** What the organisation's settings page shows: members, and invitations and tokens for those who manage them. */
export async function getSettingsPage({ ctx }: { ctx: ServiceContext }): Promise<SettingsPage> {
  assertCan(ctx, "member:read");
  const viewer = { canManageMembers: can(ctx.actor, "member:manage"), canManageTokens: can(ctx.actor, "token:manage") };
  const [members, tokens, invitations] = await Promise.all([
    listMembers({ ctx }),
    viewer.canManageTokens ? listApiTokens({ ctx }) : Promise.resolve(null),
    viewer.canManageMembers ? listInvitations({ ctx }) : Promise.resolve(null),
  ]);
  return { members, tokens, invitations, viewer };
}
