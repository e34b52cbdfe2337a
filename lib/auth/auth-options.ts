import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { AppError } from "@/lib/errors";
import { authenticateCredentials } from "./authenticate-credentials";
import { clientIp } from "./client-ip";
import { resolveOidcUser, type OidcClaims } from "./resolve-oidc-user";
import { safeCallbackUrl } from "./safe-callback-url";

type OidcProfile = OidcClaims & { sub: string };
// The id of a profile whose sign-in resolveOidcUser refused; the signIn callback turns it away.
const REFUSED = "refused:";

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
    // Issuer + subject, bound to the account at the first sign-in with a verified e-mail (resolve-oidc-user.ts).
    async profile(p) {
      const result = await resolveOidcUser({ claims: p, issuer: OIDC_ISSUER });
      return result.ok
        ? { id: result.user.id, email: result.user.email, name: result.user.name }
        : { id: `${REFUSED}${result.reason}`, email: null, name: null };
    },
  };
}

export function isOidcConfigured() {
  return oidcProvider() !== null;
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
    // SSO only signs in accounts resolveOidcUser mapped (bound identity, or verified e-mail of an existing account).
    signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      return Boolean(user.id) && !user.id.startsWith(REFUSED);
    },
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    // Only this app's own origin after sign-in or sign-out (lib/auth/safe-callback-url.ts).
    redirect({ url, baseUrl }) {
      return new URL(safeCallbackUrl(url, baseUrl), baseUrl).toString();
    },
    session({ session, token }) {
      if (session.user) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
