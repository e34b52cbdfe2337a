import { getSessionContext, type SessionContext } from "@/lib/auth/get-session-context";
import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";

// Server actions (app/**/actions.ts): the one way to get the signed-in member. Pages use
// requirePageSession() (lib/web/page-session.ts); REST uses withApiHandler (lib/web/http).

export const SESSION_ENDED_MESSAGE = "Your session has ended. Sign in again.";

/**
 * The signed-in member's session for a server action, or AppError UNAUTHENTICATED when the session
 * has ended, which `toActionState` shows as a form message (a form never loses what was typed).
 */
export async function requireActionSession(): Promise<SessionContext> {
  const session = await getSessionContext();
  if (!session) throw new AppError("UNAUTHENTICATED", SESSION_ENDED_MESSAGE);
  return session;
}

/** The ServiceContext of the signed-in member for a server action; throws AppError UNAUTHENTICATED without a session. */
export async function requireActionCtx(): Promise<ServiceContext> {
  return (await requireActionSession()).ctx;
}
