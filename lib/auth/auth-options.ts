import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authenticateCredentials } from "./authenticate-credentials";

type OidcProfile = { sub: string; email?: string; name?: string; preferred_username?: string };

/** Optional single sign-on, configured purely by env vars (README: "Single sign-on"). */
function oidcProvider(): OAuthConfig<OidcProfile> | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET } = process.env;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET) return null;
  return {
    id: "oidc",
    name: process.env.OIDC_DISPLAY_NAME || "Single sign-on",
    type: "oauth",
    wellKnown: `${OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    profile: (p) => ({ id: p.sub, email: p.email?.toLowerCase() ?? null, name: p.name ?? p.preferred_username ?? p.email ?? p.sub }),
  };
}

export function isOidcConfigured() {
  return oidcProvider() !== null;
}

function clientIp(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  return (typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined) || "unknown";
}

// JWT sessions (credentials cannot use database sessions). The token only carries the user id:
// memberships and roles are read from the database on every request (lib/auth/get-session-context.ts).
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        try {
          return await authenticateCredentials(credentials, clientIp(req?.headers));
        } catch (error) {
          // next-auth passes the message to the login page as ?error=
          if (error instanceof AppError && error.code === "RATE_LIMITED") throw new Error("RateLimited", { cause: error });
          throw error;
        }
      },
    }),
    ...(oidcProvider() ? [oidcProvider()!] : []),
  ],
  callbacks: {
    // SSO only signs in people an admin has added: the e-mail must belong to an existing account.
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      if (!user.email) return false;
      return Boolean(await db.user.findUnique({ where: { email: user.email.toLowerCase() }, select: { id: true } }));
    },
    async jwt({ token, user, account }) {
      if (user && account?.provider === "oidc" && user.email) {
        const local = await db.user.findUnique({ where: { email: user.email.toLowerCase() }, select: { id: true } });
        token.sub = local?.id;
      } else if (user) {
        token.sub = user.id;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
