import { getServerSession } from "next-auth";
import { db } from "@/lib/db/client";
import { authOptions } from "./auth-options";

/**
 * The signed-in account, whether or not it belongs to any organisation (getSessionContext needs a
 * membership). For the invitation page: an account with no organisation left can still accept one.
 */
export async function getSignedInUser(): Promise<{ id: string; email: string; name: string } | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
}
