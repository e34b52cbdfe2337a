import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Node-only packages stay outside the Turbopack server bundle (PGlite ships wasm + data files).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "bcryptjs"],
  poweredByHeader: false,
  experimental: {
    // The admin's ATLAS.yaml upload is a server action. The official release is ~0.5 MB today, above
    // Next's 1 MB default soon; the importer itself refuses files over ATLAS_MAX_BYTES (20 MB).
    serverActions: { bodySizeLimit: "21mb" },
    // proxy.ts matches the evidence upload route, and Next buffers a proxied body only up to this size
    // (10 MB by default, then it silently truncates). Evidence files may be 10 MB plus multipart overhead.
    proxyClientMaxBodySize: "11mb",
  },
};

export default nextConfig;
