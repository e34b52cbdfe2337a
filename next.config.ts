import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Node-only packages stay outside the Turbopack server bundle (PGlite ships wasm + data files).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "bcryptjs"],
  poweredByHeader: false,
};

export default nextConfig;
