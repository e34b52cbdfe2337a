// GET/POST /api/auth/* – next-auth (credentials and optional OIDC sign-in)
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";

const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
