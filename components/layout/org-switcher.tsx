import type { SessionMembership } from "@/lib/auth/get-session-context";
import { AutoSubmitSelect } from "@/components/ui/auto-submit-select";

export function OrgSwitcher({
  memberships,
  activeOrgId,
  switchAction,
}: {
  memberships: SessionMembership[];
  activeOrgId: string;
  switchAction: (formData: FormData) => Promise<void>;
}) {
  if (memberships.length < 2) {
    return (
      <p className="px-3 text-xs text-slate-400" data-testid="active-org">
        {memberships[0]?.orgName}
      </p>
    );
  }
  return (
    <form action={switchAction} className="px-3">
      <label htmlFor="org-switch" className="block text-xs text-slate-400">
        Organisation
      </label>
      <AutoSubmitSelect id="org-switch" name="orgId" defaultValue={activeOrgId} className="mt-1 w-full rounded bg-slate-800 px-2 py-1 text-sm text-white">
        {memberships.map((m) => (
          <option key={m.orgId} value={m.orgId}>
            {m.orgName}
          </option>
        ))}
      </AutoSubmitSelect>
      <noscript>
        <button type="submit" className="mt-1 text-xs underline">
          Switch
        </button>
      </noscript>
    </form>
  );
}
