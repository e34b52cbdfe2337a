import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionContext } from "@/lib/auth/get-session-context";

// requireActionCtx / requirePageSession without next-auth: the session is whatever the test says.
const getSessionContext = vi.fn<() => Promise<SessionContext | null>>();
vi.mock("@/lib/auth/get-session-context", () => ({ getSessionContext: () => getSessionContext() }));
const redirect = vi.fn((url: string) => {
  throw new Error(`NEXT_REDIRECT ${url}`);
});
vi.mock("next/navigation", () => ({ redirect: (url: string) => redirect(url) }));

const { requireActionCtx, requireActionSession, SESSION_ENDED_MESSAGE } = await import("./action-session");
const { requirePageSession } = await import("./page-session");
const { toActionState } = await import("./action-state");

const membership = { orgId: "org", orgName: "Org", role: "admin" as const, isDemo: false };
const session: SessionContext = {
  user: { id: "u", email: "u@example.com", name: "U" },
  memberships: [membership],
  active: membership,
  ctx: { orgId: "org", actor: { type: "user", userId: "u", role: "admin", label: "U" } },
};

beforeEach(() => {
  getSessionContext.mockReset();
  redirect.mockClear();
});

describe("server actions: requireActionCtx", () => {
  it("returns the member's context", async () => {
    getSessionContext.mockResolvedValue(session);
    expect(await requireActionCtx()).toBe(session.ctx);
    expect(await requireActionSession()).toBe(session);
  });

  it("throws UNAUTHENTICATED without a session, which a form shows as a message (no redirect, values kept)", async () => {
    getSessionContext.mockResolvedValue(null);
    const error = await requireActionCtx().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "UNAUTHENTICATED", message: SESSION_ENDED_MESSAGE });
    expect(toActionState(error, { name: "typed" })).toEqual({ status: "error", message: SESSION_ENDED_MESSAGE, fieldErrors: {}, values: { name: "typed" } });
    expect(redirect).not.toHaveBeenCalled();
  });
});

describe("pages: requirePageSession", () => {
  it("returns the session, or redirects to /login without one", async () => {
    getSessionContext.mockResolvedValue(session);
    expect(await requirePageSession()).toBe(session);
    getSessionContext.mockResolvedValue(null);
    await expect(requirePageSession()).rejects.toThrow("NEXT_REDIRECT /login");
    expect(redirect).toHaveBeenCalledWith("/login");
  });
});
