import type { Metadata } from "next";
import { requirePageSession } from "@/lib/web/page-session";
import { getSettingsPage } from "@/lib/members/get-settings-page";
import { PageHeader } from "@/components/ui/page-header";
import { MembersPanel } from "@/components/settings/members-panel";
import { InvitationsPanel } from "@/components/settings/invitations-panel";
import { TokensPanel } from "@/components/settings/tokens-panel";
import { PermissionTable } from "@/components/settings/permission-table";
import { changeRoleAction, createTokenAction, removeMemberAction, revokeTokenAction } from "./actions";
import { inviteMemberAction, revokeInvitationAction } from "./invitation-actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const session = await requirePageSession();
  const { ctx } = session;
  const { members, tokens, invitations, viewer } = await getSettingsPage({ ctx });
  const { canManageMembers } = viewer;
  return (
    <>
      <PageHeader title="Settings" description={`Organisation: ${session.active.orgName}`} />
      <div className="space-y-6">
        <MembersPanel
          members={members}
          currentUserId={session.user.id}
          canManage={canManageMembers}
          roleActions={Object.fromEntries(members.map((m) => [m.userId, changeRoleAction.bind(null, m.userId)]))}
          removeActions={Object.fromEntries(members.map((m) => [m.userId, removeMemberAction.bind(null, m.userId)]))}
        />
        {invitations && (
          <InvitationsPanel
            invitations={invitations}
            inviteAction={inviteMemberAction}
            revokeActions={Object.fromEntries(invitations.map((i) => [i.id, revokeInvitationAction.bind(null, i.id)]))}
          />
        )}
        {tokens && (
          <TokensPanel
            tokens={tokens}
            createAction={createTokenAction}
            revokeActions={Object.fromEntries(tokens.map((t) => [t.id, revokeTokenAction.bind(null, t.id)]))}
          />
        )}
        <PermissionTable />
      </div>
    </>
  );
}
