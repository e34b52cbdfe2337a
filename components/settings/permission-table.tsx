import { PERMISSIONS, PERMISSION_LABELS, type Permission } from "@/lib/auth/permissions";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { Card } from "@/components/ui/card";

/** The permission table rendered from the same data the domain checks use. */
export function PermissionTable() {
  return (
    <Card as="section" aria-labelledby="perm-h">
      <h2 id="perm-h" className="text-base font-semibold">
        Roles and permissions
      </h2>
      <div className="mt-3 overflow-x-auto">
        <table className="min-w-full text-sm" data-testid="permission-table">
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="py-1 pr-4">Permission</th>
              {ROLES.map((r) => (
                <th key={r} className="px-2 text-center">
                  {ROLE_LABELS[r]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {(Object.keys(PERMISSIONS) as Permission[]).map((p) => {
              const row: Partial<Record<Role, string>> = PERMISSIONS[p];
              return (
                <tr key={p}>
                  <td className="py-1.5 pr-4">{PERMISSION_LABELS[p]}</td>
                  {ROLES.map((r) => (
                    <td key={r} className="px-2 text-center">
                      {row[r] === "any" ? "✓" : row[r] === "own" ? "own systems" : "—"}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
