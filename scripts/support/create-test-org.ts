import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { createOrganization } from "@/lib/orgs/create-organization";
import { ROLES, type Role } from "@/lib/auth/roles";
import type { ServiceContext } from "@/lib/context";

export type TestOrg = {
  orgId: string;
  users: Record<Role, { id: string; email: string }>;
  /** A context acting as the member with that role. */
  as: (role: Role) => ServiceContext;
  system: ServiceContext;
};

// Pre-computed bcrypt hash (cost 4) of "test-password": keeps factories fast, still a real hash.
export const TEST_PASSWORD = "test-password";
const TEST_HASH = "$2b$04$./LgKiKcVd6WEXkaV/feXej.CjqxAyn7uSaV/99JGjsfcDb40XCIu";

/** A fresh organisation with one member per role; unique e-mails so test files can run in parallel. */
export async function createTestOrg(label = "org"): Promise<TestOrg> {
  const tag = `${label}-${randomBytes(4).toString("hex")}`;
  const { orgId, adminUserId } = await createOrganization({
    input: { name: `Test ${tag}`, slug: tag, admin: { email: `admin-${tag}@example.test`, name: `Admin ${tag}`, password: TEST_PASSWORD } },
  });
  const users = { admin: { id: adminUserId, email: `admin-${tag}@example.test` } } as TestOrg["users"];
  for (const role of ROLES.filter((r) => r !== "admin")) {
    const email = `${role}-${tag}@example.test`;
    const user = await db.user.create({ data: { email, name: `${role} ${tag}`, passwordHash: TEST_HASH }, select: { id: true } });
    await db.membership.create({ data: { orgId, userId: user.id, role } });
    users[role] = { id: user.id, email };
  }
  const as = (role: Role): ServiceContext => ({ orgId, actor: { type: "user", userId: users[role].id, role, label: `${role} ${tag}` } });
  return { orgId, users, as, system: { orgId, actor: { type: "system", label: "test" } } };
}
